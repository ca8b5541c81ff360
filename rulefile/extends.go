package rulefile

import (
	"fmt"
	"time"

	"github.com/jixiao-go/jixiao/rules"
)

// A rule set that extends another is compiled on top of the version of it in force on its
// own effective date. A library must always hold what a fresh load of its files would: the
// order of loads must not matter. So a file is compiled after the file it extends when both
// are in one load, a cycle is refused whether it lies within one load or across several,
// and replacing a version recompiles every rule set compiled on top of it.
//
// A later version may extend an earlier version of its own id (the 2025 rules are the 2024
// rules with one param changed): it extends the version in force the day before its own
// effective date. A version that would extend itself is refused.

// maxExtendsDepth bounds a chain of rule sets each extending the next. A rule set holds
// every formula of the chain above it, so a chain of n files costs n² to compile; real
// chains are three deep (national, provincial, county).
const maxExtendsDepth = 8

// tooDeep reports a base that cannot be extended once more.
func tooDeep(b *RuleSet, id string, at rules.Pos, sc *setCompiler) bool {
	if b.depth < maxExtendsDepth {
		return false
	}
	sc.fail(at, rules.ErrFileLimit, id, "extends 层数超过上限 %d：%s 扩展的 %s 已是第 %d 层", maxExtendsDepth, id, b.id, b.depth+1)
	return true
}

// baseDay is the day on which d's base is looked up: its effective date, or the day before
// when it extends its own id (on its effective date that id is d itself).
func baseDay(id, extends string, effective time.Time) time.Time {
	if extends == id {
		return effective.AddDate(0, 0, -1)
	}
	return effective
}

// base finds the rule set d extends (nil when it extends none), refusing a cycle through
// the rule sets already in the catalog.
func (c *catalog) base(d *draft, failed map[string]bool, sc *setCompiler) (*RuleSet, bool) {
	if d.extends == "" {
		return nil, true
	}
	day := baseDay(d.id, d.extends, d.effective)
	b, err := c.get(d.extends, day)
	switch {
	case err == nil:
		if tooDeep(b, d.id, d.extPos, sc) {
			return nil, false
		}
		if c.replaces(d) && c.reaches(b, d.id, d.effective) {
			sc.fail(d.extPos, rules.ErrCycle, d.id, "extends 形成循环：%s 间接扩展了自己", d.id)
			return nil, false
		}
		return b, true
	case d.extends == d.id:
		sc.fail(d.extPos, rules.ErrCycle, d.id, "extends 不能是自己：%s 在 %s 之前没有生效的版本可以扩展", d.id, d.effective.Format("2006-01-02"))
	case failed[d.extends]:
		sc.fail(d.extPos, rules.ErrFileReference, d.id, "extends 引用的规则集 %s 本身有错误，请先改正它", d.extends)
	default:
		hint := sc.loadHint(d.extends, func() []string { return sortedIDs(c.sets) })
		if hint == "" && !c.has(d.extends) && !sc.loading[d.extends] {
			// most often the base is a file of the officer's own, not given with this one
			hint = "：被继承的规则文件要和本文件一起检查和加载"
		}
		sc.fail(d.extPos, rules.ErrFileReference, d.id, "extends 引用的规则集 %s 不存在，或在 %s 没有生效的版本%s",
			d.extends, d.effective.Format("2006-01-02"), hint)
	}
	return nil, false
}

// has reports whether any version of rule set id is in the catalog.
func (c *catalog) has(id string) bool { return len(c.sets[id]) > 0 }

// replaces reports whether d replaces a version already in the catalog: only then can the
// chain of its base lead back to it (a new version is in no chain yet).
func (c *catalog) replaces(d *draft) bool {
	for _, v := range c.sets[d.id] {
		if v.effective.Equal(d.effective) {
			return true
		}
	}
	return false
}

// reaches reports whether the chain of bases from b passes through the version of id from
// effective: compiling that version on b would close a cycle. The walk is bounded by the
// number of versions, so a cycle already in the catalog cannot make it loop.
func (c *catalog) reaches(b *RuleSet, id string, effective time.Time) bool {
	n := 0
	for _, vs := range c.sets {
		n += len(vs)
	}
	for i := 0; b != nil && i <= n; i++ {
		if b.id == id && b.effective.Equal(effective) {
			return true
		}
		if b.extends == "" {
			return false
		}
		next, err := c.get(b.extends, baseDay(b.id, b.extends, b.effective))
		if err != nil {
			return false
		}
		b = next
	}
	return b != nil
}

