package rules_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// Builtins lists the functions rule text may call, for a handbook or an editor.
func ExampleBuiltins() {
	for _, b := range rules.Builtins()[:3] {
		fmt.Printf("%s：%s\n", b.Call, b.Desc)
	}
	// Output:
	// round(x, n)：四舍五入到 n 位小数（n 省略为 0），.5 远离零进位
	// floor(x, n)：向下取整到 n 位小数（n 省略为 0）
	// ceil(x, n)：向上取整到 n 位小数（n 省略为 0）
}

// WithInput declares one input; reading an undeclared name is an error with a suggestion.
func ExampleWithInput() {
	_, err := rules.Compile("执形数 > 0", rules.WithInput("执行数", rules.TypeDecimal))
	fmt.Println(err)
	// Output:
	// <expr>:1:1: 未知名称 执形数，是否为 执行数？
}

// WithInputs declares several inputs at once, with their units and descriptions.
func ExampleWithInputs() {
	p, _ := rules.Compile("执行数 / 预算数", rules.WithInputs(
		rules.Input{Name: "执行数", Type: rules.TypeDecimal, Unit: "万元"},
		rules.Input{Name: "预算数", Type: rules.TypeDecimal, Unit: "万元"},
	))
	for _, in := range p.Inputs() {
		fmt.Println(in.Name, in.Type)
	}
	// Output:
	// 执行数 数值
	// 预算数 数值
}

var errUnknownUnit = errors.New("未知单位")

// WithFunction registers a vendor's own function; an error it returns stops the record with
// R005 and stays reachable with errors.Is.
func ExampleWithFunction() {
	toYuan := rules.Func{
		Name:   "折算",
		Params: []rules.Type{rules.TypeDecimal, rules.TypeString},
		Result: rules.TypeDecimal,
		Call: func(args []rules.Value) (rules.Value, error) {
			switch args[1].Text() {
			case "万元":
				return rules.NumberOf(args[0].Decimal().Mul(decimal.NewFromInt(10000))), nil
			case "元":
				return args[0], nil
			}
			return rules.Value{}, fmt.Errorf("%w %s", errUnknownUnit, args[1].Text())
		},
	}
	p, _ := rules.Compile("折算(金额, 单位)", rules.WithFunction(toYuan),
		rules.WithInput("金额", rules.TypeDecimal), rules.WithInput("单位", rules.TypeString))
	v, err := p.EvalValue(map[string]any{"金额": "1.5", "单位": "万元"})
	fmt.Println(v, err)
	_, err = p.EvalValue(map[string]any{"金额": "1.5", "单位": "斤"})
	fmt.Println(err)
	fmt.Println(errors.Is(err, rules.ErrFunction), errors.Is(err, errUnknownUnit))
	// Output:
	// 15000.0 <nil>
	// <expr>:1:1: 函数 折算 出错：未知单位 斤
	// true true
}

func ExampleMaxLength() {
	_, err := rules.Compile("1 + 2 + 3", rules.MaxLength(5))
	fmt.Println(err)
	_, err = rules.Compile("1", rules.MaxLength(0))
	fmt.Println(err)
	// Output:
	// <expr>:1:6: 表达式过长：9 个字符，上限 5
	// MaxLength 必须为正数，收到 0
}

func ExampleMaxNodes() {
	_, err := rules.Compile("1 + 2 + 3 + 4", rules.MaxNodes(3))
	fmt.Println(err)
	// Output:
	// <expr>:1:11: 表达式过于复杂：节点数超过上限
}

// MaxDigits bounds what a calculation may produce: a result too long is an R006 error for
// that record, not an unbounded allocation.
func ExampleMaxDigits() {
	p, _ := rules.Compile("金额 * 金额", rules.WithInput("金额", rules.TypeDecimal), rules.MaxDigits(10))
	v, err := p.EvalValue(map[string]any{"金额": "99999"})
	fmt.Println(v, err)
	_, err = p.EvalValue(map[string]any{"金额": "999999"})
	fmt.Println(err)
	// Output:
	// 9999800001 <nil>
	// <expr>:1:4: 计算结果超出限制（数字位数或小数位数过多）
}

// MaxScale bounds decimal places; below 20 it needs DivisionPlaces as low, since a division
// keeps 20 places by default.
func ExampleMaxScale() {
	_, err := rules.Compile("round(执行率, 6)", rules.WithInput("执行率", rules.TypeDecimal),
		rules.MaxScale(4), rules.DivisionPlaces(4))
	fmt.Println(err)
	_, err = rules.Compile("round(执行率, 2)", rules.WithInput("执行率", rules.TypeDecimal), rules.MaxScale(4))
	fmt.Println(err)
	// Output:
	// <expr>:1:12: 函数 round 的小数位数必须是 -4 到 4 之间的整数，这里是 6
	// DivisionPlaces(20) 超过 MaxScale(4)
}

func ExampleMaxText() {
	p, _ := rules.Compile(`单位 + "（已整改）"`, rules.WithInput("单位", rules.TypeString), rules.MaxText(30))
	v, err := p.EvalValue(map[string]any{"单位": "财政局"})
	fmt.Println(v, err)
	_, err = p.EvalValue(map[string]any{"单位": "民丰县农业农村局"})
	fmt.Println(err)
	// Output:
	// 财政局（已整改） <nil>
	// <expr>:1:4: 文本长度超过上限 30 字节
}

// DivisionPlaces sets the places a division that does not terminate keeps; one that
// terminates keeps all its digits.
func ExampleDivisionPlaces() {
	for _, text := range []string{"1 / 3", "2 / 3", "1 / 8"} {
		p, _ := rules.Compile(text, rules.DivisionPlaces(4))
		v, _ := p.EvalValue(nil)
		fmt.Println(text, "=", v)
	}
	// Output:
	// 1 / 3 = 0.3333
	// 2 / 3 = 0.6667
	// 1 / 8 = 0.125
}

// MaxTotalNodes bounds the expressions one Build compiles together; the expression that
// takes the total over it is named, and nothing is compiled. Nodes tells what a program cost.
func ExampleMaxTotalNodes() {
	spec := rules.Spec{
		Inputs: []rules.Input{{Name: "x", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{
			{Name: "a", Expr: rules.Expr{Text: "x + 1"}},
			{Name: "b", Expr: rules.Expr{Text: "x + 2"}},
			{Name: "c", Expr: rules.Expr{Text: "x * 3 + 4"}},
		},
	}
	p, err := rules.Build(spec)
	fmt.Println(p.Nodes(), err)
	_, err = rules.Build(spec, rules.MaxTotalNodes(8))
	fmt.Println(err)
	// Output:
	// 11 <nil>
	// <expr>:1:1: 规则 c：表达式合计超过 8 个节点，规模过大：请拆分成几个规则集
}
