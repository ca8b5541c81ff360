package monitor

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
)

// Record is one project at a checkpoint, as the caller read it. Budget and Spent are exact
// amounts in any unit (the run gives them to the rule set in 万元). Row is the caller's row
// number for messages (for a CSV file, the file's line with the header as row 1); the run
// does not interpret it. Extra carries further inputs the rule set declares (indicator
// progress, a planned share), keyed by input name, with values as rulefile accepts them; a
// record whose Extra names an input the rule set does not declare, or one the run supplies
// (预算数, 执行数, 月份, 监控日期), is rejected rather than have the value ignored or overwritten.
// Indicators is the project's performance-indicator progress, in the order the project
// lists them; the run gives the i-th (from 1) to the rule set as 指标<i>序时目标 and
// 指标<i>完成 (see IndicatorExpected), and a rule set that grades without indicators
// ignores none silently: a record with more indicators than it declares is rejected.
// The zero Record has no ID, so a run rejects it (a project must be named to be counted
// once and compared between checkpoints).
type Record struct {
	Row    int
	ID     string
	Name   string
	Dept   string
	Fund   string // fund type, e.g. 衔接资金, 债务; "" when not given
	Secret bool   // 涉密: counted in every total, never shown by name
	Budget amount.Amount
	Spent  amount.Amount
	Extra  map[string]any

	Indicators []Indicator
}

// Indicator is one performance indicator's progress at the checkpoint, as shares of its
// full-year target (0.5 is half the target): Expected is what the project's schedule says
// should be done by the checkpoint, Actual what has been done. How far Actual may fall
// short of Expected, and how that is measured, is the rule set's to say. The zero
// Indicator has no expected progress, which Minfeng's rules count as no deviation.
type Indicator struct {
	Name     string
	Expected decimal.Decimal
	Actual   decimal.Decimal
}

// DisplayName is the name every output shows: （涉密） for a 涉密 project.
func (r Record) DisplayName() string {
	if r.Secret {
		return ClassifiedName
	}
	return r.Name
}
