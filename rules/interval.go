package rules

import "github.com/shopspring/decimal"

// The decision-table analysis (tablecheck.go) reasons about the values a name can take as
// sets: exact decimal intervals for numbers, and finite or co-finite sets for text and truth
// values. Nothing is sampled: every bound is the exact decimal written in the rule or param.

// bound is one end of an interval: a decimal, or -∞ (inf -1) or +∞ (inf +1). open means the
// end itself is not in the interval. The zero bound is the closed end at 0.
type bound struct {
	v    decimal.Decimal
	inf  int8
	open bool
}

// interval is the decimals between lo and hi. Whole numbers (int inputs, dates as days) use
// only half-open intervals [a, b) with whole a and b, so that union and complement keep
// adjacent whole numbers together: [59, 60) ∪ [60, 61) is [59, 61).
type interval struct{ lo, hi bound }

// ivset is a set of decimals: sorted, disjoint intervals that do not touch. nil is empty.
type ivset []interval

var (
	negInf = bound{inf: -1, open: true}
	posInf = bound{inf: 1, open: true}
)

func allNumbers() ivset { return ivset{{negInf, posInf}} }

// cmpLo orders lower ends: a closed end starts before an open one at the same value.
func cmpLo(a, b bound) int {
	if a.inf != b.inf || a.inf != 0 {
		return int(a.inf) - int(b.inf)
	}
	if c := a.v.Cmp(b.v); c != 0 {
		return c
	}
	return boolInt(a.open) - boolInt(b.open)
}

// cmpHi orders upper ends: an open end stops before a closed one at the same value.
func cmpHi(a, b bound) int {
	if a.inf != b.inf || a.inf != 0 {
		return int(a.inf) - int(b.inf)
	}
	if c := a.v.Cmp(b.v); c != 0 {
		return c
	}
	return boolInt(b.open) - boolInt(a.open)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// empty reports whether no decimal lies between lo and hi.
func (iv interval) empty() bool {
	if iv.lo.inf != 0 || iv.hi.inf != 0 {
		return iv.lo.inf == 1 || iv.hi.inf == -1
	}
	c := iv.lo.v.Cmp(iv.hi.v)
	return c > 0 || (c == 0 && (iv.lo.open || iv.hi.open))
}

// joins reports whether an interval ending at hi and one starting at lo overlap or touch,
// so their union is one interval.
func joins(hi, lo bound) bool {
	if hi.inf == 1 || lo.inf == -1 {
		return true
	}
	c := hi.v.Cmp(lo.v)
	return c > 0 || (c == 0 && (!hi.open || !lo.open))
}

func (s ivset) intersect(t ivset) ivset {
	var out ivset
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := s[i].lo, s[i].hi
		if cmpLo(t[j].lo, lo) > 0 {
			lo = t[j].lo
		}
		if cmpHi(t[j].hi, hi) < 0 {
			hi = t[j].hi
		}
		if iv := (interval{lo, hi}); !iv.empty() {
			out = append(out, iv)
		}
		if cmpHi(s[i].hi, t[j].hi) < 0 {
			i++
		} else {
			j++
		}
	}
	return out
}

func (s ivset) union(t ivset) ivset {
	out := make(ivset, 0, len(s)+len(t))
	i, j := 0, 0
	for i < len(s) || j < len(t) {
		var next interval
		if j >= len(t) || (i < len(s) && cmpLo(s[i].lo, t[j].lo) <= 0) {
			next, i = s[i], i+1
		} else {
			next, j = t[j], j+1
		}
		if n := len(out); n > 0 && joins(out[n-1].hi, next.lo) {
			if cmpHi(next.hi, out[n-1].hi) > 0 {
				out[n-1].hi = next.hi
			}
			continue
		}
		out = append(out, next)
	}
	return out
}

// complement is every decimal not in s.
func (s ivset) complement() ivset {
	var out ivset
	lo := negInf
	for _, iv := range s {
		hi := iv.lo
		hi.open = !hi.open
		if g := (interval{lo, hi}); iv.lo.inf != -1 && !g.empty() {
			out = append(out, g)
		}
		lo = iv.hi
		lo.open = !lo.open
	}
	if len(s) == 0 || s[len(s)-1].hi.inf != 1 {
		out = append(out, interval{lo, posInf})
	}
	return out
}

