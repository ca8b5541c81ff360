package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFile writes a data file for one test into dir.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// monitorRows runs jixiao monitor --format json and gives the grade of each graded ID and
// the error of each rejected row.
func monitorRows(t *testing.T, args ...string) (grades map[string]string, rejected map[int]string, stdout string) {
	t.Helper()
	stdout, stderr, code := runCLI(append([]string{"monitor", "--format", "json"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	grades, rejected = map[string]string{}, map[int]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var l monitorLine
		require.NoError(t, json.Unmarshal([]byte(line), &l), line)
		switch {
		case l.ID != nil:
			grades[*l.ID] = l.Grade
		case l.Row > 0:
			rejected[l.Row] = l.Error
		}
	}
	return grades, rejected, stdout
}

const newUserHeader = "项目编号,项目名称,部门,预算数（万元）,执行数（万元）\n"

// TestMonitorAsANewUser feeds the command tables the way a county office's spreadsheet
// produces them: each row says what the table holds and what a staff member expects.
func TestMonitorAsANewUser(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		text     string
		grades   map[string]string
		rejected map[int]string
		reason   string
	}{
		{"title.csv", "2024年8月绩效运行监控表,,,,\n填报单位：财政局,,,,单位：元\n\n项目编号,项目名称,部门,预算数,执行数\nA1,甲,财政局,\"1,200,000\",800000\nA2,乙,财政局,,5\n",
			map[string]string{"A1": "优"}, map[int]string{6: "预算数为空"},
			"title rows above the header are kept as Excel exports them; amounts are in the 元 the unit line names; rows keep the sheet's numbers"},
		{"bom.csv", "\ufeff" + newUserHeader + "A1,甲,财政局,120,80\n",
			map[string]string{"A1": "优"}, map[int]string{}, "Excel's UTF-8 BOM before the first header"},
		{"blank.csv", newUserHeader + "\nA1,甲,财政局,120,80\n\n,,,,\n A2 ,乙,财政局,１２０,\"1,000.5\"\n,,,,\n",
			map[string]string{"A1": "优", "A2": "优"}, map[int]string{},
			"blank lines and lines of commas below a table are not rows; full-width digits and 1,000.5 read exactly"},
		{"lines.csv", newUserHeader + "\nA1,\"多行\n名称\",财政局,120,80\nA2,乙,财政局,,80\n",
			map[string]string{"A1": "优"}, map[int]string{4: "预算数为空"},
			"the row number is the spreadsheet's row: a blank line is a row, a cell spanning two lines is one"},
		{"dup.csv", newUserHeader + "A1,甲,财政局,120,80\nA2,乙,财政局,120,80\nA1,甲（重复）,财政局,100,10\n",
			map[string]string{"A1": "优", "A2": "优"}, map[int]string{4: "项目编号 A1 与第 2 行重复"},
			"a duplicated 项目编号 is rejected, naming the first row, and not counted twice"},
		{"quote.csv", newUserHeader + "A1,甲\"乙,财政局,120,80\nA2,乙,财政局,120,80\n",
			map[string]string{"A2": "优"}, map[int]string{2: "CSV 格式有误：单元格中间出现了英文双引号"},
			"a stray quote is explained in Chinese and the next row goes on"},
		{"negative.csv", newUserHeader + "A1,甲,财政局,-120,80\nA2,乙,财政局,120,-1\n",
			map[string]string{}, map[int]string{2: "预算数不能为负", 3: "执行数不能为负"},
			"negative amounts are refused by Minfeng's rule file, not graded"},
		{"fundalias.csv", "项目编号,项目名称,部门,资金性质,资金来源,预算数,执行数\nA1,甲,财政局,债务,中央,120,80\n",
			map[string]string{"A1": "优"}, map[int]string{}, "资金性质 is read as the fund type (checked in TestMonitorFundAlias)"},
		{"unitword.csv", "项目编号,项目名称,部门,预算数（单位：元）,执行数（单位: 万元）\nA1,甲,财政局,\"1,200,000\",80\nA2,乙,财政局,\"1,200,000\",79.99\n",
			map[string]string{"A1": "优", "A2": "良"}, map[int]string{},
			"预算数（单位：元） is 元 as 预算数（元） is: 1,200,000元 = 120万元, so 80 spent is on time and 79.99 just behind"},
		{"comma.csv", newUserHeader + "A1,甲,财政局,1,000.50,600\nA2,乙,财政局,120,80,,\n",
			map[string]string{"A2": "优"}, map[int]string{2: "有 6 个格子，表头只有 5 列：第 6 个格子“600”没有表头"},
			"an unquoted 1,000.50 shifts the cells (budget 1, spent 000.50): the row is refused, not graded on the wrong figures; empty trailing cells are harmless"},
	}
	for _, tt := range tests {
		path := writeFile(t, dir, tt.name, tt.text)
		grades, rejected, _ := monitorRows(t, "--checkpoint", "2024-08-31", path)
		assert.Equal(t, tt.grades, grades, tt.reason)
		require.Len(t, rejected, len(tt.rejected), tt.reason)
		for row, want := range tt.rejected {
			assert.Contains(t, rejected[row], want, tt.reason)
		}
	}
}

// TestMonitorUnusableTables checks the header problems that make a table unusable: exit 2
// with a reason, and nothing on stdout.
func TestMonitorUnusableTables(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		text   string
		want   string
		reason string
	}{
		{"项目编号,项目名称,部门,预算数,预算数（元）,执行数\n", "第 4 列“预算数”和第 5 列“预算数（元）”是同一个名称", "two 预算数 columns: which one is meant?"},
		{"项目编号,项目名称,部门,预算数,执行数,涉密项目\nA1,甲,财政局,120,80,是\n", "涉密标记的列名应为 涉密 或 是否涉密", "an unrecognised secrecy column would print 涉密 names"},
		{"\xcf\xee\xc4\xbf\xb1\xe0\xba\xc5,\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6\n", "表头缺少“部门”列", "a GBK header is read as GBK: the columns it lacks are named"},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "旧版 Excel 文件（.xls）", "an old .xls is refused with what to do"},
		{"<html><table><tr><td>项目编号</td></tr></table></html>", "网页格式的表格", "a web page saved as .xls is refused"},
		{"项目编号,项目名称,部门,预算数,执行数,指标1完成\n", "所用规则集没有这个输入", "an indicator column the rule set cannot grade"},
		{"", "文件是空的", "an empty file"},
		{"2024年8月绩效运行监控表\n\n项目编号,项目名称,部门,预算数\nA1,甲,财政局,120\n", "表头缺少“执行数”列",
			"no row has every column: the row with most of them is the header, and what it lacks is named"},
		{"2024年8月绩效运行监控表\n\n编号,名称\nA1,甲\n", "前 10 行里没有一行像表头",
			"no row names any column: the title taken for the header is named as the likely cause"},
	}
	for i, tt := range tests {
		path := writeFile(t, dir, "t"+string(rune('a'+i))+".csv", tt.text)
		stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", path)
		assert.Equal(t, exitUsage, code, tt.reason)
		assert.Empty(t, stdout, tt.reason)
		assert.Contains(t, stderr, tt.want, tt.reason)
	}
}

