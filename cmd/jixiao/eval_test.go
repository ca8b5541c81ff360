package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	evalRules = filepath.Join("testdata", "eval", "执行率.yaml")
	evalData  = filepath.Join("testdata", "eval", "单位.csv")
)

// TestEvalGolden keeps each format's output of a table with amounts in 元 (the rule set
// declares 万元), an input left to its default, a date as an Excel serial, a blank row and
// rows that cannot be evaluated. -update rewrites the files.
func TestEvalGolden(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"table", "csv", "json", "xlsx"} {
		args := []string{"eval", "--rules", evalRules, "--at", "2024-12-31", "--format", format}
		out := filepath.Join(dir, "结果."+format)
		if format == "xlsx" {
			args = append(args, "-o", out)
		}
		stdout, stderr, code := runCLI(append(args, evalData)...)
		require.Equal(t, exitOK, code, stderr)
		assert.Empty(t, stderr, format)
		got := stdout
		if format == "xlsx" {
			got = dumpXLSX(t, out)
		}
		require.Len(t, hashPattern.FindAllString(got, -1), map[string]int{"table": 0, "csv": 0, "json": 1, "xlsx": 1}[format], "%s names the rule set's hash", format)
		checkGolden(t, filepath.Join("testdata", "eval", format+".golden"), hashPattern.ReplaceAllString(got, "HASH"))

		again, _, _ := runCLI(append(args, evalData)...)
		if format == "xlsx" {
			first, err := os.ReadFile(out)
			require.NoError(t, err)
			_, _, _ = runCLI(append(args, evalData)...)
			second, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(first, second), "the same workbook, byte for byte")
			continue
		}
		assert.Equal(t, stdout, again, "%s: the same input gives the same bytes", format)
	}
}

type evalLine struct {
	Row     int
	Values  map[string]string
	Error   string
	Summary *struct {
		RuleSet, Version, Hash, At         string
		Rows, Evaluated, Rejected, Skipped int
	}
}

func evalJSON(t *testing.T, args ...string) []evalLine {
	t.Helper()
	stdout, stderr, code := runCLI(append([]string{"eval", "--format", "json"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	var out []evalLine
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var l evalLine
		require.NoError(t, json.Unmarshal([]byte(line), &l), line)
		out = append(out, l)
	}
	return out
}

// TestEvalAccountsForEveryRow reads the JSON: every row evaluated or rejected with its row
// and reason, header units converted exactly, the default used, and the summary adding up.
func TestEvalAccountsForEveryRow(t *testing.T) {
	lines := evalJSON(t, "--rules", evalRules, "--at", "2024-12-31", evalData)
	require.Len(t, lines, 6)
	tests := []struct {
		line   evalLine
		row    int
		want   string
		reason string
	}{
		{lines[0], 2, "0.9000", "1,000,000元 and 900000元 are 100 and 90 万元: converted exactly"},
		{lines[1], 3, "0.2500", "2000000元 and 500000元"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.row, tt.line.Row, tt.reason)
		assert.Equal(t, tt.want, tt.line.Values["执行率"], tt.reason)
	}
	assert.Equal(t, "9.00", lines[0].Values["得分"], "分值 is absent from the table: its default 10 applies")
	assert.Equal(t, "10", lines[1].Values["逾期天数"], "45667 is Excel's serial for 2025-01-10, ten days after 截止日期's default")
	assert.Contains(t, lines[2].Error, "除数为零", "row 5 (row 4 is blank)")
	assert.Equal(t, 5, lines[2].Row)
	assert.Contains(t, lines[3].Error, "列“执行数（元）”的值“九十万”不是金额", "a bad cell names its column and value")
	assert.Contains(t, lines[4].Error, "完成日期为空", "an input without a default must be given")
	s := lines[5].Summary
	require.NotNil(t, s)
	assert.Equal(t, "测试执行率", s.RuleSet)
	assert.Equal(t, "2024-12-31", s.At)
	assert.Len(t, s.Hash, 64)
	assert.Equal(t, 5, s.Rows)
	assert.Equal(t, s.Rows, s.Evaluated+s.Rejected, "rows in = rows out + rows rejected")
	assert.Equal(t, 1, s.Skipped, "the blank row is reported, not counted as data")
}

// TestEvalInputs reads tables the way staff have them: an embedded rule set by its id, an
// .xlsx written with excelize with date cells, a GB18030 CSV.
func TestEvalInputs(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "执行.xlsx")
	writeXLSX(t, book, sheet{"数据", [][]any{
		{"单位", "预算数（万元）", "执行数（万元）", "完成日期", "分值"},
		{"民政局", 120, 108, time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), 20},
		{"教育局", 1000.5, 0.1, "2024-12-01", nil},
	}})
	lines := evalJSON(t, "--rules", evalRules, "--sheet", "数据", book)
	require.Len(t, lines, 3)
	assert.Equal(t, map[string]string{"执行率": "0.9000", "得分": "18.00", "逾期天数": "10", "评价": "达标"}, lines[0].Values,
		"number cells read exactly; a date cell read as a date; 分值 from its column")
	assert.Equal(t, "0.0001", lines[1].Values["执行率"], "an empty 分值 cell takes the default")
	assert.Equal(t, "2024-01-01", lines[2].Summary.At, "without --at, the rule set's only version's effective date")

	aliased := writeFile(t, dir, "别名.yaml", "ruleset: 别名\neffective: 2024-01-01\ninputs:\n"+
		"  预算数: {type: decimal, unit: 万元, aliases: [调整后预算数, 全年预算数]}\n"+
		"  执行数: {type: decimal, unit: 万元, aliases: [截至8月底支出数]}\n"+
		"formulas:\n  执行率: round(执行数 / 预算数, 4)\n"+
		"tests:\n  - name: 一半\n    given: {预算数: 2, 执行数: 1}\n    expect: {执行率: 0.5}\n")
	template := writeFile(t, dir, "模板.csv", "项目,全年预算数（元）,截至8月底支出数\nA,20000,1\n")
	lines = evalJSON(t, "--rules", aliased, template)
	require.Len(t, lines, 2)
	assert.Equal(t, "0.5000", lines[0].Values["执行率"], "columns found by the aliases the rule file declares, units converted")

	gbk := writeFile(t, dir, "gbk.csv", gb18030(t, "等级,单位\r\n优,民政局\r\n中,教育局\r\n"))
	lines = evalJSON(t, "--rules", "minfeng-application", gbk)
	require.Len(t, lines, 3)
	assert.Equal(t, "下年度同类项目优先安排", lines[0].Values["结果应用"], "a GB18030 file read from its content")
	assert.Equal(t, "未规定", lines[1].Values["结果应用"], "中 has no action in the seed: 未规定")
}

