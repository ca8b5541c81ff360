package rules_test

import (
	"errors"
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// What a policy officer sees when a record cannot be computed: the rule file's line and
// column, the rule, and the reason in Chinese. A platform reads the same facts from the
// fields and may word them its own way, keyed on the Code.
func ExampleError() {
	p, _ := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "执行数", Type: rules.TypeDecimal}, {Name: "预算数", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{{Name: "执行率",
			Expr: rules.Expr{Text: "执行数 / 预算数", Pos: rules.Pos{File: "minfeng.yaml", Line: 10, Col: 10}}}},
	})
	_, err := p.EvalValue(map[string]any{"执行数": "80", "预算数": "0"})
	fmt.Println(err)

	var e *rules.Error
	if errors.As(err, &e) {
		fmt.Println(string(e.Code), e.Code.Title(), e.File, e.Line, e.Col, e.RuleID)
	}
	fmt.Println(errors.Is(err, rules.ErrDivByZero))
	// Output:
	// minfeng.yaml:10:16: 规则 执行率：除数为零：预算数 的值为 0
	// R001 除数为零 minfeng.yaml 10 16 执行率
	// true
}

// Errors lists every problem of a failed Build, each with its place, rule and code.
func ExampleErrors() {
	at := func(line int) rules.Pos { return rules.Pos{File: "minfeng.yaml", Line: line, Col: 9} }
	_, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "执行数", Type: rules.TypeDecimal}, {Name: "预算数", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{
			{Name: "执行率", Expr: rules.Expr{Text: "执行数 / 预算数 = 1", Pos: at(10)}},
			{Name: "偏差", Expr: rules.Expr{Text: "round(执形率, 4)", Pos: at(11)}},
		},
	})
	for _, e := range rules.Errors(err) {
		fmt.Printf("%s 第%d行第%d列 %s：%s\n", e.Code, e.Line, e.Col, e.RuleID, e.Msg)
	}
	// Output:
	// E001 语法错误 第10行第19列 执行率：语法错误：比较相等请写 ==，不是 =
	// E002 未知名称 第11行第15列 偏差：未知名称 执形率，是否为 执行率？
}

// ErrorList gathers problems from several places; Err sorts them by file and position.
func ExampleErrorList() {
	list := rules.ErrorList{
		{Code: rules.ErrFileKey, File: "b.yaml", Line: 3, Col: 1, Msg: "规则文件中有未知的键 effectiv，是否为 effective？"},
		{Code: rules.ErrUnknownName, File: "a.yaml", Line: 9, Col: 12, RuleID: "偏差", Msg: "未知名称 执形率，是否为 执行率？"},
	}
	err := list.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, rules.ErrUnknownName), errors.Is(err, rules.ErrCycle))
	fmt.Println(rules.ErrorList(nil).Err() == nil)
	// Output:
	// a.yaml:9:12: 规则 偏差：未知名称 执形率，是否为 执行率？
	// b.yaml:3:1: 规则文件中有未知的键 effectiv，是否为 effective？
	// true false
	// true
}

// A problem that is in no rule text, such as a bad option, prints without a position.
func ExampleError_withoutPosition() {
	_, err := rules.Compile("1 + 1", rules.MaxScale(4), rules.DivisionPlaces(6))
	fmt.Println(err)
	// Output:
	// DivisionPlaces(6) 超过 MaxScale(4)
}

// Codes is the published list, for a platform's own table of messages.
func ExampleCodes() {
	for _, c := range rules.Codes() {
		fmt.Println(string(c), c.Title())
	}
	// Output:
	// E001 语法错误
	// E002 未知名称
	// E003 类型不匹配
	// E004 函数参数有误
	// E005 不支持的写法
	// E006 数字写法有误
	// E007 超出限制
	// E008 名称重复
	// E009 循环引用
	// E010 表达式为空
	// E011 无效字符
	// E012 声明有误
	// E013 决策表有永远不会命中的行
	// E014 决策表有重复的行
	// E015 决策表有没有覆盖的取值
	// E016 文本值不可能相等
	// E017 表达式中的注释
	// R001 除数为零
	// R002 缺少输入
	// R003 输入值有误
	// R004 决策表没有匹配的行
	// R005 自定义函数出错
	// R006 计算超出限制
	// R007 计算被取消
	// R008 内部错误
	// R009 调用有误
	// F001 YAML 格式错误
	// F002 未知或拼错的键
	// F003 键的值有误
	// F004 缺少必填的键
	// F005 文件超出限制
	// F006 版本生效期有误
	// F007 决策表结果类型不一致
	// F008 规则测试未通过
	// F009 引用的规则集不存在
	// F010 全角标点
	// F011 测试没有期望结果
	// F012 列表值有歧义
	// W001 输入未被使用
	// W002 参数未被使用
	// W003 规则集没有测试
}

// A Code is an error itself, so errors.Is matches it; Title is its short Chinese name.
func ExampleCode_Title() {
	fmt.Println(rules.ErrNoMatch.Title())
	fmt.Println(rules.ErrNoMatch)
	// Output:
	// 决策表没有匹配的行
	// R004 决策表没有匹配的行
}