// TestMonitorSecretNamesEverywhere tries every way a 涉密 name could leak: the 是否涉密
// spelling, each format, a rejected row, and --previous where only one file marks it.
func TestMonitorSecretNamesEverywhere(t *testing.T) {
	dir := t.TempDir()
	aug := writeFile(t, dir, "8月.csv", "项目编号,项目名称,部门,预算数,执行数,是否涉密\n"+
		"S1,绝密工程甲,财政局,120,30,是\nS2,绝密工程乙,财政局,120,80,是\nS3,绝密工程丙,财政局,,80,是\nP1,公开项目,财政局,120,80,否\n")
	sep := writeFile(t, dir, "9月.csv", newUserHeader+"S1,绝密工程甲,财政局,120,100\nP1,公开项目,财政局,120,100\n")
	runs := [][]string{
		{"--checkpoint", "2024-08-31", aug},
		{"--checkpoint", "2024-09-30", "--previous", aug, "--previous-checkpoint", "2024-08-31", sep},
	}
	for _, args := range runs {
		for _, format := range []string{"table", "csv", "json"} {
			stdout, stderr, code := runCLI(append([]string{"monitor", "--format", format}, args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.NotContains(t, stdout+stderr, "绝密", "%s %v", format, args)
			assert.Contains(t, stdout+stderr, "（涉密）", "%s %v", format, args)
			assert.Contains(t, stdout+stderr, "公开项目", "a project not marked keeps its name: %s", format)
		}
	}
}

// TestMonitorPreviousOrder checks the earlier checkpoint must be earlier.
func TestMonitorPreviousOrder(t *testing.T) {
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--previous", monitorData,
		"--previous-checkpoint", "2024-09-30", monitorSeptember)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "应早于本次的 --checkpoint")
}

