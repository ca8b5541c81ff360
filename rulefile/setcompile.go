package rulefile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/rules"
)

// setCompiler turns drafts into RuleSets: merges what a file extends, splits the dates into
// periods over which no param changes, and compiles one Program per period.
type setCompiler struct {
	opts        []rules.Option
	maxFileSize int
	errs        rules.ErrorList
	builds      int             // programs built, the work a file's params cost (tests assert on it)
	hints       int             // typo suggestions made for the rule set being compiled, within maxHints
	loadHints   int             // and for the whole load (a missing extends), within maxHints too
	loading     map[string]bool // the ids of this load's files, compiled or not yet
}

func (c *setCompiler) fail(p rules.Pos, code rules.Code, rule, format string, args ...any) {
	c.errs = append(c.errs, &rules.Error{Code: code, Msg: fmt.Sprintf(format, args...), File: p.File,
		Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset, RuleID: rule}) // a zero Pos stays unpositioned
}

// compile builds the rule set of d, on top of base when d extends one. It returns nil when
// the file has errors (all of them are recorded).
func (c *setCompiler) compile(d *draft, base *RuleSet) *RuleSet {
	c.hints = 0 // each rule set has its own budget of suggestions
	rs := &RuleSet{id: d.id, title: d.title, version: d.version, effective: d.effective, until: d.until, hasUntil: d.hasUntil,
		source: d.source, extends: d.extends, file: d.file.name, hash: d.hash, filePos: d.idPos, src: d,
		inputs: d.inputs, defaults: d.defaults, params: d.params, formulas: d.formulas, tables: d.tables}
	if base != nil {
		c.merge(rs, d, base)
		rs.depth = base.depth + 1
	}
	before := len(c.errs)
	if len(rs.formulas)+len(rs.tables) == 0 {
		if !d.broken {
			c.fail(d.idPos, rules.ErrFileMissing, rs.id, "规则文件没有任何公式（formulas）或决策表（tables）")
		}
		return nil
	}
	c.periods(rs)
	if base != nil && len(c.errs) > before { // a base rule broken by this file: say so here
		c.errs = append(c.errs[:before], blameOverrides(c.errs[before:], rs, d)...)
	}
	if len(c.errs) > before || len(rs.periods) == 0 {
		c.checkTestNames(rs, d) // the tests' names and given values can still be checked
		c.checkGiven(rs, d)
		return nil
	}
	c.resolveTests(rs, d)
	if len(c.errs) > before {
		return nil
	}
	return rs
}

// merge lays d over base: d's params, formulas and tables replace those of the same name;
// inputs are added; tests are d's own.
func (c *setCompiler) merge(rs *RuleSet, d *draft, base *RuleSet) {
	sum := sha256.Sum256([]byte(base.hash + d.hash))
	rs.hash = hex.EncodeToString(sum[:])
	if rs.title == "" {
		rs.title = base.title
	}
	if rs.source == "" {
		rs.source = base.source
	}
	inputs := append([]rules.Input(nil), base.inputs...)
	for _, in := range d.inputs {
		if i := indexInput(inputs, in.Name); i >= 0 {
			if inputs[i].Type != in.Type && in.Type != rules.TypeInvalid { // an invalid type is reported where it is read
				c.fail(d.inputPos[in.Name], rules.ErrDeclaration, d.id, "输入 %s 在 %s 中是%s，这里不能改为%s", in.Name, base.id, inputs[i].Type, in.Type)
			}
			inputs[i] = in
			continue
		}
		inputs = append(inputs, in)
	}
	rs.inputs = inputs
	rs.defaults = map[string]inputDefault{}
	for name, def := range base.defaults {
		rs.defaults[name] = def
	}
	for _, in := range d.inputs { // an input declared again takes its own default, or none
		delete(rs.defaults, in.Name)
		if def, ok := d.defaults[in.Name]; ok {
			rs.defaults[in.Name] = def
		}
	}
	baseParams := make([]string, len(base.params))
	for i, p := range base.params {
		baseParams[i] = p.Name
	}
	rs.params = overlay(base.params, d.params, func(p Param) string { return p.Name })
	for _, p := range d.params {
		if indexOf(baseParams, p.Name) < 0 && c.hints < maxHints {
			c.hints++
			if best := suggest.Closest(p.Name, baseParams); best != "" {
				c.fail(p.Pos, rules.ErrFileKey, d.id, "参数 %s 不在 %s 中，是否要覆盖 %s？（新增参数请换一个不易混淆的名称）", p.Name, base.id, best)
			}
		}
	}
	rs.formulas = overlay(base.formulas, d.formulas, func(f rules.Formula) string { return f.Name })
	rs.tables = overlay(base.tables, d.tables, func(t rules.Table) string { return t.Name })
}

