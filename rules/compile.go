package rules

import (
	"fmt"
	"strings"
	"time"
)

// compiler compiles typed IR into Go closures for one number representation N. The same
// walker serves the fast (fixed.Num) and fallback (decimal.Decimal) paths, so the two
// cannot drift apart; only the arithmetic differs.
type compiler[N any, A arithmetic[N]] struct {
	ops     A
	lim     limits
	tracing bool
	nargs   int // vendor-call argument slots handed out so far (each call site owns a window)
}

type (
	boolFn func(*frame) bool
	textFn func(*frame) string
	dateFn func(*frame) int32
)

func (b *compiler[N, A]) zero() (z N) { return z }

// ok passes v on, or, when the operation did not fit, hands the record to the slow path
// (fast) or records a limit error (slow) and goes on with zero, so an oversized value never
// feeds the next operation.
func (b *compiler[N, A]) ok(f *frame, n *node, v N, ok bool) N {
	if !ok {
		b.ops.short(f, n)
		return b.zero()
	}
	return v
}

// num compiles a number-valued node.
func (b *compiler[N, A]) num(n *node) func(*frame) N {
	return traceWrap(b, n, b.num0(n), b.ops.value)
}

func (b *compiler[N, A]) num0(n *node) func(*frame) N {
	ops := b.ops
	switch n.op {
	case opLit:
		v, ok := ops.fromDec(n.litDec)
		if !ok {
			return func(f *frame) N { ops.short(f, n); return b.zero() }
		}
		return func(*frame) N { return v }
	case opSlot:
		slot := n.slot
		return func(f *frame) N { return ops.slots(f)[slot] }
	case opNeg:
		x := b.num(n.kids[0])
		return func(f *frame) N { return ops.neg(x(f)) }
	case opAdd, opSub, opMul:
		return b.arith(n)
	case opDiv:
		return b.div(n)
	case opIf:
		c, x, y := b.boolean(n.kids[0]), b.num(n.kids[1]), b.num(n.kids[2])
		return func(f *frame) N {
			if c(f) {
				return x(f)
			}
			return y(f)
		}
	case opLet:
		set, body := b.store(n.kids[0], n.slot), b.num(n.kids[1])
		return func(f *frame) N { set(f); return body(f) }
	case opCall:
		return b.numCall(n)
	case opFunc:
		call := b.vendor(n)
		return func(f *frame) N {
			v, ok := ops.fromValue(call(f))
			return b.ok(f, n, v, ok)
		}
	}
	panic(fmt.Sprintf("rules: number node %d", n.op)) // unreachable: the checker typed it
}

func (b *compiler[N, A]) arith(n *node) func(*frame) N {
	ops := b.ops
	l, r := b.num(n.kids[0]), b.num(n.kids[1])
	var fn func(a, b N) (N, bool)
	switch n.op {
	case opAdd:
		fn = ops.add
	case opSub:
		fn = ops.sub
	default:
		fn = ops.mul
	}
	return func(f *frame) N {
		v, ok := fn(l(f), r(f))
		return b.ok(f, n, v, ok)
	}
}

func (b *compiler[N, A]) div(n *node) func(*frame) N {
	ops := b.ops
	l, r := b.num(n.kids[0]), b.num(n.kids[1])
	places := b.lim.divPlaces
	divisor := n.kids[1]
	msg := fmt.Sprintf("除数为零：%s 的值为 0", divisor.src.snippet(divisor.from, divisor.to))
	if divisor.isConst() {
		msg = "除数为零"
	}
	return func(f *frame) N {
		x, d := l(f), r(f)
		if ops.sign(d) == 0 {
			f.fail(divisor, ErrDivByZero, msg)
			return b.zero()
		}
		v, ok := ops.div(x, d, places)
		return b.ok(f, n, v, ok)
	}
}

