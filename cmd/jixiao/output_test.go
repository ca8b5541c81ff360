package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// dumpXLSX renders a workbook as text for a golden file: every sheet's cells, row by row,
// with each filled cell's colour and the frozen panes, so a golden compares what staff see,
// not the bytes of the zip.
func dumpXLSX(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer func() { assert.NoError(t, f.Close()) }()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		require.NoError(t, err)
		fmt.Fprintf(&b, "== %s（冻结 %q）\n", sheet, panes.TopLeftCell)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		for r, row := range rows {
			cells := make([]string, len(row))
			for c, v := range row {
				cells[c] = v
				name, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				if fill := cellFill(t, f, sheet, name); fill != "" {
					cells[c] += "〔" + fill + "〕"
				}
			}
			b.WriteString(strings.Join(cells, " | "))
			b.WriteString("\n")
		}
	}
	return b.String()
}

func cellFill(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return st.Fill.Color[0]
}

// checkGolden compares got with a golden file under testdata, rewriting it with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/jixiao -update to create %s", golden)
	assert.Equal(t, string(want), got, "%s changed; review and run with -update", golden)
}

// sheet is one sheet of a workbook a test writes.
type sheet struct {
	name string
	rows [][]any
}

// writeXLSX writes sheets, in order, into a new workbook with excelize, as staff's Excel would.
func writeXLSX(t *testing.T, path string, sheets ...sheet) {
	t.Helper()
	f := excelize.NewFile()
	first := true
	for _, sh := range sheets {
		name := sh.name
		if first {
			require.NoError(t, f.SetSheetName("Sheet1", name))
			first = false
		} else {
			_, err := f.NewSheet(name)
			require.NoError(t, err)
		}
		for r, row := range sh.rows {
			cell, err := excelize.CoordinatesToCellName(1, r+1)
			require.NoError(t, err)
			require.NoError(t, f.SetSheetRow(name, cell, &row))
		}
	}
	require.NoError(t, f.SaveAs(path))
	require.NoError(t, f.Close())
}

// gb18030 encodes text as Excel on Chinese Windows saves a CSV.
func gb18030(t *testing.T, text string) string {
	t.Helper()
	s, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	require.NoError(t, err)
	return s
}

// TestOutputFile checks -o: the report is written under its name only when the command
// succeeds, never over the data it reads, and an .xlsx is refused on a terminal only.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "结果.csv")
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "-o", out, monitorData)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout, "the rows went to the file")
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "\ufeff行,项目编号"), "UTF-8 with the byte-order mark Excel needs")
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "a report others may read, not a private temporary file")

	failed := filepath.Join(dir, "失败.csv")
	_, _, code = runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "-o", failed, filepath.Join("testdata", "monitor", "缺表头.csv"))
	assert.Equal(t, exitUsage, code)
	assert.NoFileExists(t, failed, "a failed run leaves no report")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "and no temporary file")

	data2 := writeFile(t, dir, "数据.csv", newUserHeader+"A1,甲,财政局,120,80\n")
	stdout, stderr, code = runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "-o", data2, data2)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "就是要读的文件")
	kept, err := os.ReadFile(data2)
	require.NoError(t, err)
	assert.Equal(t, newUserHeader+"A1,甲,财政局,120,80\n", string(kept), "the data is not overwritten")

	tests := []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"--format", "xml"}, "--format 只能是", "unknown format"},
		{[]string{"--format", "csv", "--encoding", "big5"}, "--encoding 只能是", "unknown output encoding"},
		{[]string{"--format", "json", "--encoding", "gb18030"}, "只用于 --format csv", "an encoding for JSON would be ignored"},
		{[]string{"--input-encoding", "latin1"}, "--input-encoding 只能是", "unknown input encoding"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(append(append([]string{"monitor", "--checkpoint", "2024-08-31"}, tt.args...), monitorData)...)
		assert.Equal(t, exitUsage, code, tt.reason)
		assert.Empty(t, stdout, tt.reason)
		assert.Contains(t, stderr, tt.want, tt.reason)
	}
}
