package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulesets"
)

var colouredRules = filepath.Join("testdata", "monitor", "有颜色.yaml")

// hashPattern is a rule set's content hash: goldens hold HASH in its place, so they keep the
// output's shape, not every edit of the rule files.
var hashPattern = regexp.MustCompile(`[0-9a-f]{64}`)

// TestMonitorXLSXGolden keeps the Excel report of the small table, graded by a rule file that
// declares a colour per grade: the grade cells filled in those colours, the frozen header, the
// totals row, the summary by grade, 部门 and fund type, the comparison with August and the
// rule-set sheet — compared by cell values and fills, not by the bytes of the zip.
func TestMonitorXLSXGolden(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		reason string
	}{
		{"xlsx", []string{"--checkpoint", "2024-08-31", monitorData}, "every kind of row, colours from the rule file"},
		{"previous-xlsx", append(append([]string{}, previousArgs...), monitorSeptember), "a sheet comparing with the earlier checkpoint"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.name+".xlsx")
		args := append([]string{"monitor", "--rules", colouredRules, "--format", "xlsx", "-o", out}, tt.args...)
		stdout, stderr, code := runCLI(args...)
		require.Equal(t, exitOK, code, stderr)
		assert.Empty(t, stdout, tt.reason)
		first, err := os.ReadFile(out)
		require.NoError(t, err)
		dump := dumpXLSX(t, out)
		assert.Equal(t, 1, len(hashPattern.FindAllString(dump, -1)), "%s: the rule set's hash is named once", tt.reason)
		checkGolden(t, filepath.Join("testdata", "monitor", tt.name+".golden"), hashPattern.ReplaceAllString(dump, "HASH"))
		_, _, code = runCLI(args...)
		require.Equal(t, exitOK, code)
		again, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(first, again), "%s: the same input gives the same bytes", tt.reason)
	}
}

// TestMonitorByteIdentical runs each format twice over the same input, and the table through
// the parallel engine with one worker's worth of rows and with many: the bytes never change.
func TestMonitorByteIdentical(t *testing.T) {
	for _, format := range []string{"table", "csv", "json"} {
		a, _, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", format, "--rules", colouredRules, monitorData)
		require.Equal(t, exitOK, code)
		b, _, _ := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", format, "--rules", colouredRules, monitorData)
		assert.Equal(t, a, b, format)
	}
}

// TestMonitorReadsXLSX writes the table staff keep in Excel with excelize — numbers as number
// cells, a sheet chosen by --sheet — and grades it as the CSV is graded.
func TestMonitorReadsXLSX(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "项目.xlsx")
	writeXLSX(t, book, sheet{"说明", [][]any{{"本表为示例"}}},
		sheet{"8月", [][]any{
			{"项目编号", "项目名称", "部门", "预算数（万元）", "执行数（万元）", "是否涉密"},
			{"A01", "尼雅镇污水处理", "尼雅镇", 631.46, 520.22, "否"},
			{"A03", "恰好二十", "教育局", 15, 8, "否"},
			{"A04", "保密项目甲", "教育局", 120, 63.994, "是"},
			{},
			{"A05", "预算为空", "民政局", nil, 5, "否"},
		}})
	grades, rejected, stdout := monitorRows(t, "--checkpoint", "2024-08-31", "--sheet", "8月", book)
	assert.Equal(t, map[string]string{"A01": "优", "A03": "良", "A04": "差"}, grades, "number cells read exactly: 15 and 8 are exactly 20%")
	assert.Equal(t, map[int]string{6: "预算数为空"}, rejected, "the row number is the sheet's row; the empty row 5 is skipped")
	assert.NotContains(t, stdout, "保密项目甲")
	assert.Contains(t, stdout, `"skipped":1`)

	_, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--sheet", "9月", book)
	assert.Equal(t, exitUsage, code, "a sheet that is not there")
	assert.Contains(t, stderr, "9月")
	_, stderr, code = runCLI("monitor", "--checkpoint", "2024-08-31", book)
	assert.Equal(t, exitUsage, code, "the first sheet is the notes: its header lacks the columns")
	assert.Contains(t, stderr, "表头缺少")
}

