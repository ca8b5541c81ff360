package scoring_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/scoring"
)

// TestScorerMisuse: a nil or zero Scorer — a platform's bug, such as a Scorer field never set —
// answers every method with an error of code rules.ErrMisuse, never a panic, and never a
// figure computed without rule sets (a zero Scorer's Template used to be an empty form).
func TestScorerMisuse(t *testing.T) {
	one := decimal.NewFromInt(1)
	calls := []struct {
		name   string
		call   func(s *scoring.Scorer) error
		reason string
	}{
		{"Execution", func(s *scoring.Scorer) error { _, err := s.Execution(decimal.NewNullDecimal(one), one); return err }, "the commonest call"},
		{"Grade", func(s *scoring.Scorer) error { _, err := s.Grade(one); return err }, "grading needs the grade rule set"},
		{"Apply", func(s *scoring.Scorer) error { _, err := s.Apply(scoring.Poor); return err }, "an action needs the application rule set"},
		{"ScoreIndicator", func(s *scoring.Scorer) error { _, err := s.ScoreIndicator(scoring.Indicator{}, one); return err }, "an indicator needs its rule set"},
		{"ScoreProject", func(s *scoring.Scorer) error { _, err := s.ScoreProject(scoring.Project{}); return err }, "not 缺少预算数: the project is not at fault"},
		{"ScoreKeyEvaluation", func(s *scoring.Scorer) error { _, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{}); return err }, "key evaluations need the weights rule set"},
		{"ScoreDepartment", func(s *scoring.Scorer) error { _, err := s.ScoreDepartment(scoring.DepartmentFigures{}); return err }, "department bands need their rule set"},
		{"CheckKeyWeights", func(s *scoring.Scorer) error { return s.CheckKeyWeights(scoring.KeyWeights{}) }, "a zero Scorer must not pass every weight"},
		{"OverallExecution", func(s *scoring.Scorer) error { _, err := s.OverallExecution(scoring.Summary{}); return err }, "not 预算数为零: the list is not at fault"},
		{"Template", func(s *scoring.Scorer) error { _, err := s.Template(true); return err }, "a zero Scorer has no template to give"},
	}
	for _, who := range []struct {
		name string
		s    *scoring.Scorer
	}{{"nil", nil}, {"zero", &scoring.Scorer{}}} {
		for _, c := range calls {
			require.NotEmpty(t, c.reason)
			var err error
			require.NotPanics(t, func() { err = c.call(who.s) }, "%s %s: %s", who.name, c.name, c.reason)
			var re *rules.Error
			require.True(t, errors.As(err, &re), "%s %s: %s: %v", who.name, c.name, c.reason, err)
			assert.Equal(t, rules.ErrMisuse, re.Code, "%s %s: %s", who.name, c.name, c.reason)
		}
	}
	var s *scoring.Scorer
	assert.True(t, s.Day().IsZero(), "a nil Scorer has no day")
}

// TestInvalidKinds: a Nature, Direction, Outcome or Grade outside the declared constants is
// an error. Before, Nature(9) reached the rule set as the text "Nature(9)", fell through to
// the zero-target row and scored full marks; Grade(9) was given 未规定 as if it were 中.
func TestInvalidKinds(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	ten := dec(t, "10")
	for _, tc := range []struct {
		ind    scoring.Indicator
		want   string
		reason string
	}{
		{scoring.Indicator{Name: "甲", Nature: scoring.Nature(9)}, "指标性质", "an unknown nature scored 10 of 10 before"},
		{scoring.Indicator{Name: "乙", Nature: scoring.Nature(-1), Target: ten, Actual: ten}, "指标性质", "negative natures are no nature either"},
		{scoring.Indicator{Name: "丙", Direction: scoring.Direction(2), Target: ten, Actual: ten}, "指标方向", "Direction(2) printed as 正向 and was scored as one"},
		{scoring.Indicator{Name: "丁", Nature: scoring.Qualitative, Outcome: scoring.Outcome(7)}, "完成情况", "an unknown outcome is not 未达成"},
	} {
		_, err := s.ScoreIndicator(tc.ind, ten)
		require.Error(t, err, tc.reason)
		assert.Contains(t, err.Error(), tc.want, tc.reason)
		assert.Contains(t, err.Error(), tc.ind.Name, "%s: the message names the indicator", tc.reason)
	}
	for _, g := range []scoring.Grade{scoring.Grade(9), scoring.Grade(-1)} {
		_, err := s.Apply(g)
		require.Error(t, err, "%v is no grade: it must not get 未规定 like 中", g)
	}
	a, err := s.Apply(scoring.Ungraded)
	require.NoError(t, err, "Ungraded is a declared state: no action is specified for it")
	assert.False(t, a.Specified(), "an ungraded project has no action")
}

// TestScoreDepartmentNegative: a negative base is refused like a negative budget. Before, an
// 年初预算数 of −1000 with an adjustment of 100 gave a rate of −10%, "within 10%", 2 points.
func TestScoreDepartmentNegative(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		f      scoring.DepartmentFigures
		want   string
		reason string
	}{
		{scoring.DepartmentFigures{Initial: dec(t, "-1000"), Adjustment: dec(t, "100"), KeySpending: dec(t, "900"), Projects: dec(t, "1000")},
			"年初预算数为负", "a negative base scored 2 points of 3 for a −10% adjustment rate"},
		{scoring.DepartmentFigures{Initial: dec(t, "1000"), KeySpending: dec(t, "-900"), Projects: dec(t, "-1000")},
			"重点支出安排数为负", "two negatives gave 90% and full marks"},
		{scoring.DepartmentFigures{Initial: dec(t, "1000"), KeySpending: dec(t, "0"), Projects: dec(t, "-1000")},
			"项目支出总额为负", "a negative total is no total"},
	} {
		_, err := s.ScoreDepartment(tc.f)
		require.Error(t, err, tc.reason)
		assert.Contains(t, err.Error(), tc.want, tc.reason)
	}
	d, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: dec(t, "1000"), Adjustment: dec(t, "-100"), KeySpending: dec(t, "900"), Projects: dec(t, "1000")})
	require.NoError(t, err, "a negative adjustment is a cut, which the rule set counts like a rise")
	item, ok := d.Item("预算调整率")
	require.True(t, ok)
	assert.Equal(t, "2", item.Score.String(), "a 10% cut is in the ≤ 10% band")
}
