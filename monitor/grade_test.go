package monitor_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// TestGradeBoundaries grades the boundary cases of Minfeng's rule set at the August
// checkpoint, where 序时进度 is 8/12: the deviation is rounded to 0.01% before grading.
func TestGradeBoundaries(t *testing.T) {
	aug := day(2024, 8, 31)
	p := minfeng(t, aug)
	tests := []struct {
		budget, spent string
		grade         string
		deviation     string
		flag          bool
		reason        string
	}{
		{"120", "80", "优", "0", false, "exactly on 序时进度: no deviation"},
		{"120", "130", "优", "0", false, "ahead of schedule counts no deviation (only shortfall)"},
		{"120", "79.9968", "优", "0", false, "shortfall 0.00004 shows as 0.00% and is graded as shown"},
		{"120", "79.994", "良", "0.0001", false, "shortfall 0.000075 shows as 0.01%: the smallest 良"},
		{"15", "8", "良", "0.2", false, "exactly 20% (issue's example): 良 includes the bound"},
		{"120", "63.9968", "良", "0.2", false, "20.004% shows as 20.00%: graded 良, never 20.00% beside 差"},
		{"120", "63.994", "差", "0.2001", true, "20.0075% shows as 20.01%: just over, 差 and 红标 in August"},
		{"100", "0", "差", "1", true, "nothing spent: 100% deviation"},
	}
	for _, tt := range tests {
		run := runOne(t, p, aug, monitor.Record{ID: "P1", Budget: wan(t, tt.budget), Spent: wan(t, tt.spent)})
		require.Len(t, run.Graded, 1, tt.reason)
		o := run.Graded[0]
		assert.Equal(t, tt.grade, o.Grade.Name, tt.reason)
		require.True(t, o.HasDeviation, tt.reason)
		assert.Equal(t, tt.deviation, o.Deviation.String(), tt.reason)
		assert.Equal(t, tt.flag, o.RedFlag, tt.reason)
	}
}

// TestMayIsNotFlagged checks the flagging checkpoint comes from the rule set: a May 差 has
// no 红标 and no rectification date.
func TestMayIsNotFlagged(t *testing.T) {
	may := day(2024, 5, 31)
	run := runOne(t, minfeng(t, may), may, monitor.Record{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "0")})
	require.Len(t, run.Graded, 1)
	assert.Equal(t, "差", run.Graded[0].Grade.Name)
	assert.False(t, run.Graded[0].RedFlag)
	assert.True(t, run.Graded[0].RectifyBy.IsZero())
}

// flagEvery flags 差 in month m, on top of Minfeng's rules, for deadline arithmetic in any month.
func flagEvery(m int) string {
	return fmt.Sprintf(`ruleset: flag-test
extends: minfeng-monitor
effective: 2024-01-01
params:
  红标月份: %d
tests:
  - given: {预算数: 1, 执行数: 1, 月份: 1}
    expect: {等级: 优}
`, m)
}

// TestRectificationDeadline checks the 30 calendar days of Minfeng's rule across month
// ends, February in leap and common years, and the year end.
func TestRectificationDeadline(t *testing.T) {
	tests := []struct {
		checkpoint time.Time
		want       time.Time
		reason     string
	}{
		{day(2024, 8, 31), day(2024, 9, 30), "seed: August checkpoint, 30 days into September"},
		{day(2024, 8, 1), day(2024, 8, 31), "30 days within August"},
		{day(2024, 8, 15), day(2024, 9, 14), "mid-month checkpoint crosses the month end"},
		{day(2024, 1, 31), day(2024, 3, 1), "2024 is a leap year: January 31 + 30 days is March 1"},
		{day(2025, 1, 31), day(2025, 3, 2), "2025 is a common year: January 31 + 30 days is March 2"},
		{day(2024, 12, 15), day(2025, 1, 14), "crosses the year end"},
		{time.Date(2024, 8, 31, 23, 30, 0, 0, time.FixedZone("CST", 8*3600)), day(2024, 9, 30),
			"a Beijing-time evening is still August 31, not September 1 (UTC would still be the 31st; the date is read in its zone)"},
	}
	for _, tt := range tests {
		lib := library(t, flagEvery(int(tt.checkpoint.Month())))
		p, err := monitor.FromLibrary(lib, "flag-test", tt.checkpoint)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, tt.checkpoint, monitor.Record{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "1")})
		require.Len(t, run.Graded, 1, tt.reason)
		o := run.Graded[0]
		require.True(t, o.RedFlag, tt.reason)
		assert.Equal(t, tt.want.Format(time.DateOnly), o.RectifyBy.Format(time.DateOnly), tt.reason)
	}
}

// TestRejectedRowsAreKept checks a record the rule set cannot grade is rejected with its row
// and reason and the others are graded.
func TestRejectedRowsAreKept(t *testing.T) {
	aug := day(2024, 8, 31)
	p := minfeng(t, aug)
	recs := []monitor.Record{
		{Row: 2, ID: "A", Budget: wan(t, "100"), Spent: wan(t, "80")},
		{Row: 3, ID: "B", Budget: wan(t, "0"), Spent: wan(t, "5")},
		{Row: 4, ID: "C", Budget: wan(t, "100"), Spent: wan(t, "10")},
	}
	run, err := p.Run(context.Background(), aug, recs)
	require.NoError(t, err)
	assert.Equal(t, 3, run.In())
	require.Len(t, run.Rejected, 1)
	assert.Equal(t, 3, run.Rejected[0].Row)
	assert.Contains(t, run.Rejected[0].Err.Error(), "除数为零")
	assert.Equal(t, []string{"A", "C"}, []string{run.Graded[0].ID, run.Graded[1].ID})
}
