package rulefile_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// ldDay is a calendar day, midnight UTC.
func ldDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ldReason refuses a table row that does not say why its expectation is right.
func ldReason(t *testing.T, name, reason string) {
	t.Helper()
	require.NotEmpty(t, strings.TrimSpace(reason), "row %q has no reason", name)
}

// ldFile is a rule file given as text.
func ldFile(name, text string) rulefile.Source {
	return rulefile.Source{Name: name, Data: []byte(text)}
}

// ldMust loads files into a new library, failing the test on any error.
func ldMust(t *testing.T, files ...rulefile.Source) (*rulefile.Library, []*rulefile.RuleSet) {
	t.Helper()
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadBytes(files...)
	require.NoError(t, err)
	return lib, sets
}

// ldBroken loads one file (or folder) of testdata/broken and returns its problems.
func ldBroken(t *testing.T, name string) (rules.ErrorList, error) {
	t.Helper()
	_, err := rulefile.NewLibrary().LoadFiles(filepath.Join(brokenDir, name))
	require.Error(t, err, "%s must not load", name)
	list := rules.Errors(err)
	require.NotEmpty(t, list, "%s: error without positions: %v", name, err)
	return list, err
}

// ldGet is a result of an evaluation, failing the test when it is absent.
func ldGet(t *testing.T, ev *rulefile.Evaluation, name string) rules.Value {
	t.Helper()
	v, ok := ev.Values.Get(name)
	require.True(t, ok, "no result %s", name)
	return v
}

// ldAt is one problem expected at a place in a file.
type ldAt struct {
	line, col int
	code      rules.Code
}

func ldPlaces(list rules.ErrorList) []ldAt {
	out := make([]ldAt, len(list))
	for i, e := range list {
		out[i] = ldAt{e.Line, e.Col, e.Code}
	}
	return out
}

// TestLoadReportsEveryProblemAtOnce: a policy officer fixing a file wants every mistake in
// one run, not one per run.
func TestLoadReportsEveryProblemAtOnce(t *testing.T) {
	rows := []struct {
		file   string
		want   []ldAt
		exact  bool // no other problem may be reported
		reason string
	}{
		{file: "five-mistakes.yaml", exact: true, want: []ldAt{
			{11, 24, rules.ErrUnknownName}, {12, 26, rules.ErrType}, {13, 23, rules.ErrUnknownName},
			{21, 13, rules.ErrTableType}, {24, 30, rules.ErrSyntax},
		}, reason: "五处彼此无关的错误（拼错的名称、文本参与运算、未声明的参数、决策表结果类型不一、= 写成 ==）各报一次，共五条"},
		{file: "type-errors.yaml", exact: true, want: []ldAt{
			{8, 13, rules.ErrType}, {9, 11, rules.ErrType}, {10, 30, rules.ErrType},
		}, reason: "三个公式各有一处类型错误，互不影响"},
		{file: "input-bad-type.yaml", exact: true, want: []ldAt{
			{4, 15, rules.ErrFileValue}, {5, 14, rules.ErrFileValue}, {6, 7, rules.ErrFileValue}, {7, 3, rules.ErrFileMissing},
		}, reason: "四个输入的类型都写错或漏写，一次报告四条"},
		{file: "unknown-name.yaml", exact: true, want: []ldAt{
			{8, 16, rules.ErrUnknownName}, {9, 15, rules.ErrUnknownName},
		}, reason: "每个未知名称都要报告，不止第一个"},
		{file: "then-expr.yaml", exact: true, want: []ldAt{
			{6, 19, rules.ErrUnknownName}, {10, 25, rules.ErrUnknownName}, {13, 14, rules.ErrNumber},
		}, reason: "决策表一行的 when 有语法错误，不能掩盖另一行 then 表达式里的未知名称 权重（每个表达式至少报告第一个错误）"},
		{file: "anchors.yaml", exact: true, want: []ldAt{
			{4, 8, rules.ErrFileSyntax}, {5, 8, rules.ErrFileSyntax},
		}, reason: "锚点和别名各报一次；别名处不应再多一条“type 应为单个值，这里是其他内容”"},
		{file: "mixed-stages.yaml", want: []ldAt{
			{9, 7, rules.ErrUnknownName}, {12, 7, rules.ErrFileKey}, {18, 14, rules.ErrUnknownName},
		}, reason: "拼错的键（wen）是结构错误，但公式 得分 里的未知名称 执形率 和测试里不存在的结果 总分 也要同时报告"},
	}
	for _, r := range rows {
		t.Run(r.file, func(t *testing.T) {
			ldReason(t, r.file, r.reason)
			list, _ := ldBroken(t, r.file)
			got := ldPlaces(list)
			for _, w := range r.want {
				assert.Contains(t, got, w, "%s: want a %s at %d:%d; got\n%v", r.reason, w.code, w.line, w.col, list)
			}
			if r.exact {
				assert.Len(t, got, len(r.want), "%s; got\n%v", r.reason, list)
			}
		})
	}
}

// TestLoadErrorsFromSeveralFiles: one load reports the problems of every file, each naming
// its own file, in file order.
func TestLoadErrorsFromSeveralFiles(t *testing.T) {
	a := filepath.Join(brokenDir, "type-errors.yaml")
	b := filepath.Join(brokenDir, "unknown-name.yaml")
	_, err := rulefile.NewLibrary().LoadFiles(b, a)
	list := rules.Errors(err)
	require.Len(t, list, 5, "%v", err)
	var files []string
	for _, e := range list {
		files = append(files, e.File)
	}
	assert.Equal(t, []string{a, a, a, b, b}, files, "sorted by file, then position")
}