// TestMonitorReadsGB18030 grades a CSV saved by Excel on Chinese Windows, found from its
// content, and writes the CSV back in GB18030 on request.
func TestMonitorReadsGB18030(t *testing.T) {
	utf8Data, err := os.ReadFile(monitorData)
	require.NoError(t, err)
	gbk := filepath.Join("testdata", "monitor", "项目-GB18030.csv") // as Excel on Chinese Windows saves it
	fixture, err := os.ReadFile(gbk)
	require.NoError(t, err)
	require.Equal(t, gb18030(t, strings.ReplaceAll(string(utf8Data), "\n", "\r\n")), string(fixture), "the fixture is 项目.csv in GB18030 with CRLF")
	want, _, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "json", monitorData)
	require.Equal(t, exitOK, code)
	got, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "json", gbk)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, want, got, "the GB18030 file grades exactly as the UTF-8 one")

	out, _, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "--encoding", "gb18030", monitorData)
	require.Equal(t, exitOK, code)
	assert.False(t, strings.HasPrefix(out, "\ufeff"), "GB18030 has no byte-order mark")
	assert.Contains(t, out, gb18030(t, "2,A01,尼雅镇污水处理,尼雅镇,衔接资金,631.46,520.22,优"))
}

// TestMonitorCSVOutput checks the CSV has one line per data row, rejected rows with their
// reason, and text that Excel would run as a formula defused.
func TestMonitorCSVOutput(t *testing.T) {
	dir := t.TempDir()
	data := writeFile(t, dir, "项目.csv", newUserHeader+"A1,\"=HYPERLINK(\"\"http://x\"\")\",财政局,120,80\nA2,乙,@财政局,,80\nA3,-5,财政局,120,80\n")
	out, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", data)
	require.Equal(t, exitOK, code, stderr)
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(out, "\ufeff"), "\r\n"), "\r\n")
	require.Len(t, lines, 4, "the header and one line per data row")
	assert.Contains(t, lines[1], `"'=HYPERLINK(""http://x"")"`, "a name starting with = is kept as text")
	assert.Contains(t, lines[2], "'@财政局", "so is a 部门 starting with @")
	assert.True(t, strings.HasSuffix(lines[2], ",预算数为空"), "the rejected row with its reason in the last column")
	assert.Contains(t, lines[3], ",-5,", "a number is not text: left as it is")
	assert.Contains(t, stderr, "读入 3 行 = 评级 2 行 + 不能评级 1 行", "the summary on stderr")
}

// TestMonitorStreamsLikeRun grades a generated table of several thousand rows — duplicates,
// bad cells and 涉密 rows among them — through the command, which streams them through
// tables.Map on every core, and through monitor.Profile.Run in one piece: every grade and
// every total agree. Run it with -race.
func TestMonitorStreamsLikeRun(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("项目编号,项目名称,部门,资金类型,预算数（元）,执行数（元）,涉密\n")
	var recs []monitor.Record
	for i := 0; i < 5000; i++ {
		id := fmt.Sprintf("P%04d", i)
		if i%97 == 0 && i > 0 {
			id = fmt.Sprintf("P%04d", i-1) // a duplicate of the row before
		}
		budget := fmt.Sprint(100 + (i*7919)%1_000_000)
		spent := fmt.Sprint((i * 104729) % (101 + (i*7919)%1_000_000))
		if i%251 == 0 {
			budget = "0"
		}
		secret := []string{"否", "是"}[i%13/12]
		fmt.Fprintf(&b, "%s,项目%d,部门%d,类型%d,%s,%s,%s\n", id, i, i%7, i%3, budget, spent, secret)
		bud, err := amount.ParseAmount(budget, amount.Yuan)
		require.NoError(t, err)
		sp, err := amount.ParseAmount(spent, amount.Yuan)
		require.NoError(t, err)
		recs = append(recs, monitor.Record{Row: i + 2, ID: id, Name: fmt.Sprintf("项目%d", i), Dept: fmt.Sprintf("部门%d", i%7),
			Fund: fmt.Sprintf("类型%d", i%3), Secret: secret == "是", Budget: bud, Spent: sp})
	}
	data := writeFile(t, dir, "大表.csv", b.String())

	lib, err := rulesets.Library()
	require.NoError(t, err)
	at := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, defaultMonitorRules, at)
	require.NoError(t, err)
	run, err := p.Run(context.Background(), at, recs)
	require.NoError(t, err)
	want := map[int]string{}
	for _, o := range run.Graded {
		want[o.Row] = o.Grade.Name + " " + o.DisplayName()
	}
	for _, rj := range run.Rejected {
		want[rj.Row] = "× " + rj.Err.Error()
	}

	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "json", data)
	require.Equal(t, exitOK, code, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, len(recs)+1, "one line per row and the summary")
	prev := 0
	for i, line := range lines[:len(recs)] {
		var l monitorLine
		require.NoError(t, json.Unmarshal([]byte(line), &l))
		row := i + 2
		got := "× " + l.Error
		if l.ID != nil {
			got = l.Grade + " " + l.Name
		} else {
			assert.Equal(t, row, l.Row, "a rejected row keeps its number")
		}
		assert.Equal(t, want[row], got, "row %d", row)
		assert.Greater(t, row, prev, "in input order")
		prev = row
	}
	var s struct {
		Rows, Graded, Rejected int
		Total                  struct{ Count int }
		Wan                    string `json:"-"`
	}
	require.NoError(t, json.Unmarshal([]byte(strings.TrimPrefix(strings.TrimSuffix(lines[len(recs)], "}"), `{"summary":`)), &s))
	assert.Equal(t, len(recs), s.Rows)
	assert.Equal(t, len(run.Graded), s.Graded)
	assert.Equal(t, len(run.Rejected), s.Rejected)
	assert.Equal(t, s.Rows, s.Graded+s.Rejected, "rows in = rows out + rows rejected")
	sum := run.Summary()
	assert.Contains(t, lines[len(recs)], fmt.Sprintf(`"total":{"count":%d,"funds_wan":"%s"`, sum.Total.Count, sum.Total.Wan().Value().String()))
	_ = decimal.Zero
}

