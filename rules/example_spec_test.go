package rules_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// monitorSpec is Minfeng's monitoring rule: formulas in any order and a decision table.
func monitorSpec() rules.Spec {
	when := func(text string) rules.Expr { return rules.Expr{Text: text} }
	return rules.Spec{
		Inputs: []rules.Input{
			{Name: "预算数", Type: rules.TypeDecimal, Unit: "万元"},
			{Name: "执行数", Type: rules.TypeDecimal, Unit: "万元"},
			{Name: "月份", Type: rules.TypeInt},
		},
		Consts: []rules.Const{{Name: "良上限", Value: rules.NumberOf(decimal.RequireFromString("0.20"))}},
		Formulas: []rules.Formula{
			{Name: "偏差", Expr: when("round(max(序时进度 - 执行率, 0) / 序时进度, 4)")},
			{Name: "执行率", Expr: when("执行数 / 预算数")},
			{Name: "序时进度", Expr: when("月份 / 12")},
		},
		Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{
			{When: when("偏差 == 0"), Then: rules.Outcome{Value: rules.TextOf("优")}},
			{When: when("偏差 <= 良上限"), Then: rules.Outcome{Value: rules.TextOf("良")}},
			{Else: true, Then: rules.Outcome{Value: rules.TextOf("差")}},
		}}},
	}
}

// A Spec holds typed inputs, constants, formulas in any order and decision tables; Build
// sorts the formulas by what they read and infers every result's type. The other examples
// build monitorSpec too.
func ExampleSpec() {
	p, err := rules.Build(monitorSpec())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range p.Names() {
		fmt.Println(name, p.Type(name))
	}
	// Output:
	// 偏差 数值
	// 执行率 数值
	// 序时进度 数值
	// 等级 文本
}
