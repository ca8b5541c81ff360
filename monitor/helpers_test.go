package monitor_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func wan(t testing.TB, s string) amount.Amount {
	t.Helper()
	a, err := amount.ParseAmount(s, amount.Wan)
	require.NoError(t, err)
	return a
}

// library is the embedded rule sets plus extra files (regional profiles written by a test).
func library(t testing.TB, extra ...string) *rulefile.Library {
	t.Helper()
	lib, err := rulesets.Library()
	require.NoError(t, err)
	for i, text := range extra {
		_, err := lib.LoadBytes(rulefile.Source{Name: "extra" + string(rune('a'+i)) + ".yaml", Data: []byte(text)})
		require.NoError(t, err)
	}
	return lib
}

func minfeng(t testing.TB, at time.Time) *monitor.Profile {
	t.Helper()
	p, err := monitor.FromLibrary(library(t), "minfeng-monitor", at)
	require.NoError(t, err)
	return p
}

func runOne(t testing.TB, p *monitor.Profile, at time.Time, rec monitor.Record) *monitor.Run {
	t.Helper()
	run, err := p.Run(context.Background(), at, []monitor.Record{rec})
	require.NoError(t, err)
	require.Equal(t, 1, run.In())
	return run
}

// refusedEarlyOrEveryRecord checks a rule file whose param no row of a check table accepts
// (a misspelt mode) never grades silently: either loading it fails, naming the value (the
// loader sees the table cannot match), or it loads and every record is rejected, naming it.
func refusedEarlyOrEveryRecord(t *testing.T, file, id string, rec monitor.Record, want string, reason string) {
	t.Helper()
	at := day(2024, 8, 31)
	lib, err := rulesets.Library()
	require.NoError(t, err)
	if _, err := lib.LoadBytes(rulefile.Source{Name: "extra.yaml", Data: []byte(file)}); err != nil {
		require.Contains(t, err.Error(), want, "%s: the load error names the value", reason)
		return
	}
	p, err := monitor.FromLibrary(lib, id, at)
	require.NoError(t, err, reason)
	run := runOne(t, p, at, rec)
	require.Len(t, run.Rejected, 1, "%s: the record is not graded", reason)
	require.Equal(t, rec.Row, run.Rejected[0].Row, reason)
	require.Contains(t, run.Rejected[0].Err.Error(), want, reason)
}
