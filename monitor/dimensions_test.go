package monitor_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// modes extends the embedded per-dimension profile with the deviation modes of a region.
func modes(budget, indicator string) string {
	return fmt.Sprintf(`ruleset: modes-test
extends: minfeng-monitor-dimensions
effective: 2024-01-01
params:
  预算偏差方式: %s
  指标偏差方式: %s
`, budget, indicator)
}

func ind(expected, actual string) monitor.Indicator {
	return monitor.Indicator{Expected: decimal.RequireFromString(expected), Actual: decimal.RequireFromString(actual)}
}

// TestDeviationModes grades one project per row with the modes its rule file declares, at
// the August checkpoint (序时进度 8/12): the project's deviation is its worst dimension.
func TestDeviationModes(t *testing.T) {
	aug := day(2024, 8, 31)
	tests := []struct {
		budgetMode, indMode string
		spent               string // of a budget of 120
		inds                []monitor.Indicator
		deviation, grade    string
		reason              string
	}{
		{"相对差距", "相对差距", "64", nil, "0.2", "良", "Minfeng default: 16 behind 80 is 20% relative shortfall"},
		{"百分点", "相对差距", "64", nil, "0.1333", "良", "percentage points: 8/12 − 64/120 = 13.33 points"},
		{"百分点", "相对差距", "50", nil, "0.25", "差", "percentage points: 66.67% − 41.67% = 25 points"},
		{"双向", "相对差距", "100", nil, "0.25", "差", "two-sided: 25% ahead of schedule is a deviation too"},
		{"相对差距", "相对差距", "100", nil, "0", "优", "relative shortfall ignores running ahead"},
		{"相对差距", "相对差距", "80", []monitor.Indicator{ind("0.5", "0.4"), ind("0.6", "0.45")}, "0.25", "差", "worst indicator (25% behind) outweighs an on-time budget"},
		{"相对差距", "百分点", "80", []monitor.Indicator{ind("0.5", "0.4"), ind("0.6", "0.45")}, "0.15", "良", "indicators in points: 10 and 15 points, the worst is 15"},
		{"相对差距", "双向", "80", []monitor.Indicator{ind("0.5", "0.65")}, "0.3", "差", "two-sided indicator: 30% over its expected share"},
		{"相对差距", "相对差距", "64", []monitor.Indicator{ind("0.5", "0.45")}, "0.2", "良", "budget 20% is worse than the indicator's 10%"},
		{"相对差距", "相对差距", "80", []monitor.Indicator{{}}, "0", "优", "an indicator with no expected share counts no deviation"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t, modes(tt.budgetMode, tt.indMode)), "modes-test", aug)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, aug, monitor.Record{ID: "P1", Budget: wan(t, "120"), Spent: wan(t, tt.spent), Indicators: tt.inds})
		require.Empty(t, run.Rejected, tt.reason)
		require.Len(t, run.Graded, 1, tt.reason)
		assert.Equal(t, tt.deviation, run.Graded[0].Deviation.String(), tt.reason)
		assert.Equal(t, tt.grade, run.Graded[0].Grade.Name, tt.reason)
	}
}

// TestIndicatorSlots checks a record never carries more indicators than its rule set grades:
// the embedded profile declares five; a sixth is a rejection with the reason, and a rule set
// without indicators (minfeng-monitor) takes none.
func TestIndicatorSlots(t *testing.T) {
	aug := day(2024, 8, 31)
	six := []monitor.Indicator{ind("0.5", "0.5"), ind("0.5", "0.5"), ind("0.5", "0.5"), ind("0.5", "0.5"), ind("0.5", "0.5"), ind("0.5", "0.5")}
	tests := []struct {
		profile  string
		inds     []monitor.Indicator
		slots    int
		rejected bool
		reason   string
	}{
		{"minfeng-monitor-dimensions", six[:5], 5, false, "five indicators fill the declared inputs"},
		{"minfeng-monitor-dimensions", six, 5, true, "a sixth indicator has no input and would be ignored"},
		{"minfeng-monitor", six[:1], 0, true, "minfeng-monitor grades budget execution only"},
		{"minfeng-monitor", nil, 0, false, "no indicators: the run is as before"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t), tt.profile, aug)
		require.NoError(t, err, tt.reason)
		assert.Equal(t, tt.slots, p.Indicators(), tt.reason)
		run := runOne(t, p, aug, monitor.Record{Row: 7, ID: "P1", Budget: wan(t, "120"), Spent: wan(t, "80"), Indicators: tt.inds})
		require.Len(t, run.Rejected, map[bool]int{true: 1}[tt.rejected], tt.reason)
		if tt.rejected {
			assert.Contains(t, run.Rejected[0].Err.Error(), fmt.Sprintf("项目有 %d 项绩效指标", len(tt.inds)), tt.reason)
			assert.Equal(t, 7, run.Rejected[0].Row, tt.reason)
		}
	}
}

// TestDeviationModeMisspelt: a mode the rule file does not know (百份点 for 百分点) is never
// silently read as the default: the file is refused, or every record is, naming the value.
func TestDeviationModeMisspelt(t *testing.T) {
	refusedEarlyOrEveryRecord(t, modes("百份点", "相对差距"), "modes-test",
		monitor.Record{Row: 2, ID: "P1", Name: "项目", Budget: wan(t, "120"), Spent: wan(t, "64")},
		"预算偏差方式 = 百份点", "a misspelt mode grades nothing")
}
