package rules

import "github.com/shopspring/decimal"

// The table analysis works on boxes: a box is one set of values per name (a product of
// sets), a region a union of boxes. A row's condition becomes two regions: under, the values
// for which it surely holds, and over, those for which it may hold. They are equal when the
// analysis understood the whole condition; a part it cannot read (a function of an input,
// two inputs compared) makes under smaller and over larger, so every conclusion stays true.

// akind is how the analysis holds a name's values.
type akind uint8

const (
	aNum   akind = iota // decimals: ivset
	aWhole              // whole numbers (int inputs, dates as days): ivset of [a, b)
	aText               // texts and truth values: tset
)

// aset is one name's set of values: iv for numbers, ts for texts.
type aset struct {
	iv ivset
	ts tset
}

// avar is a name the conditions of a table read.
type avar struct {
	name  string
	slot  int
	kind  akind
	date  bool // aWhole counting days
	truth bool // aText holding "true" and "false"
	dom   aset // every value it can take (more, when known is false)
	known bool // dom is what the name can really take: a gap in it is a real gap
	// places, when scaled, is the most decimal places a formula's result has (round(x, 4)):
	// a gap holds a value it can take only where a number of that many places lies
	places int32
	scaled bool
}

// box holds one set per variable; a variable past its end is its whole domain, so the empty
// box is every value, and a box made before a variable was first seen stays valid.
type box []aset

type region []box

// maxBoxes bounds one region: a condition or a table that would need more is not analysed.
const maxBoxes = 256

// boxes is the arithmetic on sets, boxes and regions over one table's variables, within a
// budget of steps; once the budget is spent every operation gives up (spent) and the table
// is left unreported.
type boxes struct {
	vars   []*avar
	budget int
	spent  bool
	big    bool // a region went over maxBoxes since the flag was last cleared
}

func (b *boxes) spend(n int) bool {
	b.budget -= n + 1
	if b.budget < 0 {
		b.spent = true
	}
	return !b.spent
}

func (b *boxes) comp(x box, i int) aset {
	if i < len(x) {
		return x[i]
	}
	return b.vars[i].dom
}

func size(s aset) int { return len(s.iv) + len(s.ts.vals) }

func (b *boxes) meetSet(i int, x, y aset) aset {
	b.spend(size(x) + size(y))
	if b.vars[i].kind == aText {
		return aset{ts: x.ts.intersect(y.ts)}
	}
	return aset{iv: x.iv.intersect(y.iv)}
}

// minusSet is x without y, within the variable's domain.
func (b *boxes) minusSet(i int, x, y aset) aset {
	b.spend(size(x) + size(y))
	if b.vars[i].kind == aText {
		return aset{ts: x.ts.intersect(y.ts.complement())}
	}
	return aset{iv: x.iv.intersect(y.iv.complement())}
}

func (b *boxes) emptySet(i int, x aset) bool {
	if b.vars[i].kind == aText {
		return x.ts.empty()
	}
	return len(x.iv) == 0
}

func (b *boxes) equalSet(i int, x, y aset) bool {
	if b.vars[i].kind == aText {
		return x.ts.equal(y.ts)
	}
	return x.iv.equal(y.iv)
}

func (b *boxes) unionSet(i int, x, y aset) aset {
	b.spend(size(x) + size(y))
	if b.vars[i].kind == aText {
		return aset{ts: x.ts.union(y.ts)}
	}
	return aset{iv: x.iv.union(y.iv)}
}

// meetBox is x ∩ y, or false when it is empty.
func (b *boxes) meetBox(x, y box) (box, bool) {
	n := max(len(x), len(y))
	out := make(box, n)
	for i := 0; i < n; i++ {
		if i >= len(y) {
			out[i] = x[i]
			continue
		}
		if i >= len(x) {
			out[i] = b.meetSet(i, b.vars[i].dom, y[i])
		} else {
			out[i] = b.meetSet(i, x[i], y[i])
		}
		if b.emptySet(i, out[i]) || b.spent {
			return nil, false
		}
	}
	return out, true
}

// minusBox is x without y, as disjoint boxes: for each variable in turn, the part of x
// outside y in that variable and inside y in the ones before.
func (b *boxes) minusBox(x, y box) []box {
	if _, ok := b.meetBox(x, y); !ok {
		return []box{x}
	}
	n := max(len(x), len(y))
	rest := make(box, n)
	for i := 0; i < n; i++ {
		rest[i] = b.comp(x, i)
	}
	var out []box
	for i := 0; i < len(y); i++ {
		if d := b.minusSet(i, rest[i], y[i]); !b.emptySet(i, d) {
			piece := append(box(nil), rest...)
			piece[i] = d
			out = append(out, piece)
		}
		rest[i] = b.meetSet(i, rest[i], y[i])
	}
	return out
}

// meet is r ∩ s.
func (b *boxes) meet(r, s region) region {
	var out region
	for _, x := range r {
		for _, y := range s {
			if z, ok := b.meetBox(x, y); ok {
				out = b.add(out, z)
			}
		}
	}
	return out
}

// join is r ∪ s.
func (b *boxes) join(r, s region) region {
	out := append(region(nil), r...)
	for _, y := range s {
		out = b.add(out, y)
	}
	return out
}

// minus is r without s.
func (b *boxes) minus(r, s region) region {
	for _, y := range s {
		var next region
		for _, x := range r {
			next = append(next, b.minusBox(x, y)...)
		}
		if len(next) > maxBoxes {
			b.big = true
			return next[:maxBoxes]
		}
		r = next
		if b.spent {
			return r
		}
	}
	return r
}

// add puts box y into r, merging it into a box that differs from it in one variable only,
// so the union of a table's rows over one name stays a single box.
func (b *boxes) add(r region, y box) region {
	for k, x := range r {
		n := max(len(x), len(y))
		diff, at := 0, -1
		for i := 0; i < n && diff < 2; i++ {
			if !b.equalSet(i, b.comp(x, i), b.comp(y, i)) {
				diff, at = diff+1, i
			}
		}
		switch diff {
		case 0:
			return r
		case 1:
			merged := make(box, n)
			for i := range merged {
				merged[i] = b.comp(x, i)
			}
			merged[at] = b.unionSet(at, merged[at], b.comp(y, at))
			r[k] = merged
			return r
		}
	}
	if len(r) >= maxBoxes {
		b.big = true
		return r
	}
	return append(r, y)
}

// isEmpty reports whether r holds no value.
func (b *boxes) isEmpty(r region) bool { return len(r) == 0 }

// value is one name's value in an example.
type value struct {
	num decimal.Decimal
	str string
}

// sample picks a value of every variable from x.
func (b *boxes) sample(x box) []value {
	out := make([]value, len(b.vars))
	for i, v := range b.vars {
		s := b.comp(x, i)
		switch v.kind {
		case aText:
			out[i].str = s.ts.sample()
		default:
			out[i].num = s.iv[0].sample(v.kind == aWhole)
		}
	}
	return out
}

// holding gives the box of r that holds the example p, or nil.
func (b *boxes) holding(r region, p []value) box {
	for _, x := range r {
		in := true
		for i, v := range b.vars {
			s := b.comp(x, i)
			if v.kind == aText && !s.ts.has(p[i].str) || v.kind != aText && !s.iv.contains(p[i].num) {
				in = false
				break
			}
		}
		if in {
			return x
		}
	}
	return nil
}
