package rules

import (
	"fmt"
	"strings"
)

// The check of a decision table, as DMN tools check completeness and overlap: a row whose
// values all match an earlier row first never matches (E013), a row with the same condition
// as an earlier one is a duplicate (E014), and a table without else that leaves some values
// to no row fails at run time (E015). Every finding names a concrete value. Params count
// with the value they have in the program being built (one program per dated span).

// tableBudget bounds the steps of set arithmetic spent on one table, buildBudget those of
// all the tables of one Build: a table that needs more than is left is left unreported,
// whatever it holds. A 500-row table of score bands takes about 5,000 steps.
const (
	tableBudget = 200_000
	buildBudget = 1_000_000
)

// rowSets is what the analysis knows of one row.
type rowSets struct {
	under, over region
	exact       bool // under == over
	skip        bool // a mistake in it is already reported
}

// checkTableLogic analyses table d; bad holds conditions with a reported mistake.
func (c *analyzer) checkTableLogic(d *def, known map[*def]*vocab, bad map[*node]bool) {
	t := d.table
	if d.sym.typ == TypeInvalid || len(t.Rows) == 0 {
		return
	}
	r := &condReader{boxes: &boxes{budget: min(tableBudget, buildBudget-c.logicSpent)}, a: c, bySlot: map[int]int{}, vocab: known}
	start := r.budget
	defer func() { c.logicSpent += start - max(r.budget, 0) }()
	rows := make([]rowSets, 0, len(t.Rows))
	var covered region
	// gaps matter only in a table without else that is not a guard; a reported mistake in a
	// row makes them its consequence, not a finding of their own
	gapsOK := !t.Rows[len(t.Rows)-1].Else && !guard(t) && len(bad) == 0
	gaps := whole()
	for i, row := range t.Rows {
		if row.Else {
			break
		}
		when := d.nodes[2*i]
		rs := rowSets{skip: bad[when]}
		if rs.skip {
			rs.over = whole()
		} else {
			r.big = false
			rs.under, rs.over, rs.exact = r.cond(when)
			if r.big {
				rs.under, rs.over, rs.exact = nil, whole(), false
			}
		}
		if r.spent {
			return
		}
		rows = append(rows, rs)
		if !rs.skip {
			c.rowReach(d, r, rows, covered)
		}
		covered = r.join(covered, rs.under) // a box dropped over maxBoxes only covers less
		if gapsOK {
			r.big = false
			gaps = r.minus(gaps, rs.over)
			gapsOK = !r.big
		}
		if r.spent {
			return
		}
	}
	if gapsOK {
		c.tableGap(d, r, gaps, rows)
	} else if !t.Rows[len(t.Rows)-1].Else && guard(t) {
		c.guardDead(d, r, rows)
	}
}

// guardDead reports a guard table none of whose rows can ever hold, most often because a
// param it checks has a value it does not accept (序时口径: 按周): every record would fail.
func (c *analyzer) guardDead(d *def, r *condReader, rows []rowSets) {
	all := make([]int, len(rows))
	r.pinned = true
	for i, rs := range rows {
		if rs.skip || !readsParam(d.nodes[2*i]) {
			return // a row false as written is reported by rowReach (E013), once
		}
		r.big = false
		_, over, _ := r.cond(d.nodes[2*i])
		if r.big || r.spent || !r.isEmpty(over) {
			return
		}
		all[i] = i
	}
	msg := fmt.Sprintf("决策表 %s 没有 else 行，而且没有任何一行能够成立（计算时每条记录都会报错）：请检查各行的条件和参数的值，或加一行 else", d.name)
	c.errs = append(c.errs, posErr(d.pos, ErrTableGap, d.name, msg+paramNotes(d, all...)))
}

// guard reports whether a table gives the same result on every row: it only says whether
// a record is valid (序时进度写法有效 is true, or the record fails), so a value no row
// matches is its purpose, not a gap.
func guard(t *Table) bool {
	for _, r := range t.Rows[1:] {
		if outcomeText(r.Then) != outcomeText(t.Rows[0].Then) || (r.Then.Expr == nil) != (t.Rows[0].Then.Expr == nil) {
			return false
		}
	}
	return true
}

