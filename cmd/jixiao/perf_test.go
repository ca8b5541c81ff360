package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/internal/perfbaseline"
)

// generated writes a generated monitoring table of n projects into dir.
func generated(tb testing.TB, dir string, n int) string {
	tb.Helper()
	var b bytes.Buffer
	require.NoError(tb, perfbaseline.Generate(&b, n))
	path := filepath.Join(dir, "projects.csv")
	require.NoError(tb, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// TestPerfBaselineAgrees makes the speed comparison honest: jixiao monitor --format csv and
// the hand-written baseline grade a generated table alike, row by row (grade, deviation, red
// flag, deadline), with the same amounts.
func TestPerfBaselineAgrees(t *testing.T) {
	path := generated(t, t.TempDir(), 20_000)
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", path)
	require.Equal(t, exitOK, code, stderr)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close() //nolint:errcheck // read-only
	var base bytes.Buffer
	require.NoError(t, perfbaseline.Grade(f, &base, io.Discard))

	ours, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, "\ufeff"))).ReadAll()
	require.NoError(t, err)
	theirs, err := csv.NewReader(&base).ReadAll()
	require.NoError(t, err)
	require.Len(t, ours, len(theirs), "one line per project on both sides")
	for i := 1; i < len(ours); i++ {
		o, b := ours[i], theirs[i]
		// ours: 行,编号,名称,部门,资金类型,预算,执行,等级,颜色,偏差,红标,整改期限,原因
		// theirs: 行,编号,名称,部门,资金类型,预算,执行,等级,偏差,红标,整改期限,原因
		require.Equal(t, append(o[:8:8], o[9:]...), b, "row %s", o[0])
	}
}

// BenchmarkMonitorCSV is the end-to-end run of jixiao monitor --format csv over 100,000
// generated projects — read, grade on every core, write in order — against the hand-written
// single-goroutine baseline doing the same read–grade–write with shopspring/decimal.
func BenchmarkMonitorCSV(b *testing.B) {
	path := generated(b, b.TempDir(), 100_000)
	b.Run("handwritten", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			f, err := os.Open(path)
			require.NoError(b, err)
			require.NoError(b, perfbaseline.Grade(f, io.Discard, io.Discard))
			require.NoError(b, f.Close())
		}
	})
	b.Run("jixiao", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if code := run([]string{"monitor", "--checkpoint", "2024-08-31", "--format", "csv", path}, nil, io.Discard, io.Discard); code != exitOK {
				b.Fatal(code)
			}
		}
	})
}
