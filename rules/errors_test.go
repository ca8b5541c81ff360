package rules_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// errRow is an expression that must not compile, and the first problem it must report.
type errRow struct {
	name   string
	expr   string
	code   rules.Code
	line   int // 0: not checked
	col    int // 0: not checked (rune-based, 1-based)
	msgHas []string
	reason string
}

func runErrRows(t *testing.T, rows []errRow, opts ...rules.Option) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			needReason(t, r.name, r.reason)
			p, err := rules.Compile(r.expr, append(std(), opts...)...)
			require.Nil(t, p, "%q must not compile", r.expr)
			e := hasCode(t, err, r.code)
			assert.GreaterOrEqual(t, e.Line, 1, "an expression's problem has a place in its text: %v", e)
			if r.line > 0 {
				assert.Equal(t, r.line, e.Line, "line: %v", e)
			}
			if r.col > 0 {
				assert.Equal(t, r.col, e.Col, "col: %v", e)
			}
			for _, m := range r.msgHas {
				assert.Contains(t, e.Msg, m, "%v", e)
			}
			assert.Equal(t, "<expr>", strings.SplitN(e.Error(), ":", 2)[0], "a stand-alone expression prints as <expr>")
		})
	}
}

func TestUnknownNames(t *testing.T) {
	runErrRows(t, []errRow{
		{name: "错字建议", expr: "执形率 >= 90%", code: rules.ErrUnknownName, line: 1, col: 1,
			msgHas: []string{"执形率", "是否为 执行率"}, reason: "执形率 is one character from the declared 执行率"},
		{name: "列按字符数", expr: "执行率 + 未知量", code: rules.ErrUnknownName, line: 1, col: 7,
			msgHas: []string{"未知量"}, reason: "columns count characters: 执行率 is 3 columns, then ' + ' → column 7"},
		{name: "函数名未知", expr: "四舍五入(执行率, 2)", code: rules.ErrUnknownName, line: 1, col: 1,
			msgHas: []string{"四舍五入"}, reason: "an unknown function is an unknown name"},
		{name: "函数名建议", expr: "rond(执行率, 2)", code: rules.ErrUnknownName, col: 1,
			msgHas: []string{"rond", "round"}, reason: "rond is one letter from round"},
		{name: "函数当名称用", expr: "max + 1", code: rules.ErrUnknownName, col: 1,
			msgHas: []string{"max", "max("}, reason: "a built-in used without parentheses gets a hint to call it"},
		{name: "名称当函数用", expr: "执行率(1)", code: rules.ErrType, col: 1,
			msgHas: []string{"执行率"}, reason: "an input cannot be called"},
		{name: "let外不可见", expr: "(let x = 1; x) + x", code: rules.ErrUnknownName, col: 18,
			reason: "a let name is visible only in its body; the last x (column 18) is unknown"},
	})
}

