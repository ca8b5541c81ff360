package rules_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/shopspring/decimal"
)

// fuzzOpts declares what fuzzed text may read: every input type and two vendor functions.
func fuzzOpts() []rules.Option {
	fail := rules.Func{Name: "坏", Result: rules.Decimal, Call: func([]rules.Value) (rules.Value, error) {
		return rules.Value{}, errors.New("故意出错")
	}}
	return append(std(), rules.WithInput("x", rules.Decimal), rules.WithFunction(convFunc(nil)), rules.WithFunction(fail))
}

var fuzzVars = map[string]any{
	"预算数": decimal.RequireFromString("1200.50"),
	"执行数": decimal.RequireFromString("980.25"),
	"执行率": decimal.RequireFromString("0.8166"),
	"月份":  8,
	"部门":  "财政局",
	"已完成": true,
	"日期":  time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC),
	"明细":  []decimal.Decimal{decimal.RequireFromString("3"), decimal.RequireFromString("-1.5"), decimal.RequireFromString("0")},
	"x":   decimal.RequireFromString("2"),
}

// checkFuzzErr asserts err is made only of positioned *rules.Error values with a published
// code and a message.
func checkFuzzErr(t *testing.T, text string, err error) {
	t.Helper()
	var list rules.ErrorList
	var one *rules.Error
	if !errors.As(err, &list) && !errors.As(err, &one) {
		t.Fatalf("%q: error %T is neither rules.ErrorList nor *rules.Error: %v", text, err, err)
	}
	all := rules.Errors(err)
	if len(all) == 0 {
		t.Fatalf("%q: empty error list", text)
	}
	codes := rules.Codes()
	for _, e := range all {
		if e == nil {
			t.Fatalf("%q: nil *Error in %v", text, err)
		}
		if e.Line < 1 || e.Col < 1 || e.Msg == "" || !slices.Contains(codes, e.Code) {
			t.Fatalf("%q: malformed error %#v", text, *e)
		}
	}
}

// FuzzCompile compiles arbitrary text: it must never panic; every problem is a positioned
// error with a published code; a program that compiles evaluates to a value or a positioned
// error, and Explain (the decimal.Decimal path) agrees with Eval.
func FuzzCompile(f *testing.F) {
	f.Add("执行数 / 预算数 >= 90%")
	opts := fuzzOpts()
	f.Fuzz(func(t *testing.T, text string) {
		p, err := rules.Compile(text, opts...)
		if err != nil {
			if p != nil {
				t.Fatalf("%q: both a program and an error", text)
			}
			checkFuzzErr(t, text, err)
			return
		}
		v, err := p.Eval(fuzzVars)
		if err != nil {
			checkFuzzErr(t, text, err)
		} else if !v.IsValid() {
			t.Fatalf("%q: no error and no value", text)
		}
		res, _, xerr := p.Explain(fuzzVars)
		if (err == nil) != (xerr == nil) {
			t.Fatalf("%q: Eval error %v, Explain error %v", text, err, xerr)
		}
		if xerr != nil {
			checkFuzzErr(t, text, xerr)
			return
		}
		w := res.Value(0)
		if !v.Equal(w) || v.String() != w.String() || v.Decimal().Exponent() != w.Decimal().Exponent() {
			t.Fatalf("%q: Eval gives %s, Explain gives %s", text, v, w)
		}
	})
}
