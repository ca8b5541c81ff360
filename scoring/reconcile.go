package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
)

// Declared is a figure as a report prints it: a total, a rate, a count or an average. It
// keeps the printed text, because the text says how precisely the figure was given. The
// zero Declared is no figure (0 with no places); make one with ParseDeclared.
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
// A computed value that ends within two places more than the declared figure is written in
// full, so a score the parts give as 22.5 reads 22.5 beside a declared 20, not 23: rounding it
// to the declared precision is how the two are compared, not what the parts give.
func (f Finding) ComputedText() string {
	places := f.displayPlaces()
	return f.Declared.formatAt(amount.RoundHalfUp(f.Computed, places), places)
}

// DifferenceText is the signed difference in the declared figure's terms, between the computed
// value as ComputedText writes it and the declared one (zero when they agree at the declared
// precision); a percentage's difference is in percentage points: "+0.1 个百分点",
// "+800.00 万元", "-1 个", "+2.5 分".
func (f Finding) DifferenceText() string {
	d := f.Declared
	places := f.displayPlaces()
	diff := amount.RoundHalfUp(f.Computed, places).Sub(d.Value)
	if f.Agrees() {
		// agreeing at the declared precision is no difference, whatever digits lie beyond it
		places, diff = d.Places, decimal.Zero
	}
	sign := ""
	if diff.IsPositive() {
		sign = "+"
	}
	if d.Percent {
		return sign + amount.FormatDecimal(diff.Shift(2), places-2) + " 个百分点"
	}
	return sign + d.formatAt(diff, places) + unitSuffix(d.Unit)
}

// displayPlaces is how many places the computed value is written with: the declared figure's,
// or the computed value's own when it ends within two more (22.5 beside 20; 0.9878 beside a
// declared 98.8%). A value that does not end so soon (87.0018…%) is written as the declared
// figure is, since its full digits would say nothing the comparison does not.
func (f Finding) displayPlaces() int32 {
	d := f.Declared
	for p := d.Places; p <= d.Places+2; p++ {
		if amount.RoundHalfUp(f.Computed, p).Equal(f.Computed) {
			return p
		}
	}
	return d.Places
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

// formatAt writes v as the declared figure is written (percent, grouped or plain), with
// places decimal places of the value (of the ratio, for a percentage).
func (d Declared) formatAt(v decimal.Decimal, places int32) string {
	switch {
	case d.Percent:
		return amount.FormatPercent(v, places-2)
	case d.Grouped:
		return amount.FormatGrouped(v, places)
	}
	return amount.FormatDecimal(v, places)
}

func unitSuffix(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}