// TestEvalUsage checks the ways the command refuses to run: exit 2 with the reason.
func TestEvalUsage(t *testing.T) {
	dir := t.TempDir()
	noColumn := writeFile(t, dir, "缺列.csv", "单位,预算数\n民政局,100\n")
	badUnit := writeFile(t, dir, "单位.csv", "预算数（公斤）,执行数,完成日期\n1,1,2024-01-01\n")
	tests := []struct {
		args   []string
		code   int
		want   string
		reason string
	}{
		{[]string{evalData}, exitUsage, "缺少 --rules", "the rule set is required"},
		{[]string{"--rules", "没有这个规则", evalData}, exitUsage, "没有叫这个名字的内置规则集", "an unknown rule set"},
		{[]string{"--rules", evalRules, noColumn}, exitUsage, "表头缺少“执行数”列", "a required input's column is missing"},
		{[]string{"--rules", evalRules, badUnit}, exitUsage, "公斤", "a unit that is not money"},
		{[]string{"--rules", evalRules, "--at", "明年", evalData}, exitUsage, "--at 应为日期", "not a date"},
		{[]string{"--rules", evalRules, "--strict", evalData}, exitFindings, "有 3 行不能计算", "--strict fails on rejected rows"},
		{[]string{"--rules", evalRules, filepath.Join(dir, "没有.csv")}, exitUsage, "文件不存在", "no such file"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(append([]string{"eval"}, tt.args...)...)
		assert.Equal(t, tt.code, code, "%s: %s", tt.reason, stderr)
		assert.Contains(t, stderr, tt.want, tt.reason)
	}
}

// TestEvalTitleRows evaluates a table exported with a title and a unit line above its header:
// the header is found below them, amounts are converted from the 元 the unit line names, and
// row numbers are the sheet's.
func TestEvalTitleRows(t *testing.T) {
	path := writeFile(t, t.TempDir(), "测算.csv", gb18030(t, "2024年执行率测算表\r\n单位：元\r\n项目名称,预算数,执行数\r\n道路,\"1,200,000\",960000\r\n营养餐,0,5\r\n"))
	out, stderr, code := runCLI("eval", "--rules", "national-execution", "--format", "json", path)
	require.Equal(t, exitOK, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], `{"row":4,"values":{"执行率":"0.8"`, "960,000元 of 1,200,000元 is 80%, read on the sheet's row 4")
	assert.Contains(t, lines[1], `{"row":5,"error":`)
	assert.Contains(t, lines[2], `"rows":2,"evaluated":1,"rejected":1,"skipped":0`)

	table, _, code := runCLI("eval", "--rules", "national-execution", path)
	require.Equal(t, exitOK, code)
	assert.Contains(t, table, "表头没有写单位的金额列按表格上方写的单位（元）读取", "the report says which unit the amounts were read in")
}

// TestEvalDateForms reads a date column as Excel on Chinese Windows shows and exports it.
func TestEvalDateForms(t *testing.T) {
	dir := t.TempDir()
	rules := writeFile(t, dir, "日期.yaml", "ruleset: 日期\neffective: 2024-01-01\ninputs:\n  完成日: {type: date}\n"+
		"formulas:\n  月: month(完成日)\n")
	data := writeFile(t, dir, "日期.csv", gb18030(t, "项目,完成日\r\nA,2024/8/31\r\nB,2024年8月31日\r\nC,2024/8/31 0:00\r\nD,2024/8/31 9:30\r\n"))
	out, stderr, code := runCLI("eval", "--rules", rules, "--format", "json", data)
	require.Equal(t, exitOK, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5)
	for i, reason := range []string{"the short date Excel exports", "the long Chinese date", "a date cell with a midnight time"} {
		assert.Equal(t, fmt.Sprintf(`{"row":%d,"values":{"月":"8"}}`, i+2), lines[i], reason)
	}
	assert.Contains(t, lines[3], `"row":5,"error":"列“完成日”的值“2024/8/31 9:30”不是日期`, "a time of day is not a date: said, not dropped")
}
