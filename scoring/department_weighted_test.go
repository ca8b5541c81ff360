package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

const weighted = "weighted-department-overall"

// departmentTable is a department's evaluation table under 部门决策 25 / 综合管理 30 / 部门绩效 45;
// 综合管理's banded items (8 points) come from the figures, so its rows carry 22.
func departmentTable(t *testing.T) scoring.DepartmentFigures {
	return scoring.DepartmentFigures{Initial: dec(t, "1000"), Adjustment: dec(t, "100"),
		KeySpending: dec(t, "850"), Projects: dec(t, "1000"),
		Items: []scoring.Indicator{
			assessed(t, "部门决策", "目标制定", "10", "9"),
			assessed(t, "部门决策", "预算编制", "15", "14"),
			assessed(t, "综合管理", "财务管理", "12", "11"),
			assessed(t, "综合管理", "资产管理", "10", "10"),
			atLeast(t, "部门绩效", "重点项目完成率", "25", "1", "0.95"),
			atLeast(t, "部门绩效", "服务对象满意度", "20", "0.9", "0.92"),
		}}
}

func TestScoreDepartmentWeighted(t *testing.T) {
	s := scorer(t, scoring.Profile{Department: weighted})
	d, err := s.ScoreDepartment(departmentTable(t))
	require.NoError(t, err)
	for i, want := range []struct {
		group, points, score string
		reason               string
	}{
		{"部门决策", "25", "23", "评分 rows: 9 + 14"},
		{"综合管理", "30", "27", "banded 预算调整率 10% → 2, 重点支出安排率 85% → 4, plus rows 11 + 10"},
		{"部门绩效", "45", "43.75", "0.95 × 25 = 23.75; 92% ≥ 90% → 20"},
	} {
		require.Greater(t, len(d.Groups), i, want.reason)
		g := d.Groups[i]
		assert.Equal(t, want.group, g.Name, "the rule set's order")
		assert.True(t, dec(t, want.points).Equal(g.Points), "%s: points %s", want.reason, g.Points)
		assert.True(t, dec(t, want.score).Equal(g.Score), "%s: score %s", want.reason, g.Score)
	}
	assert.True(t, dec(t, "93.75").Equal(d.Total), "the groups add up: %s", d.Total)
	assert.Equal(t, scoring.Excellent, d.Graded.Grade, "93.75 ≥ 90")
	assert.Equal(t, "priority", d.Action.Code, "graded and applied like any score")
	assert.Len(t, d.Items, 2, "the banded items are still listed")
	assert.Len(t, d.Rows, 6, "every row is scored")
}

func TestScoreDepartmentWeightedRefuses(t *testing.T) {
	for _, tc := range []struct {
		name    string
		profile string
		edit    func(*scoring.DepartmentFigures)
		want    string
		reason  string
	}{
		{"行分值不足", weighted, func(f *scoring.DepartmentFigures) { f.Items = f.Items[1:] },
			"一级指标 部门决策 各指标分值合计 15，应为 25", "a missing row is named, not rescaled away"},
		{"分档指标不能再写一行", weighted, func(f *scoring.DepartmentFigures) {
			f.Items[3] = assessed(t, "综合管理", "资产管理", "18", "18")
		}, "一级指标 综合管理 各指标分值合计 30，应为 22", "综合管理's 8 banded points come from the figures, not from a row"},
		{"一级指标不认识", weighted, func(f *scoring.DepartmentFigures) { f.Items[0].Level1 = "决策" },
			`一级指标 "决策" 不在 部门决策、综合管理、部门绩效 之中`, "the rule set's 一级 items, named"},
		{"只有分档的规则不收评价表", "", func(*scoring.DepartmentFigures) {},
			"只有分档指标，没有一级指标分值", "the default bands 8 points; rows would be dropped silently"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scorer(t, scoring.Profile{Department: tc.profile})
			f := departmentTable(t)
			tc.edit(&f)
			_, err := s.ScoreDepartment(f)
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.want, tc.reason)
		})
	}
}

func TestScoreDepartmentBandsOnlyUngraded(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	f := departmentTable(t)
	f.Items = nil
	d, err := s.ScoreDepartment(f)
	require.NoError(t, err)
	assert.True(t, dec(t, "6").Equal(d.Total), "2 + 4: %s", d.Total)
	assert.Equal(t, scoring.Ungraded, d.Graded.Grade, "6 of 8 banded points is not a score out of 100 to grade")
	assert.Empty(t, d.Groups, "the banded-only rule set has no 一级 items")
}
