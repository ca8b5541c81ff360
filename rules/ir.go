package rules

import "github.com/shopspring/decimal"

// op is what an IR node does. The checker turns expr's syntax tree into this small typed IR;
// the closure compiler (compile.go) reads only the IR, so it never depends on expr's checker.
type op uint8

const (
	opLit  op = iota // constant: lit
	opSlot           // read slot: an input, constant, earlier result or let
	opNeg
	opNot
	opAdd
	opSub
	opMul
	opDiv
	opConcat
	opEq
	opNe
	opLt
	opLe
	opGt
	opGe
	opAnd
	opOr
	opIf   // kids: cond, then, else
	opLet  // kids: value, body; slot receives value
	opIn   // kids: x, then the list's elements (or one list-typed kid)
	opCall // bi: a built-in; kids: arguments
	opFunc // fn: a vendor function; kids: arguments
	opList // list literal; kids: elements
)

// node is a typed IR node. typ is the evaluator's kind (Decimal, String, Bool, Date, List).
type node struct {
	op       op
	typ      Type
	from, to int // rune span of the author's text the node came from
	at       int // where a run-time error points: the operator or call name
	kids     []*node
	lit      Value
	litDec   decimal.Decimal // exact literal number, read from its text
	slot     int
	name     string // identifier or function name, for messages and traces
	bi       builtinID
	fn       *Func
	src      *source
}

// isConst reports whether the node's value is known at compile time.
func (n *node) isConst() bool { return n.op == opLit }
