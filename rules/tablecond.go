package rules

import (
	"github.com/shopspring/decimal"
)

// condReader turns a table row's condition into regions (see tablebox.go). It reads
// comparisons of one name with a constant (a literal, a param, or arithmetic on them), in,
// and, or, not, and truth-valued names; anything else is a part it cannot read.
type condReader struct {
	*boxes
	a      *analyzer
	bySlot map[int]int // variable index of a slot already seen
	vocab  map[*def]*vocab
	// pinned reads a param with the value it has in this program, as a constant: a row a
	// param switches off then holds for no value
	pinned bool
}

// whole is the region of every value.
func whole() region { return region{box{}} }

// cond gives the values for which n surely holds (under) and may hold (over); exact says
// they are the same.
func (r *condReader) cond(n *node) (under, over region, exact bool) {
	switch n.op {
	case opAnd, opOr:
		u1, o1, e1 := r.cond(n.kids[0])
		u2, o2, e2 := r.cond(n.kids[1])
		if n.op == opAnd {
			return r.meet(u1, u2), r.meet(o1, o2), e1 && e2
		}
		return r.join(u1, u2), r.join(o1, o2), e1 && e2
	case opNot:
		u, o, e := r.cond(n.kids[0])
		return r.minus(whole(), o), r.minus(whole(), u), e
	}
	if !readsValues(n) {
		v, ok := r.fold(n)
		if ok && (!readsParam(n) || r.pinned) { // true or false as written: a catch-all row, or one switched off
			if v.Bool() {
				return whole(), whole(), true
			}
			return nil, nil, true
		}
		// a param switching a row on or off (超额完成扣分 and …) is policy that may change by
		// date or region, not a mistake in the order of rows
		return nil, whole(), false
	}
	if x, ok := r.atom(n); ok {
		if x == nil {
			return nil, nil, true
		}
		return region{x}, region{x}, true
	}
	return nil, whole(), false
}

// atom reads one comparison of a name with a constant; a nil box with ok is no value.
func (r *condReader) atom(n *node) (box, bool) {
	switch n.op {
	case opSlot:
		if i, ok := r.variable(n); ok && r.vars[i].truth {
			return r.only(i, aset{ts: textsOf("true")})
		}
	case opEq, opNe, opLt, opLe, opGt, opGe:
		o, x, c := n.op, n.kids[0], n.kids[1]
		if readsValues(c) {
			o, x, c = flip(o), c, x
		}
		i, ok := r.variable(x)
		if !ok || readsValues(c) {
			return nil, false
		}
		v, ok := r.fold(c)
		if !ok {
			return nil, false
		}
		return r.only(i, r.compare(i, o, v))
	case opIn:
		return r.in(n)
	}
	return nil, false
}

func (r *condReader) in(n *node) (box, bool) {
	i, ok := r.variable(n.kids[0])
	if !ok {
		return nil, false
	}
	var s aset
	if r.vars[i].kind == aText {
		s.ts = textsOf()
	}
	for _, k := range n.kids[1:] {
		if readsValues(k) {
			return nil, false
		}
		v, ok := r.fold(k)
		if !ok {
			return nil, false
		}
		elems := []Value{v}
		if v.Type() == TypeList {
			elems = elems[:0]
			for _, d := range v.list {
				elems = append(elems, NumberOf(d))
			}
		}
		for _, e := range elems {
			s = r.unionSet(i, s, r.compare(i, opEq, e))
		}
	}
	return r.only(i, s)
}

// only is the box of values where variable i is in s and the others anything; nil when s
// holds nothing the variable can take.
func (r *condReader) only(i int, s aset) (box, bool) {
	s = r.meetSet(i, r.vars[i].dom, s)
	if r.emptySet(i, s) {
		return nil, true
	}
	x := make(box, i+1)
	for k := range x {
		x[k] = r.vars[k].dom
	}
	x[i] = s
	return x, true
}

// compare is the set of values x of variable i with x o v.
func (r *condReader) compare(i int, o op, v Value) aset {
	av := r.vars[i]
	switch {
	case av.truth:
		return eqText(o, boolText(v.Bool()))
	case av.kind == aText:
		return eqText(o, v.Text())
	case av.date:
		return aset{iv: wholeCmp(o, decimal.NewFromInt(int64(v.days)))}
	case av.kind == aWhole:
		return aset{iv: wholeCmp(o, v.Decimal())}
	}
	return aset{iv: numberCmp(o, v.Decimal())}
}