// TestLoadErrorFields checks the structured side of the errors a platform relocalises:
// File, Line, Col (counted in characters), RuleID and Code, and errors.Is on the code.
func TestLoadErrorFields(t *testing.T) {
	rows := []struct {
		file      string
		msg       string // picks the error
		file2     string // the file named, when not the one loaded
		line, col int
		rule      string
		code      rules.Code
		reason    string
	}{
		{file: "unknown-name.yaml", msg: "执形率", line: 8, col: 16, rule: "显示执行率", code: rules.ErrUnknownName,
			reason: "round( 之后的第 16 个字符；中文一字一列；规则是所在公式"},
		{file: "unknown-name.yaml", msg: "分值", line: 9, col: 15, rule: "得分", code: rules.ErrUnknownName,
			reason: "未声明的参数也报告，即使没有相近的名称"},
		{file: "multiline-expr.yaml", msg: "序时近度", line: 11, col: 7, rule: "偏差", code: rules.ErrUnknownName,
			reason: "折行的普通写法：错误在第二行，列号按文件里的缩进算，不是表达式的第 1 列"},
		{file: "multiline-expr.yaml", msg: "序时进读", line: 13, col: 9, rule: "进度比", code: rules.ErrUnknownName,
			reason: "折行的双引号写法：第二行缩进 6 格，名称在第 9 列"},
		{file: "block-scalar.yaml", msg: "部门", line: 12, col: 7, rule: "偏差", code: rules.ErrUnknownName,
			reason: "| 块中第三行，多缩进两格"},
		{file: "block-scalar.yaml", msg: "执行率", line: 14, col: 11, rule: "进度比", code: rules.ErrUnknownName,
			reason: "> 折叠块：let 只在本公式内有效，执行率 在另一公式中未知"},
		{file: "crlf-windows.yaml", msg: "预算书", line: 8, col: 7, rule: "执行率", code: rules.ErrUnknownName,
			reason: "Windows 记事本保存的 CRLF 文件，位置不受 \\r 影响"},
		{file: "crlf-windows.yaml", msg: "部门", line: 11, col: 7, rule: "偏差", code: rules.ErrUnknownName,
			reason: "CRLF 文件中的 | 块"},
		{file: "bom-excel.yaml", msg: "得份", line: 6, col: 7, rule: "加倍", code: rules.ErrUnknownName,
			reason: "带 BOM 的 UTF-8 文件照常读取"},
		{file: "then-expr.yaml", msg: "系数", line: 6, col: 19, rule: "加权", code: rules.ErrUnknownName,
			reason: "{expr: …, desc: …} 写法的表达式在花括号里第 19 列"},
		{file: "then-expr.yaml", msg: "6 后面", line: 13, col: 14, rule: "折算", code: rules.ErrNumber,
			reason: "|2 块（显式缩进）里的第二行，字母 O 写成了 6O 的一部分"},
		{file: "formula-cycle.yaml", msg: "得分 → 等级分 → 调整分 → 得分", line: 6, col: 3, rule: "得分", code: rules.ErrCycle,
			reason: "循环引用的消息列出整个环，位置在环的第一个公式名"},
		{file: "table-mixed-types.yaml", msg: "第 3 行", line: 12, col: 13, rule: "等级", code: rules.ErrTableType,
			reason: "第 3 行结果 60 是数值，与第 1 行的文本不同：指向第 3 行的 then 值"},
		{file: "duplicate-names.yaml", msg: "执行数", line: 7, col: 3, rule: "执行数", code: rules.ErrDuplicate,
			reason: "参数与输入同名，指向后出现的参数名"},
		{file: "duplicate-names.yaml", msg: "执行率", line: 12, col: 3, rule: "执行率", code: rules.ErrDuplicate,
			reason: "决策表与公式同名"},
		{file: "duplicate-key.yaml", msg: "优下限", line: 8, col: 3, rule: "dup-key", code: rules.ErrDuplicate,
			reason: "YAML 会默默保留后一个值；重复的键必须报告"},
		{file: "top-key-misspelt.yaml", msg: "是否为 formulas", line: 6, col: 1, rule: "misspelt-top", code: rules.ErrFileKey,
			reason: "formula: 少了 s，提示正确的键"},
		{file: "row-key-misspelt.yaml", msg: "是否为 when", line: 7, col: 7, rule: "等级", code: rules.ErrFileKey,
			reason: "行里的 wen: 指向该键"},
		{file: "flow-row-comma.yaml", msg: "逗号", line: 8, col: 23, rule: "规模", code: rules.ErrFileKey,
			reason: "{when: max(a, b) > 0} 被逗号截断，提示原因，指向被截出的假键"},
		{file: "anchors.yaml", msg: "锚点", line: 4, col: 8, rule: "", code: rules.ErrFileSyntax,
			reason: "& 锚点被拒绝，指向 &"},
		{file: "missing-required.yaml", msg: "effective", line: 1, col: 1, rule: "", code: rules.ErrFileMissing,
			reason: "缺少 effective"},
		{file: "until-before-effective.yaml", msg: "早于", line: 2, col: 12, rule: "until-before", code: rules.ErrFileVersion,
			reason: "until 早于 effective"},
		{file: "input-bad-type.yaml", msg: "decimel", line: 4, col: 15, rule: "bad-input-type", code: rules.ErrFileValue,
			reason: "类型拼错，指向类型值"},
		{file: "non-utf8.yaml", msg: "UTF-8", line: 3, col: 10, rule: "", code: rules.ErrFileSyntax,
			reason: "第 3 行“民丰”之后的第一个坏字节在第 10 列"},
		{file: "yaml-tab.yaml", msg: "制表符", line: 4, col: 1, rule: "", code: rules.ErrFileSyntax,
			reason: "第 4 行行首的 Tab"},
		{file: "extends-unknown.yaml", msg: "natinal-monitor", line: 2, col: 10, rule: "hotan-monitor", code: rules.ErrFileReference,
			reason: "extends 的值拼错"},
		{file: "overlap", msg: "重叠", file2: "overlap/b-2024.yaml", line: 3, col: 12, rule: "overlap", code: rules.ErrFileVersion,
			reason: "两个文件的生效期重叠，指向后一个文件的 effective"},
		{file: "same-effective", msg: "两个版本", file2: "same-effective/b.yaml", line: 2, col: 12, rule: "twice", code: rules.ErrFileVersion,
			reason: "同一次加载中两个文件同 id 同日生效"},
		// positions that point at the wrong character (see the report)
		{file: "yaml-indent.yaml", msg: "缩进", line: 5, col: 4, rule: "", code: rules.ErrFileSyntax,
			reason: "第 5 行多缩进了一格：执行数 在第 4 列；不是第 3 行 inputs:"},
		{file: "yaml-unclosed.yaml", msg: "花括号", line: 4, col: 7, rule: "", code: rules.ErrFileSyntax,
			reason: "没有闭合的 { 在第 4 行第 7 列；不是第 3 行"},
		{file: "yaml-colon-in-value.yaml", msg: "冒号", line: 2, col: 12, rule: "", code: rules.ErrFileSyntax,
			reason: "标题里第二个“: ”在第 12 列，不是行首"},
		{file: "fullwidth-colon.yaml", msg: "冒号", line: 3, col: 7, rule: "", code: rules.ErrFullWidth,
			reason: "输入法打出的全角冒号 ： 在第 7 列"},
		{file: "old-mac-cr.yaml", msg: "得份", line: 6, col: 7, rule: "加倍", code: rules.ErrUnknownName,
			reason: "只用 \\r 换行的文件（YAML 认作换行，编辑器也显示为六行）：错误在第 6 行，不是第 1 行第 93 列"},
		{file: "test-expect-unknown.yaml", msg: "执形率", line: 11, col: 14, rule: "expect-unknown", code: rules.ErrUnknownName,
			reason: "拼错的是 expect 里的名称 执形率（第 14 列），不是它的值 90%（第 19 列）"},
		{file: "test-expect-unknown.yaml", msg: "执形数", line: 13, col: 23, rule: "expect-unknown", code: rules.ErrUnknownName,
			reason: "拼错的是 given 里的名称 执形数（第 23 列），不是它的值 90（第 28 列）"},
		{file: "param-since-order.yaml", msg: "从早到晚", line: 9, col: 14, rule: "since-order", code: rules.ErrFileVersion,
			reason: "排错的是第 9 行的 since 日期，不是第 10 行的值"},
		{file: "quoted-escapes.yaml", msg: "部鬥", line: 7, col: 34, rule: "标签", code: rules.ErrUnknownName,
			reason: "双引号里有四个 \\ 转义，部鬥 在文件的第 34 列"},
		{file: "quoted-escapes.yaml", msg: "部闩", line: 8, col: 21, rule: "说明", code: rules.ErrUnknownName,
			reason: "单引号里 '' 是一个引号，部闩 在文件的第 21 列"},
		{file: "test-bad-given.yaml", msg: "一百", line: 12, col: 18, rule: "bad-given", code: rules.ErrFileValue,
			reason: "给数值输入写了汉字数字：应说“预算数 的值 一百 应为数字”，并带规则集 id，而不是“未知名称 一百”"},
	}
	for _, r := range rows {
		t.Run(r.file+"/"+r.msg, func(t *testing.T) {
			ldReason(t, r.file+" "+r.msg, r.reason)
			list, err := ldBroken(t, r.file)
			i := slices.IndexFunc(list, func(e *rules.Error) bool { return strings.Contains(e.Msg, r.msg) })
			require.GreaterOrEqual(t, i, 0, "no error mentions %q in\n%v", r.msg, err)
			e := list[i]
			want := filepath.Join(brokenDir, r.file)
			if r.file2 != "" {
				want = filepath.Join(brokenDir, r.file2)
			}
			assert.Equal(t, want, e.File, r.reason)
			assert.Equal(t, fmt.Sprintf("%d:%d", r.line, r.col), fmt.Sprintf("%d:%d", e.Line, e.Col), "%s\n%v", r.reason, e)
			assert.Equal(t, r.rule, e.RuleID, r.reason)
			assert.Equal(t, r.code, e.Code, "%s\n%v", r.reason, e)
			assert.True(t, errors.Is(err, r.code), "errors.Is(err, %s)", r.code)
			assert.True(t, strings.HasPrefix(e.Error(), fmt.Sprintf("%s:%d:%d: ", e.File, e.Line, e.Col)), e.Error())
		})
	}
}

