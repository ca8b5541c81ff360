package monitor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// byDay switches the per-dimension profile to counting 序时进度 by days.
const byDay = `ruleset: by-day-test
extends: minfeng-monitor-dimensions
effective: 2024-01-01
params:
  序时口径: 按日
`

// TestExpectedProgress checks where 序时进度 comes from, all in the rule file: months elapsed
// (the checkpoint's month counts whole, even mid-month), days elapsed when the file says
// 按日, and the project's own plan (计划进度, a record's Extra) over either.
func TestExpectedProgress(t *testing.T) {
	mid := day(2024, 6, 15)
	tests := []struct {
		profile   string
		spent     string // of a budget of 100
		extra     map[string]any
		deviation string
		grade     string
		reason    string
	}{
		{"minfeng-monitor-dimensions", "37", nil, "0.26", "差", "按月: June counts whole, 6/12 = 50%, 37 is 26% behind"},
		{"by-day-test", "37", nil, "0.1891", "良", "按日: 167 of 366 days = 45.63%, 37 is 18.91% behind"},
		{"minfeng-monitor-dimensions", "37", map[string]any{"计划进度": "40%"}, "0.075", "良", "the project's plan (40%) overrides 序时进度"},
		{"by-day-test", "40", map[string]any{"计划进度": "0.5"}, "0.2", "良", "the plan overrides the day count too: exactly 20% is 良"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t, byDay), tt.profile, mid)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, mid, monitor.Record{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, tt.spent), Extra: tt.extra})
		require.Empty(t, run.Rejected, tt.reason)
		require.Len(t, run.Graded, 1, tt.reason)
		assert.Equal(t, tt.deviation, run.Graded[0].Deviation.String(), tt.reason)
		assert.Equal(t, tt.grade, run.Graded[0].Grade.Name, tt.reason)
	}
}
