package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/scoring"
)

// overScorer is a Scorer whose indicator rule set extends national-indicator with params, as
// a region that marks down over-completion would write it.
func overScorer(t *testing.T, id, params string) *scoring.Scorer {
	t.Helper()
	lib := defaults(t)
	_, err := lib.LoadBytes(rulefile.Source{Name: id + ".yaml", Data: []byte("ruleset: " + id + `
extends: national-indicator
effective: 2020-01-01
params:
` + params + `
tests:
  - given: {性质: ≥, 方向: 正向, 指标值: 100, 实际值: 100, 分值: 10, 定性结果: "", 有评定: false, 评定得分: 0}
    expect: {得分: 10}
`)})
	require.NoError(t, err)
	s, err := scoring.New(lib, scoring.Profile{Indicator: id}, day)
	require.NoError(t, err)
	return s
}

func TestOverCompletion(t *testing.T) {
	off := scorer(t, scoring.Profile{})
	on := overScorer(t, "超额扣分", "  超额完成扣分: true")
	steep := overScorer(t, "超额陡扣", "  超额完成扣分: true\n  超额扣分起点: 110%\n  超额扣分系数: 2")
	for _, tc := range []struct {
		name                   string
		s                      *scoring.Scorer
		nature                 scoring.Nature
		dir                    scoring.Direction
		target, actual, points string
		score                  string
		reason                 string
	}{
		{"默认不扣", off, scoring.AtLeast, scoring.HigherIsBetter, "100", "300", "10", "10",
			"DOMAIN.md gives no threshold, so the national file keeps over-completion at full marks"},
		{"恰好起点", on, scoring.AtLeast, scoring.HigherIsBetter, "100", "120", "10", "10",
			"at the threshold itself there is no gap to mark down"},
		{"刚过起点", on, scoring.AtLeast, scoring.HigherIsBetter, "100", "121", "10", "9.9",
			"1% beyond 120% takes 1% of the points at coefficient 1"},
		{"超出三成", on, scoring.AtLeast, scoring.HigherIsBetter, "100", "150", "10", "7",
			"150% is 30% beyond the threshold: 10 × (1 − 0.3)"},
		{"扣完为止", on, scoring.AtLeast, scoring.HigherIsBetter, "100", "300", "10", "0",
			"the reduction stops at the indicator's points, never below zero"},
		{"未完成不受影响", on, scoring.AtLeast, scoring.HigherIsBetter, "100", "86", "10", "8.6",
			"an indicator under its target is scored as before"},
		{"反向不算超额", on, scoring.AtMost, scoring.LowerIsBetter, "5", "1", "4", "4",
			"a lower-is-better indicator well under its ceiling is met, not over-completed"},
		{"等于型照旧", on, scoring.Equal, scoring.HigherIsBetter, "12", "15", "6", "4.8",
			"an = indicator already loses points for overshooting, by 指标值 ÷ 实际值"},
		{"指标值为零", on, scoring.AtLeast, scoring.HigherIsBetter, "0", "5", "10", "10",
			"a zero target has no ratio to overshoot"},
		{"起点和系数可改", steep, scoring.AtLeast, scoring.HigherIsBetter, "100", "130", "10", "6",
			"threshold 110% and coefficient 2: 10 × (1 − 0.2 × 2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ind := scoring.Indicator{Name: tc.name, Nature: tc.nature, Direction: tc.dir,
				Target: dec(t, tc.target), Actual: dec(t, tc.actual)}
			got, err := tc.s.ScoreIndicator(ind, dec(t, tc.points))
			require.NoError(t, err, tc.reason)
			assert.True(t, dec(t, tc.score).Equal(got.Score), "%s: score %s", tc.reason, got.Score)
		})
	}
}
