package rulefile

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/goccy/go-yaml/ast"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/rules"
)

// TestCase is one test kept beside the rules: given these inputs (on day At), the named
// results must have these values.
type TestCase struct {
	Name   string
	At     time.Time // zero: the rule set's effective date
	Given  []TestValue
	Expect []TestValue
	Pos    rules.Pos
}

// TestValue is one given input or expected result, as written.
type TestValue struct {
	Name  string
	Value rules.Value
	Text  string // the number as the file writes it (98%, 8/12), when that is not how Value prints
	Pos   rules.Pos
}

// TestResult is the outcome of one TestCase.
type TestResult struct {
	RuleSet  string
	File     string
	Name     string
	Pos      rules.Pos
	Failures []TestFailure // empty when the test passed
	Err      error         // the evaluation failed
}

// Passed reports whether the test passed.
func (r TestResult) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// Errors gives the test's problems as positioned errors with code F008 (规则测试未通过), or
// the evaluation error, for platforms that report everything the same way.
func (r TestResult) Errors() rules.ErrorList {
	if r.Err != nil {
		out := rules.ErrorList{}
		for _, e := range rules.Errors(r.Err) {
			c := *e
			c.Msg = "测试 " + r.Name + " 运行出错：" + e.Msg
			out = append(out, &c)
		}
		if len(out) == 0 {
			out = append(out, &rules.Error{Code: rules.ErrTestFailed, File: r.Pos.File, Line: r.Pos.Line, Col: r.Pos.Col, Msg: "测试 " + r.Name + " 运行出错：" + r.Err.Error(), RuleSet: r.RuleSet})
		}
		return out
	}
	var out rules.ErrorList
	for _, f := range r.Failures {
		out = append(out, &rules.Error{Code: rules.ErrTestFailed, File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col, Offset: f.Pos.Offset, End: f.Pos.Offset,
			RuleSet: r.RuleSet, Msg: fmt.Sprintf("测试 %s：%s", f.Test, f.diff())})
	}
	return out
}

// TestFailure is one expected value that did not match.
type TestFailure struct {
	Test string // the test case
	Name string // the result that differed
	Want rules.Value
	Got  rules.Value
	Pos  rules.Pos // where the expectation is written
	// WantText is the expected number as written (98%, 8/12) when that is not how Want
	// prints: the report shows both, so 期望 98%（即 0.98） is recognisable in the file.
	WantText string
}

// String prints the failure as staff read it: file:line:col: 测试 名称：结果 期望 x，实际 y.
func (f TestFailure) String() string {
	return fmt.Sprintf("%s:%d:%d: 测试 %s：%s", f.Pos.File, f.Pos.Line, f.Pos.Col, f.Test, f.diff())
}

// diff is 结果 期望 x，实际 y.
func (f TestFailure) diff() string {
	want := quoteValue(f.Want)
	if f.WantText != "" {
		want = f.WantText + "（即 " + want + "）"
	}
	return fmt.Sprintf("%s 期望 %s，实际 %s", f.Name, want, quoteValue(f.Got))
}

func quoteValue(v rules.Value) string {
	if !v.IsValid() {
		return "（无）"
	}
	if v.Type() == rules.TypeString {
		return "“" + v.String() + "”"
	}
	return v.String()
}

// writtenAs is a number's text as the file writes it, when that differs from how v prints
// (98% is 0.98, 8/12 is 0.66666666666666666667); "" otherwise, and for every other type.
func writtenAs(n ast.Node, v rules.Value) string {
	if v.Type() != rules.TypeDecimal || !isScalar(n) {
		return ""
	}
	text := strings.TrimSpace(scalarText(n))
	if s, ok := cnQuotedText(n); ok {
		text = strings.TrimSpace(s)
	}
	if text == v.String() {
		return ""
	}
	return text
}

