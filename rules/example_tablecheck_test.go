package rules_test

import (
	"errors"
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// Build reads a decision table's conditions as sets of values: a row the rows before it
// already cover, a repeated row and, in a table without else, values no row matches are
// errors with an example value, found before any record is computed.
func ExampleBuild_tableCheck() {
	row := func(when, then string) rules.Row {
		return rules.Row{When: rules.Expr{Text: when}, Then: rules.Outcome{Value: rules.TextOf(then)}}
	}
	_, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "总分", Type: rules.TypeDecimal}},
		Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{
			row("总分 >= 80", "良"),
			row("总分 >= 90", "优"),
			row("总分 < 60", "差"),
			row("总分 >= 60.5", "中"),
		}}},
	})
	for _, e := range rules.Errors(err) {
		fmt.Println(string(e.Code), e.Msg)
	}
	fmt.Println(errors.Is(err, rules.ErrRowUnreachable), errors.Is(err, rules.ErrTableGap))
	// Output:
	// E015 决策表 等级 没有 else 行，总分 = 60 时没有任何一行成立（60 <= 总分 < 60.5 时都是如此），计算时会报错：请补上这些取值的行，或加一行 else
	// E013 决策表 等级 第 2 行（总分 >= 90）永远不会命中：满足它的取值都已被第 1 行（总分 >= 80）先命中，例如 总分 = 90 时第 1 行已经成立；请检查行的顺序或条件
	// true true
}

// A text compared with a value the result it reads never takes is an error, with the value
// most likely meant (here one a pinyin input method offers for the same sound).
func ExampleBuild_textNever() {
	row := func(when, then string) rules.Row {
		return rules.Row{When: rules.Expr{Text: when}, Then: rules.Outcome{Value: rules.TextOf(then)}}
	}
	_, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "总分", Type: rules.TypeDecimal}},
		Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{
			row("总分 >= 90", "优"), row("总分 >= 80", "良"), {Else: true, Then: rules.Outcome{Value: rules.TextOf("差")}},
		}}},
		Formulas: []rules.Formula{{Name: "优先安排", Expr: rules.Expr{Text: `等级 == "忧"`}}},
	})
	fmt.Println(err)
	// Output:
	// <expr>:1:7: 规则 优先安排：决策表 等级 的结果只可能是 "优"、"良"、"差"，不会等于 "忧"，是否想写 "优"？
}
