package rules

import "github.com/shopspring/decimal"

// What numbers a formula can produce, for the gap check of a table over it. A table over a
// formula result used to be checked for row order only: the formula might never reach the
// gap (min(执行率, 1) never exceeds 1). But most formulas a table grades are plain
// arithmetic on decimal inputs (执行数 / 预算数, rounded for display), which reach every
// number, and a gap in such a table (执行率 >= 0.9, then 执行率 < 0.5) fails at run time as
// surely as a gap over an input. reach proves that, or says nothing.

// reach is what a number-valued expression can produce.
type reach struct {
	any    bool  // every number, up to places decimal places when places >= 0
	places int32 // -1: any number of places
	reads  []int // the input slots it reads, to tell two sides apart: 执行数 - 执行数 is 0
}

// formulaReach is reachOf a formula's expression, computed once per Build.
func (c *analyzer) formulaReach(d *def) reach {
	if rc, ok := c.reached[d]; ok {
		return rc
	}
	if c.reached == nil {
		c.reached = map[*def]reach{}
	}
	rc := c.reachOf(d.nodes[0], 0)
	c.reached[d] = rc
	return rc
}

// maxReachDepth bounds the formulas followed from a table: a chain longer than that is
// left unproven.
const maxReachDepth = 16

// reachOf tells what n can produce. Only what is sure is claimed: a decimal input reaches
// every number; -x, x ± c, x × c and x ÷ c (c a nonzero constant or an expression of other
// inputs) keep that; round(x, n) keeps it to n places; anything else is unproven.
func (c *analyzer) reachOf(n *node, depth int) reach {
	if depth > maxReachDepth || n.typ != TypeDecimal {
		return reach{}
	}
	switch n.op {
	case opSlot:
		return c.reachSlot(n, depth)
	case opNeg:
		return c.reachOf(n.kids[0], depth+1)
	case opAdd, opSub:
		return c.reachSum(n, depth)
	case opMul, opDiv:
		return c.reachProduct(n, depth)
	case opCall:
		if n.bi == biRound && len(n.kids) >= 1 {
			return c.reachRound(n, depth)
		}
	}
	return reach{}
}

func (c *analyzer) reachSlot(n *node, depth int) reach {
	if in := c.inputBySlot(n.slot); in != nil {
		if in.typ == TypeDecimal { // an int input reaches whole numbers only
			return reach{any: true, places: -1, reads: []int{n.slot}}
		}
		return reach{}
	}
	if d := c.defBySlot(n.slot); d != nil && d.formula != nil && !d.bad && len(d.nodes) == 1 && d.nodes[0] != nil {
		return c.reachOf(d.nodes[0], depth+1)
	}
	return reach{}
}

// reachSum: x ± c keeps x's places when c has no more; x ± y of other inputs reaches every
// number when x does with any places.
func (c *analyzer) reachSum(n *node, depth int) reach {
	for k := 0; k < 2; k++ {
		x, y := n.kids[k], n.kids[1-k]
		rx := c.reachOf(x, depth+1)
		if !rx.any {
			continue
		}
		if !readsValues(y) {
			if rx.places < 0 || constPlaces(y) <= rx.places {
				return rx
			}
			continue
		}
		if rx.places < 0 && c.apart(rx.reads, y) {
			return reach{any: true, places: -1, reads: inputSlots(c, y, append([]int(nil), rx.reads...))}
		}
	}
	return reach{}
}

// reachProduct: x × c and x ÷ c for a nonzero constant c, and x × y, x ÷ y for y of other
// inputs (which can be 1), reach every number when x does with any places.
func (c *analyzer) reachProduct(n *node, depth int) reach {
	for k := 0; k < 2; k++ {
		if n.op == opDiv && k == 1 {
			break // c ÷ x never reaches 0
		}
		x, y := n.kids[k], n.kids[1-k]
		rx := c.reachOf(x, depth+1)
		if !rx.any || rx.places >= 0 {
			continue
		}
		if !readsValues(y) {
			if v, ok := constValue(y); ok && !v.IsZero() {
				return rx
			}
			continue
		}
		if c.apart(rx.reads, y) {
			return reach{any: true, places: -1, reads: inputSlots(c, y, append([]int(nil), rx.reads...))}
		}
	}
	return reach{}
}

// reachRound: round(x, n) of an x reaching every number reaches every number of n places.
func (c *analyzer) reachRound(n *node, depth int) reach {
	rx := c.reachOf(n.kids[0], depth+1)
	if !rx.any {
		return reach{}
	}
	places := int32(0)
	if len(n.kids) > 1 {
		v, ok := constValue(n.kids[1])
		if !ok || !v.IsInteger() || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1000)) {
			return reach{}
		}
		places = int32(v.IntPart()) //nolint:gosec // G115: at most 1000, checked above
	}
	if rx.places >= 0 && rx.places < places {
		places = rx.places
	}
	return reach{any: true, places: places, reads: rx.reads}
}

// apart reports whether y reads only inputs none of which is in reads, and no let or
// vendor function: y's value is then free of x's.
func (c *analyzer) apart(reads []int, y *node) bool {
	slots, ok := c.inputsOnly(y, nil, 0)
	if !ok {
		return false
	}
	for _, s := range slots {
		for _, r := range reads {
			if s == r {
				return false
			}
		}
	}
	return true
}

// inputsOnly lists the input slots n reads through formulas, and whether it reads nothing
// else that varies (a table, a let, a vendor function).
func (c *analyzer) inputsOnly(n *node, out []int, depth int) ([]int, bool) {
	if depth > maxReachDepth {
		return out, false
	}
	switch n.op {
	case opLet, opFunc:
		return out, false
	case opSlot:
		if c.inputBySlot(n.slot) != nil {
			return append(out, n.slot), true
		}
		d := c.defBySlot(n.slot)
		if d == nil || d.formula == nil || d.bad || len(d.nodes) != 1 || d.nodes[0] == nil {
			return out, false
		}
		return c.inputsOnly(d.nodes[0], out, depth+1)
	}
	for _, k := range n.kids {
		var ok bool
		if out, ok = c.inputsOnly(k, out, depth+1); !ok {
			return out, false
		}
	}
	return out, true
}

func inputSlots(c *analyzer, n *node, out []int) []int {
	out, _ = c.inputsOnly(n, out, 0)
	return out
}

// constValue is the value of a node that reads nothing, when it is a literal number.
func constValue(n *node) (d decimal.Decimal, ok bool) {
	if n.op != opLit || n.lit.Type() != TypeDecimal {
		return d, false
	}
	return n.lit.Decimal(), true
}

// constPlaces is the decimal places of a literal number, or a large count for anything else.
func constPlaces(n *node) int32 {
	if v, ok := constValue(n); ok {
		return max(-v.Exponent(), 0)
	}
	return 1 << 30
}