// TestMonitorReadsStaffWorkbook reads a workbook as a county office keeps it: a hidden notes
// sheet first, a title merged across the sheet, a 填报单位 line naming the unit of every
// amount, then the header, whose amount columns name no unit.
func TestMonitorReadsStaffWorkbook(t *testing.T) {
	rows := []struct {
		reason string
		unit   string
		grades map[string]string
		wan    string
	}{
		{"单位：元 above the header: 1,200,000 is 120万元 and 640,000 is 64万元 — 20.00%, 良", "单位：元",
			map[string]string{"A1": "良", "A2": "优"}, `"funds_wan":"240"`},
		{"no unit line: amounts are in 万元, as always", "",
			map[string]string{"A1": "良", "A2": "优"}, `"funds_wan":"2400000"`},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "8月监控.xlsx")
			f := excelize.NewFile()
			require.NoError(t, f.SetSheetName("Sheet1", "填表说明"))
			require.NoError(t, f.SetCellValue("填表说明", "A1", "金额单位见表头"))
			_, err := f.NewSheet("8月")
			require.NoError(t, err)
			f.SetActiveSheet(1)
			require.NoError(t, f.SetSheetVisible("填表说明", false))
			s := "8月"
			require.NoError(t, f.SetCellValue(s, "A1", "2024年8月项目支出绩效运行监控表"))
			require.NoError(t, f.MergeCell(s, "A1", "E1"))
			require.NoError(t, f.SetSheetRow(s, "A2", &[]any{"填报单位：民丰县财政局", nil, nil, nil, tt.unit}))
			require.NoError(t, f.SetSheetRow(s, "A3", &[]any{"项目编号", "项目名称", "部门", "预算数", "执行数"}))
			require.NoError(t, f.SetSheetRow(s, "A4", &[]any{"A1", "乡村道路", "交通局", "1,200,000", 640000}))
			require.NoError(t, f.SetSheetRow(s, "A6", &[]any{"A2", "营养餐", "教育局", 1200000, 800000}))
			require.NoError(t, f.SaveAs(path))
			require.NoError(t, f.Close())

			grades, rejected, stdout := monitorRows(t, "--checkpoint", "2024-08-31", path)
			assert.Equal(t, tt.grades, grades, "the hidden notes sheet is passed over and the header found below the titles")
			assert.Empty(t, rejected)
			assert.Contains(t, stdout, tt.wan)
			assert.Contains(t, stdout, `"rows":2,"graded":2,"rejected":0,"skipped":1`, "the title rows are not data; the blank row 5 is")

			table, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", path)
			require.Equal(t, exitOK, code, stderr)
			note := "表头没有写单位的金额列按表格上方写的单位（元）读取"
			if tt.unit == "" {
				assert.NotContains(t, table, note)
			} else {
				assert.Contains(t, table, note, "the report says the amounts were read in the title's unit")
			}
		})
	}
}