// rowReach reports the last of rows when no value reaches it.
func (c *analyzer) rowReach(d *def, r *condReader, rows []rowSets, covered region) {
	i := len(rows) - 1
	row := rows[i]
	r.big = false
	left := r.minus(row.over, covered)
	if r.big || r.spent || !r.isEmpty(left) {
		return
	}
	when := d.nodes[2*i]
	if r.isEmpty(row.over) {
		if !readsParam(when) { // a param switching a row off is policy, not a mistake
			c.errs = append(c.errs, c.rowErr(d, i, ErrRowUnreachable,
				fmt.Sprintf("决策表 %s 第 %d 行的条件永远不成立：没有任何取值能满足 %s%s", d.name, i+1, condText(when), paramNote(when))))
		}
		return
	}
	for j := 0; j < i; j++ {
		if row.exact && rows[j].exact && r.within(row.over, rows[j].under) && r.within(rows[j].over, row.under) {
			c.errs = append(c.errs, c.rowErr(d, i, ErrRowDuplicate, c.duplicateMsg(d, i, j)))
			return
		}
	}
	p := r.sample(row.over[0])
	first, at, by := -1, box(nil), []string{}
	for j := 0; j < i; j++ {
		if x := r.holding(rows[j].under, p); first < 0 && x != nil {
			first, at = j, x
		}
		if len(r.meet(rows[j].under, row.over)) > 0 {
			by = append(by, fmt.Sprintf("第 %d 行（%s）", j+1, condText(d.nodes[2*j])))
		}
	}
	if first < 0 || r.spent {
		return // cannot happen: the rows before cover it; say nothing rather than guess
	}
	if len(by) > 3 {
		by = append(by[:3], "等")
	}
	// the example satisfies row first for sure (an earlier row the analysis cannot read may
	// take it first at run time, so "先命中" is said of the rows together, not of this one)
	msg := fmt.Sprintf("决策表 %s 第 %d 行（%s）永远不会命中：满足它的取值都已被%s先命中，例如 %s 时第 %d 行已经成立；请检查行的顺序或条件%s",
		d.name, i+1, condText(when), strings.Join(by, "、"), r.describeBoth(row.over[0], at, p), first+1, paramNotes(d, first, i))
	c.errs = append(c.errs, c.rowErr(d, i, ErrRowUnreachable, msg))
}

// within reports whether region x lies inside y.
func (b *boxes) within(x, y region) bool {
	b.big = false
	rest := b.minus(x, y)
	return !b.big && !b.spent && b.isEmpty(rest)
}

func (c *analyzer) duplicateMsg(d *def, i, j int) string {
	a, b := d.table.Rows[j].Then, d.table.Rows[i].Then
	same := outcomeText(a) == outcomeText(b)
	if same && a.Expr == nil && b.Expr == nil {
		same = a.Value.Type() == b.Value.Type()
	}
	msg := fmt.Sprintf("决策表 %s 第 %d 行与第 %d 行的条件相同（%s），永远不会命中", d.name, i+1, j+1, condText(d.nodes[2*i]))
	if same {
		return msg + "；两行的结果也相同，删去这一行即可" + paramNotes(d, j, i)
	}
	return msg + fmt.Sprintf("；它的结果 %s 不会出现（第 %d 行给出 %s）", outcomeText(b), j+1, outcomeText(a)) + paramNotes(d, j, i)
}

func outcomeText(o Outcome) string {
	if o.Expr != nil {
		return strings.TrimSpace(o.Expr.Text)
	}
	return o.Value.String()
}

