package rulefile_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// TestChineseQuotedValues: a value typed wholly in Chinese quotes (then: “优”, given:
// {类别: “债务”}) reads as the same value in ASCII quotes does, as “良” already does in an
// expression: before, then: “优” kept its quotes, so 等级 == "优" was E016 and a test's
// expect: {等级: “优”} failed against 优. Each row is one value in a file whose own tests
// must all pass with no problem reported.
func TestChineseQuotedValues(t *testing.T) {
	rows := []struct {
		name, src, reason string
	}{
		{name: "决策表结果", src: "    - when: 总分 >= 90\n      then: “优”\n    - else: 差\nformulas:\n  好: 等级 == \"优\"\n" +
			"tests:\n  - given: {总分: 95, 类别: 一般}\n    expect: {等级: 优, 好: true}\n",
			reason: "the IME's quotes around an outcome: the outcome is 优, so comparing with \"优\" is no E016"},
		{name: "单引号的结果", src: "    - when: 总分 >= 90\n      then: ‘优’\n    - else: 差\n" +
			"tests:\n  - given: {总分: 95, 类别: 一般}\n    expect: {等级: 优}\n",
			reason: "the IME's single quotes read as ASCII single quotes do"},
		{name: "期望值", src: "    - when: 总分 >= 90\n      then: 优\n    - else: 差\n" +
			"tests:\n  - given: {总分: 95, 类别: 一般}\n    expect: {等级: “优”}\n",
			reason: "an expected text in Chinese quotes compares as the text inside"},
		{name: "给定的文字", src: "    - when: 类别 == \"债务\"\n      then: 甲\n    - else: 乙\n" +
			"tests:\n  - given: {总分: 95, 类别: “债务”}\n    expect: {等级: 甲}\n",
			reason: "a given text in Chinese quotes is the text inside, not “债务” with its quotes"},
		{name: "给定的数字", src: "    - when: 总分 >= ９０\n      then: 优\n    - else: 差\n" +
			"tests:\n  - given: {总分: “９５”, 类别: 一般}\n    expect: {等级: 优}\n",
			reason: "a quoted given is read by the declared type: full-width digits in Chinese quotes are the number 95"},
		{name: "文字参数", src: "    - when: 类别 == 默认类\n      then: 甲\n    - else: 乙\nparams:\n  默认类: “一般”\n" +
			"tests:\n  - given: {总分: 1, 类别: 一般}\n    expect: {等级: 甲}\n",
			reason: "a text param in Chinese quotes holds the text inside"},
		{name: "引号内的注释符号", src: "    - when: 总分 >= 90\n      then: “优 // 最高档”\n    - else: 差\n" +
			"tests:\n  - given: {总分: 95, 类别: 一般}\n    expect: {等级: “优 // 最高档”}\n",
			reason: "quoted, the // is part of the text, as in \"优 // 最高档\": no E017"},
	}
	head := "ruleset: 中文引号\neffective: 2024-01-01\ninputs:\n  总分: {type: decimal}\n  类别: {type: string}\ntables:\n  等级:\n"
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			sets, err := rulefile.NewLibrary().LoadBytes(ldFile("q.yaml", head+r.src))
			require.NoError(t, err, r.reason)
			require.Len(t, sets, 1)
			results := sets[0].RunTests()
			require.NotEmpty(t, results)
			for _, res := range results {
				assert.True(t, res.Passed(), "%s: %+v", r.reason, res)
			}
		})
	}
}

// TestChineseQuotesKeptInsideText: only a value wholly in one pair of quotes loses them;
// quotes that are part of the text (a title of a document) stay.
func TestChineseQuotesKeptInsideText(t *testing.T) {
	rows := []struct {
		name, value, want, reason string
	}{
		{name: "书名在前", value: "“十四五”规划", want: "“十四五”规划", reason: "the quotes mark a phrase inside the text"},
		{name: "两处引号", value: "“甲”和“乙”", want: "“甲”和“乙”", reason: "first and last characters are quotes of two phrases, not one pair"},
		{name: "不成对", value: "“优", want: "“优", reason: "an opening quote alone is text"},
		{name: "整体", value: "“优”", want: "优", reason: "one pair around the whole value is quoting"},
		{name: "空", value: "“”", want: "", reason: "empty Chinese quotes are the empty text, as \"\" is"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			src := "ruleset: 引号参数\neffective: 2024-01-01\ninputs:\n  x: {type: string}\nparams:\n  标签: " + r.value +
				"\nformulas:\n  同: x == 标签\ntests:\n  - given: {x: a}\n    expect: {同: false}\n"
			sets, err := rulefile.NewLibrary().LoadBytes(ldFile("p.yaml", src))
			require.NoError(t, err, r.reason)
			ps := sets[0].Params()
			require.Len(t, ps, 1)
			assert.Equal(t, rules.TextOf(r.want), ps[0].Values[0].Value, r.reason)
		})
	}
}

// TestTestAtOutsideRuleSet: a test whose at lies outside the rule set's dates is reported
// at the at value itself, the text the officer must change, not at the test's first line.
func TestTestAtOutsideRuleSet(t *testing.T) {
	src := strings.Join([]string{
		"ruleset: 区间",
		"effective: 2024-01-01",
		"until: 2024-12-31",
		"inputs:",
		"  x: {type: decimal}",
		"formulas:",
		"  y: x * 2",
		"tests:",
		"  - name: 明年",
		"    given: {x: 1}",
		"    at: 2025-03-01",
		"    expect: {y: 2}",
		"",
	}, "\n")
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("at.yaml", src))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, rules.ErrFileVersion, list[0].Code)
	assert.Equal(t, [2]int{11, 9}, [2]int{list[0].Line, list[0].Col}, "at the date after at:")
	assert.Contains(t, list[0].Msg, "2025-03-01")
}

// TestChineseQuotedDefault: an input's default in Chinese quotes is read by the input's
// type from the text inside, as a test's given is.
func TestChineseQuotedDefault(t *testing.T) {
	src := "ruleset: 默认\neffective: 2024-01-01\ninputs:\n  类别: {type: string, default: “一般”}\n  数: {type: decimal, default: “１０”}\n" +
		"formulas:\n  一般: 类别 == \"一般\"\n  两倍: 数 * 2\ntests:\n  - given: {}\n    expect: {一般: true, 两倍: 20}\n"
	sets, err := rulefile.NewLibrary().LoadBytes(ldFile("d.yaml", src))
	require.NoError(t, err)
	v, ok := sets[0].Default("类别", sets[0].Effective())
	require.True(t, ok)
	assert.Equal(t, rules.TextOf("一般"), v, "the quotes are not part of the default")
	for _, res := range sets[0].RunTests() {
		assert.True(t, res.Passed(), "%+v", res)
	}
}
