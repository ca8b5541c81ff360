package rulefile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
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
}

func (c *setCompiler) fail(p rules.Pos, code rules.Code, rule, format string, args ...any) {
	c.errs = append(c.errs, &rules.Error{Code: code, Msg: fmt.Sprintf(format, args...), File: p.File,
		Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset, RuleID: rule}) // a zero Pos stays unpositioned
}

// compile builds the rule set of d, on top of base when d extends one. It returns nil when
// the file has errors (all of them are recorded).
func (c *setCompiler) compile(d *draft, base *RuleSet) *RuleSet {
	rs := &RuleSet{id: d.id, title: d.title, version: d.version, effective: d.effective, until: d.until,
		source: d.source, extends: d.extends, file: d.file.name, hash: d.hash, filePos: d.idPos, src: d,
		inputs: d.inputs, params: d.params, formulas: d.formulas, tables: d.tables}
	if base != nil {
		c.merge(rs, d, base)
	}
	before := len(c.errs)
	if len(rs.formulas)+len(rs.tables) == 0 {
		if !d.broken {
			c.fail(d.idPos, rules.ErrFileMissing, rs.id, "规则文件没有任何公式（formulas）或决策表（tables）")
		}
		return nil
	}
	c.periods(rs)
	if len(c.errs) > before || len(rs.periods) == 0 {
		c.checkTestNames(rs, d) // the tests' names can still be checked
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
			if inputs[i].Type != in.Type {
				c.fail(d.inputPos[in.Name], rules.ErrDeclaration, d.id, "输入 %s 在 %s 中是%s，这里不能改为%s", in.Name, base.id, inputs[i].Type, in.Type)
			}
			inputs[i] = in
			continue
		}
		inputs = append(inputs, in)
	}
	rs.inputs = inputs
	baseParams := make([]string, len(base.params))
	for i, p := range base.params {
		baseParams[i] = p.Name
	}
	rs.params = overlay(base.params, d.params, func(p Param) string { return p.Name })
	for _, p := range d.params {
		if indexOf(baseParams, p.Name) < 0 {
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

// periods compiles one program per span of dates with unchanged params.
func (c *setCompiler) periods(rs *RuleSet) {
	starts := []time.Time{rs.effective}
	for _, p := range rs.params {
		for _, v := range p.Values {
			if v.Since.After(rs.effective) && (rs.until.IsZero() || !v.Since.After(rs.until)) {
				starts = append(starts, v.Since)
			}
		}
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	seen := map[time.Time]bool{}
	for _, at := range starts {
		if seen[at] {
			continue
		}
		seen[at] = true
		consts, ok := c.constsAt(rs, at)
		if !ok {
			return
		}
		p, err := rules.Build(rules.Spec{Inputs: rs.inputs, Consts: consts, Formulas: rs.formulas, Tables: rs.tables}, c.opts...)
		if err != nil {
			for _, e := range rules.Errors(err) {
				if e.File == "" && e.Line <= 1 {
					e.File = rs.file
				}
				c.errs = append(c.errs, e)
			}
			return // later periods would repeat the same problems
		}
		rs.periods = append(rs.periods, period{from: at, prog: p})
	}
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
			ok = false
			continue
		}
		out = append(out, rules.Const{Name: p.Name, Value: cur.Value, Pos: p.Pos})
	}
	return out, ok
}

// reported reports whether a problem was already recorded at p (the loader found it).
func (c *setCompiler) reported(p rules.Pos) bool {
	for _, e := range c.errs {
		if e.File == p.File && e.Line == p.Line && e.Col == p.Col {
			return true
		}
	}
	return false
}