// TestLoadErrorsIsAndAs: the load error is an ErrorList; errors.Is matches only the codes
// it carries.
func TestLoadErrorsIsAndAs(t *testing.T) {
	_, err := ldBroken(t, "formula-cycle.yaml")
	var list rules.ErrorList
	require.True(t, errors.As(err, &list))
	assert.True(t, errors.Is(err, rules.ErrCycle))
	assert.False(t, errors.Is(err, rules.ErrUnknownName), "a cycle is not an unknown name")
	var one *rules.Error
	require.True(t, errors.As(err, &one))
	assert.Equal(t, rules.ErrCycle, one.Code)
}

// TestLoadExactNumbers: numbers in params, given and expect are read from their text, never
// through a YAML float (12345678901234567.89 as float64 is 12345678901234568).
func TestLoadExactNumbers(t *testing.T) {
	_, sets := ldMust(t, ldExample(t, "exact-numbers.yaml"))
	rs := sets[0]
	params := rs.Params()
	i := slices.IndexFunc(params, func(p rulefile.Param) bool { return p.Name == "基数" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "12345678901234567.89", params[i].Values[0].Value.String(), "param read from its text")

	tests := rs.Tests()
	find := func(name string) rulefile.TestCase {
		j := slices.IndexFunc(tests, func(c rulefile.TestCase) bool { return c.Name == name })
		require.GreaterOrEqual(t, j, 0, name)
		return tests[j]
	}
	big := find("超过十八位的输入")
	assert.Equal(t, "98765432109876543210.12", big.Given[0].Value.String(), "given read from its text")
	assert.Equal(t, "98777777788777777778.01", big.Expect[0].Value.String(), "expect read from its text")
	seventeen := find("十七位整数加两位小数")
	assert.Equal(t, "12345678901234567.90", seventeen.Expect[0].Value.Decimal().StringFixed(2))

	ev, err := rs.Evaluate(rs.Effective(), map[string]any{"金额": "0.01"})
	require.NoError(t, err)
	assert.Equal(t, "12345678901234567.90", ldGet(t, ev, "合计").String(), "0.01 + 12345678901234567.89, exactly")
	for _, r := range rs.RunTests() {
		assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
	}
}

// TestLoadGivenConstantExpressions: a given value may be a constant expression such as 8/12,
// computed exactly; one that is not a number is an error at its place.
func TestLoadGivenConstantExpressions(t *testing.T) {
	rows := []struct {
		given, want string
		reason      string
	}{
		{"8/12", "0.66666666666666666667", "八个月的序时进度，二十位小数，末位四舍五入"},
		{"(1 + 2) * 10%", "0.30", "百分数与括号：10% 是两位小数，乘积保留"},
		{"round(2/3, 2)", "0.67", "内置函数可用"},
		{"-5", "-5", "负数"},
		{"1,234.5", "1234.5", "千分位写法的数字"},
	}
	for _, r := range rows {
		t.Run(r.given, func(t *testing.T) {
			ldReason(t, r.given, r.reason)
			src := "ruleset: given-expr\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n  y: x\n" +
				"tests:\n  - name: 常量\n    given:\n      x: " + r.given + "\n    expect:\n      y: 0\n"
			_, sets := ldMust(t, ldFile("given.yaml", src))
			g := sets[0].Tests()[0].Given
			require.Len(t, g, 1)
			assert.Equal(t, r.want, g[0].Value.String(), r.reason)
			assert.Equal(t, 10, g[0].Pos.Line)
			assert.Equal(t, 10, g[0].Pos.Col)
		})
	}
	src := "ruleset: given-expr\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n  y: x\n" +
		"tests:\n  - name: 除以零\n    given: {x: 8/0}\n    expect: {y: 0}\n"
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("given.yaml", src))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, ldAt{9, 18, rules.ErrDivByZero}, ldAt{list[0].Line, list[0].Col, list[0].Code}, "8/0: the divisor, in the file: %v", err)
}

