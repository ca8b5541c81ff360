package main

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/shopspring/decimal"
)

// line is one row of the monitoring export a platform receives, as text: amounts in 万元,
// some with thousands separators, the way a spreadsheet writes them.
type line struct {
	Code     string // 项目编号
	Category string // 项目类别
	Budget   string // 预算数（万元）
	Spent    string // 执行数（万元）
	Month    string // 月份
}

// record is one project ready to evaluate. Fields with a rule tag are read by the binding
// in place, without a map; the others are the platform's own.
type record struct {
	Row      int             // 1-based row of the export
	Code     string          // 项目编号
	Category string          `rule:"项目类别"`
	Budget   decimal.Decimal `rule:"预算数"`
	Spent    decimal.Decimal `rule:"执行数"`
	Month    int             `rule:"月份"`
}

// rejection is a row left out of the results, with why.
type rejection struct {
	Row     int
	Project string // 项目编号
	Code    string // a stable code: rules' R0xx, amount's AMT0xx, or the platform's own
	Reason  string
}

// badRows are deliberately broken rows mixed into the generated export, by row number.
var badRows = map[int]func(*line){
	137: func(l *line) { l.Budget = "0" },                  // zero budget: 执行率 divides by zero (R001)
	402: func(l *line) { l.Budget, l.Spent = "0.00", "0" }, // zero budget again
	555: func(l *line) { l.Category = "信息化" },              // a category the vendor function rejects (R005)
	808: func(l *line) { l.Spent = "12.3.4" },              // not a number: rejected before evaluation (AMT003)
	966: func(l *line) { l.Month = "八月" },                  // a month in Chinese numerals (AMT002)
}

// generate makes n export rows from a fixed seed: the same rows on every run.
func generate(n int, seed uint64) []line {
	r := rand.New(rand.NewPCG(seed, 2024)) //nolint:gosec // G404: demo data must repeat from a fixed seed; nothing secret depends on it
	out := make([]line, n)
	for i := range out {
		row := i + 1
		budget := decimal.New(int64(500+r.IntN(199_501)), -2) // 5.00 to 2,000.00 万元
		// By August most projects have spent 50.00% to 85.00% of their budget; one in ten lags
		// far behind, at 20.00% to 50.00%. Rates are in basis points: no float anywhere.
		rate := int64(5000 + r.IntN(3501))
		if r.IntN(10) == 0 {
			rate = int64(2000 + r.IntN(3001))
		}
		spent := budget.Mul(decimal.New(rate, -4)).RoundDown(2)
		l := line{
			Code:     fmt.Sprintf("AC2024-%04d", row),
			Category: categories[r.IntN(len(categories))],
			Budget:   budget.StringFixed(2),
			Spent:    spent.StringFixed(2),
			Month:    "8",
		}
		if row%7 == 0 {
			l.Budget = amount.FormatGrouped(budget, 2)
		}
		if bad, ok := badRows[row]; ok {
			bad(&l)
		}
		out[i] = l
	}
	return out
}

// parse turns export rows into records. A row whose text is not usable is rejected with its
// row number; it is never silently dropped or read as zero.
func parse(lines []line) ([]record, []rejection) {
	var recs []record
	var rejects []rejection
	for i, l := range lines {
		rec, field, err := parseLine(i+1, l)
		if err != nil {
			code := monthCode
			var pe *amount.ParseError
			if errors.As(err, &pe) {
				code = pe.Code
			}
			rejects = append(rejects, rejection{rec.Row, l.Code, code, field + "：" + err.Error()})
			continue
		}
		recs = append(recs, rec)
	}
	return recs, rejects
}

// monthCode is the platform's own code for a month that is not a whole number from 1 to 12.
const monthCode = "ACME01"

// parseLine reads one row; on failure it names the field at fault.
func parseLine(row int, l line) (rec record, field string, err error) {
	rec = record{Row: row, Code: l.Code, Category: l.Category}
	if rec.Budget, err = amount.ParseDecimal(l.Budget); err != nil {
		return rec, "预算数", err
	}
	if rec.Spent, err = amount.ParseDecimal(l.Spent); err != nil {
		return rec, "执行数", err
	}
	month, err := amount.ParseDecimal(l.Month)
	if err != nil {
		return rec, "月份", err
	}
	if !month.IsInteger() || month.IntPart() < 1 || month.IntPart() > 12 {
		return rec, "月份", fmt.Errorf("“%s”不是 1–12 的整数", l.Month)
	}
	rec.Month = int(month.IntPart())
	return rec, "", nil
}

// vars gives a record as named inputs, for the map-based calls (Eval, Explain).
func (r *record) vars() map[string]any {
	return map[string]any{"项目类别": r.Category, "预算数": r.Budget, "执行数": r.Spent, "月份": r.Month}
}
