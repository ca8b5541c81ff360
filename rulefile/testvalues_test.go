package rulefile_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
)

// TestTestValueForms: given and expect values are read by the declared type in every way
// the handbook's type table lists, quoted or not, so a test an officer writes the way the
// data is written passes.
func TestTestValueForms(t *testing.T) {
	rows := []struct {
		name, given, expect, reason string
	}{
		{name: "标准写法", given: "{涉密: false, 日: 2024-08-31, 数: 1}", expect: "{公开: true, 次日: 2024-09-01, 两倍: 2}",
			reason: "the plain forms"},
		{name: "是否", given: "{涉密: 否, 日: 2024-08-31, 数: 1}", expect: "{公开: 是}",
			reason: "是 and 否 are how the tables write a bool"},
		{name: "斜杠日期", given: "{涉密: false, 日: 2024/8/31, 数: 1}", expect: "{次日: 2024/9/1}",
			reason: "a date as Excel shows it"},
		{name: "年月日", given: "{涉密: false, 日: 2024年8月31日, 数: 1}", expect: "{次日: 2024年9月1日}",
			reason: "a date as a Chinese document writes it, as a table's date column is read"},
		{name: "加引号", given: "{涉密: \"false\", 日: \"2024-08-31\", 数: \"1\"}", expect: "{公开: \"true\", 次日: \"2024-09-01\", 两倍: \"2.0\"}",
			reason: "quoted values are read by the declared type; a number compares by value"},
		{name: "保留位数", given: "{涉密: false, 日: 2024-08-31, 数: 1.50}", expect: "{两倍: 3}",
			reason: "expect compares numbers: 3 matches 3.00"},
	}
	head := "ruleset: 值的写法\neffective: 2024-01-01\ninputs:\n  涉密: {type: bool}\n  日: {type: date}\n  数: {type: decimal}\n" +
		"formulas:\n  公开: not 涉密\n  次日: add_days(日, 1)\n  两倍: 数 * 2\ntests:\n"
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			src := head + "  - given: " + r.given + "\n    expect: " + r.expect + "\n"
			sets, err := rulefile.NewLibrary().LoadBytes(ldFile("v.yaml", src))
			require.NoError(t, err, "%s\n%s", r.reason, src)
			res := sets[0].RunTests()
			require.Len(t, res, 1)
			assert.True(t, res[0].Passed(), "%s: %+v", r.reason, res[0])
		})
	}
}

// TestGivenCheckedBesideRuleErrors: a mistake in a test's given value is reported in the
// same check as a mistake in the rules, not only after the rules are fixed; a given for an
// input whose declaration is broken says nothing more (one mistake, one message).
func TestGivenCheckedBesideRuleErrors(t *testing.T) {
	rows := []struct {
		name, src string
		want      []string // code line:col of each problem, in order
		reason    string
	}{
		{name: "列表和未知名称", src: "inputs:\n  分: {type: list}\n  x: {type: decimal}\nformulas:\n  合计: sum(分)\n  坏: x + 未知\n" +
			"tests:\n  - given: {分: [1,000, 2], x: 1}\n    expect: {合计: 1002}\n",
			want:   []string{"E002 8:10", "F012 10:16"},
			reason: "the list's thousands separator was hidden until the unknown name was fixed"},
		{name: "整数和决策表", src: "inputs:\n  月份: {type: int}\ntables:\n  档:\n    - when: 月份 >= 6\n      then: 下半年\n    - when: 月份 >= 9\n      then: 四季度\n    - else: 上半年\n" +
			"tests:\n  - given: {月份: 8.5}\n    expect: {档: 下半年}\n  - at: 2023-12-31\n    given: {月份: 1}\n    expect: {档: 上半年}\n",
			want:   []string{"E013 9:13", "F003 13:17", "F006 15:9"},
			reason: "a month of 8.5 and an at before the rule set, beside an unreachable row"},
		{name: "类型拼错", src: "inputs:\n  总分: {type: decmial}\nformulas:\n  两倍: 总分 * 2\n" +
			"tests:\n  - given: {总分: 95}\n    expect: {两倍: 190}\n",
			want:   []string{"F003 4:14"},
			reason: "the given for an input whose type is misspelt is not read again as an invalid type"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			src := "ruleset: 同时报告\neffective: 2024-01-01\n" + r.src
			var got []string
			for _, e := range yrProblems(t, src) {
				got = append(got, fmt.Sprintf("%s %d:%d", string(e.Code), e.Line, e.Col))
			}
			assert.Equal(t, r.want, got, "%s\n%s", r.reason, src)
		})
	}
}

// TestFailureShowsNumberAsWritten: a failed expectation shows the number as the officer wrote
// it beside its value, so 期望 98%（即 0.98） can be found in the file; a number that prints
// as written is shown once.
func TestFailureShowsNumberAsWritten(t *testing.T) {
	rows := []struct {
		name, expect, want, reason string
	}{
		{name: "百分数", expect: "98%", want: "两倍 期望 98%（即 0.98），实际 3.00", reason: "a percent is how rates are written"},
		{name: "算式", expect: "8/12", want: "两倍 期望 8/12（即 0.66666666666666666667），实际 3.00", reason: "a constant expression"},
		{name: "全角", expect: "９５", want: "两倍 期望 ９５（即 95），实际 3.00", reason: "full-width digits"},
		{name: "原样", expect: "2.5", want: "两倍 期望 2.5，实际 3.00", reason: "nothing to add when the value prints as written"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			src := "ruleset: 写法\neffective: 2024-01-01\ninputs:\n  数: {type: decimal}\nformulas:\n  两倍: 数 * 2\n" +
				"tests:\n  - name: 甲\n    given: {数: 1.50}\n    expect: {两倍: " + r.expect + "}\n"
			sets, err := rulefile.NewLibrary().LoadBytes(ldFile("w.yaml", src))
			require.NoError(t, err, r.reason)
			res := sets[0].RunTests()
			require.Len(t, res, 1)
			require.Len(t, res[0].Failures, 1, r.reason)
			assert.Equal(t, "w.yaml:10:18: 测试 甲："+r.want, res[0].Failures[0].String(), r.reason)
			assert.Equal(t, "测试 甲："+r.want, res[0].Errors()[0].Msg, "the platform's error says the same")
		})
	}
}