// TestLoadParamsByDate: a param with two since values gives two programs; the date picks.
func TestLoadParamsByDate(t *testing.T) {
	_, sets := ldMust(t, ldExample(t, "dated-params.yaml"))
	rs := sets[0]
	p := rs.Params()[0]
	require.Equal(t, "良上限", p.Name)
	require.Len(t, p.Values, 2)
	assert.Equal(t, ldDay(2024, 7, 1), p.Values[1].Since)
	assert.Equal(t, "年中调整", p.Values[1].Reference)

	rows := []struct {
		at     time.Time
		grade  string
		limit  string
		reason string
	}{
		{ldDay(2024, 1, 1), "差", "0.20", "生效首日用年初标准"},
		{ldDay(2024, 6, 30), "差", "0.20", "调整前一天仍是 20%"},
		{ldDay(2024, 7, 1), "良", "0.30", "调整当天起用 30%"},
		{time.Date(2024, 7, 1, 23, 59, 0, 0, time.FixedZone("CST", 8*3600)), "良", "0.30", "只看日历日，不看时刻和时区"},
		{ldDay(2025, 3, 1), "良", "0.30", "没有 until：一直有效"},
	}
	early, err := rs.Program(ldDay(2024, 3, 1))
	require.NoError(t, err)
	late, err := rs.Program(ldDay(2024, 9, 1))
	require.NoError(t, err)
	assert.NotSame(t, early, late, "two param periods, two programs")
	for _, r := range rows {
		ldReason(t, r.at.String(), r.reason)
		ev, err := rs.Evaluate(r.at, map[string]any{"偏差": "0.25"})
		require.NoError(t, err, r.reason)
		assert.Equal(t, r.grade, ldGet(t, ev, "等级").String(), r.reason)
		assert.Equal(t, r.limit, ldGet(t, ev, "适用上限").String(), r.reason)
	}
	_, err = rs.Program(ldDay(2023, 12, 31))
	assert.True(t, errors.Is(err, rules.ErrFileVersion), "before effective: %v", err)
	_, err = rs.Evaluate(ldDay(2023, 12, 31), map[string]any{"偏差": "0"})
	assert.True(t, errors.Is(err, rules.ErrFileVersion), "before effective: %v", err)
}

const ldBase = `ruleset: base-monitor
effective: 2024-01-01
inputs:
  偏差: {type: decimal}
params:
  良上限: 20%
  优上限: 0
tables:
  等级:
    - when: 偏差 <= 优上限
      then: 优
    - when: 偏差 <= 良上限
      then: 良
    - else: 差
`

