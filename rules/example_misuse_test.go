package rules_test

import (
	"errors"
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// At reports an index past the results as a caller's mistake (ErrMisuse) rather than
// panicking; Value gives the zero Value there.
func ExampleResult_At() {
	p, _ := rules.Compile("执行数 / 预算数", rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	res, _ := p.EvalResult(map[string]any{"执行数": "80", "预算数": "120"})
	v, err := res.At(0)
	fmt.Println(v, err)
	_, err = res.At(1)
	fmt.Println(errors.Is(err, rules.ErrMisuse), err)
	fmt.Println(res.Value(1).IsValid())
	// Output:
	// 0.66666666666666666667 <nil>
	// true 调用有误：结果序号 1 超出范围（共 1 个结果，序号从 0 起）
	// false
}

// A nil Program, record or context is an error with code ErrMisuse, never a panic.
func ExampleErrMisuse() {
	var p *rules.Program
	_, err := p.EvalValue(nil)
	fmt.Println(errors.Is(err, rules.ErrMisuse), err)
	// Output:
	// true 调用有误：Program 为 nil 或未经 Compile/Build 创建
}
