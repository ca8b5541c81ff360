package rules

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
)

// def is one formula or table while a Spec is being compiled.
type def struct {
	name    string
	pos     Pos
	formula *Formula
	table   *Table
	sym     *symbol
	deps    []string
	// parsed expressions: for a formula one; for a table two per row (when, then)
	srcs  []*source
	trees []ast.Node
	nodes []*node
	bad   bool
}

// analyzer is the front end of one Build: it declares the Spec's names, parses every
// expression, sorts the definitions by dependency and type-checks them into IR.
type analyzer struct {
	cfg      *config
	syms     map[string]*symbol
	funcs    map[string]*Func
	slots    slotAlloc
	errs     ErrorList
	defs     []*def
	byName   map[string]*def
	order    []*def
	inputs   []*symbol
	firstUse map[*symbol]*Error // where each input is first read, for R002 messages
	hints    int                // suggestions left for unknown names (bounded: a hostile file may have thousands)
	nodes    int                // syntax-tree nodes parsed so far, against MaxTotalNodes
	bySlot   map[int]*def       // the definition whose result each slot holds, made on first use
	// broken holds names whose declaration was refused and reported (a name with a space,
	// 总 分, also without it): a use of one is not reported again as unknown.
	broken  map[string]bool
	misused map[string]bool // params reported used as the wrong type, see checker.misused
	// logicSpent is the work the table analysis has done in this Build, against buildBudget
	logicSpent int
	// textNeverSeen holds each result and word already reported as never equal (E016)
	textNeverSeen map[string]bool
	// reached caches what each formula can produce (tablerange.go): every table over it asks
	reached map[*def]reach
}

// posErr reports a problem with a declaration at p. A declaration made in Go (a zero Pos)
// has no place in any text, and its problem no position.
func posErr(p Pos, code Code, ruleID, msg string) *Error {
	e := &Error{Code: code, Msg: msg, File: p.File, Offset: p.Offset, End: p.Offset, RuleID: ruleID}
	if p.Line > 0 {
		e.Line, e.Col = p.Line, max(p.Col, 1)
	}
	return e
}

// declare adds a program-level name, reporting a duplicate.
func (c *analyzer) declare(name string, p Pos, s *symbol) bool {
	if msg := checkName(name); msg != "" {
		c.markBroken(name)
		what := "名称"
		if s.kind == symInput {
			what = "输入名称"
		}
		if name == "" {
			msg = "为空" // checkName's "名称为空" would read 名称名称为空 here
		}
		if name != "" {
			what += " "
		}
		c.errs = append(c.errs, posErr(p, ErrDeclaration, "", what+msg))
		return false
	}
	rule := name
	if s.kind == symInput {
		rule = "" // an input is a declaration, not a rule
	}
	if _, dup := c.syms[name]; dup {
		c.errs = append(c.errs, posErr(p, ErrDuplicate, rule, fmt.Sprintf("名称 %s 重复定义", name)))
		return false
	}
	if _, isFn := builtinByName(name); isFn {
		c.errs = append(c.errs, posErr(p, ErrDuplicate, rule, fmt.Sprintf("名称 %s 与内置函数同名", name)))
		return false
	}
	c.syms[name] = s
	return true
}

// markBroken records a refused declaration's name, and the name without spaces.
func (c *analyzer) markBroken(name string) {
	if c.broken == nil {
		c.broken = map[string]bool{}
	}
	c.broken[name] = true
	c.broken[strings.Join(strings.Fields(name), "")] = true
}

// declareAll declares the Spec's names. An input without a valid type, or a param without a
// value, is a broken declaration: it is reported once, here, and declared with no type, so
// nothing that reads it reports anything more (one mistake, one message).
func (c *analyzer) declareAll(spec Spec) {
	for _, in := range append(append([]Input(nil), c.cfg.inputs...), spec.Inputs...) {
		if in.Type == TypeInvalid || in.Type > TypeList {
			in.Type = TypeInvalid
			c.errs = append(c.errs, posErr(in.Pos, ErrDeclaration, "", fmt.Sprintf("输入 %s 的类型无效", in.Name)))
		}
		s := &symbol{name: in.Name, typ: in.Type, kind: symInput, slot: c.slots.next()}
		if c.declare(in.Name, in.Pos, s) {
			c.inputs = append(c.inputs, s)
		}
	}
	for _, k := range spec.Consts {
		if !k.Value.IsValid() {
			c.errs = append(c.errs, posErr(k.Pos, ErrDeclaration, "", fmt.Sprintf("参数 %s 没有值", k.Name)))
		} else if msg := c.cfg.lim.valueLimit(k.Value); msg != "" { // as if it were written in the text
			c.errs = append(c.errs, posErr(k.Pos, ErrLimit, "", fmt.Sprintf("参数 %s%s", k.Name, msg)))
		}
		c.declare(k.Name, k.Pos, &symbol{name: k.Name, typ: k.Value.Type(), kind: symConst, val: k.Value})
	}
	for i := range spec.Formulas {
		f := &spec.Formulas[i]
		p := f.Pos
		if p == (Pos{}) {
			p = f.Expr.Pos
		}
		c.addDef(&def{name: f.Name, pos: p, formula: f})
	}
	for i := range spec.Tables {
		t := &spec.Tables[i]
		c.addDef(&def{name: t.Name, pos: t.Pos, table: t})
	}
	for _, f := range c.cfg.funcs {
		fn := f
		c.funcs[f.Name] = &fn
	}
}

