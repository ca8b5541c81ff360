package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
)

// TestScoreTitleRows: a county's 自评表 carries a title and 填报单位 above the header. The
// header is found by the columns the form needs, row numbers stay the sheet's, and the
// scores are those of the same sheet without the title rows.
func TestScoreTitleRows(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("testdata", "score", "自评表.csv"))
	require.NoError(t, err)
	titled := "2024年度项目支出绩效自评表,,,\n填报单位：民丰县财政局,,,\n" + string(plain)
	path := writeFile(t, t.TempDir(), "带标题.csv", titled)

	want, stderr, code := runCLI("score", "--format", "json", filepath.Join("testdata", "score", "自评表.csv"))
	require.Equal(t, exitOK, code, stderr)
	got, stderr, code := runCLI("score", "--format", "json", path)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, scoresOnly(want), scoresOnly(got), "the title rows change no score")
	assert.Contains(t, want, `"row":11`)
	assert.Contains(t, got, `"row":13`, "a row's number is the sheet's: two title rows above move row 11 to 13")

	_, stderr, code = runCLI("score", writeFile(t, t.TempDir(), "缺列.csv", "标题\n项目编号,项目名称\nA,甲\n"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "表头（第 2 行）缺少“预算数”列", "the missing columns are named at the header's own row")
}

// scoresOnly keeps the lines of JSON output that carry a project's score.
func scoresOnly(out string) []string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, `"score"`) && !strings.Contains(l, `"row"`) {
			keep = append(keep, l)
		}
	}
	return keep
}

// TestScoreTitleUnit: a 单位：元 line above the header puts amount columns that name no unit
// in 元, converted exactly to 万元, as jixiao monitor reads them; the scores are those of the
// same sheet in 万元.
func TestScoreTitleUnit(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("testdata", "score", "自评表.csv"))
	require.NoError(t, err)
	records, err := csv.NewReader(bytes.NewReader(plain)).ReadAll()
	require.NoError(t, err)
	records[0][2], records[0][3] = "预算数", "执行数"
	for _, rec := range records[1:] {
		for _, c := range []int{2, 3} { // 预算数, 执行数 on a project's first row
			if rec[c] != "" {
				d, err := amount.ParseDecimal(rec[c])
				require.NoError(t, err)
				rec[c] = d.Shift(4).String() // the same figure in 元
			}
		}
	}
	var b bytes.Buffer
	b.WriteString("单位：元,,,\n")
	require.NoError(t, csv.NewWriter(&b).WriteAll(records))
	path := writeFile(t, t.TempDir(), "元.csv", b.String())
	want, stderr, code := runCLI("score", "--format", "json", filepath.Join("testdata", "score", "自评表.csv"))
	require.Equal(t, exitOK, code, stderr)
	got, stderr, code := runCLI("score", "--format", "json", path)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, scoresOnly(want), scoresOnly(got), "amounts in 元 under a 单位：元 title score as the same amounts in 万元")
	assert.Contains(t, want, `"budget":"1100"`)
	assert.Contains(t, got, `"budget":"1100"`, "the funds by grade are in 万元: 11,000,000元 read as 1100万元, not 11000000")
}