// TestEveryUnknownNameReported: a staff member fixing a file wants every mistake at once.
func TestEveryUnknownNameReported(t *testing.T) {
	for _, c := range []struct {
		expr   string
		cols   []int
		reason string
	}{
		{"甲 + 乙 * 丙", []int{1, 5, 9}, "three undeclared single-character names at columns 1, 5, 9"},
		{"round(甲, 2) + max(乙, 丙)", []int{7, 19, 22}, "unknown names inside function arguments"},
		{"let x = 甲; x + 乙", []int{9, 16}, "unknown names in a let value and its body"},
		{"甲 > 1 ? 乙 : 丙", []int{1, 9, 13}, "unknown names in every part of a conditional"},
		{"甲 in [乙, 1]", []int{1, 7}, "unknown names on both sides of in"},
		{"-甲 + 执行率 * (乙 - 丙)", []int{2, 13, 17}, "unknown names under unary minus and in parentheses"},
	} {
		t.Run(c.expr, func(t *testing.T) {
			needReason(t, c.expr, c.reason)
			_, err := rules.Compile(c.expr, std()...)
			list := errList(t, err)
			var cols []int
			for _, e := range list {
				assert.Equal(t, rules.ErrUnknownName, e.Code, "%v", e)
				assert.Equal(t, 1, e.Line)
				cols = append(cols, e.Col)
			}
			assert.Equal(t, c.cols, cols, "%v", err)
			assert.True(t, errors.Is(err, rules.ErrUnknownName))
			var l rules.ErrorList
			require.True(t, errors.As(err, &l))
			assert.Len(t, strings.Split(err.Error(), "\n"), len(c.cols), "one line per problem")
		})
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := rules.Compile("执形率 >= 90%", std()...)
	require.Error(t, err)
	assert.Equal(t, "<expr>:1:1: 未知名称 执形率，是否为 执行率？", err.Error(), "the form STYLE.md gives, without a rule id")

	_, err = rules.Build(rules.Spec{
		Inputs:   []rules.Input{{Name: "执行率", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{{Name: "R03", Expr: rules.Expr{Text: "执形率 * 100", Pos: rules.Pos{File: "budget.yaml", Line: 12, Col: 9}}}},
	})
	require.Error(t, err)
	assert.Equal(t, "budget.yaml:12:9: 规则 R03：未知名称 执形率，是否为 执行率？", err.Error(), "STYLE.md's example, verbatim")
	e := rules.Errors(err)[0]
	assert.Equal(t, "R03", e.RuleID)
	assert.Equal(t, "budget.yaml", e.File)

	assert.Equal(t, "E002 未知名称", rules.ErrUnknownName.Error())
	seen := map[rules.Code]bool{}
	for _, c := range rules.Codes() {
		assert.False(t, seen[c], "code %s listed twice", c)
		seen[c] = true
		assert.NotEmpty(t, c.Title(), "code %s has no title", c)
		assert.Len(t, string(c), 4)
	}
	assert.Nil(t, rules.Errors(errors.New("plain")))
	assert.Nil(t, rules.Errors(nil))
}

// TestErrorWithoutPosition: a problem that is in no rule text prints no invented position.
func TestErrorWithoutPosition(t *testing.T) {
	for _, c := range []struct {
		name   string
		err    *rules.Error
		want   string
		reason string
	}{
		{"只有说明", &rules.Error{Msg: "说明"}, "说明", "neither file nor line: the message alone"},
		{"规则", &rules.Error{RuleID: "甲", Msg: "说明"}, "规则 甲：说明", "the rule is still named"},
		{"只有文件", &rules.Error{File: "a.yaml", Msg: "说明"}, "a.yaml: 说明", "a file without a line"},
		{"文件和规则", &rules.Error{File: "a.yaml", RuleID: "甲", Msg: "说明"}, "a.yaml: 规则 甲：说明", "file, then rule"},
		{"表达式", &rules.Error{Line: 1, Col: 3, Msg: "说明"}, "<expr>:1:3: 说明", "an expression's problem as before"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			assert.Equal(t, c.want, c.err.Error())
		})
	}

	for _, c := range []struct {
		name   string
		run    func() error
		code   rules.Code
		want   string
		reason string
	}{
		{"选项", func() error { _, err := rules.Compile("1", rules.MaxLength(0)); return err },
			rules.ErrDeclaration, "MaxLength 必须为正数，收到 0", "an option is given in Go, not in rule text"},
		{"无可计算", func() error { _, err := rules.Build(rules.Spec{}); return err },
			rules.ErrEmpty, "没有任何公式或决策表可以计算", "an empty Spec has no text at all"},
		{"Go声明的重名输入", func() error {
			_, err := rules.Compile("1", rules.WithInput("甲", rules.TypeDecimal), rules.WithInput("甲", rules.TypeDecimal))
			return err
		}, rules.ErrDuplicate, "名称 甲 重复定义", "inputs declared in Go have no place in a file"},
		{"未读的输入", func() error {
			p, err := rules.Compile("1", std()...)
			require.NoError(t, err)
			_, err = p.EvalValue(vars{"预算数": 0.5})
			return err
		}, rules.ErrInputValue, "输入 预算数 不接受浮点数（float），请传入 decimal.Decimal 或数字文本，以免产生二进制误差",
			"an input the rule never reads has no first use to point at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			err := c.run()
			e := onlyCode(t, err, c.code)
			assert.Equal(t, [2]int{0, 0}, [2]int{e.Line, e.Col})
			assert.Equal(t, c.want, err.Error())
		})
	}
}

func TestMultiLinePositions(t *testing.T) {
	// The text starts at budget.yaml line 5 column 9; continuation lines are indented to column 3.
	pos := rules.Pos{File: "budget.yaml", Line: 5, Col: 9, Offset: 100, Indent: 3}
	build := func(text string, p rules.Pos) error {
		_, err := rules.Build(rules.Spec{
			Inputs:   []rules.Input{{Name: "执行数", Type: rules.TypeDecimal}, {Name: "预算数", Type: rules.TypeDecimal}},
			Formulas: []rules.Formula{{Name: "执行率", Expr: rules.Expr{Text: text, Pos: p}}},
		})
		return err
	}
	t.Run("续行", func(t *testing.T) {
		// "执行数\n" is 4 runes, so line 2 starts at rune offset 4; "  / " puts 未知数 at offset 8,
		// 4 characters into a line whose first character is at file column 3: column 3 + 4 = 7.
		err := build("执行数\n  / 未知数", pos)
		e := onlyCode(t, err, rules.ErrUnknownName)
		assert.Equal(t, "budget.yaml", e.File)
		assert.Equal(t, 6, e.Line)
		assert.Equal(t, 7, e.Col)
		assert.Equal(t, 108, e.Offset, "file offset = text offset 100 + rune offset 8")
		assert.Equal(t, "执行率", e.RuleID)
		assert.True(t, strings.HasPrefix(e.Error(), "budget.yaml:6:7: 规则 执行率："), e.Error())
	})
	t.Run("首行", func(t *testing.T) {
		err := build("未知数 +\n  执行数", pos)
		e := onlyCode(t, err, rules.ErrUnknownName)
		assert.Equal(t, 5, e.Line)
		assert.Equal(t, 9, e.Col, "the first line starts at the text's own column")
	})
	t.Run("第三行无缩进", func(t *testing.T) {
		p := pos
		p.Indent = 0
		err := build("执行数\n/\n预算数 +", p)
		e := onlyCode(t, err, rules.ErrSyntax)
		assert.Equal(t, 7, e.Line, "the incomplete end is on the third line")
		assert.GreaterOrEqual(t, e.Col, 5, "after 预算数 + on a line starting at column 1")
	})
	t.Run("多个错误按位置排序", func(t *testing.T) {
		err := build("甲 +\n  乙 +\n  丙", pos)
		list := errList(t, err)
		require.Len(t, list, 3)
		assert.Equal(t, []int{5, 6, 7}, []int{list[0].Line, list[1].Line, list[2].Line})
		assert.Equal(t, []int{9, 5, 5}, []int{list[0].Col, list[1].Col, list[2].Col})
	})
	t.Run("运行时错误在文件中的位置", func(t *testing.T) {
		p, err := rules.Build(rules.Spec{
			Inputs:   []rules.Input{{Name: "执行数", Type: rules.TypeDecimal}, {Name: "预算数", Type: rules.TypeDecimal}},
			Formulas: []rules.Formula{{Name: "执行率", Expr: rules.Expr{Text: "执行数\n  / 预算数", Pos: pos}}},
		})
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("1"), "预算数": d("0")})
		e := onlyCode(t, err, rules.ErrDivByZero)
		assert.Equal(t, [3]any{"budget.yaml", 6, 7}, [3]any{e.File, e.Line, e.Col}, "points at the divisor 预算数")
		assert.Equal(t, "执行率", e.RuleID)
	})
}