const ldRegion = `ruleset: region-monitor
extends: base-monitor
effective: 2024-01-01
params:
  良上限: 30%
tests:
  - name: 百分之二十五为良
    given: {偏差: 25%}
    expect: {等级: 良}
`

// TestLoadExtendsInSameLoad: a regional file overrides one param of a base loaded with it,
// whatever the order of the files.
func TestLoadExtendsInSameLoad(t *testing.T) {
	lib, sets := ldMust(t, ldFile("region.yaml", ldRegion), ldFile("base.yaml", ldBase))
	require.Len(t, sets, 2)
	at := ldDay(2024, 5, 31)
	rows := []struct {
		id, deviation, want string
		reason              string
	}{
		{"base-monitor", "0.25", "差", "基础规则：25% 超过 20%"},
		{"region-monitor", "0.25", "良", "地区覆盖良上限为 30%"},
		{"region-monitor", "0.3", "良", "恰好 30% 含本数"},
		{"region-monitor", "0.3001", "差", "超过 30%"},
		{"region-monitor", "0", "优", "优上限 沿用基础规则"},
	}
	for _, r := range rows {
		ldReason(t, r.id+r.deviation, r.reason)
		ev, err := lib.Evaluate(r.id, at, map[string]any{"偏差": r.deviation})
		require.NoError(t, err)
		assert.Equal(t, r.want, ldGet(t, ev, "等级").String(), r.reason)
	}
	region, err := lib.Get("region-monitor", at)
	require.NoError(t, err)
	base, err := lib.Get("base-monitor", at)
	require.NoError(t, err)
	assert.Equal(t, "base-monitor", region.Extends())
	assert.NotEqual(t, base.Hash(), region.Hash())
	assert.Len(t, region.Inputs(), 1, "inputs inherited")
	for _, r := range region.RunTests() {
		assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
	}

	// a param the base does not have, one edit away from one it has, is almost surely a typo
	typo := strings.Replace(ldRegion, "  良上限: 30%", "  良上线: 30%", 1)
	_, err = rulefile.NewLibrary().LoadBytes(ldFile("base.yaml", ldBase), ldFile("region.yaml", typo))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, ldAt{5, 3, rules.ErrFileKey}, ldAt{list[0].Line, list[0].Col, list[0].Code})
	assert.Contains(t, list[0].Msg, "良上限")
}

// TestLoadExtendsEmbeddedDefaults: a vendor's regional file extends the national default
// shipped in the module and changes one param.
func TestLoadExtendsEmbeddedDefaults(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	hotan := `ruleset: hotan-monitor
title: 和田地区绩效运行监控
extends: national-monitor
effective: 2024-01-01
params:
  良上限: 30%
tests:
  - name: 落后百分之二十五为良
    given: {预算数: 120, 执行数: 60, 月份: 8}
    expect: {偏差: 25%, 等级: 良}
`
	sets, err := lib.LoadBytes(ldFile("hotan.yaml", hotan))
	require.NoError(t, err)
	require.Len(t, sets, 1)
	for _, r := range sets[0].RunTests() {
		assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
	}
	at := ldDay(2024, 8, 31)
	vars := map[string]any{"预算数": "120", "执行数": "60", "月份": 8}
	national, err := lib.Evaluate("national-monitor", at, vars)
	require.NoError(t, err)
	regional, err := lib.Evaluate("hotan-monitor", at, vars)
	require.NoError(t, err)
	assert.Equal(t, "差", ldGet(t, national, "等级").String(), "national: 25% > 20%")
	assert.Equal(t, "良", ldGet(t, regional, "等级").String(), "regional: 25% <= 30%")
	for _, name := range []string{"执行率", "偏差", "预警", "进度比"} {
		assert.True(t, ldGet(t, national, name).Equal(ldGet(t, regional, name)), "%s is inherited unchanged", name)
	}
	assert.Equal(t, "hotan-monitor", regional.RuleSet)
	assert.Len(t, lib.RuleSets(), len(mustDefaults(t))+1, "the defaults stay loaded")
}

func mustDefaults(t *testing.T) []*rulefile.RuleSet {
	t.Helper()
	lib, err := rulesets.Library()
	require.NoError(t, err)
	return lib.RuleSets()
}

func ldVersion(effective, until, limit string) string {
	s := "ruleset: monitor-grade\neffective: " + effective + "\n"
	if until != "" {
		s += "until: " + until + "\n"
	}
	return s + "inputs:\n  偏差: {type: decimal}\nparams:\n  良上限: " + limit +
		"\ntables:\n  等级:\n    - when: 偏差 <= 良上限\n      then: 良\n    - else: 差\n"
}

