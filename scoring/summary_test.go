package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

func TestSummarize(t *testing.T) {
	items := []scoring.Item{
		{Grade: scoring.Excellent, Score: dec(t, "95"), Budget: dec(t, "100"), Spent: dec(t, "100")},
		{Grade: scoring.Poor, Score: dec(t, "50"), Budget: dec(t, "10000"), Spent: dec(t, "1000")},
		{Grade: scoring.Excellent, Score: dec(t, "91"), Budget: dec(t, "1"), Spent: dec(t, "0.5")},
	}
	sum := scoring.Summarize(items)
	assert.Equal(t, 3, sum.Count)
	require.Len(t, sum.ByGrade, 4, "every grade is listed, even with no items")
	assert.Equal(t, []scoring.Grade{scoring.Excellent, scoring.Good, scoring.Fair, scoring.Poor},
		[]scoring.Grade{sum.ByGrade[0].Grade, sum.ByGrade[1].Grade, sum.ByGrade[2].Grade, sum.ByGrade[3].Grade})
	ex := sum.Of(scoring.Excellent)
	assert.Equal(t, 2, ex.Count)
	assert.True(t, dec(t, "101").Equal(ex.Budget), "funds by grade add the budgets: %s", ex.Budget)
	assert.Equal(t, 0, sum.Of(scoring.Fair).Count)
	avg, ok := sum.AverageScore()
	require.True(t, ok)
	assert.Equal(t, "78.66666666666666666667", avg.String(), "(95+50+91)/3 to 20 places")

	s := scorer(t, scoring.Profile{})
	overall, err := s.OverallExecution(sum)
	require.NoError(t, err)
	// Σ执行 ÷ Σ预算 = 1100.5 / 10101; the mean of the rates would be (1 + 0.1 + 0.5) / 3.
	assert.Equal(t, "10.89%", overall.Percent(), "the overall rate weighs projects by budget")

	_, ok = scoring.Summarize(nil).AverageScore()
	assert.False(t, ok, "an empty list has no average")
	_, err = s.OverallExecution(scoring.Summarize(nil))
	assert.ErrorIs(t, err, scoring.ErrZeroBudget, "an empty list has no rate")
}

func TestSummarizeUngraded(t *testing.T) {
	sum := scoring.Summarize([]scoring.Item{{Budget: decimal.NewFromInt(5)}})
	require.Len(t, sum.ByGrade, 5, "an ungraded item is counted, not dropped")
	assert.Equal(t, 1, sum.Of(scoring.Ungraded).Count)
}

// TestAverageOverGraded: the average score is over the graded items. An ungraded item has no
// score yet (its Score is 0 or whatever the form left), and counting it would pull a county's
// average down by a form nobody has scored: (90 + 80) / 2 is 85, not (90 + 80 + 0) / 3.
func TestAverageOverGraded(t *testing.T) {
	sum := scoring.Summarize([]scoring.Item{
		{Grade: scoring.Excellent, Score: dec(t, "90"), Budget: dec(t, "100")},
		{Grade: scoring.Good, Score: dec(t, "80"), Budget: dec(t, "100")},
		{Budget: dec(t, "50")},
		{Grade: scoring.Grade(9), Score: dec(t, "99"), Budget: dec(t, "1")},
	})
	assert.Equal(t, 4, sum.Count, "every item is counted")
	assert.Equal(t, 2, sum.Graded, "only 优/良/中/差 are graded")
	assert.True(t, dec(t, "251").Equal(sum.Budget), "funds cover every item: %s", sum.Budget)
	assert.Equal(t, 2, sum.Of(scoring.Ungraded).Count, "Grade(9) is no grade: counted as 未定级")
	avg, ok := sum.AverageScore()
	require.True(t, ok)
	assert.True(t, dec(t, "85").Equal(avg), "(90 + 80) / 2, not over 4 items: %s", avg)
	_, ok = scoring.Summarize([]scoring.Item{{Budget: dec(t, "5")}}).AverageScore()
	assert.False(t, ok, "a list with nothing graded has no average score")
}