func TestRuntimeErrors(t *testing.T) {
	t.Run("除数为零", func(t *testing.T) {
		p, err := rules.Compile("执行数 / 预算数", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("1"), "预算数": d("0.00")})
		e := onlyCode(t, err, rules.ErrDivByZero)
		assert.Equal(t, 1, e.Line)
		assert.Equal(t, 7, e.Col, "the divisor 预算数 starts at column 7")
		assert.Contains(t, e.Msg, "预算数")
	})
	t.Run("算出的除数为零", func(t *testing.T) {
		p, err := rules.Compile("1 / (执行数 - 预算数)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("5"), "预算数": d("5")})
		e := onlyCode(t, err, rules.ErrDivByZero)
		assert.GreaterOrEqual(t, e.Col, 5, "inside the parenthesised divisor")
		assert.LessOrEqual(t, e.Col, 13)
	})
	t.Run("取余除数为零", func(t *testing.T) {
		p, err := rules.Compile("1 + mod(执行数, 预算数)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("5"), "预算数": d("0")})
		e := onlyCode(t, err, rules.ErrDivByZero)
		assert.GreaterOrEqual(t, e.Col, 5)
	})
	t.Run("平均空列表", func(t *testing.T) {
		p, err := rules.Compile("avg(明细)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"明细": nil})
		require.Error(t, err, "nil is no list")
		_, err = p.EvalValue(vars{"明细": rules.ListOf(nil)})
		hasCode(t, err, rules.ErrInputValue)
	})
	t.Run("缺少输入", func(t *testing.T) {
		p, err := rules.Compile("预算数 > 0 and 执行数 / 预算数 >= 90%", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"预算数": d("1")})
		e := onlyCode(t, err, rules.ErrMissingInput)
		assert.Equal(t, 1, e.Line)
		assert.Equal(t, 13, e.Col, "points at the first use of 执行数: '预算数 > 0 and ' is 12 characters")
		assert.Contains(t, e.Msg, "执行数")
	})
	t.Run("缺少多个输入", func(t *testing.T) {
		p, err := rules.Compile("预算数 + 执行数", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(nil)
		list := errList(t, err)
		require.Len(t, list, 2, "every missing input is reported: %v", err)
		assert.Equal(t, []int{1, 7}, []int{list[0].Col, list[1].Col})
		assert.True(t, errors.Is(err, rules.ErrMissingInput))
	})
	t.Run("未使用的输入不必给", func(t *testing.T) {
		v := compileRun(t, "执行数 * 2", vars{"执行数": d("1.5")}, std()...)
		sameValue(t, num(d("1.5").Mul(d("2"))), v, "inputs the expression does not read may be absent")
	})
	t.Run("类型不符的输入", func(t *testing.T) {
		p, err := rules.Compile("部门 == \"财政局\" and 日期 > make_date(2024, 1, 1)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"部门": 3, "日期": "2024-13-01"})
		list := errList(t, err)
		assert.Len(t, list, 2, "both bad inputs reported: %v", err)
		assert.True(t, errors.Is(err, rules.ErrInputValue))
	})
	t.Run("日期不存在", func(t *testing.T) {
		p, err := rules.Compile("make_date(2023, 2, 月份)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"月份": 29})
		onlyCode(t, err, rules.ErrInputValue)
		_, err = p.EvalValue(vars{"月份": 28})
		require.NoError(t, err)
	})
	t.Run("clamp上下限颠倒", func(t *testing.T) {
		p, err := rules.Compile("clamp(执行率, 1, 0)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行率": d("0.5")})
		onlyCode(t, err, rules.ErrInputValue)
	})
	t.Run("运行时错误不影响下一条记录", func(t *testing.T) {
		p, err := rules.Compile("执行数 / 预算数", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("1"), "预算数": d("0")})
		require.Error(t, err)
		v, err := p.EvalValue(vars{"执行数": d("1"), "预算数": d("4")})
		require.NoError(t, err)
		sameValue(t, num(div20(d("1"), d("4"))), v)
	})
}

func TestTypeAndArityErrors(t *testing.T) {
	runErrRows(t, []errRow{
		{name: "文本加数", expr: "\"a\" + 1", code: rules.ErrType, reason: "text and a number cannot be added"},
		{name: "文本比大小", expr: "部门 > \"a\"", code: rules.ErrType, msgHas: []string{">"},
			reason: "text has no order; only == and !="},
		{name: "文本乘", expr: "部门 * 2", code: rules.ErrType, col: 1, reason: "the left side 部门 is text"},
		{name: "布尔加", expr: "已完成 + 1", code: rules.ErrType, reason: "true/false is not a number"},
		{name: "条件非布尔", expr: "if 1 { 2 } else { 3 }", code: rules.ErrType, reason: "a condition must be true/false"},
		{name: "比较类型不同", expr: "1 == \"1\"", code: rules.ErrType, reason: "a number never equals text"},
		{name: "三元两支类型不同", expr: "执行率 >= 90% ? \"好\" : 0", code: rules.ErrType, reason: "both results must have one type"},
		{name: "日期加数", expr: "日期 + 1", code: rules.ErrType, reason: "dates move with add_days, not +"},
		{name: "列表比较", expr: "明细 == 明细", code: rules.ErrType, reason: "lists cannot be compared"},
		{name: "非布尔取反", expr: "!执行率", code: rules.ErrType, reason: "! needs true/false"},
		{name: "文本取负", expr: "-部门", code: rules.ErrType, reason: "a minus sign needs a number"},
		{name: "in左边是文本右边数值列表", expr: "部门 in 明细", code: rules.ErrType, reason: "a list input holds numbers"},
		{name: "in元素类型不同", expr: "月份 in [1, \"2\"]", code: rules.ErrType, reason: "list elements must match the left side"},
		{name: "round参数过多", expr: "round(1, 2, 3)", code: rules.ErrArgs, col: 1, msgHas: []string{"round"},
			reason: "round takes 1 or 2 arguments"},
		{name: "abs无参数", expr: "abs()", code: rules.ErrArgs, col: 1, reason: "abs takes 1 argument"},
		{name: "clamp少参数", expr: "clamp(1, 2)", code: rules.ErrArgs, reason: "clamp takes 3 arguments"},
		{name: "mod少参数", expr: "mod(1)", code: rules.ErrArgs, reason: "mod takes 2 arguments"},
		{name: "count数值", expr: "count(1, 2)", code: rules.ErrArgs, reason: "count takes one list"},
		{name: "days_between参数类型", expr: "days_between(1, 2)", code: rules.ErrType, reason: "days_between takes dates"},
		{name: "round参数是文本", expr: "round(部门)", code: rules.ErrType, reason: "round rounds numbers"},
		{name: "列表元素是文本", expr: "sum([1, \"2\"])", code: rules.ErrType, reason: "a list literal holds numbers"},
		{name: "let重名", expr: "let 执行率 = 1; 执行率", code: rules.ErrDuplicate, reason: "a let may not hide an input"},
	})
}

func TestDisabledAndUnsupported(t *testing.T) {
	runErrRows(t, []errRow{
		{name: "float停用", expr: "float(1) + 1", code: rules.ErrUnsupported, col: 1, msgHas: []string{"float"},
			reason: "float would bring binary fractions in"},
		{name: "now停用", expr: "now()", code: rules.ErrUnsupported, col: 1, reason: "no clock: results must not change between runs"},
		{name: "date停用", expr: "date(\"2024-01-01\")", code: rules.ErrUnsupported, reason: "expr's date builtin reads the clock and zones; make_date is ours"},
		{name: "乘方停用", expr: "2 ** 3", code: rules.ErrUnsupported, reason: "** produces float64 in expr"},
		{name: "脱字号乘方停用", expr: "2 ^ 3", code: rules.ErrUnsupported, reason: "^ is expr's power too"},
		{name: "len停用", expr: "len(部门)", code: rules.ErrUnsupported, reason: "len is an expr builtin, switched off"},
		{name: "成员访问", expr: "部门.长度", code: rules.ErrUnsupported, reason: "no member or method access"},
		{name: "未声明成员访问", expr: "a.b", code: rules.ErrUnsupported, reason: "no member access on anything"},
		{name: "方法调用", expr: "部门.Len()", code: rules.ErrUnsupported, reason: "no Go methods"},
		{name: "下标", expr: "明细[0]", code: rules.ErrUnsupported, reason: "no indexing"},
		{name: "取余符号", expr: "执行数 % 预算数", code: rules.ErrUnsupported, col: 5, msgHas: []string{"mod("},
			reason: "% is a percent sign; modulo is written mod(a, b), and the message says so"},
		{name: "数字取余带空格", expr: "7 % 2", code: rules.ErrUnsupported, col: 3, msgHas: []string{"mod("},
			reason: "'7 %' with a space is modulo intent, not a percentage"},
		{name: "映射", expr: "{\"a\": 1}", code: rules.ErrUnsupported, reason: "no maps"},
		{name: "nil", expr: "nil", code: rules.ErrUnsupported, reason: "missing data is an input error, not nil"},
		{name: "管道谓词", expr: "all(明细, # > 0)", code: rules.ErrSyntax, col: 9, reason: "no predicates: # is not part of the language"},
		{name: "matches", expr: "部门 matches \"财.*\"", code: rules.ErrUnsupported, reason: "no regular expressions"},
		{name: "范围", expr: "1..3", code: rules.ErrUnsupported, col: 2, reason: "no ranges: the .. operator is refused by name"},
		{name: "空值合并", expr: "执行率 ?? 0", code: rules.ErrUnsupported, reason: "no ?? (no nil)"},
		{name: "多条语句", expr: "1; 2", code: rules.ErrUnsupported, reason: "one expression, one result"},
	})
}

func TestNumberAndSyntaxErrors(t *testing.T) {
	runErrRows(t, []errRow{
		{name: "两个小数点", expr: "12.3.4", code: rules.ErrNumber, col: 1, reason: "a number has one decimal point"},
		{name: "带单位万", expr: "20万", code: rules.ErrNumber, col: 1, msgHas: []string{"20"},
			reason: "units belong in the input declaration, not the rule"},
		{name: "带单位亿元", expr: "预算数 > 3亿元", code: rules.ErrNumber, col: 7, reason: "units are not part of numbers"},
		{name: "小数点后无数字", expr: "1. + 2", code: rules.ErrNumber, col: 1, reason: "'1.' lacks its fraction"},
		{name: "数字接文字", expr: "3天", code: rules.ErrNumber, col: 1, reason: "a name cannot start with a digit"},
		{name: "单个等号", expr: "执行率 = 1", code: rules.ErrSyntax, col: 5, msgHas: []string{"=="},
			reason: "= is not comparison; the message suggests =="},
		{name: "结尾不完整", expr: "1 +", code: rules.ErrSyntax, reason: "a missing operand"},
		{name: "缺右括号", expr: "(1 + 2", code: rules.ErrSyntax, reason: "unbalanced parentheses"},
		{name: "多右括号", expr: "1 + 2)", code: rules.ErrSyntax, col: 6, reason: "an extra ) at column 6"},
		{name: "连续运算符", expr: "1 + * 2", code: rules.ErrSyntax, reason: "two operators in a row"},
		{name: "缺结束引号", expr: "部门 == \"财政", code: rules.ErrSyntax, reason: "unterminated text"},
		{name: "中文乘号", expr: "2 × 3", code: rules.ErrChar, col: 3, msgHas: []string{"*"},
			reason: "× looks like multiply; the message says to type *"},
		{name: "中文小于等于", expr: "执行率 ≤ 1", code: rules.ErrChar, col: 5, msgHas: []string{"<="},
			reason: "≤ is written <="},
		{name: "未知字符", expr: "1 @ 2", code: rules.ErrChar, col: 3, reason: "@ is a character the language does not know"},
		{name: "科学计数法", expr: "1e3 + 0", code: rules.ErrNumber, col: 1, msgHas: []string{"科学计数法"},
			reason: "rule text writes numbers out in full; 1e3 is refused with a hint"},
		{name: "小数位过多", expr: "0.12345678901234567890123456789012345678901", code: rules.ErrLimit,
			reason: "41 places exceed the default MaxScale 40"},
	})
}

// TestEveryExpressionReported: a Build reports at least the first problem of every expression.
func TestEveryExpressionReported(t *testing.T) {
	at := func(line int) rules.Pos { return rules.Pos{File: "r.yaml", Line: line, Col: 5} }
	_, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "执行率", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{
			{Name: "甲", Expr: rules.Expr{Text: "执形率 * 2", Pos: at(3)}},
			{Name: "乙", Expr: rules.Expr{Text: "(1 + ", Pos: at(4)}},
			{Name: "丙", Expr: rules.Expr{Text: "\"x\" - 1", Pos: at(5)}},
			{Name: "丁", Expr: rules.Expr{Text: "round(1, 2, 3)", Pos: at(6)}},
			{Name: "戊", Expr: rules.Expr{Text: "12.3.4", Pos: at(7)}},
		},
		Tables: []rules.Table{{Name: "己", Pos: at(8), Rows: []rules.Row{
			{When: rules.Expr{Text: "未知 > 1", Pos: at(9)}, Then: rules.Outcome{Value: rules.TextOf("A")}},
		}}},
	})
	list := errList(t, err)
	byLine := map[int]rules.Code{}
	for _, e := range list {
		assert.Equal(t, "r.yaml", e.File)
		if _, ok := byLine[e.Line]; !ok {
			byLine[e.Line] = e.Code
		}
	}
	assert.Equal(t, map[int]rules.Code{3: rules.ErrUnknownName, 4: rules.ErrSyntax, 5: rules.ErrType,
		6: rules.ErrArgs, 7: rules.ErrNumber, 9: rules.ErrUnknownName}, byLine, "%v", err)
	for i := 1; i < len(list); i++ {
		assert.LessOrEqual(t, list[i-1].Line, list[i].Line, "problems in file order")
	}
	for _, e := range list {
		assert.NotEmpty(t, e.RuleID, "each problem names its rule: %v", e)
	}
}

func TestOptionErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  rules.Option
	}{
		{"零长度", rules.MaxLength(0)},
		{"负节点", rules.MaxNodes(-1)},
		{"零位数", rules.MaxDigits(0)},
		{"输入名为空", rules.WithInput("", rules.TypeDecimal)},
		{"输入名是保留字", rules.WithInput("let", rules.TypeDecimal)},
		{"输入名以数字开头", rules.WithInput("2号", rules.TypeDecimal)},
		{"输入类型无效", rules.WithInput("甲", rules.TypeInvalid)},
		{"函数无函数体", rules.WithFunction(rules.Func{Name: "空"})},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := rules.Compile("1", c.opt)
			hasCode(t, err, rules.ErrDeclaration)
		})
	}
}

// TestInListOfLists: `in` tests a number (or text, date, truth value) against a list; a list on
// its left is a type error. It must never panic, nor read a list input as a number.
func TestInListOfLists(t *testing.T) {
	for _, c := range []struct{ expr, reason string }{
		{"[1] in [[1]]", "a list literal on the left"},
		{"let a = [1]; a in [a]", "a list let on the left"},
		{"[] in [[]]", "empty lists"},
		{"明细 in [明细]", "a list input on the left: today it compiles and compares the input's unset number slot"},
		{"明细 in 明细", "a list is not an element of itself"},
	} {
		t.Run(c.expr, func(t *testing.T) {
			needReason(t, c.expr, c.reason)
			safely(t, "Compile", func() {
				_, err := rules.Compile(c.expr, std()...)
				hasCode(t, err, rules.ErrType)
			})
		})
	}
	// The wrong answer it gives today: [0] is "in" [[0]] because the number slot reads 0.
	safely(t, "Eval", func() {
		p, err := rules.Compile("明细 in [明细]", std()...)
		if err == nil {
			v, err := p.EvalValue(vars{"明细": []decimal.Decimal{decimal.Zero}})
			assert.False(t, err == nil && v.Bool(), "明细 in [明细] gave %v for 明细 = [0]", v)
		}
	})
}

