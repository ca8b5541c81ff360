package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden from the program's output")

const seedDir = "../../testdata/seed"

func TestOutputGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, seedDir))
	require.NoError(t, run(&second, seedDir))
	require.Equal(t, first.String(), second.String(), "two runs printed different output")

	golden := filepath.Join("testdata", "output.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, first.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./examples/minfeng -update to create it")
	assert.Equal(t, string(want), first.String(), "output differs from %s (rerun with -update and review the diff)", golden)
}

// TestNamesTheSeedsInconsistencies checks the three disagreements testdata/README.md lists,
// with the values worked out there (Python decimal), appear in the output.
func TestNamesTheSeedsInconsistencies(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, seedDir))
	for _, tc := range []struct{ want, reason string }{
		{"重点评价总金额：报告 11285.11 万元，由各部分算得 12085.11 万元，不一致，相差 +800.00 万元", "总金额"},
		{"重点评价涉及实施单位：报告 6 个，由各部分算得 5 个，不一致，相差 -1 个", "实施单位"},
		{"执行率：报告 86.9%，由各部分算得 87.0%，不一致，相差 +0.1 个百分点", "项目支出执行率"},
		{"dazhou-application 中：核减（reduce）", "达州规定了中"},
		{"minfeng-application 中：未规定（unspecified）", "民丰县未规定中"},
	} {
		assert.Contains(t, out.String(), tc.want, tc.reason)
	}
}

func TestMissingData(t *testing.T) {
	var out bytes.Buffer
	err := run(&out, t.TempDir())
	require.Error(t, err, "no fixtures is an error, not an empty report")
	assert.Contains(t, err.Error(), "keyprojects.csv")
}