// testDraft is a test as read, before the result types are known.
type testDraft struct {
	name   string
	at     time.Time
	hasAt  bool
	atPos  rules.Pos // the at value, where a date outside the rule set is reported
	pos    rules.Pos
	given  []rawValue
	expect []rawValue
}

type rawValue struct {
	name   string
	node   ast.Node
	pos    rules.Pos // the value
	keyPos rules.Pos // the name
}

var testKeys = []string{"name", "given", "expect", "at", "desc"}

func (l *loader) tests(n ast.Node) {
	seq, ok := asSequence(n)
	if !ok {
		if !l.f.isRefused(n) {
			l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "tests 应为测试的列表（每个测试以 - 开头）")
		}
		return
	}
	names := map[string]bool{}
	for i, tn := range seq.Values {
		fields, ok := l.mapping(tn, fmt.Sprintf("第 %d 个测试", i+1), l.d.id)
		if !ok {
			continue
		}
		t := testDraft{pos: l.f.pos(tn), name: fmt.Sprintf("测试%d", i+1)}
		hasExpect := false
		for _, f := range fields {
			switch f.key {
			case "name":
				t.name, _ = l.scalar(f.value, "测试的 name", l.d.id)
			case "at":
				t.at, t.hasAt = l.date(f.value, "测试的 at", l.d.id)
				t.atPos = l.f.pos(f.value)
			case "given":
				t.given = l.rawValues(f.value, "given")
			case "expect":
				t.expect, hasExpect = l.rawValues(f.value, "expect"), true
				if m, ok := asMapping(f.value); ok && len(m.Values) == 0 {
					// nothing to compare: the test would pass whatever the rules compute
					l.fail(l.f.pos(f.value), rules.ErrEmptyExpect, l.d.id, "测试 %s 的 expect 是空的：至少写一个要核对的结果，如 expect: {等级: 良}", t.name)
				}
			case "desc":
			default:
				l.unknownKey(f, testKeys, "测试 "+t.name, l.d.id)
			}
		}
		if !hasExpect {
			l.fail(t.pos, rules.ErrFileMissing, l.d.id, "测试 %s 缺少 expect", t.name)
		}
		if names[t.name] {
			l.fail(t.pos, rules.ErrDuplicate, l.d.id, "测试名称 %s 重复", t.name)
		}
		names[t.name] = true
		l.d.tests = append(l.d.tests, t)
	}
}

func (l *loader) rawValues(n ast.Node, what string) []rawValue {
	pairs, ok := l.mapping(n, what, l.d.id)
	if !ok {
		return nil
	}
	out := make([]rawValue, 0, len(pairs))
	for _, p := range pairs {
		if l.f.isRefused(p.value) {
			continue // reported once, by strictNodes
		}
		_, isSeq := asSequence(p.value)
		if !isScalar(p.value) && (!isSeq || what != "given") {
			l.fail(l.f.pos(p.value), rules.ErrFileValue, l.d.id, "%s 中 %s 的值应为单个值", what, p.key)
		}
		out = append(out, rawValue{name: p.key, node: unwrap(p.value), pos: l.f.pos(p.value), keyPos: l.f.pos(p.kn)})
	}
	return out
}

// inputTypes maps each input of rs to its type.
func inputTypes(rs *RuleSet) map[string]rules.Type {
	inputs := make(map[string]rules.Type, len(rs.inputs))
	for _, in := range rs.inputs {
		inputs[in.Name] = in.Type
	}
	return inputs
}

// checkGiven reads the tests' given values of a rule set whose rules have errors, so a
// mistake in a test value (a list written [1,000, 2], a month of 8.5) is reported in the
// same check as the rules' errors, and checks each test's at. A name that is not an input
// is left alone here: the declaration that would make it one may be the broken part.
// Expected values need the compiled rules to be typed, so they wait for a clean compile.
func (c *setCompiler) checkGiven(rs *RuleSet, d *draft) {
	inputs := inputTypes(rs)
	for _, td := range d.tests {
		for _, g := range td.given {
			if t, ok := inputs[g.name]; ok && t != rules.TypeInvalid { // a misspelt type is reported at it
				c.typedValue(d.file, g, t, rs.id)
			}
		}
		c.checkAt(rs, td)
	}
}

