package rulefile_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// TestWarnings: a declaration nothing reads, and a rule set without tests, are warnings at
// the declaration; a file that uses all it declares and has tests has none.
func TestWarnings(t *testing.T) {
	rows := []struct {
		name   string
		file   string
		want   []string // code line:col, in file order
		reason string
	}{
		{name: "干净", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nparams:\n  线: 60\n" +
			"formulas:\n  及格: 分 >= 线\ntests:\n  - given: {分: 70}\n    expect: {及格: true}\n",
			reason: "everything declared is read, and there is a test"},
		{name: "未用的输入", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\n  备注: {type: string}\n" +
			"formulas:\n  及格: 分 >= 60\ntests:\n  - given: {分: 70, 备注: 说明}\n    expect: {及格: true}\n",
			want:   []string{"W001 5:3"},
			reason: "an input only a test gives changes no result: still unused"},
		{name: "未用的参数", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nparams:\n  线: 60\n  良线: 80\n" +
			"formulas:\n  及格: 分 >= 线\ntests:\n  - given: {分: 70}\n    expect: {及格: true}\n",
			want:   []string{"W002 7:3"},
			reason: "a numeric param no formula reads is likely a misspelt name in a formula"},
		{name: "文本参数", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nparams:\n  颜色_优: 绿色\n" +
			"formulas:\n  及格: 分 >= 60\ntests:\n  - given: {分: 70}\n    expect: {及格: true}\n",
			reason: "a text param is often a label the platform reads (a monitor's colours): not reported"},
		{name: "决策表里用到", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\n  加分: {type: decimal}\nparams:\n  线: 60\n" +
			"tables:\n  档:\n    - when: 分 >= 线\n      then: {expr: 分 + 加分}\n    - else: 0\ntests:\n  - given: {分: 70, 加分: 1}\n    expect: {档: 71}\n",
			reason: "a name read in a row's when or computed then is read"},
		{name: "没有测试", file: "ruleset: w\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nformulas:\n  及格: 分 >= 60\n",
			want:   []string{"W003 1:10"},
			reason: "a rule set without tests is a warning at its id"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			_, sets := ldMust(t, ldFile("w.yaml", r.file))
			require.Len(t, sets, 1)
			var got []string
			for _, w := range sets[0].Warnings() {
				got = append(got, fmt.Sprintf("%s %d:%d", string(w.Code), w.Line, w.Col))
				assert.Equal(t, "w.yaml", w.File, r.reason)
				assert.Equal(t, "w", w.RuleID, r.reason)
			}
			assert.Equal(t, r.want, got, r.reason)
		})
	}
}

// TestWarningsExtends: an extending file is warned about what it declares itself, read
// anywhere in the merged rule set; the base's own declarations are the base's.
func TestWarningsExtends(t *testing.T) {
	base := ldFile("base.yaml", "ruleset: base\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nparams:\n  线: 60\n"+
		"formulas:\n  及格: 分 >= 线\ntests:\n  - given: {分: 70}\n    expect: {及格: true}\n")
	region := ldFile("region.yaml", "ruleset: region\nextends: base\neffective: 2024-01-01\ninputs:\n  地区: {type: string}\nparams:\n  线: 65\n"+
		"tests:\n  - given: {分: 70}\n    expect: {及格: true}\n")
	_, sets := ldMust(t, base, region)
	require.Len(t, sets, 2)
	var got []string
	for _, rs := range sets {
		for _, w := range rs.Warnings() {
			got = append(got, fmt.Sprintf("%s %s:%d:%d", string(w.Code), w.File, w.Line, w.Col))
		}
	}
	assert.Equal(t, []string{"W001 region.yaml:5:3"}, got,
		"线 is overridden and the base reads it; 地区 is declared and read by nothing")
}

// TestEmbeddedRuleSetsHaveNoWarnings: the default rule sets are what staff copy; they must
// check clean, warnings included.
func TestEmbeddedRuleSetsHaveNoWarnings(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	for _, rs := range lib.RuleSets() {
		assert.Empty(t, rs.Warnings(), "%s (%s)", rs.ID(), rs.File())
	}
	var nilSet *rulefile.RuleSet
	assert.Empty(t, nilSet.Warnings(), "a nil RuleSet has nothing to warn about")
}

