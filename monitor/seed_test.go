package monitor_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/monitor/internal/synth"
)

var update = flag.Bool("update", false, "rewrite testdata/monitor's synthetic data from the generator")

// seedLine is one row of testdata/seed/monitoring.csv.
type seedLine struct {
	month int
	synth.Target
}

func readSeed(t *testing.T) []seedLine {
	t.Helper()
	rows := readCSV(t, "../testdata/seed/monitoring.csv")
	require.Equal(t, []string{"监控节点", "等级", "判定", "项目数", "涉及资金（亿元）", "原文"}, rows[0])
	var out []seedLine
	for _, r := range rows[1:] {
		m, err := strconv.Atoi(strings.TrimSuffix(r[0], "月"))
		require.NoError(t, err)
		n, err := strconv.Atoi(r[3])
		require.NoError(t, err)
		funds, err := amount.ParseAmount(r[4], amount.Yi)
		require.NoError(t, err)
		out = append(out, seedLine{month: m, Target: synth.Target{Grade: r[1], Count: n, Funds: funds}})
	}
	return out
}

func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

// checkpointOf is the seed's checkpoint for a month: the report names months only, and the
// monitoring covers spending to the month's end.
func checkpointOf(month int) time.Time {
	return time.Date(2024, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
}

// TestSeedCheckpoints regenerates the synthetic data of May and August, checks the committed
// files are what the generator makes (go test ./monitor -run Seed -update rewrites them),
// reads them back and grades them with the embedded Minfeng rules: the summary by grade must
// equal the seed's table, count and 亿元 funds, exactly.
func TestSeedCheckpoints(t *testing.T) {
	seed := readSeed(t)
	for _, month := range []int{5, 8} {
		var targets []synth.Target
		for _, l := range seed {
			if l.month == month {
				targets = append(targets, l.Target)
			}
		}
		require.Len(t, targets, 3, "the seed grades each checkpoint 优, 良, 差")
		at := checkpointOf(month)
		p := minfeng(t, at)
		recs, err := synth.Generate(p, synth.Spec{Checkpoint: at, Targets: targets, FirstID: 1, Seed: 2024})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, synth.WriteCSV(&buf, recs))
		path := filepath.Join("..", "testdata", "monitor", "synthetic-"+at.Format("2006-01")+".csv")
		if *update {
			require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		}
		committed, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, buf.String(), string(committed), "%s is not what the generator makes; run with -update", path)

		run, err := p.Run(context.Background(), at, recordsOf(t, readCSV(t, path)))
		require.NoError(t, err)
		require.Empty(t, run.Rejected)
		s := run.Summary()
		require.Len(t, s.Lines, len(targets))
		total := 0
		for i, want := range targets {
			got := s.Lines[i]
			total += got.Count
			assert.Equal(t, want.Grade, got.Grade.Name, "%d月", month)
			assert.Equal(t, want.Count, got.Count, "%d月 %s 项目数", month, want.Grade)
			assert.Zero(t, want.Funds.Cmp(got.Yi()), "%d月 %s 资金：种子 %s，合成 %s", month, want.Grade, want.Funds, got.Yi())
		}
		assert.Equal(t, total, s.Total.Count)
	}
}

// recordsOf reads the generator's own layout (the command's reader, with unit headers and
// typed-in cells, is tested in cmd/jixiao).
func recordsOf(t *testing.T, rows [][]string) []monitor.Record {
	t.Helper()
	require.Equal(t, synth.Header(), rows[0])
	recs := make([]monitor.Record, 0, len(rows)-1)
	for i, r := range rows[1:] {
		recs = append(recs, monitor.Record{Row: i + 2, ID: r[0], Name: r[1], Dept: r[2], Fund: r[3],
			Secret: r[4] == "是", Budget: wan(t, r[5]), Spent: wan(t, r[6])})
	}
	return recs
}