// checkAt reports a test whose at lies outside the rule set's dates, at the date.
func (c *setCompiler) checkAt(rs *RuleSet, td testDraft) {
	if td.hasAt && !rs.InForce(td.at) {
		c.fail(td.atPos, rules.ErrFileVersion, rs.id, "测试 %s 的 at %s 不在规则集的生效期（%s）内", td.name, td.at.Format("2006-01-02"), rs.span())
	}
}

// resolveTests types the given and expected values now that inputs and results are known.
// A given number may be a constant expression such as 8/12.
func (c *setCompiler) resolveTests(rs *RuleSet, d *draft) {
	inputs := inputTypes(rs)
	written := make(map[string]bool, len(d.results))
	for _, r := range d.results {
		written[r] = true
	}
	for _, td := range d.tests {
		tc := TestCase{Name: td.name, At: td.at, Pos: td.pos}
		for _, g := range td.given {
			t, ok := inputs[g.name]
			if !ok && plainLiteral(g.name, "").Type() == rules.TypeDecimal {
				c.fail(g.keyPos, rules.ErrFileValue, rs.id, "测试 %s 的 given 中出现了 %s：多半是 {…} 写法里数字的千分位逗号把值截断了。请去掉逗号，或给数字加引号", td.name, g.name)
				continue
			}
			if !ok {
				c.fail(g.keyPos, rules.ErrUnknownName, rs.id, "测试 %s 的 given 中 %s 不是输入%s", td.name, g.name, c.hint(g.name, func() []string { return keysOf(inputs) }))
				continue
			}
			if v, ok := c.typedValue(d.file, g, t, rs.id); ok {
				tc.Given = append(tc.Given, TestValue{Name: g.name, Value: v, Text: writtenAs(g.node, v), Pos: g.pos})
			}
		}
		prog := rs.periods[0].prog
		for _, e := range td.expect {
			t := prog.Type(e.name)
			if t == rules.TypeInvalid && written[e.name] {
				continue // the formula or table has problems of its own, reported already
			}
			if t == rules.TypeInvalid {
				c.fail(e.keyPos, rules.ErrUnknownName, rs.id, "测试 %s 的 expect 中 %s 不是公式或决策表%s", td.name, e.name, c.hint(e.name, prog.Names))
				continue
			}
			if v, ok := c.typedValue(d.file, e, t, rs.id); ok {
				tc.Expect = append(tc.Expect, TestValue{Name: e.name, Value: v, Text: writtenAs(e.node, v), Pos: e.pos})
			}
		}
		c.checkAt(rs, td)
		rs.tests = append(rs.tests, tc)
	}
}

func keysOf(m map[string]rules.Type) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// maxHints bounds the typo suggestions one rule set's messages get: each costs a search of
// the candidates, and a hostile file of thousands of misspelt names would otherwise make the
// check quadratic. Past it the messages still come, without "是否为 …？".
const maxHints = 200

// hint is the budgeted hint for name among the candidates cands gives (called only while the
// budget lasts).
func (c *setCompiler) hint(name string, cands func() []string) string {
	if c.hints >= maxHints {
		return ""
	}
	c.hints++
	return hint(name, cands())
}

// loadHint is hint within the load's own budget, for problems outside any one rule set.
func (c *setCompiler) loadHint(name string, cands func() []string) string {
	if c.loadHints >= maxHints {
		return ""
	}
	c.loadHints++
	return hint(name, cands())
}

func hint(name string, cands []string) string {
	if best := suggest.Closest(name, cands); best != "" {
		return "，是否为 " + best + "？"
	}
	return ""
}