// store compiles n and writes its value to slot, whatever its type.
func (b *compiler[N, A]) store(n *node, slot int) func(*frame) {
	switch n.typ {
	case TypeDecimal:
		x := b.num(n)
		return func(f *frame) { b.ops.slots(f)[slot] = x(f) }
	case TypeString:
		x := b.text(n)
		return func(f *frame) { f.strs[slot] = x(f) }
	case TypeBool:
		x := b.boolean(n)
		return func(f *frame) { f.bools[slot] = x(f) }
	case TypeDate:
		x := b.date(n)
		return func(f *frame) { f.dates[slot] = x(f) }
	case TypeList:
		x := b.listOf(n)
		return func(f *frame) { f.lists[slot] = x(f) }
	}
	panic("rules: store of invalid type")
}

// boolean compiles a truth-valued node.
func (b *compiler[N, A]) boolean(n *node) boolFn {
	return traceWrap(b, n, b.boolean0(n), BoolOf)
}

func (b *compiler[N, A]) boolean0(n *node) boolFn {
	switch n.op {
	case opLit:
		v := n.lit.b
		return func(*frame) bool { return v }
	case opSlot:
		slot := n.slot
		return func(f *frame) bool { return f.bools[slot] }
	case opNot:
		x := b.boolean(n.kids[0])
		return func(f *frame) bool { return !x(f) }
	case opAnd:
		x, y := b.boolean(n.kids[0]), b.boolean(n.kids[1])
		return func(f *frame) bool { return x(f) && y(f) }
	case opOr:
		x, y := b.boolean(n.kids[0]), b.boolean(n.kids[1])
		return func(f *frame) bool { return x(f) || y(f) }
	case opIf:
		c, x, y := b.boolean(n.kids[0]), b.boolean(n.kids[1]), b.boolean(n.kids[2])
		return func(f *frame) bool {
			if c(f) {
				return x(f)
			}
			return y(f)
		}
	case opLet:
		set, body := b.store(n.kids[0], n.slot), b.boolean(n.kids[1])
		return func(f *frame) bool { set(f); return body(f) }
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return b.compare(n)
	case opIn:
		return b.in(n)
	case opFunc:
		call := b.vendor(n)
		return func(f *frame) bool { return call(f).b }
	}
	panic(fmt.Sprintf("rules: bool node %d", n.op))
}

// holds reports whether a comparison result c (-1, 0, 1) satisfies op.
func holds(o op, c int) bool {
	switch o {
	case opEq:
		return c == 0
	case opNe:
		return c != 0
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	}
	return c >= 0
}

func (b *compiler[N, A]) compare(n *node) boolFn {
	o := n.op
	l, r := n.kids[0], n.kids[1]
	switch l.typ {
	case TypeDecimal:
		x, y := b.num(l), b.num(r)
		ops := b.ops
		switch o { // the common comparisons get their own closures: no switch per record
		case opLe:
			return func(f *frame) bool { return ops.cmp(x(f), y(f)) <= 0 }
		case opEq:
			return func(f *frame) bool { return ops.cmp(x(f), y(f)) == 0 }
		case opGe:
			return func(f *frame) bool { return ops.cmp(x(f), y(f)) >= 0 }
		}
		return func(f *frame) bool { return holds(o, ops.cmp(x(f), y(f))) }
	case TypeString:
		x, y := b.text(l), b.text(r)
		return func(f *frame) bool { return (x(f) == y(f)) == (o == opEq) }
	case TypeBool:
		x, y := b.boolean(l), b.boolean(r)
		return func(f *frame) bool { return (x(f) == y(f)) == (o == opEq) }
	}
	x, y := b.date(l), b.date(r)
	return func(f *frame) bool { return holds(o, cmpInt(x(f), y(f))) }
}