func (c *analyzer) addDef(d *def) {
	d.sym = &symbol{name: d.name, kind: symResult, slot: c.slots.next()}
	if c.declare(d.name, d.pos, d.sym) {
		c.defs = append(c.defs, d)
		c.byName[d.name] = d
	}
}

// parseAll parses every expression and records which results each definition reads.
func (c *analyzer) parseAll() {
	for _, d := range c.defs {
		add := func(e Expr) {
			if c.overBudget() { // Build stops after parsing: the rest need not cost anything
				d.srcs, d.trees = append(d.srcs, nil), append(d.trees, nil)
				return
			}
			src, tree, errs := parse(e, d.name, c.cfg.lim)
			c.errs = append(c.errs, errs...)
			c.count(src, tree)
			if d.formula != nil {
				d.bad = d.bad || tree == nil // a table checks its other rows; checkExpr skips this one
			}
			d.srcs, d.trees = append(d.srcs, src), append(d.trees, tree)
			names, at := refs(tree)
			for _, n := range names {
				n = src.realName(n, at[n])
				if _, ok := c.byName[n]; ok {
					d.deps = append(d.deps, n)
				}
			}
		}
		if d.formula != nil {
			add(d.formula.Expr)
			continue
		}
		for _, r := range d.table.Rows {
			if r.Else {
				d.srcs, d.trees = append(d.srcs, nil), append(d.trees, nil)
			} else {
				add(r.When)
			}
			if r.Then.Expr != nil {
				add(*r.Then.Expr)
			} else {
				d.srcs, d.trees = append(d.srcs, nil), append(d.trees, nil)
			}
		}
	}
}

// count adds a parsed expression's nodes to the Build's total and reports, once, the
// expression that takes it over MaxTotalNodes.
func (c *analyzer) count(src *source, tree ast.Node) {
	if tree == nil {
		return
	}
	before := c.nodes
	c.nodes += countNodes(tree)
	if limit := c.cfg.lim.maxTotal; before <= limit && c.nodes > limit {
		c.errs = append(c.errs, src.errAt(ErrLimit, 0, 0, fmt.Sprintf("表达式合计超过 %d 个节点，规模过大：请拆分成几个规则集", limit)))
	}
}

// overBudget reports whether the expressions parsed exceed MaxTotalNodes.
func (c *analyzer) overBudget() bool { return c.nodes > c.cfg.lim.maxTotal }

// sortDefs orders definitions so each comes after what it reads; a cycle is an error naming it.
func (c *analyzer) sortDefs() {
	const (
		unseen = iota
		active
		done
	)
	state := map[*def]int{}
	var stack []*def
	var visit func(d *def)
	visit = func(d *def) {
		switch state[d] {
		case done:
			return
		case active:
			i := len(stack) - 1
			for stack[i] != d {
				i--
			}
			names := []string{}
			for _, s := range stack[i:] {
				names = append(names, s.name)
				s.bad = true
			}
			names = append(names, d.name)
			c.errs = append(c.errs, posErr(d.pos, ErrCycle, d.name, "循环引用："+strings.Join(names, " → ")))
			return
		}
		state[d] = active
		stack = append(stack, d)
		for _, n := range d.deps {
			visit(c.byName[n])
		}
		stack = stack[:len(stack)-1]
		state[d] = done
		c.order = append(c.order, d)
	}
	for _, d := range c.defs {
		visit(d)
	}
}

// checkAll type-checks definitions in dependency order, so a result's type is known before
// anything that reads it is checked.
func (c *analyzer) checkAll() {
	for _, d := range c.order {
		if d.bad {
			d.sym.typ = TypeInvalid
			continue
		}
		if d.formula != nil {
			n := c.checkExpr(d, 0)
			d.nodes = []*node{n}
			d.sym.typ = n.typ
			continue
		}
		c.checkTable(d)
	}
}

// checkLogic finds what type-checks but cannot be what the author meant: text compared with
// a value its result never takes (vocab.go), and decision-table rows that never match, rows
// repeated, values no row matches (tablecheck.go). Definitions are visited in dependency
// order, so a table's vocabulary is known before anything that compares with it.
func (c *analyzer) checkLogic() {
	known := map[*def]*vocab{}
	for _, d := range c.order {
		bad := c.checkTexts(d, known)
		if d.table != nil {
			c.checkTableLogic(d, known, bad)
		}
		if v := c.vocabOf(d, known); v != nil {
			known[d] = v
		}
	}
}