// typedValue reads a test value as the type it must have.
func (c *setCompiler) typedValue(f *yamlFile, r rawValue, t rules.Type, rule string) (rules.Value, bool) {
	n := r.node
	if seq, ok := asSequence(n); ok && t == rules.TypeList {
		return c.listValue(f, seq, r, rule)
	}
	if !isScalar(n) {
		c.fail(r.pos, rules.ErrFileValue, rule, "%s 应为%s，这里是%s", r.name, t, kindName(n))
		return rules.Value{}, false
	}
	text := scalarText(n)
	if s, ok := cnQuotedText(n); ok {
		text = s // “债务” typed with a Chinese IME reads as "债务" does
	}
	kind := t
	if kind == rules.TypeInt {
		kind = rules.TypeDecimal // read as a number, then checked to be whole
	}
	switch kind {
	case rules.TypeString:
		return rules.TextOf(text), true
	case rules.TypeBool, rules.TypeDate:
		if b, ok := yamlBool(text); ok && yamlTag(n) == "!!bool" {
			return rules.BoolOf(b), true // True, FALSE: YAML 1.2 booleans
		}
		if v, ok := rules.ParseValue(t, text); ok {
			return v, true
		}
	case rules.TypeDecimal:
		if v := plainLiteral(text, yamlTag(n)); v.Type() == rules.TypeDecimal {
			return c.whole(v, t, r, rule) // a number, even quoted ("10,113.65")
		}
		// a constant expression such as 8/12, positioned in the file
		p, err := rules.Build(rules.Spec{Formulas: []rules.Formula{{Expr: f.exprOf(n)}}}, rules.MaxNodes(200))
		if err != nil && !startsLikeNumber(text) && onlyCode(err, rules.ErrUnknownName) {
			// words, not a number (一百): say so rather than "unknown name"
			c.fail(r.pos, rules.ErrFileValue, rule, "%s 的值 %s 应为数字或只含数字的表达式", r.name, text)
			return rules.Value{}, false
		}
		if err != nil {
			c.addAs(err, rule)
			return rules.Value{}, false
		}
		v, err := p.EvalValue(nil)
		if err != nil {
			c.addAs(err, rule)
			return rules.Value{}, false
		}
		if v.Type() != rules.TypeDecimal {
			c.fail(r.pos, rules.ErrFileValue, rule, "%s 的值 %s 应为数字或只含数字的表达式", r.name, text)
			return rules.Value{}, false
		}
		return c.whole(v, t, r, rule)
	case rules.TypeList:
		ds, err := ParseList(text)
		if err != nil {
			c.listError(err, r, rule)
			return rules.Value{}, false
		}
		return rules.ListOf(ds), true
	}
	c.fail(r.pos, rules.ErrFileValue, rule, "%s 应为%s，这里是 %q", r.name, t, excerpt(text))
	return rules.Value{}, false
}

// listError reports ParseList's problem with a list value at the value, named.
func (c *setCompiler) listError(err error, r rawValue, rule string) {
	for _, e := range rules.Errors(err) {
		c.fail(r.pos, e.Code, rule, "%s：%s", r.name, e.Msg)
	}
}

// listValue reads a list written as a YAML sequence: [50, 45.5]. YAML splits [1,000, 2] into
// three numbers, so the characters between the brackets are checked for a thousands
// separator first, as ParseList does for a list written as one value.
func (c *setCompiler) listValue(f *yamlFile, n *ast.SequenceNode, r rawValue, rule string) (rules.Value, bool) {
	if n.IsFlowStyle && n.Start != nil && n.End != nil {
		s, okStart := f.spans[n.Start]
		e, okEnd := f.spans[n.End]
		if raw := f.text(span{start: s.start, end: e.end}); okStart && okEnd {
			if _, ok := thousandsGroup(raw); ok {
				_, err := ParseList(raw)
				c.listError(err, r, rule)
				return rules.Value{}, false
			}
		}
	}
	ds := make([]decimal.Decimal, 0, len(n.Values))
	for _, item := range n.Values {
		if f.isRefused(item) {
			return rules.Value{}, false // reported where it is written
		}
		v := rules.Value{}
		if isScalar(item) && !isAlias(item) { // an alias was refused already
			v = plainLiteral(scalarText(item), yamlTag(item))
		}
		if v.Type() != rules.TypeDecimal {
			c.fail(r.pos, rules.ErrFileValue, rule, "%s 应为数字列表，如 [50, 45.5]", r.name)
			return rules.Value{}, false
		}
		ds = append(ds, v.Decimal())
	}
	return rules.ListOf(ds), true
}

