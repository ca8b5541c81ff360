package rules

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// Compile compiles one expression. Inputs and functions come from options:
//
//	p, err := rules.Compile("执行数 / 预算数 >= 90%",
//		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
func Compile(text string, opts ...Option) (*Program, error) {
	return Build(Spec{Formulas: []Formula{{Name: "", Expr: Expr{Text: text}}}}, opts...)
}

// Build compiles a Spec. Every problem is reported at once, as an ErrorList in file order.
// A Spec with no formula and no table is an error (E010).
func Build(spec Spec, opts ...Option) (prog *Program, err error) {
	defer func() { // a bug of ours must still reach the caller as an error value
		if r := recover(); r != nil {
			prog, err = nil, internalError(r)
		}
	}()
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	if len(spec.Formulas) == 0 && len(spec.Tables) == 0 {
		return nil, ErrorList{{Code: ErrEmpty, Msg: "没有任何公式或决策表可以计算"}}
	}
	c := &analyzer{cfg: cfg, syms: map[string]*symbol{}, funcs: map[string]*Func{}, byName: map[string]*def{},
		firstUse: map[*symbol]*Error{}, hints: 200, misused: map[string]bool{}}
	if len(spec.Formulas) == 1 && spec.Formulas[0].Name == "" && len(spec.Tables) == 0 {
		// a stand-alone expression: its result has no name to declare
		d := &def{formula: &spec.Formulas[0], sym: &symbol{kind: symResult}}
		c.declareAll(Spec{Inputs: spec.Inputs, Consts: spec.Consts})
		d.sym.slot = c.slots.next()
		c.defs, c.byName[""] = []*def{d}, d
	} else {
		c.declareAll(spec)
	}
	c.parseAll()
	if c.overBudget() { // refused before the costly stages
		return nil, c.errs.Err()
	}
	c.sortDefs()
	c.checkAll()
	c.checkLogic()
	c.untyped()
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return c.program(), nil
}

func (c *analyzer) program() *Program {
	lim := c.cfg.lim
	maxExp := int32(lim.maxDigits) + lim.maxScale //nolint:gosec // G115: MaxDigits caps maxDigits at 1,000,000
	p := &Program{lim: lim, inputs: c.inputs, missing: c.firstUse, index: map[string]int{}, nslots: c.slots.n, nodes: c.nodes}
	for _, d := range c.defs { // outputs in declaration order
		o := output{name: d.name, typ: d.sym.typ, slot: d.sym.slot, index: len(p.outputs)}
		p.index[d.name] = o.index
		p.outputs = append(p.outputs, o)
		p.byKind[o.typ.kind()] = append(p.byKind[o.typ.kind()], o)
	}
	fb := &compiler[fixed.Num, fastOps]{ops: fastOps{maxDigits: lim.maxDigits, maxExp: maxExp}, lim: lim}
	sb := &compiler[decimal.Decimal, decOps]{ops: decOps{maxDigits: lim.maxDigits, maxExp: maxExp}, lim: lim}
	p.fast = steps(fb, c.order)
	p.slow = steps(sb, c.order)
	p.nargs = max(fb.nargs, sb.nargs) // the walkers are the same, so are their counts
	p.traceRun = func() func(*frame) {
		tb := &compiler[decimal.Decimal, decOps]{ops: sb.ops, lim: lim, tracing: true}
		return steps(tb, c.order)
	}
	p.frames.New = func() any { return newFrame(p.nslots, p.nargs) }
	return p
}

// steps compiles every definition, in dependency order, into one closure per record.
func steps[N any, A arithmetic[N]](b *compiler[N, A], order []*def) func(*frame) {
	fns := make([]func(*frame), len(order))
	for i, d := range order {
		if d.formula != nil {
			fns[i] = formulaStep(b, d)
		} else {
			fns[i] = tableStep(b, d)
		}
	}
	if len(fns) == 1 {
		return fns[0]
	}
	return func(f *frame) {
		for _, fn := range fns {
			fn(f)
			if f.err != nil || f.overflow {
				return
			}
		}
	}
}

func formulaStep[N any, A arithmetic[N]](b *compiler[N, A], d *def) func(*frame) {
	n := d.nodes[0]
	set := b.store(n, d.sym.slot)
	if !b.tracing {
		return set
	}
	get := b.valueOf(&node{op: opSlot, typ: n.typ, slot: d.sym.slot}) // no src: not traced itself
	line, col := n.src.lineCol(0)
	return func(f *frame) {
		set(f)
		*f.trace = append(*f.trace, TraceStep{Rule: d.name, Kind: "formula", File: n.src.pos.File, Text: n.src.text, Line: line, Col: col, Value: get(f)})
	}
}