// inputBySlot is the input read through slot, or nil.
func (c *analyzer) inputBySlot(slot int) *symbol {
	for _, s := range c.inputs {
		if s.slot == slot {
			return s
		}
	}
	return nil
}

// defBySlot is the formula or table whose result is in slot, or nil.
func (c *analyzer) defBySlot(slot int) *def {
	if c.bySlot == nil {
		c.bySlot = make(map[int]*def, len(c.defs))
		for _, d := range c.defs {
			c.bySlot[d.sym.slot] = d
		}
	}
	return c.bySlot[slot]
}

// untyped guards the closure compiler: a result whose type could not be decided must come
// with a reported problem, never reach code generation.
func (c *analyzer) untyped() {
	if len(c.errs) > 0 {
		return
	}
	for _, d := range c.order {
		if d.sym.typ == TypeInvalid {
			c.errs = append(c.errs, posErr(d.pos, ErrType, d.name, fmt.Sprintf("无法确定 %s 的类型：它用到的值有误", d.name)))
		}
	}
}

func (c *analyzer) checkExpr(d *def, i int) *node {
	if d.trees[i] == nil { // did not parse: its error is reported
		return &node{typ: TypeInvalid, src: d.srcs[i]}
	}
	ck := &checker{src: d.srcs[i], syms: c.syms, funcs: c.funcs, lim: c.cfg.lim, slots: &c.slots, hints: &c.hints, broken: c.broken, misused: c.misused}
	n := ck.check(d.trees[i])
	c.errs = append(c.errs, ck.errs...)
	for _, s := range ck.used {
		if s.kind == symInput && c.firstUse[s] == nil {
			c.firstUse[s] = d.srcs[i].errAt(ErrMissingInput, ck.useAt[s], ck.useAt[s]+len([]rune(s.name)),
				fmt.Sprintf("缺少输入 %s", s.name))
		}
		if s.kind == symResult && s.typ == TypeInvalid {
			n = bad(n.from, n.to) // a result that failed to compile: its error is already reported
		}
	}
	return n
}

func (c *analyzer) checkTable(d *def) {
	t := d.table
	var typ Type
	typRow := 0
	ok := true
	for i, r := range t.Rows {
		var when, then *node
		if !r.Else {
			when = c.checkExpr(d, 2*i)
			if when.typ != TypeInvalid && when.typ != TypeBool {
				c.errs = append(c.errs, when.src.errAt(ErrType, when.from, when.to,
					fmt.Sprintf("决策表 %s 第 %d 行的 when 应为条件（真/假），这里是%s", t.Name, i+1, when.typ)))
				ok = false
			}
			ok = ok && when.typ == TypeBool
		} else if i != len(t.Rows)-1 {
			c.errs = append(c.errs, posErr(r.Pos, ErrDeclaration, t.Name, fmt.Sprintf("决策表 %s 的 else 行必须是最后一行", t.Name)))
			ok = false
		}
		if r.Then.Expr != nil {
			then = c.checkExpr(d, 2*i+1)
		} else {
			then = &node{op: opLit, typ: r.Then.Value.Type().kind(), lit: r.Then.Value, litDec: r.Then.Value.Decimal()}
			if msg := c.cfg.lim.valueLimit(r.Then.Value); msg != "" {
				c.errs = append(c.errs, posErr(r.Then.Pos, ErrLimit, t.Name, fmt.Sprintf("决策表 %s 第 %d 行的结果%s", t.Name, i+1, strings.TrimPrefix(msg, " 的"))))
				ok = false
			}
		}
		d.nodes = append(d.nodes, when, then)
		switch {
		case then.typ == TypeInvalid:
			ok = false
		case typ == TypeInvalid:
			typ, typRow = then.typ, i
		case then.typ != typ:
			p, width := r.Then.Pos, len([]rune(r.Then.Value.String()))
			if r.Then.Expr != nil { // a text: its zero Pos is its own first line, as for any expression
				p, width = r.Then.Expr.Pos, len([]rune(r.Then.Expr.Text))
				p.Line = max(p.Line, 1)
			}
			e := posErr(p, ErrTableType, t.Name,
				fmt.Sprintf("决策表 %s 第 %d 行的结果是%s，与第 %d 行的%s不同", t.Name, i+1, then.typ, typRow+1, typ))
			e.End = e.Offset + width // the outcome, for an editor to underline
			c.errs = append(c.errs, e)
			ok = false
		}
	}
	if len(t.Rows) == 0 {
		c.errs = append(c.errs, posErr(t.Pos, ErrDeclaration, t.Name, fmt.Sprintf("决策表 %s 没有任何行", t.Name)))
		ok = false
	}
	if ok {
		d.sym.typ = typ
	}
}