const workdayCounty = `ruleset: 工作日县
extends: minfeng-monitor
effective: 2024-01-01
params:
  整改天数: 10
  整改期限口径: 工作日
`

// TestMonitorCalendar runs --calendar: working days counted by the file given, and every way
// it can be missing or wrong refused with exit 2, never counted as calendar days.
func TestMonitorCalendar(t *testing.T) {
	dir := t.TempDir()
	rulesPath := writeFile(t, dir, "工作日县.yaml", workdayCounty)
	cal := filepath.Join("..", "..", "testdata", "monitor", "calendar-2024.csv")
	data := writeFile(t, dir, "项目.csv", newUserHeader+"A1,甲,财政局,120,30\nA2,乙,财政局,120,80\n")
	stdout, stderr, code := runCLI("monitor", "--format", "csv", "--checkpoint", "2024-09-27", "--rules", rulesPath, "--calendar", cal, data)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "2,A1,甲,财政局,,120,30,差,,0.6667,否,,\r\n", "A1 is behind, and not flagged in September")
	assert.NotContains(t, stdout, "2024-10", "September is not a flagging month in this file")

	stdout, stderr, code = runCLI("monitor", "--format", "csv", "--checkpoint", "2024-08-31", "--rules", rulesPath, "--calendar", cal, data)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, ",是,2024-09-13,\r\n", "ten working days after Saturday Aug 31, before 中秋")
	stdout, _, _ = runCLI("monitor", "--checkpoint", "2024-08-31", "--rules", rulesPath, "--calendar", cal, data)
	assert.Contains(t, stdout, "整改期限按工作日计，工作日历："+cal, "the table says how its deadlines were counted")

	bad := writeFile(t, dir, "坏日历.csv", "日期,类型\n2024-10-01,休\n2024-10-01,班\n")
	other := writeFile(t, dir, "2023.csv", "日期,类型\n2023-10-01,休\n")
	tests := []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"--rules", rulesPath}, "请用 --calendar 给出工作日历文件", "working days without a calendar"},
		{[]string{"--rules", rulesPath, "--calendar", filepath.Join(dir, "没有.csv")}, "文件不存在", "a missing calendar file"},
		{[]string{"--rules", rulesPath, "--calendar", bad}, "坏日历.csv:3:1: 工作日历：2024-10-01 在第 2 行是 休，这里又是 班", "a bad calendar, with file and line"},
		{[]string{"--rules", rulesPath, "--calendar", other}, "工作日历没有监控日期所在的 2024 年", "a calendar for another year"},
		{[]string{"--calendar", cal}, "按自然日计算整改期限，不用工作日历", "a calendar Minfeng's rules would not read is not silently ignored"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(append(append([]string{"monitor", "--checkpoint", "2024-08-31"}, tt.args...), data)...)
		assert.Equal(t, exitUsage, code, tt.reason)
		assert.Empty(t, stdout, tt.reason)
		assert.Contains(t, stderr, tt.want, tt.reason)
	}
}

