package scoring_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

func ids(py scoring.PlanYear) []string {
	var out []string
	for _, c := range py.Projects {
		out = append(out, c.ID)
	}
	return out
}

func TestPlanCoverageOrder(t *testing.T) {
	list := []scoring.Candidate{
		{ID: "recent-good", LastEvaluated: 2023, Latest: scoring.Good, Funds: dec(t, "10")},
		{ID: "old-excellent", LastEvaluated: 2019, Latest: scoring.Excellent, Funds: dec(t, "10")},
		{ID: "never-small", Funds: dec(t, "1")},
		{ID: "old-poor", LastEvaluated: 2019, Latest: scoring.Poor, Funds: dec(t, "1")},
		{ID: "never-big", Funds: dec(t, "500")},
		{ID: "recent-good-big", LastEvaluated: 2023, Latest: scoring.Good, Funds: dec(t, "900")},
	}
	plan, err := scoring.PlanCoverage(list, 2025, 3)
	require.NoError(t, err)
	require.Len(t, plan.Years, 3)
	for _, tc := range []struct {
		year   int
		want   []string
		reason string
	}{
		{2025, []string{"never-big", "never-small"}, "从未评价的最先，资金大的在前"},
		{2026, []string{"old-poor", "old-excellent"}, "同年评价的，等级差的在前"},
		{2027, []string{"recent-good-big", "recent-good"}, "最近评价的最后，资金大的在前"},
	} {
		require.NotEmpty(t, tc.reason)
		py := plan.Years[tc.year-2025]
		assert.Equal(t, tc.year, py.Year)
		assert.Equal(t, tc.want, ids(py), tc.reason)
	}
}

func TestPlanCoverageCounts(t *testing.T) {
	for _, tc := range []struct {
		n, years int
		want     []int
		reason   string
	}{
		{5, 5, []int{1, 1, 1, 1, 1}, "民丰县：5 个项目 5 年"},
		{12, 5, []int{3, 3, 2, 2, 2}, "多出的放在前面的年份"},
		{3, 5, []int{1, 1, 1, 0, 0}, "项目少于年数时有的年份为零"},
		{0, 5, []int{0, 0, 0, 0, 0}, "没有项目也有计划"},
	} {
		require.NotEmpty(t, tc.reason)
		var list []scoring.Candidate
		for i := 0; i < tc.n; i++ {
			list = append(list, scoring.Candidate{ID: fmt.Sprintf("P%02d", i), Funds: dec(t, "1")})
		}
		plan, err := scoring.PlanCoverage(list, 2025, tc.years)
		require.NoError(t, err)
		var got []int
		covered := map[string]bool{}
		for _, py := range plan.Years {
			got = append(got, len(py.Projects))
			for _, c := range py.Projects {
				assert.False(t, covered[c.ID], "each project once")
				covered[c.ID] = true
			}
		}
		assert.Equal(t, tc.want, got, tc.reason)
		assert.Len(t, covered, tc.n, "every project is covered within the cycle")
		again, err := scoring.PlanCoverage(list, 2025, tc.years)
		require.NoError(t, err)
		assert.Equal(t, plan, again, "the same input gives the same plan")
	}
}

func TestPlanCoverageErrors(t *testing.T) {
	_, err := scoring.PlanCoverage(nil, 2025, 0)
	assert.ErrorContains(t, err, "至少应为 1 年")
	_, err = scoring.PlanCoverage([]scoring.Candidate{{ID: "A"}, {ID: "A"}}, 2025, 5)
	assert.ErrorContains(t, err, "项目 A 出现了两次", "a duplicate would be evaluated twice")
	_, err = scoring.PlanCoverage([]scoring.Candidate{{ID: "A"}, {}}, 2025, 5)
	assert.ErrorContains(t, err, "第 2 个项目没有项目编号", "a project without an ID cannot be found in the plan; two of them were reported as 项目  出现了两次")
}

func TestCycleYears(t *testing.T) {
	n, err := scoring.CycleYears(defaults(t), scoring.DefaultCoverage, day, 2025)
	require.NoError(t, err)
	assert.Equal(t, 5, n, "the seed: 以5年为周期")
	_, err = scoring.CycleYears(defaults(t), "no-such", day, 2025)
	assert.Error(t, err)
}