// TestLoadVersionsByDate: a library holds several dated versions of a rule set and picks the
// one in force on the evaluation date.
func TestLoadVersionsByDate(t *testing.T) {
	lib, _ := ldMust(t,
		ldFile("2022.yaml", ldVersion("2022-01-01", "2022-12-31", "10%")),
		ldFile("2024.yaml", ldVersion("2024-01-01", "", "30%")),
		ldFile("2023.yaml", ldVersion("2023-01-01", "", "20%")),
	)
	rows := []struct {
		at     time.Time
		file   string
		reason string
	}{
		{ldDay(2022, 1, 1), "2022.yaml", "第一版生效当天"},
		{ldDay(2022, 12, 31), "2022.yaml", "until 当天仍有效（含本日）"},
		{ldDay(2023, 1, 1), "2023.yaml", "下一版生效当天"},
		{ldDay(2023, 12, 31), "2023.yaml", "没有 until 的版本有效到下一版生效前一天"},
		{ldDay(2024, 1, 1), "2024.yaml", "最新版"},
		{ldDay(2030, 1, 1), "2024.yaml", "最新版没有 until"},
	}
	for _, r := range rows {
		ldReason(t, r.file, r.reason)
		rs, err := lib.Get("monitor-grade", r.at)
		require.NoError(t, err, r.reason)
		assert.Equal(t, r.file, rs.File(), r.reason)
		assert.True(t, rs.InForce(r.at), r.reason)
	}
	_, err := lib.Get("monitor-grade", ldDay(2021, 12, 31))
	assert.True(t, errors.Is(err, rules.ErrFileVersion), "before the first version: %v", err)
	_, err = lib.Get("monitor-grad", ldDay(2024, 1, 1))
	assert.True(t, errors.Is(err, rules.ErrFileReference), "%v", err)
	assert.Contains(t, fmt.Sprint(err), "monitor-grade", "suggests the id")
	assert.Len(t, lib.RuleSets(), 3)

	// a gap between an until and the next version is no version at all
	gap, _ := ldMust(t, ldFile("a.yaml", ldVersion("2022-01-01", "2022-06-30", "10%")),
		ldFile("b.yaml", ldVersion("2023-01-01", "", "20%")))
	_, err = gap.Get("monitor-grade", ldDay(2022, 9, 1))
	assert.True(t, errors.Is(err, rules.ErrFileVersion), "in the gap: %v", err)
}

// TestLoadEvaluationProvenance: every evaluation says which rules produced it (审计留痕),
// and the hash changes when the file does.
func TestLoadEvaluationProvenance(t *testing.T) {
	v1 := ldVersion("2024-01-01", "", "20%")
	lib, _ := ldMust(t, ldFile("grade.yaml", v1))
	at := ldDay(2024, 8, 31)
	ev, err := lib.Evaluate("monitor-grade", at, map[string]any{"偏差": "0.25"})
	require.NoError(t, err)
	sum := sha256.Sum256([]byte(v1))
	assert.Equal(t, "monitor-grade", ev.RuleSet)
	assert.Equal(t, "2024-01-01", ev.Version, "without version: the effective date")
	assert.Equal(t, "2024-01-01", ev.Effective)
	assert.Equal(t, "2024-08-31", ev.At)
	assert.Equal(t, hex.EncodeToString(sum[:]), ev.Hash, "sha256 of the file's bytes")
	assert.Equal(t, "差", ldGet(t, ev, "等级").String())

	v2 := strings.Replace(v1, "20%", "30%", 1)
	_, err = lib.LoadBytes(ldFile("grade.yaml", v2))
	require.NoError(t, err)
	ev2, err := lib.Evaluate("monitor-grade", at, map[string]any{"偏差": "0.25"})
	require.NoError(t, err)
	assert.NotEqual(t, ev.Hash, ev2.Hash, "changed file, changed hash")
	assert.Equal(t, "良", ldGet(t, ev2, "等级").String(), "hot swap: the new version answers")
	assert.Len(t, lib.RuleSets(), 1, "same id and effective date: replaced, not added")

	// a comment changes the bytes, so the hash, but not the results
	_, err = lib.LoadBytes(ldFile("grade.yaml", "# 2024-09 复核\n"+v2))
	require.NoError(t, err)
	ev3, err := lib.Evaluate("monitor-grade", at, map[string]any{"偏差": "0.25"})
	require.NoError(t, err)
	assert.NotEqual(t, ev2.Hash, ev3.Hash)

	named := strings.Replace(v1, "effective:", "version: 2024.2\neffective:", 1)
	_, sets := ldMust(t, ldFile("named.yaml", named))
	ev4, err := sets[0].Evaluate(at, map[string]any{"偏差": "0"})
	require.NoError(t, err)
	assert.Equal(t, "2024.2", ev4.Version)

	js, err := json.Marshal(ev)
	require.NoError(t, err)
	for _, key := range []string{`"ruleset":"monitor-grade"`, `"version":"2024-01-01"`, `"effective":"2024-01-01"`, `"hash":"` + ev.Hash + `"`, `"等级":"差"`} {
		assert.Contains(t, string(js), key)
	}
}

// TestLoadExplainTrace: the trace lists each formula with its value and each table row tried,
// in order, with the matching one marked.
func TestLoadExplainTrace(t *testing.T) {
	src := `ruleset: trace
effective: 2024-01-01
inputs:
  预算数: {type: decimal}
  执行数: {type: decimal}
  月份: {type: int}
params:
  良上限: 20%
formulas:
  执行率: 执行数 / 预算数
  序时进度: 月份 / 12
  偏差: round(max(序时进度 - 执行率, 0) / 序时进度, 4)
tables:
  等级:
    - when: 偏差 == 0
      then: 优
    - when: 偏差 <= 良上限
      then: 良
    - else: 差
`
	_, sets := ldMust(t, ldFile("trace.yaml", src))
	ev, err := sets[0].Explain(ldDay(2024, 8, 31), map[string]any{"预算数": "120", "执行数": "64", "月份": 8})
	require.NoError(t, err)
	var formulas []string
	type row struct {
		n       int
		text    string
		line    int
		matched bool
	}
	var rows []row
	for _, s := range ev.Trace {
		switch s.Kind {
		case "formula":
			formulas = append(formulas, s.Rule+"="+s.Value.String())
		case "row":
			assert.Equal(t, "等级", s.Rule)
			rows = append(rows, row{s.Row, s.Text, s.Line, s.Matched})
		}
	}
	assert.Equal(t, []string{"执行率=0.53333333333333333333", "序时进度=0.66666666666666666667", "偏差=0.2000"}, formulas,
		"every formula, in dependency order, with its value")
	assert.Equal(t, []row{{1, "偏差 == 0", 15, false}, {2, "偏差 <= 良上限", 17, true}}, rows,
		"rows tried in order until the match; the else row is not tried")
	last := ev.Trace[len(ev.Trace)-1]
	assert.Equal(t, "良", last.Value.String(), "the matched row carries the table's value")

	ev, err = sets[0].Explain(ldDay(2024, 8, 31), map[string]any{"预算数": "120", "执行数": "10", "月份": 8})
	require.NoError(t, err)
	rows = rows[:0]
	for _, s := range ev.Trace {
		if s.Kind == "row" {
			rows = append(rows, row{s.Row, s.Text, s.Line, s.Matched})
		}
	}
	assert.Equal(t, []row{{1, "偏差 == 0", 15, false}, {2, "偏差 <= 良上限", 17, false}, {3, "else", 19, true}}, rows)
	assert.Equal(t, "差", ldGet(t, ev, "等级").String())
}

