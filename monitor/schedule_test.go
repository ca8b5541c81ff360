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

// byDayMinfeng and misspeltMinfeng switch Minfeng's own profile the same way, or try to.
const (
	byDayMinfeng = `ruleset: by-day-minfeng
extends: minfeng-monitor
effective: 2024-01-01
params:
  序时口径: 按日
`
	misspeltMinfeng = `ruleset: misspelt-minfeng
extends: minfeng-monitor
effective: 2024-01-01
params:
  序时口径: 按曰
`
)

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
		{"minfeng-monitor", "37", nil, "0.26", "差", "Minfeng's own profile keeps months ÷ 12 by default"},
		{"by-day-minfeng", "37", nil, "0.1891", "良", "Minfeng's own profile counts days when a file extending it says 按日"},
		{"minfeng-monitor", "37", map[string]any{"计划进度": "40%"}, "0.075", "良", "Minfeng's own profile takes the project's plan"},
		{"by-day-minfeng", "40", map[string]any{"计划进度": "0.5"}, "0.2", "良", "the plan over the day count in Minfeng's profile"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t, byDay, byDayMinfeng), tt.profile, mid)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, mid, monitor.Record{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, tt.spent), Extra: tt.extra})
		require.Empty(t, run.Rejected, tt.reason)
		require.Len(t, run.Graded, 1, tt.reason)
		assert.Equal(t, tt.deviation, run.Graded[0].Deviation.String(), tt.reason)
		assert.Equal(t, tt.grade, run.Graded[0].Grade.Name, tt.reason)
	}
}

// TestExpectedProgressRefusesBadData checks a plan outside 0–100% and a misspelt 序时口径 reject
// the record with the reason, never grading it by months silently.
func TestExpectedProgressRefusesBadData(t *testing.T) {
	aug := day(2024, 8, 31)
	tests := []struct {
		profile string
		extra   map[string]any
		want    string
		reason  string
	}{
		{"minfeng-monitor", map[string]any{"计划进度": "150%"}, "数据有误：计划进度应在 0 到 100% 之间（规则集 minfeng-monitor）", "a plan over 100%"},
		{"minfeng-monitor", map[string]any{"计划进度": "-0.1"}, "计划进度应在 0 到 100% 之间", "a negative plan would otherwise count as no plan"},
		{"minfeng-monitor-dimensions", map[string]any{"计划进度": "1.01"}, "计划进度应在 0 到 100% 之间", "the per-dimension profile checks the same"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t), tt.profile, aug)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, aug, monitor.Record{Row: 7, ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "40"), Extra: tt.extra})
		require.Len(t, run.Rejected, 1, tt.reason)
		assert.Equal(t, 7, run.Rejected[0].Row, tt.reason)
		assert.Contains(t, run.Rejected[0].Err.Error(), tt.want, tt.reason)
	}
}

// TestExpectedProgressMisspelt: 按曰 is neither 按月 nor 按日, and is never read as 按月.
func TestExpectedProgressMisspelt(t *testing.T) {
	refusedEarlyOrEveryRecord(t, misspeltMinfeng, "misspelt-minfeng",
		monitor.Record{Row: 7, ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "40")},
		"序时口径有效", "a misspelt 序时口径 grades nothing by months silently")
}