func eqText(o op, s string) aset {
	t := textsOf(s)
	if o == opNe {
		t = t.complement()
	}
	return aset{ts: t}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// flip turns c o x into x flip(o) c.
func flip(o op) op {
	switch o {
	case opLt:
		return opGt
	case opLe:
		return opGe
	case opGt:
		return opLt
	case opGe:
		return opLe
	}
	return o
}

// variable gives the variable index of a name read as a whole (an input or a result),
// adding it on first sight; false for anything else (a let, a list).
func (r *condReader) variable(n *node) (int, bool) {
	if n.op != opSlot || n.name == "" {
		return 0, false
	}
	if i, ok := r.bySlot[n.slot]; ok {
		return i, true
	}
	v := r.describe(n)
	if v == nil {
		return 0, false
	}
	r.bySlot[n.slot] = len(r.vars)
	r.vars = append(r.vars, v)
	return len(r.vars) - 1, true
}

// describe makes the variable for a name: its kind and the values it can take. An input
// takes every value of its type (numbers are unbounded: inputs declare no range); a result
// takes the values its rule text shows (its vocabulary), else it is not known.
func (r *condReader) describe(n *node) *avar {
	v := &avar{name: n.name, slot: n.slot, known: true}
	typ := n.typ
	var d *def
	if in := r.a.inputBySlot(n.slot); in != nil {
		typ = in.typ
	} else if d = r.a.defBySlot(n.slot); d == nil {
		return nil // a let
	}
	switch typ {
	case TypeDecimal:
		v.dom.iv = allNumbers()
	case TypeInt:
		v.kind, v.dom.iv = aWhole, allNumbers()
	case TypeDate:
		v.kind, v.date = aWhole, true
		v.dom.iv = ivset{{bound{v: decimal.NewFromInt(int64(minDay))}, bound{v: decimal.NewFromInt(int64(maxDay) + 1), open: true}}}
	case TypeString:
		v.kind, v.dom.ts = aText, allTexts()
	case TypeBool:
		v.kind, v.truth, v.dom.ts = aText, true, textsOf("false", "true")
	default:
		return nil
	}
	if d != nil {
		v.known = typ == TypeBool
		if voc := r.vocab[d]; voc != nil {
			v.dom, v.known = r.vocabSet(v, voc), true
		} else if typ == TypeDecimal && d.formula != nil && len(d.nodes) == 1 && d.nodes[0] != nil {
			if rc := r.a.formulaReach(d); rc.any { // 执行数 / 预算数 reaches every number
				v.known, v.scaled, v.places = true, rc.places >= 0, rc.places
			}
		}
	}
	return v
}

// vocabSet is the set of a vocabulary's values, for a variable of kind v.
func (r *condReader) vocabSet(v *avar, voc *vocab) aset {
	var s aset
	if v.kind == aText {
		s.ts = textsOf()
	}
	for _, x := range voc.vals {
		switch {
		case v.truth:
			s.ts = s.ts.union(textsOf(boolText(x.Bool())))
		case v.kind == aText:
			s.ts = s.ts.union(textsOf(x.Text()))
		case v.date:
			s.iv = s.iv.union(ivset{wholePoint(decimal.NewFromInt(int64(x.days)))})
		default:
			d := x.Decimal()
			s.iv = s.iv.union(ivset{{bound{v: d}, bound{v: d}}})
		}
	}
	return s
}

// fold gives the value of a node that reads no input or result: a literal, a param, or
// arithmetic and built-in calls on them, computed as the program would (so 8/12 keeps its
// 20 places). A division by zero or a limit makes it unknown.
func (r *condReader) fold(n *node) (Value, bool) {
	if n.op == opLit {
		return n.lit, true
	}
	if readsValues(n) || n.typ == TypeInvalid {
		return Value{}, false
	}
	lim := r.a.cfg.lim
	maxExp := int32(lim.maxDigits) + lim.maxScale //nolint:gosec // G115: MaxDigits caps maxDigits at 1,000,000
	b := &compiler[decimal.Decimal, decOps]{ops: decOps{maxDigits: lim.maxDigits, maxExp: maxExp}, lim: lim}
	get := b.valueOf(n)
	f := newFrame(0, b.nargs)
	v := get(f)
	return v, f.err == nil
}

// readsValues reports whether n depends on anything but literals and params: an input, a
// result, a let, or a vendor's function (which may not be pure).
func readsValues(n *node) bool {
	switch n.op {
	case opSlot, opLet, opFunc:
		return true
	}
	for _, k := range n.kids {
		if readsValues(k) {
			return true
		}
	}
	return false
}

// readsParam reports whether n reads a param.
func readsParam(n *node) bool {
	if n.op == opLit && n.name != "" {
		return true
	}
	for _, k := range n.kids {
		if readsParam(k) {
			return true
		}
	}
	return false
}
