package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
)

// Declared is a figure as a report prints it: a total, a rate, a count or an average. It
// keeps the printed text, because the text says how precisely the figure was given.
type Declared struct {
	Name    string // what the figure is: 重点评价总金额
	Text    string // as printed: "11285.11", "86.9%", "6"
	Unit    string // as printed after it: 万元, 个, 分; empty for a percentage
	Value   decimal.Decimal
	Places  int32 // decimal places of Value implied by the text: 86.9% is 0.869, 3 places
	Percent bool
	Grouped bool // the text used thousands separators
}

// ParseDeclared reads a printed figure.
func ParseDeclared(name, text, unit string) (Declared, error) {
	v, err := amount.ParseDecimal(text)
	if err != nil {
		return Declared{}, fmt.Errorf("%s：%w", name, err)
	}
	t := strings.TrimSpace(text)
	d := Declared{Name: name, Text: t, Unit: unit, Value: v,
		Percent: strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％"),
		Grouped: strings.ContainsAny(t, ",，")}
	d.Places = fractionDigits(t)
	if d.Percent {
		d.Places += 2
	}
	return d, nil
}

// fractionDigits counts the digits after the decimal point of a printed number.
func fractionDigits(t string) int32 {
	i := strings.IndexAny(t, ".．")
	if i < 0 {
		return 0
	}
	var n int32
	for _, r := range t[i+1:] {
		if ('0' <= r && r <= '9') || ('０' <= r && r <= '９') {
			n++
		}
	}
	return n
}

// Finding is the check of one declared figure against the value its parts give, judged at
// the declared figure's own precision: a rate printed to 0.1% is compared after rounding the
// computed rate half-up to 0.1%.
type Finding struct {
	Declared   Declared
	Computed   decimal.Decimal // exact, from the parts
	Shown      decimal.Decimal // Computed rounded half-up to the declared precision
	Difference decimal.Decimal // Shown − Declared.Value
}

// Check compares a declared figure with the value computed from its parts.
func Check(d Declared, computed decimal.Decimal) Finding {
	shown := amount.RoundHalfUp(computed, d.Places)
	return Finding{Declared: d, Computed: computed, Shown: shown, Difference: shown.Sub(d.Value)}
}

// Agrees reports whether the declared figure follows from its parts.
func (f Finding) Agrees() bool { return f.Difference.IsZero() }

// ComputedText is the computed value written as the declared figure is: "87.0%", "12085.11".
func (f Finding) ComputedText() string { return f.Declared.format(f.Shown) }

// DifferenceText is the signed difference in the declared figure's terms; a percentage's
// difference is in percentage points: "+0.1 个百分点", "+800.00 万元", "-1 个".
func (f Finding) DifferenceText() string {
	d := f.Declared
	sign := ""
	if f.Difference.IsPositive() {
		sign = "+"
	}
	if d.Percent {
		return sign + amount.FormatDecimal(f.Difference.Shift(2), d.Places-2) + " 个百分点"
	}
	return sign + d.format(f.Difference) + unitSuffix(d.Unit)
}

// String is the finding on one line, for a report.
func (f Finding) String() string {
	d := f.Declared
	verdict := "一致"
	if !f.Agrees() {
		verdict = "不一致，相差 " + f.DifferenceText()
	}
	return fmt.Sprintf("%s：报告 %s%s，由各部分算得 %s%s，%s", d.Name, d.Text, unitSuffix(d.Unit),
		f.ComputedText(), unitSuffix(d.Unit), verdict)
}

func (d Declared) format(v decimal.Decimal) string {
	switch {
	case d.Percent:
		return amount.FormatPercent(v, d.Places-2)
	case d.Grouped:
		return amount.FormatGrouped(v, d.Places)
	}
	return amount.FormatDecimal(v, d.Places)
}

func unitSuffix(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}
