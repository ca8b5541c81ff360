package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

// manyRows writes the synthetic August table eight times over, each copy with its own project
// numbers and one bad cell per copy, so a run spans many chunks of the engine (256 rows each)
// and workers finish them out of order.
func manyRows(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("monitor-synthetic-2024-08.csv")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	for copy := 0; copy < 8; copy++ {
		for i, line := range lines[1:] {
			cells := strings.Split(line, ",")
			cells[0] = fmt.Sprintf("%s-%d", cells[0], copy)
			if i == 17*copy+3 {
				cells[6] = "八十" // a cell that is not a number: rejected, with its row
			}
			b.WriteString(strings.Join(cells, ",") + "\n")
		}
	}
	path := filepath.Join(t.TempDir(), "项目-多.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	return path
}

// TestMonitorSameBytesAnyCores runs every format with one, two and seven worker goroutines
// (the engine uses GOMAXPROCS): the output never changes, whatever order the chunks finish in.
func TestMonitorSameBytesAnyCores(t *testing.T) {
	data := manyRows(t)
	dir := t.TempDir()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"table", "csv", "json", "xlsx"} {
		var first []byte
		for _, procs := range []int{1, 2, 7} {
			runtime.GOMAXPROCS(procs)
			out := filepath.Join(dir, fmt.Sprintf("%d.%s", procs, format))
			_, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--rules", colouredRules, "--format", format, "-o", out, data)
			require.Equal(t, exitOK, code, stderr)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			if first == nil {
				first = got
				continue
			}
			assert.Equal(t, first, got, "%s with GOMAXPROCS=%d gives the bytes of GOMAXPROCS=1", format, procs)
		}
	}
}

// TestMonitorXLSXSummaryEqualsJSON reads the workbook back as staff would open it and compares
// its 汇总 sheet, cell by cell, with the JSON summary of the same run: the counts and funds a
// bureau reports must not differ between the two files.
func TestMonitorXLSXSummaryEqualsJSON(t *testing.T) {
	data := manyRows(t)
	book := filepath.Join(t.TempDir(), "报告.xlsx")
	_, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--rules", colouredRules, "--format", "xlsx", "-o", book, data)
	require.Equal(t, exitOK, code, stderr)
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--rules", colouredRules, "--format", "json", data)
	require.Equal(t, exitOK, code, stderr)

	var last struct {
		Summary struct {
			Rows, Graded, Rejected, Skipped int
			RedFlags                        int `json:"red_flags"`
			Grades                          []struct {
				Grade    string
				Count    int
				FundsWan string `json:"funds_wan"`
				FundsYi  string `json:"funds_yi"`
			}
			Total struct {
				Count    int
				FundsWan string `json:"funds_wan"`
				FundsYi  string `json:"funds_yi"`
			}
		}
	}
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	var line string
	for sc.Scan() {
		line = sc.Text()
	}
	require.NoError(t, json.Unmarshal([]byte(line), &last))
	require.Equal(t, 8, last.Summary.Rejected, "one bad cell in each copy is rejected")
	require.Equal(t, last.Summary.Rows, last.Summary.Graded+last.Summary.Rejected, "rows in = graded + rejected")

	want := [][]string{{"等级", "项目数", "资金（万元）", "资金（亿元）"}}
	for _, g := range last.Summary.Grades {
		want = append(want, []string{g.Grade, fmt.Sprint(g.Count), g.FundsWan, g.FundsYi})
	}
	want = append(want, []string{"合计", fmt.Sprint(last.Summary.Total.Count), last.Summary.Total.FundsWan, last.Summary.Total.FundsYi},
		[]string{"红标", fmt.Sprint(last.Summary.RedFlags)},
		[]string{"读入行数", fmt.Sprint(last.Summary.Rows)},
		[]string{"评级", fmt.Sprint(last.Summary.Graded)},
		[]string{"不能评级", fmt.Sprint(last.Summary.Rejected)},
		[]string{"空行（不算数据行）", fmt.Sprint(last.Summary.Skipped)})
	assert.Equal(t, want, readSheet(t, book, "汇总"), "the 汇总 sheet holds the JSON summary's figures exactly")
}

// readSheet reads a sheet of a workbook through tables.Open: its header and every row.
func readSheet(t *testing.T, path, name string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r, err := tables.Open(f, tables.Sheet(name))
	require.NoError(t, err)
	defer r.Close()
	got := [][]string{r.Header()}
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return got
		}
		require.NoError(t, err)
		got = append(got, row.Cells)
	}
}
