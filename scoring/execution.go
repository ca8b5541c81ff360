package scoring

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// Execution is a project's execution rate and its score, as the execution rule set gives them.
// The zero Execution is not one a Scorer gives: every figure is 0.
type Execution struct {
	Budget, Spent decimal.Decimal // 预算数 and 执行数, as given (the budget basis is the caller's)
	Rate          decimal.Decimal // 执行率 = 执行数 ÷ 预算数, exact to the rule language's precision
	Shown         decimal.Decimal // 显示执行率: the rate as a report shows it (0.9878 for 98.78%)
	Score         decimal.Decimal // 得分: the execution-rate item's points
	Explain       bool            // 须说明原因: the rate is under the line that must be explained
	Over          bool            // 超额执行: more spent than budgeted; kept, not capped
}

// Percent is the shown rate as a report prints it: "98.78%". The number of places follows the
// rule set's 显示位数 through Shown.
func (e Execution) Percent() string {
	places := max(e.Shown.Exponent()*-1-2, 0)
	return amount.FormatPercent(e.Shown, places)
}

// Execution computes the execution rate of spent against budget. A missing, zero or negative
// budget is a *BudgetError; a rate over 100% is kept and flagged in Over.
func (s *Scorer) Execution(budget decimal.NullDecimal, spent decimal.Decimal) (Execution, error) {
	if err := s.ready(); err != nil {
		return Execution{}, err
	}
	if err := checkBudget(budget, spent); err != nil {
		return Execution{}, err
	}
	var v [5]rules.Value
	if err := s.executionB.eval(&executionRecord{Budget: budget.Decimal, Spent: spent}, v[:]); err != nil {
		return Execution{}, err
	}
	return Execution{Budget: budget.Decimal, Spent: spent, Rate: v[0].Decimal(), Shown: v[1].Decimal(),
		Score: v[2].Decimal(), Explain: v[3].Bool(), Over: v[4].Bool()}, nil
}