// TestMonitorTotalsRows checks a totals row — staff tables end with one, and the command's own
// .xlsx report has one — is never graded as a project: its funds would be counted twice.
func TestMonitorTotalsRows(t *testing.T) {
	dir := t.TempDir()
	rows := []struct {
		reason string
		row    string
	}{
		{"合计 in the 项目编号 column, as the .xlsx report writes it", "合计,评级 1 个项目,,120,80"},
		{"合 计 with a full-width blank in the 项目名称 column, with an ID", "A9,合　计,,120,80"},
		{"总计", "总计,,,120,80"},
	}
	for i, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			path := writeFile(t, dir, fmt.Sprintf("t%d.csv", i), "项目编号,项目名称,部门,预算数,执行数\nA1,甲,财政局,120,80\n"+tt.row+"\n")
			grades, rejected, stdout := monitorRows(t, "--checkpoint", "2024-08-31", path)
			assert.Equal(t, map[string]string{"A1": "优"}, grades)
			require.Len(t, rejected, 1)
			assert.Contains(t, rejected[3], "行，不是项目")
			assert.Contains(t, stdout, `"total":{"count":1,"funds_wan":"120"`, "the totals row's funds are not added")
		})
	}
}

// TestMonitorFlagFollowUp checks the sentence on last time's red flags against the rows of
// the comparison: a flagged project missing from this checkpoint's data is said apart, not
// counted as not recovered while its row says 本次无数据.
func TestMonitorFlagFollowUp(t *testing.T) {
	dir := t.TempDir()
	// August: budget 120, 30 spent is 62.50% behind 8/12, 差 and flagged; 80 spent is 优.
	aug := writeFile(t, dir, "8月.csv", newUserHeader+"A1,甲,财政局,120,30\nA2,乙,财政局,120,30\nA3,丙,财政局,120,30\nA4,丁,财政局,120,80\n")
	// September (9/12): A1 spends 90 (优, recovered), A2 stays behind, A3 is gone, A4 stays 优.
	sep := writeFile(t, dir, "9月.csv", newUserHeader+"A1,甲,财政局,120,90\nA2,乙,财政局,120,31\nA4,丁,财政局,120,90\n")
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-09-30", "--previous", aug, "--previous-checkpoint", "2024-08-31", sep)
	require.Equal(t, exitOK, code, stderr)
	tests := []struct {
		want   string
		reason string
	}{
		{"A1        甲        差        优        好转  是        已好转", "spent on time since: recovered"},
		{"A2        乙        差        差        不变  是        未好转", "still behind: not recovered"},
		{"A3        丙        差                  退出  是        本次无数据", "not in September's file"},
		{"上次红标 3 个，已好转 1 个，未好转 1 个，本次无数据 1 个。", "the sentence adds up to the flags as the rows show them"},
	}
	for _, tt := range tests {
		assert.Contains(t, stdout, tt.want, tt.reason)
	}
}

// TestMonitorFundAlias checks that a fund column headed as county tables often head it is
// summed by its values, not ignored into （未填）; the first alias in order wins.
func TestMonitorFundAlias(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		header string
		want   string
		reason string
	}{
		{"资金性质", `"key":"债务"`, "资金性质 is the fund type"},
		{"资金来源", `"key":"债务"`, "资金来源 is the fund type"},
		{"资金类别", `"key":"债务"`, "资金类别 is the fund type"},
		{"资金类型,资金来源", `"key":"债务"`, "the column's own name is preferred to an alias"},
	}
	for i, tt := range tests {
		row := "A1,甲,财政局,债务,120,80\n"
		if strings.Contains(tt.header, ",") {
			row = "A1,甲,财政局,债务,中央,120,80\n"
		}
		path := writeFile(t, dir, fmt.Sprintf("f%d.csv", i), "项目编号,项目名称,部门,"+tt.header+",预算数,执行数\n"+row)
		_, _, stdout := monitorRows(t, "--checkpoint", "2024-08-31", path)
		assert.Contains(t, stdout, `"by_fund":[{`+tt.want, tt.reason)
	}
}
