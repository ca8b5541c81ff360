package scoring_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/scoring"
)

func TestExecution(t *testing.T) {
	national := scorer(t, scoring.Profile{})
	langfang := scorer(t, scoring.Profile{Execution: "langfang-execution"})
	for _, tc := range []struct {
		name          string
		s             *scoring.Scorer
		budget, spent string
		percent       string
		score         string
		explain, over bool
		reason        string
	}{
		{"民政局", national, "940", "928.56", "98.78%", "9.88", false, false, "种子印出 98.78%"},
		{"全额执行", national, "100", "100", "100.00%", "10", false, false, "恰好执行完既不超额也不须说明"},
		{"超额执行", national, "100", "120", "120.00%", "10", false, true, "超过 100% 的执行率保留并标出，得分封顶"},
		{"廊坊线性", national, "43.2", "37.24", "86.20%", "8.62", true, false, "全国默认按线性计分"},
		{"廊坊整分", langfang, "43.2", "37.24", "86.20%", "9", true, false, "廊坊样例按整分计得 9 分"},
		{"四舍五入到万分位", national, "3", "2", "66.67%", "6.67", true, false, "显示执行率四舍五入到 0.01%"},
		{"说明线按显示值", national, "100000", "89995", "90.00%", "9", false, false, "89.995% 显示为 90.00%，不须说明"},
		{"零执行", national, "50", "0", "0.00%", "0", true, false, "没有执行得零分"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			e, err := tc.s.Execution(decimal.NewNullDecimal(dec(t, tc.budget)), dec(t, tc.spent))
			require.NoError(t, err)
			assert.Equal(t, tc.percent, e.Percent(), tc.reason)
			assert.True(t, dec(t, tc.score).Equal(e.Score), "%s: score %s", tc.reason, e.Score)
			assert.Equal(t, tc.explain, e.Explain, tc.reason)
			assert.Equal(t, tc.over, e.Over, tc.reason)
			assert.True(t, e.Rate.Mul(e.Budget).Sub(e.Spent).Abs().LessThan(decimal.New(1, -15)),
				"%s: the exact rate times the budget gives back the spending", tc.reason)
		})
	}
}

func TestExecutionBudgetErrors(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name   string
		budget decimal.NullDecimal
		spent  string
		want   error
		reason string
	}{
		{"缺失", decimal.NullDecimal{}, "1", scoring.ErrNoBudget, "空单元格不当作零"},
		{"为零", decimal.NewNullDecimal(decimal.Zero), "1", scoring.ErrZeroBudget, "不能除以零"},
		{"为负", decimal.NewNullDecimal(dec(t, "-5")), "1", scoring.ErrNegativeBudget, "负预算没有执行率可言"},
		{"执行数为负", decimal.NewNullDecimal(dec(t, "100")), "-5", scoring.ErrNegativeSpent,
			"a new user's sheet with -5 spent got a rate of -5.00% and a score; now refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			_, err := s.Execution(tc.budget, dec(t, tc.spent))
			require.Error(t, err, tc.reason)
			assert.ErrorIs(t, err, tc.want, tc.reason)
			var be *scoring.BudgetError
			require.True(t, errors.As(err, &be), tc.reason)
			assert.Contains(t, err.Error(), "无法计算执行率")
			for _, other := range []error{scoring.ErrNoBudget, scoring.ErrZeroBudget, scoring.ErrNegativeBudget, scoring.ErrNegativeSpent} {
				if other != tc.want {
					assert.NotErrorIs(t, err, other, tc.reason)
				}
			}
		})
	}
}

// TestProfileRuleSetsAreChecked shows a profile naming a rule set the library lacks fails
// at New, naming every missing one, and so does a rule set without the results the mechanism
// reads, instead of giving a silent zero later.
func TestProfileRuleSetsAreChecked(t *testing.T) {
	_, err := scoring.New(defaults(t), scoring.Profile{Execution: "no-such", Application: "nor-this"}, day)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no-such")
	assert.Contains(t, err.Error(), "nor-this")

	_, err = scoring.New(nil, scoring.Profile{}, day)
	assert.Error(t, err, "a nil library is an error, not a panic")

	lib := defaults(t)
	_, err = lib.LoadBytes(rulefile.Source{Name: "bad.yaml", Data: []byte(`ruleset: bad-execution
effective: 2020-01-01
inputs:
  预算数: {type: decimal}
  执行数: {type: decimal}
formulas:
  执行率: 执行数 / 预算数
tests:
  - given: {预算数: 1, 执行数: 1}
    expect: {执行率: 1}
`)})
	require.NoError(t, err)
	_, err = scoring.New(lib, scoring.Profile{Execution: "bad-execution"}, day)
	require.Error(t, err, "a rule set without the results the mechanism reads is refused when the Scorer is made")
	assert.Contains(t, err.Error(), "不能用作预算执行率规则：缺少 显示执行率、得分、须说明原因、超额执行")
	assert.Contains(t, err.Error(), "bad.yaml", "the message names the file to fix")
	s := scorer(t, scoring.Profile{})
	assert.Equal(t, day, s.Day())
}
