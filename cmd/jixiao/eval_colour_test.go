package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A rule set that declares 颜色_<值> params (hefei-monitor: 颜色_绿, 颜色_黄, 颜色_红) has its
// text results filled in those colours in eval's workbook, as monitor fills its grades; a
// colour the workbook cannot show is refused at its param before any file is written.
func TestEvalXLSXColours(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "合肥.csv")
	require.NoError(t, os.WriteFile(data, []byte("项目名称,预算数,执行数,月份,达到阶段性目标\n甲,100,70,8,是\n乙,100,40,8,否\n丁,0,5,8,是\n"), 0o600))
	book := filepath.Join(dir, "结果.xlsx")
	_, stderr, code := runCLI("eval", "--rules", "hefei-monitor", "--at", "2024-08-31", "--format", "xlsx", "-o", book, data)
	require.Equal(t, exitOK, code, stderr)
	dump := dumpXLSX(t, book)
	tests := []struct{ want, reason string }{
		{"| 绿〔C6EFCE〕\n", "颜色_绿: 绿色 fills the 等级 绿"},
		{"| 红〔F4B6B6〕\n", "颜色_红: 红色 fills the 等级 红"},
		{"| 否 |", "a bool result has no colour"},
	}
	for _, tt := range tests {
		assert.Contains(t, dump, tt.want, tt.reason)
	}
	assert.NotContains(t, dump, "〔FFE699〕", "no row is 黄: the colour is the value's, not the column's")

	bad := filepath.Join(dir, "坏颜色.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("ruleset: 我的合肥\nextends: hefei-monitor\neffective: 2024-01-01\nparams:\n  颜色_红: 红颜色\n"), 0o600))
	out := filepath.Join(dir, "不该有.xlsx")
	_, stderr, code = runCLI("eval", "--rules", bad, "--at", "2024-08-31", "--format", "xlsx", "-o", out, data)
	assert.Equal(t, exitFindings, code, "a rule file's mistake is a finding")
	assert.Equal(t, bad+":5:9: 参数 颜色_红：不认识的颜色“红颜色”：请写 红色、黄色、绿色、蓝色、橙色、灰色，或 #RRGGBB\n", stderr, "the param's line and column")
	assert.NoFileExists(t, out, "nothing is written")
	_, _, code = runCLI("eval", "--rules", bad, "--at", "2024-08-31", "--format", "csv", data)
	assert.Equal(t, exitOK, code, "CSV shows no colours: the param is not read")
}