// TestLoadFS loads rule files from an fs.FS: a folder's *.yaml and *.yml files, in name
// order, named by their path in the FS.
func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"rules/base.yaml":        {Data: []byte(ldBase)},
		"rules/region/hotan.yml": {Data: []byte(ldRegion)},
		"rules/README.md":        {Data: []byte("# 不是规则文件")},
		"rules/notes.txt":        {Data: []byte("ruleset: [")},
		"other/grade.yaml":       {Data: []byte(ldVersion("2024-01-01", "", "20%"))},
	}
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadFS(fsys, "rules", "other/grade.yaml")
	require.NoError(t, err)
	var files []string
	for _, rs := range sets {
		files = append(files, rs.File())
	}
	assert.ElementsMatch(t, []string{"rules/base.yaml", "rules/region/hotan.yml", "other/grade.yaml"}, files)
	ev, err := lib.Evaluate("region-monitor", ldDay(2024, 3, 1), map[string]any{"偏差": "0.25"})
	require.NoError(t, err)
	assert.Equal(t, "良", ldGet(t, ev, "等级").String())

	broken := fstest.MapFS{"r/bad.yaml": {Data: []byte("ruleset: x\neffective: 2024-01-01\nformulas:\n  a: 未知 + 1\n")}}
	_, err = rulefile.NewLibrary().LoadFS(broken, "r")
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, "r/bad.yaml:4:6: 规则 a：未知名称 未知", list[0].Error())

	_, err = rulefile.NewLibrary().LoadFS(fsys, "missing")
	assert.Error(t, err, "a path that does not exist")
}

// TestLoadAllOrNothing: a load with a broken file adds nothing, and what was loaded before
// keeps answering.
func TestLoadAllOrNothing(t *testing.T) {
	lib, _ := ldMust(t, ldFile("grade.yaml", ldVersion("2024-01-01", "", "20%")))
	_, err := lib.LoadBytes(
		ldFile("grade.yaml", ldVersion("2024-01-01", "", "30%")),
		ldFile("new.yaml", "ruleset: new\neffective: 2024-01-01\n"),
		ldFile("bad.yaml", "ruleset: bad\neffective: 2024-01-01\nformulas:\n  a: b\n"),
	)
	require.Error(t, err)
	assert.Len(t, lib.RuleSets(), 1, "nothing from the failed load was added")
	ev, err := lib.Evaluate("monitor-grade", ldDay(2024, 5, 1), map[string]any{"偏差": "0.25"})
	require.NoError(t, err)
	assert.Equal(t, "差", ldGet(t, ev, "等级").String(), "the old version still answers")
}

// TestLoadMissingElseAtRunTime: a table without else that no row matches is an R004 error
// at run time, naming the table and the values its conditions read. (A gap the check can
// prove is refused when the file loads, E015: testdata/broken/missing-else.yaml; abs() keeps
// this one from the check.)
func TestLoadMissingElseAtRunTime(t *testing.T) {
	path := filepath.Join("testdata", "runtime-no-match.yaml")
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadFiles(path)
	require.NoError(t, err, "the file itself is valid")
	rs := sets[0]
	_, err = rs.Evaluate(ldDay(2024, 8, 31), map[string]any{"偏差": "0.35", "月份": 8})
	require.True(t, errors.Is(err, rules.ErrNoMatch), "%v", err)
	list := rules.Errors(err)
	require.Len(t, list, 1)
	e := list[0]
	assert.Equal(t, path, e.File)
	assert.Equal(t, "等级", e.RuleID)
	assert.Equal(t, "9:3", fmt.Sprintf("%d:%d", e.Line, e.Col), "the table's name")
	for _, part := range []string{"等级", "else", "偏差 = 0.35", "良上限 = 0.2", "月份 = 8"} {
		assert.Contains(t, e.Msg, part)
	}
	_, err = rs.Evaluate(ldDay(2024, 8, 31), map[string]any{"偏差": "0.1", "月份": 3})
	assert.True(t, errors.Is(err, rules.ErrNoMatch), "月份 < 5: no row either: %v", err)
	_, err = rs.Explain(ldDay(2024, 8, 31), map[string]any{"偏差": "0.35", "月份": 8})
	assert.True(t, errors.Is(err, rules.ErrNoMatch), "Explain reports it too: %v", err)

	results := rs.RunTests()
	require.Len(t, results, 2)
	assert.True(t, results[0].Passed(), "%v %v", results[0].Err, results[0].Failures)
	assert.True(t, errors.Is(results[1].Err, rules.ErrNoMatch), "%v", results[1].Err)
	assert.Equal(t, "偏差过大没有对应的行", results[1].Name)
}

