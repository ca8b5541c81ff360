package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestDemoGolden(t *testing.T) {
	stdout, stderr, code := runCLI("demo")
	require.Equal(t, exitOK, code, stderr)
	require.Empty(t, stderr)

	golden := filepath.Join("testdata", "demo.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/jixiao -update to create it")
	assert.Equal(t, string(want), stdout, "demo output changed; review and run go test ./cmd/jixiao -update")

	again, _, _ := runCLI("demo")
	assert.Equal(t, stdout, again, "the same data gives the same bytes")
}

// TestDemoFindsDisagreement feeds the demo a declared rate that its parts do not give, and a
// declared unit count that matches the rows, to show both verdicts.
func TestDemoFindsDisagreement(t *testing.T) {
	text := strings.Replace(keyProjectsCSV, "928.56,98.78%", "928.56,98.77%", 1)
	require.NotEqual(t, keyProjectsCSV, text)
	list, err := readKeyList(text)
	require.NoError(t, err)
	list.declaredUnits = 5

	out, err := renderDemo(list)
	require.NoError(t, err)
	assert.Contains(t, out, "   98.78%   98.77%  不一致\n")
	assert.Contains(t, out, "执行率：5 项中 4 项与报告值一致，1 项不一致。\n")
	assert.Contains(t, out, "实施单位：报告称 5 个，清单列出 5 个，一致。\n")
	assert.Contains(t, out, "合计比报告值多 800.00 万元，不一致")
}

func TestTotalVerdict(t *testing.T) {
	list, err := readKeyList(keyProjectsCSV)
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		total  string
		want   string
		reason string
	}{
		{"相等", "12085.11", "清单 5 项预算数合计 12,085.11 万元，一致。", "合计与报告值相同"},
		{"报告值偏小", "11285.11", "合计比报告值多 800.00 万元，不一致。", "种子的实际情况"},
		{"报告值偏大", "12185.11", "合计比报告值少 100.00 万元，不一致。", "差额按正数说多或少"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			l := list
			var err error
			l.declaredTotal, err = parseDecimalForTest(tc.total)
			require.NoError(t, err)
			out, err := renderDemo(l)
			require.NoError(t, err)
			assert.Contains(t, out, tc.want)
		})
	}
}

func TestReadKeyListErrors(t *testing.T) {
	for _, tc := range []struct {
		name, csv, want, reason string
	}{
		{"缺列", "序号,单位\n1,x\n", "第 1 行缺少列 项目", "表头不全时说缺哪一列"},
		{"只有表头", "单位,项目,简称,预算数,执行数,执行率\n", "没有数据行", "空清单不当作合计为零"},
		{"坏数字", "单位,项目,简称,预算数,执行数,执行率\n甲,乙,丙,1e5,1,100%\n", "第 2 行 预算数：", "数字读不出时指出行和列"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			_, err := readKeyList(tc.csv)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
