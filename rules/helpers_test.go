package rules_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// d reads an exact decimal from its text; test expectations are derived from it with
// shopspring's own arithmetic, never typed in as the answer.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// num is a number Value made from a shopspring decimal (coefficient and exponent kept).
func num(x decimal.Decimal) rules.Value { return rules.NumberOf(x) }

func numS(s string) rules.Value { return num(d(s)) }

func day(y int, m time.Month, dd int) rules.Value {
	return rules.DateOf(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC))
}

// div20 is the language's division: 20 places, half away from zero, as DESIGN.md fixes it,
// without the zeros DivRound pads a terminating quotient with (1/8 is 0.125, not
// 0.12500000000000000000). decimal's String drops them; parsing it back keeps the scale.
func div20(a, b decimal.Decimal) decimal.Decimal { return trimmed(a.DivRound(b, 20)) }

// trimmed drops a decimal's trailing fractional zeros, as decimal's String prints it.
func trimmed(x decimal.Decimal) decimal.Decimal { return decimal.RequireFromString(x.String()) }

// needReason fails a table row without a reason: every row says why its answer is right.
func needReason(t *testing.T, name, reason string) {
	t.Helper()
	require.NotEmpty(t, strings.TrimSpace(reason), "row %q has no reason", name)
}

// sameValue asserts got is want: the same type, and for numbers the same digits AND the
// same exponent (shopspring's scale rules are part of the contract: 1.0 is not printed 1).
func sameValue(t *testing.T, want, got rules.Value, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want.Type(), got.Type(), msgAndArgs...)
	switch want.Type() {
	case rules.TypeDecimal, rules.TypeInt:
		w, g := want.Decimal(), got.Decimal()
		assert.Equal(t, w.String(), g.String(), msgAndArgs...)
		assert.Equal(t, w.Exponent(), g.Exponent(), append([]any{"exponent"}, msgAndArgs...)...)
		assert.Equal(t, shown(w), got.String(), append([]any{"Value.String"}, msgAndArgs...)...)
	default:
		assert.Equal(t, want.String(), got.String(), msgAndArgs...)
	}
	assert.True(t, want.Equal(got), msgAndArgs...)
}

// shown is a number as jixiao prints it: plain notation with its scale kept.
func shown(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

// errList returns every problem in err and checks each is well formed (see wellFormed).
func errList(t *testing.T, err error) rules.ErrorList {
	t.Helper()
	require.Error(t, err)
	list := rules.Errors(err)
	require.NotEmpty(t, list, "error %v carries no *rules.Error", err)
	for _, e := range list {
		wellFormed(t, e)
	}
	return list
}

// wellFormed checks one problem: a published code, a Chinese message, and a position that is
// either real (line and column 1-based) or absent (both 0, printed without a position).
func wellFormed(t *testing.T, e *rules.Error) {
	t.Helper()
	assert.Contains(t, rules.Codes(), e.Code, "unpublished code in %v", e)
	if e.Line == 0 {
		assert.Zero(t, e.Col, "a problem without a line has no column: %#v", e)
		assert.NotContains(t, e.Error(), ":0", "no invented position: %v", e)
	} else {
		assert.GreaterOrEqual(t, e.Line, 1, "line of %v", e)
		assert.GreaterOrEqual(t, e.Col, 1, "col of %v", e)
	}
	assert.NotEmpty(t, e.Msg, "message of %v", e)
	assert.True(t, hasHan(e.Msg), "message %q is not in Chinese", e.Msg)
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func codes(list rules.ErrorList) []rules.Code {
	out := make([]rules.Code, len(list))
	for i, e := range list {
		out[i] = e.Code
	}
	return out
}

// onlyCode asserts err holds exactly one problem, of code c, and returns it.
func onlyCode(t *testing.T, err error, c rules.Code) *rules.Error {
	t.Helper()
	list := errList(t, err)
	require.Len(t, list, 1, "want one %s, got %v", c, err)
	require.Equal(t, c, list[0].Code, "%v", err)
	assert.True(t, errors.Is(err, c), "errors.Is(%v, %s)", err, c)
	return list[0]
}

// hasCode asserts some problem in err has code c.
func hasCode(t *testing.T, err error, c rules.Code) *rules.Error {
	t.Helper()
	list := errList(t, err)
	i := slices.IndexFunc(list, func(e *rules.Error) bool { return e.Code == c })
	require.GreaterOrEqual(t, i, 0, "want a %s among %v", c, err)
	assert.True(t, errors.Is(err, c))
	return list[i]
}

// std declares the inputs most tests use.
func std() []rules.Option {
	return []rules.Option{
		rules.WithInput("预算数", rules.TypeDecimal),
		rules.WithInput("执行数", rules.TypeDecimal),
		rules.WithInput("执行率", rules.TypeDecimal),
		rules.WithInput("月份", rules.TypeInt),
		rules.WithInput("部门", rules.TypeString),
		rules.WithInput("已完成", rules.TypeBool),
		rules.WithInput("日期", rules.TypeDate),
		rules.WithInput("明细", rules.TypeList),
	}
}

// compileRun compiles text with opts and evaluates it once with vars, failing on any error.
func compileRun(t *testing.T, text string, vars map[string]any, opts ...rules.Option) rules.Value {
	t.Helper()
	p, err := rules.Compile(text, opts...)
	require.NoError(t, err, "compile %q", text)
	v, err := p.EvalValue(vars)
	require.NoError(t, err, "eval %q", text)
	return v
}

// safely runs fn and turns a panic into a test failure, so one bug does not hide the rest.
func safely(t *testing.T, what string, fn func()) bool {
	t.Helper()
	return assert.NotPanics(t, fn, what)
}