// overlay replaces items of base by name with those of over, keeping base's order, and
// appends the new ones.
func overlay[T any](base, over []T, name func(T) string) []T {
	out := append([]T(nil), base...)
	for _, o := range over {
		replaced := false
		for i := range out {
			if name(out[i]) == name(o) {
				out[i], replaced = o, true
			}
		}
		if !replaced {
			out = append(out, o)
		}
	}
	return out
}

func indexInput(in []rules.Input, name string) int {
	for i, x := range in {
		if x.Name == name {
			return i
		}
	}
	return -1
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

// maxSpanWork bounds what a file's dated params cost to compile: each span of dates with
// its own param values is one more program of all the file's formulas and tables, so the
// spans after the first times the definitions is the work. Real files have a handful of spans; a file of a
// thousand dated values and a hundred formulas would otherwise take seconds to check.
const maxSpanWork = 2000

// periods compiles one program per span of dates with unchanged params; spans whose params
// hold the same values share one program.
func (c *setCompiler) periods(rs *RuleSet) {
	starts := []time.Time{rs.effective}
	for _, p := range rs.params {
		for _, v := range p.Values {
			if v.Since.After(rs.effective) && (!rs.hasUntil || !v.Since.After(rs.until)) {
				starts = append(starts, v.Since)
			}
		}
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	starts = uniqueDays(starts)
	defs := len(rs.formulas) + len(rs.tables)
	if work := (len(starts) - 1) * defs; work > maxSpanWork { // the first span is the file itself
		p := busiestParam(rs)
		c.fail(p.Pos, rules.ErrFileLimit, rs.id, "参数按日期分为 %d 段，每段都要编译全部 %d 条公式和决策表，超过上限（段数 × 条数不超过 %d）：请把已不再生效的分段移到旧版本的文件中",
			len(starts), defs, maxSpanWork)
		return
	}
	var spans []dated
	for _, at := range starts {
		consts, ok := c.constsAt(rs, at)
		if !ok {
			return
		}
		spans = append(spans, dated{at, consts, constsKey(consts)})
	}
	distinct := map[string]bool{}
	for _, sp := range spans {
		distinct[sp.key] = true
	}
	progs := map[string]*rules.Program{}
	failed := map[string]bool{}
	for _, sp := range spans {
		if failed[sp.key] {
			continue
		}
		p := progs[sp.key]
		if p == nil {
			var err error
			p, err = rules.Build(rules.Spec{Inputs: rs.inputs, Consts: sp.consts, Formulas: rs.formulas, Tables: rs.tables}, c.opts...)
			c.builds++
			if err != nil {
				// a later span can go wrong where this one did not (a 良下限 raised above
				// 优下限 from July): each span's problems are reported, each mistake once
				c.spanErrors(rs, sp, err)
				failed[sp.key] = true
				if len(failed) >= maxFailedSpans {
					return
				}
				continue
			}
			progs[sp.key] = p
			if len(progs) == 1 && !c.spansAffordable(rs, p, len(distinct)) {
				return // the first program tells what every other span would cost
			}
		}
		rs.periods = append(rs.periods, period{from: sp.from, prog: p})
	}
	if len(failed) > 0 {
		rs.periods = nil
	}
}

// maxFailedSpans bounds the spans compiled once spans have failed: a span that fails is
// not measured by spansAffordable, and real files have a handful of spans.
const maxFailedSpans = 8

// spanErrors records the problems of one span's program that no earlier span reported at
// the same place.
func (c *setCompiler) spanErrors(rs *RuleSet, sp dated, err error) {
	for _, e := range rules.Errors(err) {
		if e.File == "" && e.Line <= 1 {
			e.File = rs.file
		}
		if brokenDeclaration(e, rs.inputs, sp.consts) || c.reportedAs(e) {
			continue
		}
		if sp.from.After(rs.effective) { // wrong only from a later dated value: say from when
			e.Msg = sinceNote(e.Msg, sp.from.Format("2006-01-02"))
		}
		c.errs = append(c.errs, e)
	}
}

// reportedAs reports whether a problem was already recorded at e's place: a row dead in one
// span and a duplicate in the next is one row to fix, said once.
func (c *setCompiler) reportedAs(e *rules.Error) bool {
	for _, x := range c.errs {
		if x.File == e.File && x.Line == e.Line && x.Col == e.Col {
			return true
		}
	}
	return false
}

// dated is one span of dates with its param values; key tells two spans' values apart.
type dated struct {
	from   time.Time
	consts []rules.Const
	key    string
}

// maxSpanNodes bounds the syntax-tree nodes compiled for a rule set's dated spans beyond
// its first: each span with its own param values compiles every formula and table again,
// and compiling costs memory in proportion to the nodes (about a kilobyte each).
const maxSpanNodes = 100_000

// spansAffordable checks, once the first span is compiled, that compiling the other
// distinct spans stays within maxSpanNodes; otherwise it reports the param that splits the
// rule set most, in the file.
func (c *setCompiler) spansAffordable(rs *RuleSet, first *rules.Program, distinct int) bool {
	if first.Nodes()*(distinct-1) <= maxSpanNodes {
		return true
	}
	bp := busiestParam(rs)
	c.fail(bp.Pos, rules.ErrFileLimit, rs.id, "参数按日期分为 %d 段，每段都要重新编译全部公式和决策表（每段 %d 个节点），合计超过上限 %d：请减少分段，或把已不再生效的分段移到旧版本的文件中",
		distinct, first.Nodes(), maxSpanNodes)
	return false
}

// uniqueDays drops repeats from sorted days.
func uniqueDays(days []time.Time) []time.Time {
	out := days[:0]
	for i, d := range days {
		if i == 0 || !d.Equal(days[i-1]) {
			out = append(out, d)
		}
	}
	return out
}

// constsKey tells apart the param values of two spans: the same key, the same program.
func constsKey(consts []rules.Const) string {
	var b strings.Builder
	for _, k := range consts {
		b.WriteString(k.Value.Type().String())
		b.WriteByte(0)
		b.WriteString(k.Value.String())
		if d := k.Value.Decimal(); k.Value.Type() == rules.TypeDecimal {
			fmt.Fprintf(&b, "e%d", d.Exponent()) // 1.0 and 1 print differently, as they should
		}
		b.WriteByte(0)
	}
	return b.String()
}

// busiestParam is the param with the most dated values, where too many spans are reported.
func busiestParam(rs *RuleSet) Param {
	best := rs.params[0]
	for _, p := range rs.params[1:] {
		if len(p.Values) > len(best.Values) {
			best = p
		}
	}
	return best
}

// constsAt gives each param's value in force on day at.
func (c *setCompiler) constsAt(rs *RuleSet, at time.Time) ([]rules.Const, bool) {
	out := make([]rules.Const, 0, len(rs.params))
	ok := true
	for _, p := range rs.params {
		var cur *ParamValue
		for i := range p.Values {
			if !p.Values[i].Since.After(at) {
				cur = &p.Values[i]
			}
		}
		if cur == nil {
			c.fail(p.Pos, rules.ErrFileVersion, rs.id, "参数 %s 在 %s 还没有生效的取值（最早的 since 是 %s）", p.Name, at.Format("2006-01-02"), p.Values[0].Since.Format("2006-01-02"))
			ok = false
			continue
		}
		if !cur.Value.IsValid() {
			if cur.Pos.File != "" && !c.reported(cur.Pos) {
				c.fail(cur.Pos, rules.ErrFileValue, rs.id, "参数 %s 的值为空", p.Name)
			}
			// declared without a value: the rest of the file is still checked, and its uses
			// raise no second error (rules reports it once, at p.Pos, which dropReported drops)
			out = append(out, rules.Const{Name: p.Name, Pos: p.Pos})
			continue
		}
		out = append(out, rules.Const{Name: p.Name, Value: cur.Value, Pos: p.Pos})
	}
	return out, ok
}

// reported reports whether a problem was already recorded in the value written at p (the
// loader found it: 20%% is reported at its second %, not at its start).
func (c *setCompiler) reported(p rules.Pos) bool {
	for _, e := range c.errs {
		if e.File == p.File && e.Line == p.Line && e.Col >= p.Col {
			return true
		}
	}
	return false
}

// sinceNote adds to a message the day from which the param values it was found with apply:
// into its note of those values when it has one (（2024-07-01 起，参数 良下限 = 95）).
func sinceNote(msg, day string) string {
	const note = "（参数 "
	if i := strings.LastIndex(msg, note); i >= 0 && strings.HasSuffix(msg, "）") {
		return msg[:i] + "（" + day + " 起，参数 " + msg[i+len(note):]
	}
	return msg + "（" + day + " 起的参数取值）"
}