// tableGap reports a value no row of a table without else matches, when it is sure: every
// name the gap leaves open must be free (any of its values is in the gap), or have a known
// set of values.
func (c *analyzer) tableGap(d *def, r *condReader, gaps region, rows []rowSets) {
	for _, x := range gaps {
		if !r.proven(x) {
			continue
		}
		p, ok := r.sampleReached(x)
		if !ok {
			continue
		}
		msg := fmt.Sprintf("决策表 %s 没有 else 行，%s 时没有任何一行成立%s，计算时会报错：请补上这些取值的行，或加一行 else",
			d.name, r.describePoint(x, p, true), r.gapRange(x))
		if len(r.vars) == 0 || r.isFull(x) {
			msg = fmt.Sprintf("决策表 %s 没有 else 行，而且没有任何一行能够成立（计算时每条记录都会报错）：请检查各行的条件，或加一行 else", d.name)
		}
		all := make([]int, len(rows))
		for i := range all {
			all[i] = i
		}
		c.errs = append(c.errs, posErr(d.pos, ErrTableGap, d.name, msg+paramNotes(d, all...)))
		return
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// proven reports whether a gap box surely holds values a record can have.
func (b *boxes) proven(x box) bool {
	for i, v := range b.vars {
		if !v.known && !b.equalSet(i, b.comp(x, i), v.dom) {
			return false
		}
	}
	return true
}

// isFull reports whether x is every value.
func (b *boxes) isFull(x box) bool {
	for i, v := range b.vars {
		if !b.equalSet(i, b.comp(x, i), v.dom) {
			return false
		}
	}
	return true
}

// describeBoth writes the example p with every variable either box constrains.
func (b *boxes) describeBoth(x, y box, p []value) string {
	var parts []string
	for i, v := range b.vars {
		if !b.equalSet(i, b.comp(x, i), v.dom) || !b.equalSet(i, b.comp(y, i), v.dom) || len(b.vars) == 1 {
			parts = append(parts, v.name+" = "+v.show(p[i]))
		}
	}
	return strings.Join(parts, "，")
}

// describePoint writes the example p, naming the variables x constrains (all of them when
// none does): 总分 = 60.2，等级 = "中". In a gap, a name left free is not shown.
func (b *boxes) describePoint(x box, p []value, gap bool) string {
	var parts []string
	for i, v := range b.vars {
		if b.equalSet(i, b.comp(x, i), v.dom) && (gap || len(b.vars) > 1) {
			continue
		}
		parts = append(parts, v.name+" = "+v.show(p[i]))
	}
	if len(parts) == 0 {
		for i, v := range b.vars {
			parts = append(parts, v.name+" = "+v.show(p[i]))
		}
	}
	return strings.Join(parts, "，")
}

func (v *avar) show(p value) string {
	switch {
	case v.truth:
		return p.str
	case v.kind == aText:
		return `"` + p.str + `"`
	case v.date:
		return dateValue(int32(p.num.IntPart())).String() //nolint:gosec // G115: a day of the domain, within int32
	}
	return p.num.String()
}

// gapRange describes a gap over one number or date as a range, when it is more than a point:
// （60 < 总分 <= 60.5 时都是如此）.
func (b *boxes) gapRange(x box) string {
	at := -1
	for i, v := range b.vars {
		if !b.equalSet(i, b.comp(x, i), v.dom) {
			if at >= 0 {
				return ""
			}
			at = i
		}
	}
	if at < 0 || b.vars[at].kind == aText {
		return ""
	}
	v, iv := b.vars[at], b.comp(x, at).iv[0]
	lo, hi := iv.lo, iv.hi
	if v.kind == aWhole && hi.inf == 0 {
		hi = bound{v: hi.v.Sub(one)} // [a, b) of whole numbers is a … b-1
	}
	if lo.inf == 0 && hi.inf == 0 && lo.v.Equal(hi.v) {
		return ""
	}
	show := func(d bound) string { return v.show(value{num: d.v}) }
	var s string
	switch {
	case lo.inf != 0 && hi.inf != 0:
		return ""
	case lo.inf != 0:
		s = v.name + map[bool]string{true: " < ", false: " <= "}[hi.open] + show(hi)
	case hi.inf != 0:
		s = v.name + map[bool]string{true: " > ", false: " >= "}[lo.open] + show(lo)
	default:
		s = show(lo) + map[bool]string{true: " < ", false: " <= "}[lo.open] + v.name + map[bool]string{true: " < ", false: " <= "}[hi.open] + show(hi)
	}
	return "（" + s + " 时都是如此）"
}

// rowErr positions a finding at row i's condition.
func (c *analyzer) rowErr(d *def, i int, code Code, msg string) *Error {
	when := d.nodes[2*i]
	return when.src.errAt(code, 0, when.src.runes, msg)
}

// condText is a row's condition as written, shortened for a message.
func condText(n *node) string {
	s := strings.Join(strings.Fields(n.src.text), " ")
	if rs := []rune(s); len(rs) > 40 {
		s = string(rs[:40]) + "…"
	}
	return s
}

// paramNote names the params a condition reads with the values they have in this program:
// a table can be right under one dated value and wrong under the next.
func paramNote(n *node) string { return noteOf(paramsRead(n, nil)) }

func paramsRead(n *node, parts []string) []string {
	if n.op == opLit && n.name != "" {
		if s := n.name + " = " + n.lit.String(); !contains(parts, s) {
			parts = append(parts, s)
		}
	}
	for _, k := range n.kids {
		parts = paramsRead(k, parts)
	}
	return parts
}

func noteOf(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return "（参数 " + strings.Join(parts, "，") + "）"
}

// paramNotes is paramNote over several rows of d, each param named once.
func paramNotes(d *def, rows ...int) string {
	var parts []string
	for _, i := range rows {
		parts = paramsRead(d.nodes[2*i], parts)
	}
	return noteOf(parts)
}

// sampleReached picks a value of every variable from x that the variable can take: a
// formula rounded to 4 places takes 0.1235 in 0.12345 < 执行率 < 0.2, not 0.12346. It reports
// false when the box holds none (0.12341 < 执行率 < 0.12349).
func (b *boxes) sampleReached(x box) ([]value, bool) {
	p := b.sample(x)
	for i, v := range b.vars {
		if !v.scaled || v.kind != aNum || -p[i].num.Exponent() <= v.places {
			continue
		}
		for _, iv := range b.comp(x, i).iv {
			c := iv.sample(false).RoundCeil(v.places)
			if (ivset{iv}).contains(c) {
				p[i].num = c
				break
			}
		}
		if -p[i].num.Exponent() > v.places {
			return nil, false
		}
	}
	return p, true
}
