package rules_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// dateRecord binds a date input.
type dateRecord struct {
	D time.Time `rule:"d"`
}

// TestDatesStayInRange: every date a program reads or makes is within years 1 to 9999, or
// the record is refused with an R-error; nothing wraps around.
func TestDatesStayInRange(t *testing.T) {
	far := time.Date(6000000, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := []struct {
		name   string
		expr   string
		d      any
		want   string // the date, or "" when refused
		code   rules.Code
		reason string
	}{
		{"year 6,000,000 input", "d", far, "", rules.ErrInputValue, "a day in year 6,000,000 does not fit the date range"},
		{"year 6,000,000 Value", "d", rules.DateOf(far), "", rules.ErrInputValue, "DateOf keeps the day out of range, and the input refuses it"},
		{"year 0 text", "d", "0000-12-31", "", rules.ErrInputValue, "there is no year 0"},
		{"first day", "d", "0001-01-01", "0001-01-01", "", "the first day of year 1 is a date like any other"},
		{"last day", "d", "9999-12-31", "9999-12-31", "", "the last day of year 9999 is in range"},
		{"add_days past 9999", "add_days(d, 1)", "9999-12-31", "", rules.ErrRuntimeLimit, "one day after the last day is out of range"},
		{"add_days before year 1", "add_days(d, -1)", "0001-01-01", "", rules.ErrRuntimeLimit, "one day before the first day is out of range"},
		{"add_days chain", "add_days(add_days(add_days(add_days(d, 1000000), 1000000), 1000000), 1000000)", "2024-01-01", "", rules.ErrRuntimeLimit, "four million days from 2024 is past 9999, however the steps add up"},
		{"add_days chain back", "add_days(add_days(d, 1000000), -1000000)", "2024-01-01", "2024-01-01", "", "within range at every step"},
		{"make_date last", "add_days(make_date(9999, 12, 31), 0)", "2024-01-01", "9999-12-31", "", "make_date reaches the last day"},
		{"make_date then past", "add_days(make_date(9999, 12, 31), 1)", "2024-01-01", "", rules.ErrRuntimeLimit, "past the last day"},
	}
	for _, r := range rows {
		needReason(t, r.name, r.reason)
		p, err := rules.Compile(r.expr, rules.WithInput("d", rules.TypeDate))
		require.NoError(t, err, r.name)
		vars := map[string]any{"d": r.d}
		v, err := p.EvalValue(vars)
		_, _, xerr := p.Explain(vars)
		if r.code != "" {
			assert.True(t, errors.Is(err, r.code), "%s: %v", r.name, err)
			assert.True(t, errors.Is(xerr, r.code), "%s explain: %v", r.name, xerr)
			assert.Contains(t, err.Error(), "0001-01-01 到 9999-12-31", r.name)
			continue
		}
		require.NoError(t, err, r.name)
		require.NoError(t, xerr, r.name)
		assert.Equal(t, r.want, v.String(), r.name)
	}

	// through a Binding, and through a vendor function
	p, err := rules.Compile("d", rules.WithInput("d", rules.TypeDate))
	require.NoError(t, err)
	b, err := rules.Bind[dateRecord](p)
	require.NoError(t, err)
	err = b.EvalInto(&dateRecord{D: far}, p.NewResult())
	assert.True(t, errors.Is(err, rules.ErrInputValue), "binding: %v", err)
	farFn := rules.Func{Name: "远日", Result: rules.TypeDate,
		Call: func([]rules.Value) (rules.Value, error) { return rules.DateOf(far), nil }}
	p, err = rules.Compile("远日()", rules.WithFunction(farFn))
	require.NoError(t, err)
	_, err = p.EvalValue(nil)
	assert.True(t, errors.Is(err, rules.ErrFunction), "vendor: %v", err)

	// a constant
	_, err = rules.Build(rules.Spec{Consts: []rules.Const{{Name: "截止", Value: rules.DateOf(far)}},
		Formulas: []rules.Formula{{Name: "y", Expr: rules.Expr{Text: "截止"}}}})
	assert.True(t, errors.Is(err, rules.ErrLimit), "constant: %v", err)
}

// TestLimitsAtEveryEntrance: a value from outside the rule text meets the limits a literal
// meets, whichever way it came in; and Eval and Explain agree on it.
func TestLimitsAtEveryEntrance(t *testing.T) {
	huge := decimal.New(1, 500)          // 1e500: 501 digits
	fine := decimal.New(1, -41)          // 41 decimal places, one over MaxScale's 40
	long := decimal.New(1, 1000000000-1) // 10^9 digits, never printed
	ret := func(v rules.Value) rules.Func {
		return rules.Func{Name: "取值", Result: v.Type(), Call: func([]rules.Value) (rules.Value, error) { return v, nil }}
	}
	rows := []struct {
		name   string
		fn     rules.Func
		expr   string
		reason string
	}{
		{"function 10^9 digits", ret(rules.NumberOf(long)), "取值() * 0", "a number of a billion digits is over MaxDigits however it is used"},
		{"function 1e500", ret(rules.NumberOf(huge)), "取值() - 取值()", "501 digits, over MaxDigits"},
		{"function 41 places", ret(rules.NumberOf(fine)), "round(取值(), 2)", "41 decimal places, over MaxScale"},
		{"function list 1e500", ret(rules.ListOf([]decimal.Decimal{decimal.NewFromInt(1), huge})), "count(取值())", "a list element is a number like any other"},
		{"function long text", ret(rules.TextOf(strings.Repeat("字", 4000))), "取值() == \"\"", "12,000 bytes, over MaxText's 10,000"},
	}
	for _, r := range rows {
		needReason(t, r.name, r.reason)
		p, err := rules.Compile(r.expr, rules.WithFunction(r.fn))
		require.NoError(t, err, r.name)
		_, err = p.EvalValue(nil)
		_, _, xerr := p.Explain(nil)
		assert.True(t, errors.Is(err, rules.ErrFunction), "%s eval: %v", r.name, err)
		assert.True(t, errors.Is(xerr, rules.ErrFunction), "%s explain: %v", r.name, xerr)
	}

	tbl := func(v rules.Value) rules.Spec {
		return rules.Spec{Tables: []rules.Table{{Name: "t", Rows: []rules.Row{{Else: true, Then: rules.Outcome{Value: v}}}}}}
	}
	cnst := func(v rules.Value) rules.Spec {
		return rules.Spec{Consts: []rules.Const{{Name: "k", Value: v}}, Formulas: []rules.Formula{{Name: "y", Expr: rules.Expr{Text: "k"}}}}
	}
	specs := []struct {
		name   string
		spec   rules.Spec
		reason string
	}{
		{"constant 41 places", cnst(rules.NumberOf(fine)), "the same number written in the text is E007"},
		{"constant 1e500", cnst(rules.NumberOf(huge)), "over MaxDigits"},
		{"constant list", cnst(rules.ListOf([]decimal.Decimal{huge})), "a list element over MaxDigits"},
		{"outcome 41 places", tbl(rules.NumberOf(fine)), "a table's literal outcome is a literal"},
		{"outcome 1e500", tbl(rules.NumberOf(huge)), "over MaxDigits"},
	}
	for _, r := range specs {
		needReason(t, r.name, r.reason)
		_, err := rules.Build(r.spec)
		assert.True(t, errors.Is(err, rules.ErrLimit), "%s: %v", r.name, err)
	}
	_, err := rules.Build(cnst(rules.NumberOf(decimal.New(1, -40))))
	assert.NoError(t, err, "40 places is at the limit, not over it")
}

// TestEvalAndExplainAgree is a property test: on generated expressions over registered
// functions and extreme values, EvalValue and Explain give the same value or the same code.
func TestEvalAndExplainAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	extremes := []string{"0", "1", "-1", "0.5", "99999999999999999999", "1" + strings.Repeat("0", 99),
		"0." + strings.Repeat("0", 39) + "1", strings.Repeat("9", 100), "-" + strings.Repeat("9", 38),
		"12345678901234567890.123456789", "170141183460469231731687303715884105727", "3", "7"}
	pick := func() string { return extremes[rng.IntN(len(extremes))] }
	echo := rules.Func{Name: "原样", Params: []rules.Type{rules.TypeDecimal}, Result: rules.TypeDecimal,
		Call: func(a []rules.Value) (rules.Value, error) { return a[0], nil }}
	square := rules.Func{Name: "平方", Params: []rules.Type{rules.TypeDecimal}, Result: rules.TypeDecimal,
		Call: func(a []rules.Value) (rules.Value, error) { d := a[0].Decimal(); return rules.NumberOf(d.Mul(d)), nil }}
	tiny := rules.Func{Name: "极小", Result: rules.TypeDecimal,
		Call: func([]rules.Value) (rules.Value, error) { return rules.NumberOf(decimal.New(1, -41)), nil }}
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth == 0 {
			switch rng.IntN(4) {
			case 0:
				return "x"
			case 1:
				return "y"
			case 2:
				return "极小()"
			}
			return strings.TrimPrefix(pick(), "-")
		}
		a, b := gen(depth-1), gen(depth-1)
		switch rng.IntN(9) {
		case 0:
			return "(" + a + " + " + b + ")"
		case 1:
			return "(" + a + " - " + b + ")"
		case 2:
			return "(" + a + " * " + b + ")"
		case 3:
			return "(" + a + " / " + b + ")"
		case 4:
			return "原样(" + a + ")"
		case 5:
			return "平方(" + a + ")"
		case 6:
			return fmt.Sprintf("round(%s, %d)", a, rng.IntN(5))
		case 7:
			return "max(" + a + ", " + b + ")"
		}
		return "if " + a + " > " + b + " { " + a + " } else { " + b + " }"
	}
	opts := []rules.Option{rules.WithFunction(echo), rules.WithFunction(square), rules.WithFunction(tiny),
		rules.WithInput("x", rules.TypeDecimal), rules.WithInput("y", rules.TypeDecimal)}
	compared, errs := 0, 0
	for i := 0; i < 3000; i++ {
		expr := gen(1 + rng.IntN(4))
		p, err := rules.Compile(expr, opts...)
		if err != nil {
			continue // a literal over the limits: refused like any
		}
		vars := map[string]any{"x": pick(), "y": pick()}
		v, err := p.EvalValue(vars)
		res, _, xerr := p.Explain(vars)
		compared++
		if err != nil || xerr != nil {
			errs++
			require.Error(t, err, "%s %v: Explain failed (%v) where Eval did not", expr, vars, xerr)
			require.Error(t, xerr, "%s %v: Eval failed (%v) where Explain did not", expr, vars, err)
			assert.Equal(t, rules.Errors(err)[0].Code, rules.Errors(xerr)[0].Code, "%s %v: %v / %v", expr, vars, err, xerr)
			continue
		}
		sameValue(t, v, res.Value(0), expr, vars)
	}
	assert.Greater(t, compared, 2000, "most generated expressions compile")
	assert.Greater(t, errs, 100, "the extremes reach the limits often")
	assert.Less(t, errs, compared, "and not always")
}
