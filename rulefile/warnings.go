package rulefile

import (
	"fmt"
	"unicode/utf8"

	"github.com/jixiao-go/jixiao/rules"
)

// Warnings lists what in the rule set's own file is probably not what its author meant,
// though the rules compile and run: an input or a param the file declares that no formula
// and no decision table reads (W001, W002), and a file without tests (W003). Each is a
// *rules.Error with a W code, positioned at the declaration in the file, with the rule set's
// id as RuleID; a warning never makes a load fail. jixiao check prints them, and fails on them
// only under --strict.
//
// What counts as read: a name that appears in any formula, in any row's when or computed
// then, of the rule set as merged with what it extends (an input a base file reads is read).
// A test that gives an input does not count: a value only a test gives changes no result. A
// param a file overrides counts as read when the base reads it. A param whose values are all
// text is not reported: it is often a label the platform itself reads (a monitor's colours).
func (rs *RuleSet) Warnings() rules.ErrorList {
	rs = rs.or()
	d := rs.src
	if d == nil {
		return nil
	}
	read := rs.readNames()
	var out rules.ErrorList
	for _, in := range d.inputs {
		if !read[in.Name] {
			out = append(out, warning(in.Pos, in.Name, rules.WarnUnusedInput, rs.id, fmt.Sprintf(
				"输入 %s 没有被任何公式或决策表用到（测试里给出它不算用到）：删掉它，或检查公式中它的名字是否写错", in.Name)))
		}
	}
	for _, p := range d.params {
		if !read[p.Name] && !isLabel(p) {
			out = append(out, warning(p.Pos, p.Name, rules.WarnUnusedParam, rs.id, fmt.Sprintf(
				"参数 %s 没有被任何公式或决策表用到：删掉它，或检查公式中它的名字是否写错", p.Name)))
		}
	}
	if len(d.tests) == 0 {
		out = append(out, warning(d.idPos, rs.id, rules.WarnNoTests, rs.id, fmt.Sprintf(
			"规则集 %s 没有测试：在 tests 下至少写一个测试（given 输入，expect 结果），jixiao test 才能核对规则算得对不对", rs.id)))
	}
	if len(out) == 0 {
		return nil
	}
	return rules.Errors(out.Err())
}

// isLabel reports whether a param holds text in every dated value: such a param is often a
// label the platform reads itself (a monitor's 颜色_绿, its 整改期限口径), not something a
// formula forgot, so it is not reported unused.
func isLabel(p Param) bool {
	for _, v := range p.Values {
		if v.Value.Type() != rules.TypeString {
			return false
		}
	}
	return len(p.Values) > 0
}

// readNames is every name a formula or a decision table of the rule set reads.
func (rs *RuleSet) readNames() map[string]bool {
	read := map[string]bool{}
	add := func(e rules.Expr) {
		for _, n := range rules.References(e) {
			read[n] = true
		}
	}
	for _, f := range rs.formulas {
		add(f.Expr)
	}
	for _, t := range rs.tables {
		for _, r := range t.Rows {
			if !r.Else {
				add(r.When)
			}
			if r.Then.Expr != nil {
				add(*r.Then.Expr)
			}
		}
	}
	return read
}

// warning is positioned at the name it is about, spanning it (End), so an editor or a
// platform can underline the declaration as it does an expression's unknown name.
func warning(p rules.Pos, name string, code rules.Code, rule, msg string) *rules.Error {
	end := p.Offset + utf8.RuneCountInString(name)
	return &rules.Error{Code: code, Msg: msg, File: p.File, Line: p.Line, Col: p.Col, Offset: p.Offset, End: end, RuleID: rule}
}
