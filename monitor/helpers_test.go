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
