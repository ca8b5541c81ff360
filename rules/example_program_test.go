package rules_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// Compile takes the expression and the inputs it may read; the program is reused for every record.
func ExampleCompile() {
	p, err := rules.Compile("round(执行数 / 预算数, 4)",
		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, spent := range []string{"928.56", "940"} {
		v, err := p.EvalValue(map[string]any{"执行数": spent, "预算数": "940"})
		fmt.Println(v, err)
	}
	// Output:
	// 0.9878 <nil>
	// 1.0000 <nil>
}

// EvalValue gives the value of a stand-alone expression; inputs may be decimals, integers or
// number text. A float64 is refused: it is not the amount the record holds.
func ExampleProgram_EvalValue() {
	p, _ := rules.Compile("执行数 / 预算数 >= 90%",
		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	v, err := p.EvalValue(map[string]any{"执行数": decimal.RequireFromString("846"), "预算数": 940})
	fmt.Println(v, err)
	_, err = p.EvalValue(map[string]any{"执行数": 846.0, "预算数": 940})
	fmt.Println(err)
	// Output:
	// true <nil>
	// <expr>:1:1: 输入 执行数 不接受浮点数（float），请传入 decimal.Decimal 或数字文本，以免产生二进制误差
}

// EvalResult evaluates every formula and table of a Build for one record (monitorSpec is
// Minfeng's monitoring rule, shown in full with ExampleSpec).
func ExampleProgram_EvalResult() {
	p, _ := rules.Build(monitorSpec())
	res, err := p.EvalResult(map[string]any{"预算数": "120", "执行数": "80", "月份": 9})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range res.Names() {
		fmt.Printf("%s = %s\n", name, res.Value(i))
	}
	// Output:
	// 偏差 = 0.1111
	// 执行率 = 0.66666666666666666667
	// 序时进度 = 0.75
	// 等级 = 良
}

// EvalInto writes into a Result made once by NewResult, so a loop over records does not
// allocate one Result per record.
func ExampleProgram_EvalInto() {
	p, _ := rules.Build(monitorSpec())
	res := p.NewResult()
	grade := p.Index("等级")
	for _, spent := range []string{"90", "80", "60"} {
		if err := p.EvalInto(map[string]any{"预算数": "120", "执行数": spent, "月份": 9}, res); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(spent, res.Value(grade))
	}
	// Output:
	// 90 优
	// 80 良
	// 60 差
}

// NewResult makes the Result that EvalInto and a Binding fill; a Result belongs to the
// program that made it.
func ExampleProgram_NewResult() {
	p, _ := rules.Compile("1 + 1")
	res := p.NewResult()
	fmt.Println(p.EvalInto(nil, res), res.Value(0))
	q, _ := rules.Compile("2 + 2")
	fmt.Println(q.EvalInto(nil, res))
	// Output:
	// <nil> 2
	// Result 不属于这个程序：请用同一个 Program 的 NewResult 创建
}

// Explain shows how a value came about: each formula, each step on the way and each row of
// a decision table tried.
func ExampleProgram_Explain() {
	p, _ := rules.Compile("round(执行数 / 预算数, 4)",
		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	res, trace, err := p.Explain(map[string]any{"执行数": "80", "预算数": "120"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range trace {
		fmt.Printf("%s %d:%d %s = %s\n", s.Kind, s.Line, s.Col, s.Text, s.Value)
	}
	fmt.Println(res.Value(0))
	// Output:
	// value 1:7 执行数 = 80
	// value 1:13 预算数 = 120
	// step 1:7 执行数 / 预算数 = 0.66666666666666666667
	// step 1:1 round(执行数 / 预算数, 4) = 0.6667
	// formula 1:1 round(执行数 / 预算数, 4) = 0.6667
	// 0.6667
}

// Names lists the results in declaration order; a stand-alone expression has one, named "".
func ExampleProgram_Names() {
	p, _ := rules.Build(monitorSpec())
	fmt.Printf("%q\n", p.Names())
	q, _ := rules.Compile("1 + 1")
	fmt.Printf("%q\n", q.Names())
	// Output:
	// ["偏差" "执行率" "序时进度" "等级"]
	// [""]
}

// Index finds a result's position once, so each record reads it without a map lookup.
func ExampleProgram_Index() {
	p, _ := rules.Build(monitorSpec())
	fmt.Println(p.Index("等级"), p.Index("执行率"), p.Index("没有这个"))
	// Output:
	// 3 1 -1
}

// Type gives the type Build inferred for a result.
func ExampleProgram_Type() {
	p, _ := rules.Build(monitorSpec())
	fmt.Println(p.Type("偏差"), p.Type("等级"), p.Type("没有这个"))
	// Output:
	// 数值 文本 无效类型
}

// Inputs lists what a record must provide, with its type.
func ExampleProgram_Inputs() {
	p, _ := rules.Build(monitorSpec())
	for _, in := range p.Inputs() {
		fmt.Println(in.Name, in.Type)
	}
	// Output:
	// 预算数 数值
	// 执行数 数值
	// 月份 整数
}

func ExampleResult_Get() {
	p, _ := rules.Build(monitorSpec())
	res, _ := p.EvalResult(map[string]any{"预算数": "120", "执行数": "80", "月份": 9})
	grade, ok := res.Get("等级")
	fmt.Println(grade, ok)
	_, ok = res.Get("等极")
	fmt.Println(ok)
	// Output:
	// 良 true
	// false
}

func ExampleResult_Value() {
	p, _ := rules.Build(monitorSpec())
	res, _ := p.EvalResult(map[string]any{"预算数": "120", "执行数": "80", "月份": 9})
	v := res.Value(p.Index("执行率"))
	fmt.Println(v.Type(), v, v.Decimal().StringFixed(4))
	// Output:
	// 数值 0.66666666666666666667 0.6667
}

func ExampleResult_Len() {
	p, _ := rules.Build(monitorSpec())
	fmt.Println(p.NewResult().Len())
	// Output:
	// 4
}

func ExampleResult_Names() {
	p, _ := rules.Build(monitorSpec())
	fmt.Println(p.NewResult().Names())
	// Output:
	// [偏差 执行率 序时进度 等级]
}

// A Result is one JSON object in declaration order; numbers are exact strings.
func ExampleResult_MarshalJSON() {
	p, _ := rules.Build(monitorSpec())
	res, _ := p.EvalResult(map[string]any{"预算数": "120", "执行数": "80", "月份": 9})
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
	// Output:
	// {"偏差":"0.1111","执行率":"0.66666666666666666667","序时进度":"0.75","等级":"良"}
}

// EvalInto reads one record's inputs from its fields and writes every result into res.
func ExampleBinding_EvalInto() {
	type project struct {
		Name   string
		Budget decimal.Decimal `rule:"预算数"`
		Spent  decimal.Decimal `rule:"执行数"`
		Month  int             `rule:"月份"`
	}
	p, _ := rules.Build(monitorSpec())
	bind, err := rules.Bind[project](p)
	if err != nil {
		fmt.Println(err)
		return
	}
	res := p.NewResult()
	rec := project{Name: "农村道路", Budget: decimal.NewFromInt(1200), Spent: decimal.NewFromInt(800), Month: 9}
	if err := bind.EvalInto(&rec, res); err != nil {
		fmt.Println(err)
		return
	}
	dev, _ := res.Get("偏差")
	grade, _ := res.Get("等级")
	fmt.Println(rec.Name, dev, grade)
	// Output:
	// 农村道路 0.1111 良
}

// EvalBatch evaluates every record; a record that fails is listed with its row number, never
// dropped: In == Out + len(Rejected).
func ExampleBinding_EvalBatch() {
	type project struct {
		Name   string
		Budget decimal.Decimal `rule:"预算数"`
		Spent  decimal.Decimal `rule:"执行数"`
		Month  int             `rule:"月份"`
	}
	p, _ := rules.Build(monitorSpec())
	bind, _ := rules.Bind[project](p)
	recs := []project{
		{"农村道路", decimal.NewFromInt(1200), decimal.NewFromInt(900), 9},
		{"未拨预算", decimal.Zero, decimal.NewFromInt(10), 5},
		{"校舍维修", decimal.RequireFromString("350.5"), decimal.NewFromInt(120), 8},
	}
	grade := p.Index("等级")
	st, err := bind.EvalBatch(context.Background(), recs, func(row int, res *rules.Result) {
		fmt.Printf("第 %d 行 %s：%s\n", row, recs[row-1].Name, res.Value(grade))
	})
	fmt.Println(err)
	fmt.Printf("读入 %d，算出 %d，拒绝 %d\n", st.In, st.Out, len(st.Rejected))
	for _, r := range st.Rejected {
		fmt.Println(r)
	}
	// Output:
	// 第 1 行 农村道路：优
	// 第 3 行 校舍维修：差
	// <nil>
	// 读入 3，算出 2，拒绝 1
	// 第 2 行：<expr>:1:7: 规则 执行率：除数为零：预算数 的值为 0
}

// A cancelled batch stops with R007, which is also the context's own error.
func ExampleBinding_EvalBatch_canceled() {
	type project struct {
		Name   string
		Budget decimal.Decimal `rule:"预算数"`
		Spent  decimal.Decimal `rule:"执行数"`
		Month  int             `rule:"月份"`
	}
	p, _ := rules.Build(monitorSpec())
	bind, _ := rules.Bind[project](p)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := bind.EvalBatch(ctx, make([]project, 1000), nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, rules.ErrCanceled), errors.Is(err, context.Canceled))
	// Output:
	// 计算被取消：已处理 0 行，共 1000 行
	// true true
}