func (s ivset) equal(t ivset) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if cmpLo(s[i].lo, t[i].lo) != 0 || cmpHi(s[i].hi, t[i].hi) != 0 {
			return false
		}
	}
	return true
}

func (s ivset) contains(d decimal.Decimal) bool {
	p := interval{bound{v: d}, bound{v: d}}
	for _, iv := range s {
		if cmpLo(iv.lo, p.lo) <= 0 && cmpHi(iv.hi, p.hi) >= 0 {
			return true
		}
	}
	return false
}

// numberCmp is the set of decimals x with x op c (op one of opEq … opGe).
func numberCmp(o op, c decimal.Decimal) ivset {
	at := bound{v: c}
	above, below := bound{v: c, open: true}, bound{v: c, open: true}
	switch o {
	case opEq:
		return ivset{{at, at}}
	case opNe:
		return ivset{{at, at}}.complement()
	case opLt:
		return ivset{{negInf, below}}
	case opLe:
		return ivset{{negInf, at}}
	case opGt:
		return ivset{{above, posInf}}
	}
	return ivset{{at, posInf}} // opGe
}

var one = decimal.NewFromInt(1)

// wholeCmp is the set of whole numbers x with x op c, as half-open intervals [a, b).
func wholeCmp(o op, c decimal.Decimal) ivset {
	ceil, floor := c.Ceil(), c.Floor()
	from := func(d decimal.Decimal) ivset { return ivset{{bound{v: d}, posInf}} }
	upTo := func(d decimal.Decimal) ivset { return ivset{{negInf, bound{v: d, open: true}}} }
	switch o {
	case opEq, opNe:
		eq := ivset(nil)
		if c.Equal(floor) {
			eq = ivset{{bound{v: c}, bound{v: c.Add(one), open: true}}}
		}
		if o == opNe {
			return eq.complement()
		}
		return eq
	case opLt:
		return upTo(ceil)
	case opLe:
		return upTo(floor.Add(one))
	case opGt:
		return from(floor.Add(one))
	}
	return from(ceil) // opGe
}

// wholePoint is the whole number d as a half-open interval.
func wholePoint(d decimal.Decimal) interval {
	return interval{bound{v: d}, bound{v: d.Add(one), open: true}}
}

// sample picks a short decimal in a non-empty interval, for a message. Next to an open end
// it takes the next value at the places the end is written with (61 above 60, 0.3 above
// 0.2); between two ends, the fewest places that land inside (60.1 between 60 exclusive and
// 60.5 inclusive). Whole intervals [a, b) give a, or b-1 below an end.
func (iv interval) sample(whole bool) decimal.Decimal {
	lo, hi := iv.lo, iv.hi
	switch {
	case lo.inf == -1 && hi.inf == 1:
		return decimal.Zero
	case whole && lo.inf == -1:
		return hi.v.Sub(one)
	case whole:
		return lo.v
	case lo.inf == -1:
		if !hi.open {
			return hi.v
		}
		s := max(-hi.v.Exponent(), 0)
		c := hi.v.RoundFloor(s)
		if c.Equal(hi.v) {
			c = c.Sub(decimal.New(1, -s))
		}
		return c
	case hi.inf == 1:
		if !lo.open {
			return lo.v
		}
		s := max(-lo.v.Exponent(), 0)
		return lo.v.RoundFloor(s).Add(decimal.New(1, -s))
	}
	places := max(-lo.v.Exponent(), -hi.v.Exponent(), 0) + 2
	for s := int32(0); s <= places; s++ {
		c := lo.v.RoundCeil(s)
		if lo.open && c.Equal(lo.v) {
			c = c.Add(decimal.New(1, -s))
		}
		if k := c.Cmp(hi.v); k < 0 || (k == 0 && !hi.open) {
			return c
		}
	}
	return lo.v // a closed point: lo == hi
}