func (c *setCompiler) whole(v rules.Value, t rules.Type, r rawValue, rule string) (rules.Value, bool) {
	if t == rules.TypeInt && !v.Decimal().IsInteger() {
		c.fail(r.pos, rules.ErrFileValue, rule, "%s 应为整数，这里是 %s", r.name, v.String())
		return rules.Value{}, false
	}
	return v, true
}

// RunTests runs every test of the rule set.
func (rs *RuleSet) RunTests() []TestResult {
	rs = rs.or()
	out := make([]TestResult, len(rs.tests))
	for i, tc := range rs.tests {
		out[i] = rs.runTest(tc)
	}
	return out
}

func (rs *RuleSet) runTest(tc TestCase) TestResult {
	res := TestResult{RuleSet: rs.id, File: rs.file, Name: tc.Name, Pos: tc.Pos}
	at := tc.At
	if at.IsZero() {
		at = rs.effective
	}
	vars := make(map[string]any, len(tc.Given))
	for _, g := range tc.Given {
		vars[g.Name] = g.Value
	}
	ev, err := rs.Evaluate(at, vars)
	if err != nil {
		res.Err = err
		return res
	}
	for _, e := range tc.Expect {
		got, _ := ev.Values.Get(e.Name)
		if !got.Equal(e.Value) {
			res.Failures = append(res.Failures, TestFailure{Test: tc.Name, Name: e.Name, Want: e.Value, Got: got, Pos: e.Pos, WantText: e.Text})
		}
	}
	return res
}

// addAs records the errors in err as problems of rule.
func (c *setCompiler) addAs(err error, rule string) {
	for _, e := range rules.Errors(err) {
		e2 := *e
		e2.RuleID = rule
		c.errs = append(c.errs, &e2)
	}
}

// checkTestNames reports given and expect names that are neither inputs nor results, for a
// file whose rules did not compile (so result types are unknown).
func (c *setCompiler) checkTestNames(rs *RuleSet, d *draft) {
	inputs := map[string]rules.Type{}
	for _, in := range rs.inputs {
		inputs[in.Name] = in.Type
	}
	results := append([]string(nil), d.results...)
	for _, f := range rs.formulas { // and what a base file provides
		results = append(results, f.Name)
	}
	for _, t := range rs.tables {
		results = append(results, t.Name)
	}
	known := make(map[string]bool, len(results))
	for _, r := range results {
		known[r] = true
	}
	for _, td := range d.tests {
		for _, g := range td.given {
			if _, ok := inputs[g.name]; !ok && !spacedName(keysOf(inputs), g.name) {
				c.fail(g.keyPos, rules.ErrUnknownName, rs.id, "测试 %s 的 given 中 %s 不是输入%s", td.name, g.name, c.hint(g.name, func() []string { return keysOf(inputs) }))
			}
		}
		for _, e := range td.expect {
			if !known[e.name] && !spacedName(results, e.name) {
				c.fail(e.keyPos, rules.ErrUnknownName, rs.id, "测试 %s 的 expect 中 %s 不是公式或决策表%s", td.name, e.name, c.hint(e.name, func() []string { return append([]string(nil), results...) }))
			}
		}
	}
}

// onlyCode reports whether every problem in err has code.
func onlyCode(err error, code rules.Code) bool {
	for _, e := range rules.Errors(err) {
		if e.Code != code {
			return false
		}
	}
	return true
}