func cmpInt(a, b int32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (b *compiler[N, A]) in(n *node) boolFn {
	x := n.kids[0]
	elems := n.kids[1:]
	if len(elems) == 1 && elems[0].typ == TypeList {
		v, list := b.num(x), b.listOf(elems[0])
		ops := b.ops
		return func(f *frame) bool {
			want := v(f)
			for _, d := range list(f) {
				if e, ok := ops.fromDec(d); ok && ops.cmp(e, want) == 0 {
					return true
				} else if !ok {
					ops.short(f, n)
				}
			}
			return false
		}
	}
	switch x.typ { // x is evaluated once, then compared with each element in turn
	case TypeDecimal:
		return anyOf(b.num(x), mapNodes(elems, b.num), b.ops.cmp)
	case TypeString:
		return anyOf(b.text(x), mapNodes(elems, b.text), cmpEq[string])
	case TypeBool:
		return anyOf(b.boolean(x), mapNodes(elems, b.boolean), cmpEq[bool])
	}
	return anyOf(b.date(x), mapNodes(elems, b.date), cmpInt)
}

// anyOf reports whether x equals any of the elements.
func anyOf[T any, F ~func(*frame) T](x F, elems []F, cmp func(a, b T) int) boolFn {
	return func(f *frame) bool {
		v := x(f)
		for _, e := range elems {
			if cmp(v, e(f)) == 0 {
				return true
			}
		}
		return false
	}
}

func mapNodes[T any](ns []*node, build func(*node) T) []T {
	out := make([]T, len(ns))
	for i, n := range ns {
		out[i] = build(n)
	}
	return out
}

// cmpEq compares for equality only: 0 when equal, 1 otherwise.
func cmpEq[T comparable](a, b T) int {
	if a == b {
		return 0
	}
	return 1
}

// text compiles a text-valued node.
func (b *compiler[N, A]) text(n *node) textFn {
	return traceWrap(b, n, b.text0(n), TextOf)
}

func (b *compiler[N, A]) text0(n *node) textFn {
	switch n.op {
	case opLit:
		v := n.lit.str
		return func(*frame) string { return v }
	case opSlot:
		slot := n.slot
		return func(f *frame) string { return f.strs[slot] }
	case opIf:
		c, x, y := b.boolean(n.kids[0]), b.text(n.kids[1]), b.text(n.kids[2])
		return func(f *frame) string {
			if c(f) {
				return x(f)
			}
			return y(f)
		}
	case opLet:
		set, body := b.store(n.kids[0], n.slot), b.text(n.kids[1])
		return func(f *frame) string { set(f); return body(f) }
	case opConcat:
		x, y := b.text(n.kids[0]), b.text(n.kids[1])
		limit := b.lim.maxText
		return func(f *frame) string {
			s, t := x(f), y(f)
			if len(s)+len(t) > limit {
				f.fail(n, ErrRuntimeLimit, fmt.Sprintf("文本长度超过上限 %d 字节", limit))
				return ""
			}
			return s + t
		}
	case opFunc:
		call := b.vendor(n)
		return func(f *frame) string { return call(f).str }
	}
	panic(fmt.Sprintf("rules: text node %d", n.op))
}

// date compiles a date-valued node.
func (b *compiler[N, A]) date(n *node) dateFn {
	return traceWrap(b, n, b.date0(n), dateValue)
}

func (b *compiler[N, A]) date0(n *node) dateFn {
	switch n.op {
	case opLit:
		v := n.lit.days
		return func(*frame) int32 { return v }
	case opSlot:
		slot := n.slot
		return func(f *frame) int32 { return f.dates[slot] }
	case opIf:
		c, x, y := b.boolean(n.kids[0]), b.date(n.kids[1]), b.date(n.kids[2])
		return func(f *frame) int32 {
			if c(f) {
				return x(f)
			}
			return y(f)
		}
	case opLet:
		set, body := b.store(n.kids[0], n.slot), b.date(n.kids[1])
		return func(f *frame) int32 { set(f); return body(f) }
	case opCall:
		return b.dateCall(n)
	case opFunc:
		call := b.vendor(n)
		return func(f *frame) int32 { return call(f).days }
	}
	panic(fmt.Sprintf("rules: date node %d", n.op))
}

// listOf compiles a list-valued node that is not a literal (an input or a vendor function).
func (b *compiler[N, A]) listOf(n *node) func(*frame) []decimalT {
	switch n.op {
	case opLit:
		v := n.lit.list
		return func(*frame) []decimalT { return v }
	case opSlot:
		slot := n.slot
		return func(f *frame) []decimalT { return f.lists[slot] }
	case opFunc:
		call := b.vendor(n)
		return func(f *frame) []decimalT { return call(f).list }
	case opList:
		// a literal list stored by a let or compared with in: materialise it per record
		elems := make([]func(*frame) Value, len(n.kids))
		for i, k := range n.kids {
			x := b.num(k)
			elems[i] = func(f *frame) Value { return b.ops.value(x(f)) }
		}
		return func(f *frame) []decimalT {
			out := make([]decimalT, len(elems))
			for i, e := range elems {
				out[i] = e(f).Decimal()
			}
			return out
		}
	}
	panic(fmt.Sprintf("rules: list node %d", n.op))
}

// vendor compiles a call to a vendor function. Its arguments are built as Values.
func (b *compiler[N, A]) vendor(n *node) func(*frame) Value {
	args := make([]func(*frame) Value, len(n.kids))
	for i, k := range n.kids {
		args[i] = b.valueOf(k)
	}
	fn := n.fn
	lo, hi := b.nargs, b.nargs+len(args)
	b.nargs = hi
	return func(f *frame) Value {
		in := f.args[lo:hi:hi] // this call site's own window: nested calls do not overwrite it
		for i, a := range args {
			in[i] = a(f)
		}
		v, err := fn.Call(in)
		if err != nil {
			if f.err == nil {
				f.fail(n, ErrFunction, fmt.Sprintf("函数 %s 出错：%v", fn.Name, err))
				f.err.cause = err // errors.Is and errors.As reach the vendor's own error
			}
			return Value{typ: fn.Result.kind()}
		}
		if v.typ.kind() != fn.Result.kind() {
			f.fail(n, ErrFunction, fmt.Sprintf("函数 %s 应返回%s，实际返回%s", fn.Name, fn.Result, v.typ))
			return Value{typ: fn.Result.kind()}
		}
		if msg := b.lim.valueLimit(v); msg != "" { // the same limits as a literal, on both paths
			f.fail(n, ErrFunction, fmt.Sprintf("函数 %s 的返回值%s", fn.Name, strings.TrimPrefix(msg, " 的")))
			return Value{typ: fn.Result.kind()}
		}
		return v
	}
}

// valueOf compiles any node to a closure giving its Value (for vendor calls, steps and traces).
func (b *compiler[N, A]) valueOf(n *node) func(*frame) Value {
	switch n.typ {
	case TypeDecimal:
		x := b.num(n)
		return func(f *frame) Value { return b.ops.value(x(f)) }
	case TypeString:
		x := b.text(n)
		return func(f *frame) Value { return TextOf(x(f)) }
	case TypeBool:
		x := b.boolean(n)
		return func(f *frame) Value { return BoolOf(x(f)) }
	case TypeDate:
		x := b.date(n)
		return func(f *frame) Value { return dateValue(x(f)) }
	}
	x := b.listOf(n)
	return func(f *frame) Value { return listValue(x(f)) }
}

// traceWrap records a node's value when the program is built for explaining.
func traceWrap[T any, N any, A arithmetic[N]](b *compiler[N, A], n *node, fn func(*frame) T, val func(T) Value) func(*frame) T {
	param := n.op == opLit && n.name != ""
	if !b.tracing || (n.op == opLit && !param) || n.op == opLet || n.src == nil {
		return fn
	}
	text := n.src.snippet(n.from, n.to)
	line, col := n.src.lineCol(n.from)
	kind := "step"
	switch {
	case param:
		kind = "param"
	case n.op == opSlot:
		kind = "value"
	}
	file := n.src.pos.File
	return func(f *frame) T {
		v := fn(f)
		if f.trace != nil && f.err == nil { // after an error the value is no figure to show
			*f.trace = append(*f.trace, TraceStep{Rule: n.src.ruleID, Kind: kind, File: file, Text: text, Line: line, Col: col, Value: val(v)})
		}
		return v
	}
}

func daysToDate(days int32) time.Time { return time.Unix(int64(days)*86400, 0).UTC() }