// TestEmptyExpect: a test with nothing to compare would pass whatever the rules compute.
func TestEmptyExpect(t *testing.T) {
	src := "ruleset: e\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nformulas:\n  及格: 分 >= 60\n" +
		"tests:\n  - name: 空的\n    given: {分: 70}\n    expect: {}\n"
	list := yrProblems(t, src)
	require.Len(t, list, 1, "%v", list)
	assert.Equal(t, rules.ErrEmptyExpect, list[0].Code)
	assert.Equal(t, "10:13", fmt.Sprintf("%d:%d", list[0].Line, list[0].Col), "at the empty {}")
	assert.Contains(t, list[0].Msg, "测试 空的 的 expect 是空的")
}

// TestAmbiguousListValue: a list whose commas could be thousands separators is refused,
// however it is written; one without is read.
func TestAmbiguousListValue(t *testing.T) {
	head := "ruleset: l\neffective: 2024-01-01\ninputs:\n  分数: {type: list}\nformulas:\n  合计: sum(分数)\ntests:\n  - name: t\n"
	rows := []struct {
		name, given string
		at          string // line:col of the F012 problem; "" when the file loads
		reason      string
	}{
		{name: "一个值", given: "    given:\n      分数: 1,000, 2\n    expect: {合计: 1002}\n", at: "10:11",
			reason: "the issue's case: 1,000, 2 is not read as three numbers"},
		{name: "YAML 列表", given: "    given: {分数: [1,000, 2]}\n    expect: {合计: 1002}\n", at: "9:17",
			reason: "YAML splits [1,000, 2] into three items; the brackets' text is checked first"},
		{name: "没有千分位", given: "    given: {分数: [1000, 2]}\n    expect: {合计: 1002}\n",
			reason: "a list without thousands separators reads as written"},
		{name: "紧挨的逗号", given: "    given:\n      分数: 1,2,3\n    expect: {合计: 6}\n",
			reason: "1,2 cannot be a thousands group (three digits follow a separator), so it is not ambiguous"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			list := yrProblems(t, head+r.given)
			if r.at == "" {
				require.Empty(t, list, r.reason)
				return
			}
			require.Len(t, list, 1, "%s: %v", r.reason, list)
			assert.Equal(t, rules.ErrAmbiguous, list[0].Code, r.reason)
			assert.Equal(t, r.at, fmt.Sprintf("%d:%d", list[0].Line, list[0].Col), r.reason)
			assert.Contains(t, list[0].Msg, "1,000 可以读作", r.reason)
		})
	}
}

func TestParseList(t *testing.T) {
	rows := []struct {
		name, text string
		want       string // the numbers joined by |, or the code of the error
		reason     string
	}{
		{name: "brackets", text: "[50, 45.5]", want: "50|45.5", reason: "the usual way"},
		{name: "bare", text: "1, 2.5", want: "1|2.5", reason: "brackets may be left out"},
		{name: "full-width", text: "［１，２］", want: "F003", reason: "full-width brackets are not list brackets here"},
		{name: "full-width comma", text: "[1，2]", want: "1|2", reason: "an input method's comma separates too"},
		{name: "empty", text: "[]", want: "", reason: "the empty list"},
		{name: "unclosed", text: "[1, 2", want: "F003", reason: "a list missing its ] is refused, not read as 1 and 2 (nor as text)"},
		{name: "unopened", text: "1, 2]", want: "F003", reason: "a list missing its [ is refused too"},
		{name: "thousands", text: "[1,000, 2]", want: "F012", reason: "could be 1000 and 2, or 1, 0 and 2"},
		{name: "thousands decimal", text: "12,345.5", want: "F012", reason: "a grouped number with decimals too"},
		{name: "word", text: "[1, 二]", want: "F003", reason: "an item that is no number"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			ds, err := rulefile.ParseList(r.text)
			if err != nil {
				assert.Equal(t, r.want, string(rules.Errors(err)[0].Code), r.reason)
				return
			}
			got := ""
			for i, d := range ds {
				if i > 0 {
					got += "|"
				}
				got += d.String()
			}
			assert.Equal(t, r.want, got, r.reason)
		})
	}
}
