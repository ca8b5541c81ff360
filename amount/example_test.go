package amount_test

import (
	"errors"
	"fmt"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/shopspring/decimal"
)

// A figure from the report, converted exactly and shown as a finance table shows it.
func ExampleParseAmount() {
	budget, err := amount.ParseAmount("13.304271亿元", amount.Wan)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(budget)
	fmt.Println(budget.In(amount.Wan))
	fmt.Println(budget.Format(2, amount.Wan))
	// Output:
	// 13.304271亿元
	// 133042.71万元
	// 133,042.71万元
}

// What a policy officer sees when a cell cannot be read: what is wrong, and where.
func ExampleParseAmount_error() {
	for _, cell := range []string{"1,2345万元", "5千元", "20%", "12.3.4"} {
		_, err := amount.ParseAmount(cell, amount.Wan)
		fmt.Println(err)
	}
	// Output:
	// 无法识别的金额 "1,2345万元"：第2个字符处的千分位逗号后应为3位数字，实际为4位
	// 无法识别的金额 "5千元"：第2个字符起的"千元"不是可用的单位（元、万元、亿元）
	// 无法识别的金额 "20%"：第3个字符处：金额不能写成百分数
	// 无法识别的金额 "12.3.4"：第5个字符处多了一个小数点
}

// Numbers as staff type them, including a Chinese input method's full-width characters.
func ExampleParseDecimal() {
	for _, s := range []string{"10,113.65", "１２．５", "20%", "２０％", "\u3000928.56 "} {
		d, err := amount.ParseDecimal(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.StringFixed(-d.Exponent()))
	}
	// Output:
	// 10113.65
	// 12.5
	// 0.20
	// 0.20
	// 928.56
}

// A platform reads the code and the position to show its own text.
func ExampleParseError() {
	_, err := amount.ParseDecimal("1e5")
	var pe *amount.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Code == amount.CodeScientific, pe.Code, pe.Offset)
	}
	fmt.Println(errors.Is(err, amount.ErrSyntax))
	fmt.Println(err)
	// Output:
	// true AMT007 1
	// true
	// 无法识别的数字 "1e5"：第2个字符处：不接受科学计数法，请写出完整数字（如 100000，而不是 1e5）
}

// The execution rate of 民政局's relief fund, shown to 0.01% as in the report.
func ExampleFormatPercent() {
	spent, _ := amount.ParseDecimal("928.56")
	budget, _ := amount.ParseDecimal("940")
	rate := spent.DivRound(budget, 20)
	fmt.Println(amount.FormatPercent(rate, 2))
	// Output: 98.78%
}

// 四舍五入: halves go away from zero, negatives included.
func ExampleRoundHalfUp() {
	for _, s := range []string{"2.675", "-2.675", "1.005"} {
		fmt.Println(amount.FormatDecimal(amount.RoundHalfUp(decimal.RequireFromString(s), 2), 2))
	}
	// Output:
	// 2.68
	// -2.68
	// 1.01
}

// Funds of May's three monitoring grades, added exactly; units may differ, and the sum is in the finer one.
func ExampleAmount_Add() {
	total := amount.New(decimal.Zero, amount.Yi)
	for _, s := range []string{"2.006179亿元", "2.193062亿元", "0.18778亿元"} {
		a, _ := amount.ParseAmount(s, amount.Yi)
		total = total.Add(a)
	}
	fmt.Println(total)
	fmt.Println(total.Add(amount.New(decimal.RequireFromString("928.56"), amount.Wan)))
	// Output:
	// 4.387021亿元
	// 44798.77万元
}

func ExampleFormatGrouped() {
	fmt.Println(amount.FormatGrouped(decimal.RequireFromString("10113.649"), 2))
	// Output: 10,113.65
}
