package rules_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// A rule is an expression over declared inputs; names may be Chinese and 90% is a literal.
func Example() {
	p, err := rules.Compile("执行数 / 预算数 >= 90%",
		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	if err != nil {
		fmt.Println(err)
		return
	}
	ok, err := p.EvalValue(map[string]any{"执行数": decimal.RequireFromString("92.5"), "预算数": "100"})
	fmt.Println(ok, err)
	// Output: true <nil>
}

// Every number is an exact decimal: no binary fractions, rounding only when asked for.
func ExampleCompile_exact() {
	for _, text := range []string{"0.1 + 0.2 == 0.3", "1 / 3", "round(2.675, 2)", "round(-2.675, 2)", "12.5% * 80"} {
		p, err := rules.Compile(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		v, _ := p.EvalValue(nil)
		fmt.Printf("%s = %s\n", text, v)
	}
	// Output:
	// 0.1 + 0.2 == 0.3 = true
	// 1 / 3 = 0.33333333333333333333
	// round(2.675, 2) = 2.68
	// round(-2.675, 2) = -2.68
	// 12.5% * 80 = 10.000
}

// Build compiles formulas and decision tables together; EvalResult evaluates them all.
// monitorSpec is Minfeng's monitoring rule, shown in full with ExampleSpec.
func ExampleBuild() {
	p, err := rules.Build(monitorSpec())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, spent := range []string{"90", "80", "60"} {
		res, err := p.EvalResult(map[string]any{"预算数": "120", "执行数": spent, "月份": 9})
		if err != nil {
			fmt.Println(err)
			continue
		}
		dev, _ := res.Get("偏差")
		grade, _ := res.Get("等级")
		fmt.Printf("执行数 %s：偏差 %s，等级 %s\n", spent, dev, grade)
	}
	// Output:
	// 执行数 90：偏差 0.0000，等级 优
	// 执行数 80：偏差 0.1111，等级 良
	// 执行数 60：偏差 0.3333，等级 差
}

// Bind reads records of a struct type in place: with a reused Result, evaluating a record
// allocates nothing.
func ExampleBind() {
	type project struct {
		Name   string
		Budget decimal.Decimal `rule:"预算数"`
		Spent  decimal.Decimal `rule:"执行数"`
		Month  int             `rule:"月份"`
	}
	p, err := rules.Build(monitorSpec())
	if err != nil {
		fmt.Println(err)
		return
	}
	bind, err := rules.Bind[project](p)
	if err != nil {
		fmt.Println(err)
		return
	}
	res := p.NewResult()
	for _, pr := range []project{
		{"农村道路", decimal.RequireFromString("1200"), decimal.RequireFromString("900"), 9},
		{"校舍维修", decimal.RequireFromString("350.5"), decimal.RequireFromString("120"), 8},
		{"未拨预算", decimal.Zero, decimal.RequireFromString("10"), 5},
	} {
		if err := bind.EvalInto(&pr, res); err != nil {
			fmt.Printf("%s：%v\n", pr.Name, err)
			continue
		}
		grade, _ := res.Get("等级")
		fmt.Printf("%s：%s\n", pr.Name, grade)
	}
	// Output:
	// 农村道路：优
	// 校舍维修：差
	// 未拨预算：<expr>:1:7: 规则 执行率：除数为零：预算数 的值为 0
}

// What a policy officer sees: every problem at once, in Chinese, at the file's line and column.
func ExampleBuild_errors() {
	at := func(line, col int) rules.Pos { return rules.Pos{File: "minfeng.yaml", Line: line, Col: col} }
	_, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "执行数", Type: rules.TypeDecimal}, {Name: "预算数", Type: rules.TypeDecimal}, {Name: "序时进度", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{
			{Name: "执行率", Expr: rules.Expr{Text: "执行数 / 预算数", Pos: at(10, 10)}},
			{Name: "偏差", Expr: rules.Expr{Text: "max(序时进度 - 执形率, 0)", Pos: at(11, 9)}},
			{Name: "得分", Expr: rules.Expr{Text: "执行率 × 10", Pos: at(12, 9)}},
		},
	})
	fmt.Println(err)
	// Output:
	// minfeng.yaml:11:20: 规则 偏差：未知名称 执形率，是否为 执行率？
	// minfeng.yaml:12:13: 规则 得分：请用 * 代替 ×
}
