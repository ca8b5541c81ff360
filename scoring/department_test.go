package scoring_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/scoring"
)

func TestScoreDepartment(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name                           string
		initial, adjust, key, projects string
		adjustRate, adjustScore        string
		keyRate, keyScore, total       string
		reason                         string
	}{
		{"未调整", "1000", "0", "900", "1000", "0", "3", "0.9", "5", "8",
			"DOMAIN.md: 预算调整率 0 → 3; 重点支出安排率 ≥90% → 5, inclusive"},
		{"恰好一成", "1000", "100", "899.99", "1000", "0.1", "2", "0.9", "5", "7",
			"≤10% → 2 at the edge; 89.999% is banded on the 90.00% shown"},
		{"刚过一成", "1000", "100.1", "800", "1000", "0.1001", "1", "0.8", "4", "5",
			"10.01% is past the 10% line; 80% is the lower edge of 80–90% → 4"},
		{"调减也算", "1000", "-250", "700", "1000", "0.25", "0.5", "0.7", "3", "3.5",
			"a cut of 25% is an adjustment like a rise: ≤30% → 0.5; 70% → 3"},
		{"恰好三成", "1000", "300", "600", "1000", "0.3", "0.5", "0.6", "2", "2.5",
			"30% is still ≤30%; 60% is the lower edge of 60–70% → 2"},
		{"超过三成", "1000", "300.1", "599.9", "1000", "0.3001", "0", "0.5999", "0", "0",
			"over 30% → 0; under 60% → 0"},
		{"千分位", "10,113.65", "0", "10,113.65", "10,113.65", "0", "3", "1", "5", "8",
			"figures as printed, with thousands separators"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: dec(t, tc.initial),
				Adjustment: dec(t, tc.adjust), KeySpending: dec(t, tc.key), Projects: dec(t, tc.projects)})
			require.NoError(t, err, tc.reason)
			require.Len(t, got.Items, 2, tc.reason)
			assert.Equal(t, "预算调整率", got.Items[0].Name, "the rule set's order")
			assert.Equal(t, "重点支出安排率", got.Items[1].Name, "the rule set's order")
			for _, want := range []struct{ name, rate, score string }{
				{"预算调整率", tc.adjustRate, tc.adjustScore}, {"重点支出安排率", tc.keyRate, tc.keyScore}} {
				it, ok := got.Item(want.name)
				require.True(t, ok, tc.reason)
				require.True(t, it.Rate.Valid, "%s: %s has a rate", tc.reason, want.name)
				assert.True(t, dec(t, want.rate).Equal(it.Rate.Decimal), "%s: %s rate %s", tc.reason, want.name, it.Rate.Decimal)
				assert.True(t, dec(t, want.score).Equal(it.Score), "%s: %s score %s", tc.reason, want.name, it.Score)
			}
			assert.True(t, dec(t, tc.total).Equal(got.Total), "%s: total %s", tc.reason, got.Total)
		})
	}
}

func TestScoreDepartmentZeroDivisor(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name   string
		f      scoring.DepartmentFigures
		input  string
		reason string
	}{
		{"年初预算为零", scoring.DepartmentFigures{KeySpending: dec(t, "1"), Projects: dec(t, "1")}, "年初预算数",
			"no initial budget gives no adjustment rate, not a rate of 0 worth full marks"},
		{"项目支出为零", scoring.DepartmentFigures{Initial: dec(t, "1")}, "项目支出总额",
			"no project spending gives no 重点支出安排率, not 0% or 100%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ScoreDepartment(tc.f)
			require.Error(t, err, tc.reason)
			var re *rules.Error
			require.True(t, errors.As(err, &re), "%s: %v", tc.reason, err)
			assert.Equal(t, rules.ErrDivByZero, re.Code, tc.reason)
			assert.Contains(t, err.Error(), tc.input, "the message names the zero figure")
			assert.Contains(t, err.Error(), "部门整体支出", "the message says what was being scored")
		})
	}
}

// A vendor's file adds an item by adding a table named “<比率>得分” and the Go code picks it
// up; one without 总得分 is refused when the Scorer is made.
func TestScoreDepartmentVendorItems(t *testing.T) {
	lib := defaults(t)
	_, err := lib.LoadBytes(rulefile.Source{Name: "more.yaml", Data: []byte(`ruleset: 部门多一项
extends: sample-department-overall
effective: 2020-01-01
inputs:
  结转结余数: {type: decimal, default: 0}
formulas:
  结转结余率: round(结转结余数 / 年初预算数, 4)
  总得分: 预算调整率得分 + 重点支出安排率得分 + 结转结余率得分
tables:
  结转结余率得分:
    - when: 结转结余率 <= 5%
      then: 2
    - else: 0
tests:
  - given: {预算调整数: 0, 年初预算数: 1000, 重点支出安排数: 900, 项目支出总额: 1000}
    expect: {总得分: 10}
`)}, rulefile.Source{Name: "bad.yaml", Data: []byte(`ruleset: 部门无总分
effective: 2020-01-01
inputs:
  预算调整数: {type: decimal}
formulas:
  预算调整率得分: 3
tests:
  - given: {预算调整数: 0}
    expect: {预算调整率得分: 3}
`)})
	require.NoError(t, err)

	s, err := scoring.New(lib, scoring.Profile{Department: "部门多一项"}, day)
	require.NoError(t, err)
	got, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: dec(t, "1000"), Adjustment: dec(t, "0"),
		KeySpending: dec(t, "900"), Projects: dec(t, "1000")})
	require.NoError(t, err)
	var names []string
	for _, it := range got.Items {
		names = append(names, it.Name)
	}
	assert.ElementsMatch(t, []string{"预算调整率", "重点支出安排率", "结转结余率"}, names,
		"an item added in the file is scored without a change in Go")
	assert.True(t, dec(t, "10").Equal(got.Total), "3 + 5 + 2 with the new input at its default 0")

	_, err = scoring.New(lib, scoring.Profile{Department: "部门无总分"}, day)
	require.Error(t, err, "a department rule set without 总得分 is refused up front")
	assert.Contains(t, err.Error(), "缺少 总得分")

	rs, err := lib.Get("部门多一项", day)
	require.NoError(t, err)
	p, err := scoring.Profile{}.With(rs)
	require.NoError(t, err)
	assert.Equal(t, "部门多一项", p.Department, "With places it by its 预算调整数 input")
}

// One city's 部门整体支出 banded items: a 4.5% budget adjustment and 86.2% of project
// spending on key items.
func ExampleScorer_ScoreDepartment() {
	s := exampleScorer(scoring.Profile{})
	d, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: mustDec("2000"), Adjustment: mustDec("-90"),
		KeySpending: mustDec("1724"), Projects: mustDec("2000")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range d.Items {
		fmt.Println(it.Name, it.Rate.Decimal, it.Score)
	}
	fmt.Println("总得分", d.Total)
	// Output:
	// 预算调整率 0.045 2
	// 重点支出安排率 0.862 4
	// 总得分 6
}

func ExampleDepartmentScore_Item() {
	s := exampleScorer(scoring.Profile{})
	d, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: mustDec("1000"), Adjustment: mustDec("0"),
		KeySpending: mustDec("950"), Projects: mustDec("1000")})
	if err != nil {
		fmt.Println(err)
		return
	}
	it, ok := d.Item("重点支出安排率")
	fmt.Println(ok, it.Score)
	_, ok = d.Item("结转结余率")
	fmt.Println(ok)
	// Output:
	// true 5
	// false
}
