package rules_test

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// fuzzOpts declares what fuzzed text may read: every input type and two vendor functions.
func fuzzOpts() []rules.Option {
	fail := rules.Func{Name: "坏", Result: rules.TypeDecimal, Call: func([]rules.Value) (rules.Value, error) {
		return rules.Value{}, errors.New("故意出错")
	}}
	return append(std(), rules.WithInput("x", rules.TypeDecimal), rules.WithFunction(convFunc(nil)), rules.WithFunction(fail))
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

// checkFuzzErr describes what is wrong with err ("" when nothing is): it must be made only of
// positioned *rules.Error values with a published code and a message.
func checkFuzzErr(err error) string {
	var list rules.ErrorList
	var one *rules.Error
	if !errors.As(err, &list) && !errors.As(err, &one) {
		return fmt.Sprintf("error %T is neither rules.ErrorList nor *rules.Error: %v", err, err)
	}
	all := rules.Errors(err)
	if len(all) == 0 {
		return "empty error list"
	}
	codes := rules.Codes()
	for _, e := range all {
		if e == nil {
			return fmt.Sprintf("nil *Error in %v", err)
		}
		if e.Line < 1 || e.Col < 1 || e.Msg == "" || !slices.Contains(codes, e.Code) {
			return fmt.Sprintf("malformed error %#v", *e)
		}
	}
	return ""
}

// fuzzDeadline bounds one input: staff text of at most 10,000 characters must compile and
// evaluate in far less, even on a busy two-core machine.
const fuzzDeadline = 5 * time.Second

// FuzzCompile compiles arbitrary text: it must never panic or hang; every problem is a
// positioned error with a published code; a program that compiles evaluates to a value or a
// positioned error, and Explain (the decimal.Decimal path) agrees with Eval.
func FuzzCompile(f *testing.F) {
	f.Add("执行数 / 预算数 >= 90%")
	opts := fuzzOpts()
	f.Fuzz(func(t *testing.T, text string) {
		done := make(chan string, 1)
		go func() { done <- fuzzOne(text, opts) }()
		select {
		case problem := <-done:
			if problem != "" {
				t.Fatalf("%q: %s", text, problem)
			}
		case <-time.After(fuzzDeadline):
			t.Fatalf("%q: still compiling or evaluating after %v", text, fuzzDeadline)
		}
	})
}

// fuzzOne checks one input and describes the first problem ("" when there is none).
// It runs on its own goroutine, so it reports instead of calling t.Fatal, and turns a
// panic into a report with its stack.
func fuzzOne(text string, opts []rules.Option) (problem string) {
	defer func() {
		if r := recover(); r != nil {
			problem = fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	p, err := rules.Compile(text, opts...)
	if err != nil {
		if p != nil {
			return "both a program and an error"
		}
		return checkFuzzErr(err)
	}
	v, err := p.EvalValue(fuzzVars)
	if err != nil {
		if problem := checkFuzzErr(err); problem != "" {
			return "Eval: " + problem
		}
	} else if !v.IsValid() {
		return "no error and no value"
	}
	res, _, xerr := p.Explain(fuzzVars)
	if (err == nil) != (xerr == nil) {
		return fmt.Sprintf("Eval error %v, Explain error %v", err, xerr)
	}
	if xerr != nil {
		if problem := checkFuzzErr(xerr); problem != "" {
			return "Explain: " + problem
		}
		return ""
	}
	w := res.Value(0)
	if !v.Equal(w) || v.String() != w.String() || v.Decimal().Exponent() != w.Decimal().Exponent() {
		return fmt.Sprintf("Eval gives %s, Explain gives %s", v, w)
	}
	return ""
}
