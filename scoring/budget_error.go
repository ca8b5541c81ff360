package scoring

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// The ways a budget cannot be divided by. errors.Is(err, ErrZeroBudget) tells them apart.
var (
	ErrNoBudget       = errors.New("缺少预算数")
	ErrZeroBudget     = errors.New("预算数为零")
	ErrNegativeBudget = errors.New("预算数为负")
	ErrNegativeSpent  = errors.New("执行数为负")
)

// BudgetError says why no execution rate can be computed: the budget is missing, zero or
// negative, or the spending is negative. It wraps one of ErrNoBudget, ErrZeroBudget,
// ErrNegativeBudget and ErrNegativeSpent.
type BudgetError struct {
	Err    error
	Budget decimal.NullDecimal // as given
	Spent  decimal.Decimal
}

func (e *BudgetError) Error() string {
	if errors.Is(e.Err, ErrNegativeSpent) {
		return fmt.Sprintf("%s（%s），无法计算执行率", e.Err, e.Spent.String())
	}
	if !e.Budget.Valid {
		return fmt.Sprintf("%s，无法计算执行率（执行数 %s）", e.Err, e.Spent.String())
	}
	return fmt.Sprintf("%s（%s），无法计算执行率", e.Err, e.Budget.Decimal.String())
}

func (e *BudgetError) Unwrap() error { return e.Err }

// checkBudget refuses a budget no rate can be computed from — dividing by it would fail or
// give a rate with no meaning — and negative spending, whose rate would mean nothing either.
func checkBudget(budget decimal.NullDecimal, spent decimal.Decimal) error {
	var err error
	switch {
	case !budget.Valid:
		err = ErrNoBudget
	case budget.Decimal.IsZero():
		err = ErrZeroBudget
	case budget.Decimal.IsNegative():
		err = ErrNegativeBudget
	case spent.IsNegative():
		err = ErrNegativeSpent
	default:
		return nil
	}
	return &BudgetError{Err: err, Budget: budget, Spent: spent}
}
