package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A column the rule set does not read is carried into the output unchanged and is not
// reported — unless it is headed nearly like an input that the table lacks and that therefore
// takes its default: then the staff member is told, since the figure would silently differ.
func TestEvalUnreadColumns(t *testing.T) {
	tests := []struct {
		name, header, row, stderr, reason string
	}{
		{"stray columns", "项目名称,预算数,执行数,月份,备注", "甲,100,40,8,x", "",
			"项目名称 and 备注 are the staff's own columns: nothing to say"},
		{"near miss", "项目名称,预算数,执行数,月份,计划进展", "甲,100,40,8,0.5",
			"数据.csv:1: 提示：列“计划进展”没有读取，表中也没有“计划进度”列，计划进度 按默认值 0 计算；如果这一列就是 计划进度，请把表头改为“计划进度”\n",
			"计划进展 is 计划进度 misspelt: without the note the default 0 replaces the staff's 0.5"},
		{"each column once, to its nearest input", "预算数,执行数,月份,指标1完成率", "100,40,8,0.3",
			"数据.csv:1: 提示：列“指标1完成率”没有读取，表中也没有“指标1完成”列，指标1完成 按默认值 0 计算；如果这一列就是 指标1完成，请把表头改为“指标1完成”\n",
			"指标1完成率 is nearest to 指标1完成, not to 指标2完成 … 指标5完成"},
		{"input present", "预算数,执行数,月份,计划进度,计划进展", "100,40,8,0.5,0.5", "",
			"计划进度 is read from its own column: a look-alike column beside it takes nothing from the figure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEmpty(t, tt.reason)
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "数据.csv"), []byte(tt.header+"\n"+tt.row+"\n"), 0o600))
			wd, err := os.Getwd()
			require.NoError(t, err)
			require.NoError(t, os.Chdir(dir))
			defer func() { require.NoError(t, os.Chdir(wd)) }()
			stdout, stderr, code := runCLI("eval", "--rules", "minfeng-monitor-dimensions", "--at", "2024-08-31", "--format", "csv", "数据.csv")
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, tt.stderr, stderr, tt.reason)
			assert.Contains(t, stdout, tt.header+",", "%s: every column of the table is in the output", tt.reason)
		})
	}
}