// sizedRuleFile is a valid rule file of exactly n bytes (n ≥ 100), padded with a comment.
func sizedRuleFile(t *testing.T, n int) string {
	head := "ruleset: size\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n  y: x\n"
	pad := n - len(head)
	exact := head + "#" + strings.Repeat("填", (pad-2)/3) + strings.Repeat(" ", (pad-2)%3) + "\n"
	require.Len(t, exact, n)
	return exact
}

// TestLoadFileSizeLimit: a file of exactly the limit loads; one byte more is F005, refused
// before it is parsed, under the default limit and under one a platform sets.
func TestLoadFileSizeLimit(t *testing.T) {
	for _, r := range []struct {
		name   string
		limit  int
		opts   []rulefile.Option
		reason string
	}{
		{name: "默认", limit: defaultFileLimit, reason: "the documented default, 1 MiB"},
		{name: "平台设定", limit: 4096, opts: []rulefile.Option{rulefile.MaxFileSize(4096)}, reason: "a platform's own, smaller bound"},
	} {
		ldReason(t, r.name, r.reason)
		exact := sizedRuleFile(t, r.limit)
		_, err := rulefile.NewLibrary(r.opts...).LoadBytes(ldFile("exact.yaml", exact))
		assert.NoError(t, err, "%s: exactly at the limit", r.name)

		_, err = rulefile.NewLibrary(r.opts...).LoadBytes(ldFile("over.yaml", exact+"\n"))
		list := rules.Errors(err)
		require.Len(t, list, 1, "%v", err)
		assert.Equal(t, rules.ErrFileLimit, list[0].Code, r.name)
		assert.Equal(t, "over.yaml", list[0].File, r.name)
		assert.Equal(t, fmt.Sprintf("over.yaml: 文件过大：%d 字节，上限 %d 字节", r.limit+1, r.limit), list[0].Error(), r.name)
	}

	_, err := rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "big.yaml", Data: oversizedRuleFile()})
	assert.True(t, errors.Is(err, rules.ErrFileLimit), "%v", err)
}

// TestLibraryBadOption: a bad option is the platform's mistake, reported by every load
// without a file position, and nothing is loaded under it.
func TestLibraryBadOption(t *testing.T) {
	lib := rulefile.NewLibrary(rulefile.MaxFileSize(0))
	for _, load := range []func(...rulefile.Source) ([]*rulefile.RuleSet, error){lib.LoadBytes, lib.LoadEach} {
		sets, err := load(ldFile("ok.yaml", sizedRuleFile(t, 200)))
		assert.Empty(t, sets)
		list := rules.Errors(err)
		require.Len(t, list, 1, "%v", err)
		assert.Equal(t, rules.ErrDeclaration, list[0].Code)
		assert.Equal(t, 0, list[0].Line)
		assert.Equal(t, "MaxFileSize 必须为正数，收到 0", list[0].Error())
	}
	_, err := lib.Stage(ldFile("ok.yaml", sizedRuleFile(t, 200)))
	assert.True(t, errors.Is(err, rules.ErrDeclaration), "%v", err)
	assert.Empty(t, lib.RuleSets(), "nothing loaded under a bad option")
}

// TestLoadGivenListFlowStyle: the message for a bad list says "如 [1, 2.5]", so a list written
// that way in given must be accepted.
func TestLoadGivenListFlowStyle(t *testing.T) {
	src := "ruleset: list\neffective: 2024-01-01\ninputs:\n  明细: {type: list}\nformulas:\n  合计: sum(明细)\n" +
		"tests:\n  - name: 流式列表\n    given: {明细: [1, 2.5]}\n    expect: {合计: 3.5}\n"
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("list.yaml", src))
	assert.NoError(t, err, "given {明细: [1, 2.5]} is the form the error message itself recommends")
}

// TestLoadExampleRuleSets: every good example under testdata/rulesets loads (as `jixiao check`
// would, the whole folder at once, so regional files find their base) and passes its tests.
func TestLoadExampleRuleSets(t *testing.T) {
	dir := filepath.Join("testdata", "rulesets")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadFiles(dir)
	require.NoError(t, err)
	loaded := map[string]bool{}
	for _, rs := range sets {
		loaded[filepath.Base(rs.File())] = true
	}
	for _, e := range entries {
		assert.True(t, loaded[e.Name()], "%s was not loaded", e.Name())
	}
	// failures written on purpose, to show what `jixiao test` prints
	deliberate := map[string]string{
		"monitor.yaml/故意写错": "示例故意写错期望值，演示测试失败的输出",
	}
	total := 0
	for _, rs := range sets {
		results := rs.RunTests()
		assert.NotEmpty(t, results, "%s has no tests", rs.File())
		for _, r := range results {
			total++
			key := filepath.Base(rs.File()) + "/" + r.Name
			if why, ok := deliberate[key]; ok {
				assert.False(t, r.Passed(), "%s: %s", key, why)
				assert.NoError(t, r.Err, "%s fails on a value, not an error", key)
				continue
			}
			assert.True(t, r.Passed(), "%s: %v %v", key, r.Err, r.Failures)
		}
	}
	assert.GreaterOrEqual(t, total, 20)

	for _, e := range entries {
		if e.Name() == "region-score.yaml" {
			continue // it extends base-score, loaded with it above
		}
		_, err := rulefile.NewLibrary().LoadFiles(filepath.Join(dir, e.Name()))
		assert.NoError(t, err, "%s loads on its own", e.Name())
	}
}

// ldExample reads a good example rule file.
func ldExample(t *testing.T, name string) rulefile.Source {
	t.Helper()
	p := filepath.Join("testdata", "rulesets", name)
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	return rulefile.Source{Name: p, Data: data}
}