// TestOneNumberOneMessage: a number written wrong is one mistake, reported once, however
// many rules it also breaks (a 1e-100 is both scientific and over MaxScale).
func TestOneNumberOneMessage(t *testing.T) {
	cases := []struct {
		expr, has, reason string
	}{
		{"1e-100 + 0", "科学计数法", "scientific notation of a tiny number: not also 小数位数超过上限"},
		{"1e999 + 0", "科学计数法", "scientific notation of a huge number: not also 位数超过上限"},
		{"1.5.2 + 0", "多了一个小数点", "the .2 after the second point is the same slip, not 小数要写出整数部分"},
		{"20万 + 0", "不带单位", "a unit after a number is said once"},
		{"1.2.3.4 + 0", "多了一个小数点", "every extra point belongs to the one number"},
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			needReason(t, c.expr, c.reason)
			_, err := rules.Compile(c.expr)
			list := errList(t, err)
			require.Len(t, list, 1, "%v\n%s", err, c.reason)
			assert.Contains(t, list[0].Msg, c.has, c.reason)
			assert.Equal(t, 1, list[0].Col, "the message points at the number")
		})
	}
}

// TestExplainStopsAtFailedRow: when a row's condition fails at run time, the trace marks that
// row failed and goes no further: no value for the failed division, no later row, no else.
func TestExplainStopsAtFailedRow(t *testing.T) {
	p, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "a", Type: rules.TypeDecimal}, {Name: "b", Type: rules.TypeDecimal}},
		Tables: []rules.Table{{Name: "档", Rows: []rules.Row{
			{When: rules.Expr{Text: "a >= 10"}, Then: rules.Outcome{Value: rules.TextOf("高")}},
			{When: rules.Expr{Text: "a / b > 1"}, Then: rules.Outcome{Value: rules.TextOf("中")}},
			{Else: true, Then: rules.Outcome{Value: rules.TextOf("低")}},
		}}},
	})
	require.NoError(t, err)
	_, trace, err := p.Explain(map[string]any{"a": "2", "b": "0"})
	require.Error(t, err, "a division by zero")
	var rows []string
	for _, s := range trace {
		assert.NotEqual(t, "a / b", s.Text, "the failed division has no value to show")
		if s.Kind == "row" {
			rows = append(rows, strconv.Itoa(s.Row)+" matched="+strconv.FormatBool(s.Matched)+" failed="+strconv.FormatBool(s.Failed))
		}
	}
	assert.Equal(t, []string{"1 matched=false failed=false", "2 matched=false failed=true"}, rows,
		"row 1 tried, row 2 failed; the else row is not shown as taken")
}