// orderDrafts puts every draft after the draft it extends when both are in this load: the
// draft of that id in force on its base day, as base will look it up. A cycle among them is
// refused at each draft on it.
func orderDrafts(ds []*draft, sc *setCompiler) []*draft {
	byID := map[string][]*draft{}
	for _, d := range ds {
		byID[d.id] = append(byID[d.id], d)
	}
	baseOf := func(d *draft) *draft {
		if d.extends == "" {
			return nil
		}
		day := baseDay(d.id, d.extends, d.effective)
		var found *draft
		for _, b := range byID[d.extends] {
			if !b.effective.After(day) && (found == nil || b.effective.After(found.effective)) {
				found = b
			}
		}
		return found
	}
	var out []*draft
	state := map[*draft]int{}
	var visit func(d *draft)
	visit = func(d *draft) {
		switch state[d] {
		case 2:
			return
		case 1:
			sc.fail(d.extPos, rules.ErrCycle, d.id, "extends 形成循环：%s 间接扩展了自己", d.id)
			return
		}
		state[d] = 1
		if b := baseOf(d); b != nil {
			visit(b)
		}
		state[d] = 2
		out = append(out, d)
	}
	for _, d := range ds {
		visit(d)
	}
	return out
}

// rebase recompiles every rule set whose base was compiled in this load after it (directly or
// through another), so that replacing a base never leaves a regional file computing with the
// old base's rules, whatever order the files came in. One pass over the versions, bases
// first, keeps it linear in their number. A rule set that no longer compiles on its new base
// is reported in errs; broken holds the rule sets of changed whose replacement broke one (a
// partial load refuses them).
func (c *catalog) rebase(changed []*RuleSet, sc *setCompiler) (errs rules.ErrorList, broken map[*RuleSet]bool) {
	gen := map[*RuleSet]int{}       // order of compilation in this load; 0 for older ones
	root := map[*RuleSet]*RuleSet{} // the change of this load behind each
	for i, rs := range changed {
		gen[rs], root[rs] = i+1, rs
	}
	next := len(changed) + 1
	broken = map[*RuleSet]bool{}
	for _, rs := range c.basesFirst() {
		if rs.extends == "" || rs.src == nil {
			continue
		}
		base, err := c.get(rs.extends, baseDay(rs.id, rs.extends, rs.effective))
		if err == nil && gen[base] <= gen[rs] {
			continue // compiled on the base in force
		}
		rsc := &setCompiler{opts: sc.opts, maxFileSize: sc.maxFileSize}
		var nrs *RuleSet
		switch {
		case err != nil:
			rsc.fail(rs.src.extPos, rules.ErrFileReference, rs.id, "替换后，%s 扩展的规则集 %s 在 %s 没有生效的版本", rs.id, rs.extends, rs.effective.Format("2006-01-02"))
		case c.reaches(base, rs.id, rs.effective):
			rsc.fail(rs.src.extPos, rules.ErrCycle, rs.id, "extends 形成循环：%s 间接扩展了自己", rs.id)
		case tooDeep(base, rs.id, rs.src.extPos, rsc):
		default:
			nrs = rsc.compile(rs.src, base)
		}
		cause := root[base]
		if cause == nil {
			cause = c.lostBase(rs, changed)
		}
		if nrs == nil {
			errs = append(errs, rsc.errs...)
			if cause != nil {
				broken[cause] = true
			}
			continue
		}
		c.replace(rs, nrs)
		gen[nrs], root[nrs] = next, cause
		next++
	}
	return errs, broken
}

// basesFirst lists every version so that each comes after the version it extends.
func (c *catalog) basesFirst() []*RuleSet {
	var out []*RuleSet
	state := map[*RuleSet]int{}
	var visit func(rs *RuleSet)
	visit = func(rs *RuleSet) {
		if state[rs] != 0 {
			return // done, or a cycle (refused where it is compiled)
		}
		state[rs] = 1
		if rs.extends != "" {
			if b, err := c.get(rs.extends, baseDay(rs.id, rs.extends, rs.effective)); err == nil {
				visit(b)
			}
		}
		state[rs] = 2
		out = append(out, rs)
	}
	for _, id := range sortedIDs(c.sets) {
		for _, rs := range c.sets[id] {
			visit(rs)
		}
	}
	return out
}

// replace puts nrs where rs was.
func (c *catalog) replace(rs, nrs *RuleSet) {
	for i, v := range c.sets[rs.id] {
		if v == rs {
			c.sets[rs.id][i] = nrs
		}
	}
}

// lostBase is the change of this load that left rs without a base in force: the first
// change of the id it extends.
func (c *catalog) lostBase(rs *RuleSet, changed []*RuleSet) *RuleSet {
	for _, b := range changed {
		if b.id == rs.extends {
			return b
		}
	}
	return nil
}

// A file that extends another changes some of its names: params, formulas, tables, inputs.
// When the merged rule set does not compile, a problem may sit in the base file (an
// overridden param of the wrong kind breaks a base table; an overridden table's outcomes no
// longer match a base comparison), which the author of the extending file cannot edit and may
// not even have open. blameOverrides moves such a problem to the declaration in the extending
// file that caused it, and names the base rule it breaks, with its place, in the message. It
// keys on names, not on error codes: a problem in another file is the extending file's when
// the expression it is in reads (directly, or through the formulas and tables it reads) a name
// the extending file declares.

// blameOverrides rewrites the problems errs found compiling rs, whose own file is d, so that
// each problem in another file caused by d's declarations points at that declaration first.
func blameOverrides(errs rules.ErrorList, rs *RuleSet, d *draft) rules.ErrorList {
	own := overrides(d)
	if len(own) == 0 {
		return errs
	}
	var reads *readGraph
	out := make(rules.ErrorList, 0, len(errs))
	for _, e := range errs {
		if e.File == "" || e.File == d.file.name || e.Line == 0 {
			out = append(out, e)
			continue
		}
		if reads == nil {
			reads = newReadGraph(rs)
		}
		name, ok := reads.cause(e, own)
		if !ok {
			out = append(out, e)
			continue
		}
		at := own[name]
		base := "规则"
		if e.RuleID != "" {
			base += " " + e.RuleID
		}
		out = append(out, &rules.Error{Code: e.Code, File: at.File, Line: at.Line, Col: at.Col, Offset: at.Offset, End: at.Offset,
			RuleID: name, RuleSet: e.RuleSet,
			Msg: fmt.Sprintf("这里覆盖了 %s，继承来的%s（%s:%d:%d）因此出错：%s", name, base, e.File, e.Line, e.Col, e.Msg)})
	}
	return out
}

// overrides gives where d declares each name it declares: a param at its first value (the
// value is what is wrong when its kind is), the others at their name.
func overrides(d *draft) map[string]rules.Pos {
	own := map[string]rules.Pos{}
	for _, in := range d.inputs {
		own[in.Name] = in.Pos
	}
	for _, p := range d.params {
		own[p.Name] = p.Pos
		if len(p.Values) > 0 && p.Values[0].Pos.Line > 0 {
			own[p.Name] = p.Values[0].Pos
		}
	}
	for _, f := range d.formulas {
		own[f.Name] = f.Pos
	}
	for _, t := range d.tables {
		own[t.Name] = t.Pos
	}
	return own
}

// readGraph knows, for a merged rule set, each expression's place and the names each formula
// and table reads, to trace a problem back to a name.
type readGraph struct {
	exprs []rules.Expr        // every formula, when and computed then
	rule  []string            // the formula or table each expression belongs to
	reads map[string][]string // formula or table → the names its expressions read
}

func newReadGraph(rs *RuleSet) *readGraph {
	g := &readGraph{reads: map[string][]string{}}
	add := func(rule string, e rules.Expr) {
		g.exprs, g.rule = append(g.exprs, e), append(g.rule, rule)
		g.reads[rule] = append(g.reads[rule], rules.References(e)...)
	}
	for _, f := range rs.formulas {
		add(f.Name, f.Expr)
	}
	for _, t := range rs.tables {
		for _, r := range t.Rows {
			if !r.Else {
				add(t.Name, r.When)
			}
			if r.Then.Expr != nil {
				add(t.Name, *r.Then.Expr)
			}
		}
	}
	return g
}

// cause is the name declared in own that the expression holding problem e reads: directly
// first, else through the formulas and tables it reads (breadth first, so the nearest).
func (g *readGraph) cause(e *rules.Error, own map[string]rules.Pos) (string, bool) {
	start := g.readAt(e)
	if start == nil {
		start = g.reads[e.RuleID]
	}
	seen := map[string]bool{}
	queue := append([]string(nil), start...)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		if _, ok := own[n]; ok {
			return n, true
		}
		queue = append(queue, g.reads[n]...)
	}
	return "", false
}

// readAt is what the expression the problem is in reads, found by the problem's place; nil
// when no expression of the rule set holds it.
func (g *readGraph) readAt(e *rules.Error) []string {
	for i, x := range g.exprs {
		if x.Pos.File != e.File || (e.RuleID != "" && g.rule[i] != e.RuleID) {
			continue
		}
		from := x.Pos.Offset
		if e.Offset >= from && e.Offset <= from+len([]rune(x.Text)) {
			return rules.References(x)
		}
	}
	return nil
}
