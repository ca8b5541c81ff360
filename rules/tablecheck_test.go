package rules_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// logicInputs are the inputs the table-analysis cases read.
var logicInputs = []rules.Input{
	{Name: "总分", Type: rules.TypeDecimal},
	{Name: "实际", Type: rules.TypeDecimal},
	{Name: "月份", Type: rules.TypeInt},
	{Name: "类别", Type: rules.TypeString},
	{Name: "有评定", Type: rules.TypeBool},
	{Name: "监控日", Type: rules.TypeDate},
}

// tableLine is where the table under test is named; row i (1-based) is on line tableLine+i.
const tableLine = 20

// logicSpec builds a Spec with one table 档次 of the given rows ("else: x" is the else row,
// otherwise "条件 => 结果"), positioned so that a finding's line tells its row.
func logicSpec(rows []string, consts []rules.Const, formulas ...rules.Formula) rules.Spec {
	t := rules.Table{Name: "档次", Pos: rules.Pos{File: "t.yaml", Line: tableLine, Col: 3}}
	for i, r := range rows {
		at := rules.Pos{File: "t.yaml", Line: tableLine + 1 + i, Col: 13}
		if out, ok := strings.CutPrefix(r, "else: "); ok {
			t.Rows = append(t.Rows, rules.Row{Else: true, Then: rules.Outcome{Value: rules.TextOf(out)}, Pos: at})
			continue
		}
		cond, out, _ := strings.Cut(r, " => ")
		t.Rows = append(t.Rows, rules.Row{When: rules.Expr{Text: cond, Pos: at}, Then: rules.Outcome{Value: rules.TextOf(out)}, Pos: at})
	}
	return rules.Spec{Inputs: logicInputs, Consts: consts, Formulas: formulas, Tables: []rules.Table{t}}
}

// finding is one expected problem: its code, the row it points at (0: the table's name)
// and words its message must hold.
type finding struct {
	code rules.Code
	row  int
	has  []string
}

func TestTableLogic(t *testing.T) {
	grades := []rules.Const{{Name: "优下限", Value: numS("90")}, {Name: "良下限", Value: numS("95")}, {Name: "超额扣分", Value: rules.BoolOf(false)}}
	shown := rules.Formula{Name: "显示总分", Expr: rules.Expr{Text: "round(总分, 1)"}}
	capped := rules.Formula{Name: "封顶总分", Expr: rules.Expr{Text: "min(总分, 100)"}}
	ratio := rules.Formula{Name: "比率", Expr: rules.Expr{Text: "总分 / 实际"}}
	self := rules.Formula{Name: "差额", Expr: rules.Expr{Text: "总分 - 总分"}}
	months := rules.Formula{Name: "序时", Expr: rules.Expr{Text: "月份 / 12"}}
	cases := []struct {
		name     string
		rows     []string
		consts   []rules.Const
		formulas []rules.Formula
		want     []finding
		reason   string
	}{
		{"缺口在开闭区间之间", []string{"总分 < 60 => 差", "总分 >= 60.5 => 及格"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"总分 = 60 时没有任何一行成立", "60 <= 总分 < 60.5"}}},
			"60 itself and everything up to 60.5 (exclusive) match no row; 60 is the shortest value there"},
		{"开区间缺口取短小数", []string{"总分 <= 60 => 差", "总分 > 60.5 => 及格"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"总分 = 60.1 时", "60 < 总分 <= 60.5"}}},
			"between 60 exclusive and 60.5 inclusive the example must lie inside: 60.1"},
		{"只漏一个点", []string{"总分 < 60 => 差", "总分 > 60 => 及格"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"总分 = 60 时"}}},
			"exactly 60 matches neither < nor >"},
		{"等号在两行都有不算缺口", []string{"总分 <= 60 => 差", "总分 >= 60 => 及格"}, nil, nil, nil,
			"<= 60 and >= 60 cover every number (and overlap at 60, which is allowed)"},
		{"下方无界的缺口", []string{"总分 >= 90 => 优", "总分 >= 0 => 及格"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"总分 = -1 时", "总分 < 0"}}},
			"inputs declare no range: a negative score is a value the table must answer"},
		{"整数输入没有小数缺口", []string{"月份 < 6 => 上半年", "月份 > 5.5 => 下半年"}, nil, nil, nil,
			"月份 is an int: nothing lies between < 6 and > 5.5"},
		{"整数输入的缺口", []string{"月份 <= 5 => 上半年", "月份 >= 7 => 下半年"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"月份 = 6 时"}}},
			"the whole number 6 is in neither row"},
		{"日期的缺口", []string{"监控日 < make_date(2024, 6, 1) => 上半年", "监控日 >= make_date(2024, 6, 2) => 下半年"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"监控日 = 2024-06-01 时"}}},
			"dates are days: 2024-06-01 is the one day no row covers (make_date on constants is folded)"},
		{"行序错误永远不会命中", []string{"总分 >= 70 => 良", "总分 >= 85 => 优", "else: 差"}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 2, []string{"第 2 行（总分 >= 85）永远不会命中", "第 1 行（总分 >= 70）", "总分 = 85 时第 1 行已经成立"}}},
			"every score >= 85 is >= 70: the first row takes it"},
		{"被前面几行合起来覆盖", []string{"总分 < 60 => 差", "总分 >= 60 => 及格", "总分 == 75 => 中", "else: 无"}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 3, []string{"第 2 行（总分 >= 60）", "总分 = 75 时第 2 行已经成立"}}},
			"rows 1 and 2 together cover every number; 75 goes to row 2"},
		{"重复的行结果相同", []string{"总分 >= 90 => 优", "总分 >= 90 => 优", "else: 差"}, nil, nil,
			[]finding{{rules.ErrRowDuplicate, 2, []string{"第 2 行与第 1 行的条件相同", "删去这一行"}}},
			"the same condition twice with the same outcome"},
		{"写法不同的重复行", []string{"总分 >= 90 => 优", "90 <= 总分 => 良", "else: 差"}, nil, nil,
			[]finding{{rules.ErrRowDuplicate, 2, []string{"第 2 行与第 1 行的条件相同", "它的结果 良 不会出现（第 1 行给出 优）"}}},
			"90 <= 总分 is 总分 >= 90 written the other way round"},
		{"条件自相矛盾", []string{"总分 > 5 and 总分 < 3 => 甲", "else: 乙"}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 1, []string{"第 1 行的条件永远不成立"}}},
			"no number is both above 5 and below 3"},
		{"写死的 false", []string{"false => 甲", "else: 乙"}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 1, []string{"永远不成立"}}},
			"a row written false never matches"},
		{"文本 in 与缺口", []string{`类别 in ["债务", "专项"] => 甲`, `类别 == "专项" => 乙`}, nil, nil,
			[]finding{
				{rules.ErrTableGap, 0, []string{`类别 = "其他" 时没有任何一行成立`}},
				{rules.ErrRowUnreachable, 2, []string{`类别 = "专项" 时第 1 行已经成立`}},
			},
			"专项 is in the list of row 1; a text input may hold any other text"},
		{"文本 not 覆盖全部", []string{`类别 == "债务" => 甲`, `not (类别 == "债务") => 乙`}, nil, nil, nil,
			"a text and its negation cover every text"},
		{"两个名称的方框", []string{"总分 >= 60 and 月份 >= 6 => 甲", "总分 >= 60 and 月份 < 6 => 乙", "总分 >= 90 => 丙", "else: 丁"}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 3, []string{"第 1 行", "第 2 行", "总分 = 90"}}},
			"rows 1 and 2 together are 总分 >= 60 for every month, which holds 总分 >= 90"},
		{"两个名称的缺口", []string{"有评定 and 总分 >= 60 => 甲", "not 有评定 => 乙"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"有评定 = true", "总分 = 59"}}},
			"with 有评定 true a score below 60 matches nothing"},
		{"参数按当前取值分析", []string{"总分 >= 优下限 => 优", "总分 >= 良下限 => 良", "else: 差"}, grades, nil,
			[]finding{{rules.ErrRowUnreachable, 2, []string{"总分 = 95 时第 1 行已经成立", "良下限 = 95", "优下限 = 90"}}},
			"with 优下限 90 and 良下限 95 (a wrong dated value) the 良 row is dead; the message shows the values"},
		{"参数开关关掉的行不报", []string{"超额扣分 and 总分 > 1 => 扣", "else: 不扣"}, grades, nil, nil,
			"a bool param switching a row off is policy (another date or region turns it on)"},
		{"函数调用不分析", []string{"round(总分, 0) >= 70 => 良", "round(总分, 0) >= 85 => 优", "else: 差"}, nil, nil, nil,
			"a function of an input is not read: the second row is not claimed dead"},
		{"两个输入比较不分析", []string{"总分 >= 实际 => 达到", "总分 >= 实际 => 又达到", "else: 未达到"}, nil, nil, nil,
			"a comparison of two inputs is not read (nor is a repeat of it)"},
		{"不能分析的行不造成缺口", []string{"总分 >= 60 => 及格", "round(总分, 0) < 60 => 差"}, nil, nil, nil,
			"the second row may cover every score below 60: no gap is claimed"},
		{"能证明的缺口仍然报告", []string{"总分 >= 60 and round(总分, 0) > 1 => 及格", "总分 >= 90 => 优"}, nil, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"总分 = 59 时"}}},
			"whatever round gives, no row holds below 60"},
		{"公式结果范围未知不报缺口", []string{"封顶总分 >= 60 => 及格"}, nil, []rules.Formula{capped}, nil,
			"封顶总分 is min(总分, 100): whether it can be below 60 is not proven, so no gap is claimed"},
		{"输入相除的公式照样报缺口", []string{"比率 >= 0.9 => 好", "比率 < 0.5 => 差"}, nil, []rules.Formula{ratio},
			[]finding{{rules.ErrTableGap, 0, []string{"比率 = 0.5 时没有任何一行成立", "0.5 <= 比率 < 0.9"}}},
			"总分 / 实际 of two free decimal inputs reaches every number: 0.5 to 0.9 is a real gap (issue 7, found only at run time before)"},
		{"取整后的公式按位数报缺口", []string{"显示总分 < 60 => 差", "显示总分 >= 60.5 => 及格"}, nil, []rules.Formula{shown},
			[]finding{{rules.ErrTableGap, 0, []string{"显示总分 = 60 时", "60 <= 显示总分 < 60.5"}}},
			"round(总分, 1) reaches every number of one place, and 60 is one of them"},
		{"取整后的例子取够位数", []string{"显示总分 <= 60.15 => 差", "显示总分 <= 50 => 低"}, nil, []rules.Formula{shown},
			[]finding{{rules.ErrTableGap, 0, []string{"显示总分 = 60.2 时"}}, {rules.ErrRowUnreachable, 2, []string{"显示总分 = 50 时第 1 行已经成立"}}},
			"above 60.15 the shortest number is 60.16, which round(总分, 1) never gives; 60.2 it does"},
		{"取整后够不到的缝隙不报", []string{"显示总分 <= 60.04 => 差", "显示总分 > 60.06 => 及格"}, nil, []rules.Formula{shown}, nil,
			"no number of one place lies in (60.04, 60.06]: round(总分, 1) never falls in the gap"},
		{"自己减自己不算任意数", []string{"差额 > 0 => 多", "差额 < 0 => 少"}, nil, []rules.Formula{self}, nil,
			"总分 - 总分 is always 0: both sides read the same input, so nothing is claimed"},
		{"整数输入的公式不算任意数", []string{"序时 >= 0.5 => 下半年", "序时 < 0.4 => 上半年"}, nil, []rules.Formula{months}, nil,
			"月份 / 12 takes twelfths only: whether one lies in [0.4, 0.5) is not claimed"},
		{"参数使校验表没有一行能成立", []string{`口径 in ["按月", "按日"] => true`}, []rules.Const{{Name: "口径", Value: rules.TextOf("按周")}}, nil,
			[]finding{{rules.ErrTableGap, 0, []string{"没有任何一行能够成立", "口径 = 按周"}}},
			"a guard checking a param the file set to a value it does not accept fails on every record: said at check time"},
		{"写死的 false 的校验表只报一次", []string{`false => true`}, nil, nil,
			[]finding{{rules.ErrRowUnreachable, 1, []string{"永远不成立"}}},
			"a guard whose only row is false as written is that row's mistake (E013), not also a dead table"},
		{"参数取值正确的校验表不报", []string{`口径 in ["按月", "按日"] => true`}, []rules.Const{{Name: "口径", Value: rules.TextOf("按月")}}, nil, nil,
			"the same guard with an accepted value holds on every record"},
		{"公式结果上的行序错误照样报告", []string{"显示总分 >= 70 => 良", "显示总分 >= 85 => 优", "else: 差"}, nil, []rules.Formula{shown},
			[]finding{{rules.ErrRowUnreachable, 2, []string{"显示总分 = 85 时第 1 行已经成立"}}},
			"whatever values 显示总分 takes, those >= 85 are >= 70"},
		{"校验表不报缺口", []string{`类别 in ["甲", "乙"] and 总分 >= 0 => true`}, nil, nil, nil,
			"a table giving one result on every row only says a record is valid: failing is its purpose"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			_, err := rules.Build(logicSpec(c.rows, c.consts, c.formulas...))
			if len(c.want) == 0 {
				require.NoError(t, err, c.reason)
				return
			}
			list := errList(t, err)
			require.Len(t, list, len(c.want), "%v\n%s", err, c.reason)
			for i, w := range c.want {
				e := list[i]
				assert.Equal(t, w.code, e.Code, "%v", e)
				assert.Equal(t, tableLine+w.row, e.Line, "finding %d points at row %d: %v", i, w.row, e)
				assert.Equal(t, "档次", e.RuleID)
				for _, h := range w.has {
					assert.Contains(t, e.Msg, h, c.reason)
				}
				assert.True(t, errors.Is(err, w.code))
			}
		})
	}
}

var exampleRE = regexp.MustCompile(`(总分|月份) = (-?[0-9.]+)`)

// TestTableGapExampleIsInTheGap checks each gap's example against the program itself: with
// an else row added, the example must reach the else row.
func TestTableGapExampleIsInTheGap(t *testing.T) {
	cases := []struct {
		rows   []string
		reason string
	}{
		{[]string{"总分 < 60 => 差", "总分 >= 60.5 => 及格"}, "closed lower end"},
		{[]string{"总分 <= 60 => 差", "总分 > 60.5 => 及格"}, "open lower end"},
		{[]string{"总分 <= 59.99 => 差", "总分 >= 60 => 及格"}, "a gap of one cent"},
		{[]string{"总分 < 0.2 => 差", "总分 > 0.2 and 总分 <= 0.25 => 中", "总分 > 0.3 => 好"}, "two gaps: the first is named"},
		{[]string{"总分 >= 1 => 更好", "总分 >= 0.1 => 好"}, "below a small closed end"},
		{[]string{"总分 > 1 => 更好", "总分 > 0.1 => 好"}, "up to a small open end"},
		{[]string{"总分 <= -1 => 更差", "总分 <= 0.1 => 差"}, "above a small closed end"},
		{[]string{"月份 < 3 => 早", "月份 > 3 => 晚"}, "a whole number"},
		{[]string{"总分 <= 8/12 => 低", "总分 > 2/3 + 0.001 => 高"}, "ends computed from constants, with 20 places"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			needReason(t, strings.Join(c.rows, "; "), c.reason)
			_, err := rules.Build(logicSpec(c.rows, nil))
			e := onlyCode(t, err, rules.ErrTableGap)
			m := exampleRE.FindStringSubmatch(e.Msg)
			require.NotNil(t, m, e.Msg)
			assert.LessOrEqual(t, len(m[2]), 6, "a short example: %s", m[2])
			p, err := rules.Build(logicSpec(append(c.rows, "else: 缺口"), nil))
			require.NoError(t, err)
			record := map[string]any{"总分": "0", "月份": 0, "实际": "0", "类别": "", "有评定": false, "监控日": "2024-01-01"}
			record[m[1]] = m[2]
			got, err := p.EvalResult(record)
			require.NoError(t, err)
			v, _ := got.Get("档次")
			assert.Equal(t, "缺口", v.String(), "%s = %s must reach the else row", m[1], m[2])
		})
	}
}

func TestTextVocabulary(t *testing.T) {
	grade := rules.Table{Name: "等级", Pos: rules.Pos{File: "t.yaml", Line: 5, Col: 3}, Rows: []rules.Row{
		{When: rules.Expr{Text: "总分 >= 90"}, Then: rules.Outcome{Value: rules.TextOf("优"), Pos: rules.Pos{File: "t.yaml", Line: 7, Col: 13}}},
		{When: rules.Expr{Text: "总分 >= 80"}, Then: rules.Outcome{Value: rules.TextOf("良"), Pos: rules.Pos{File: "t.yaml", Line: 9, Col: 13}}},
		{Else: true, Then: rules.Outcome{Value: rules.TextOf("差"), Pos: rules.Pos{File: "t.yaml", Line: 10, Col: 13}}},
	}}
	cases := []struct {
		name    string
		formula string
		consts  []rules.Const
		bad     []string // literals reported, in order
		suggest string
		reason  string
	}{
		{"同音错字", `等级 == "忧"`, nil, []string{"忧"}, `是否想写 "优"`, "忧 is typed for 优 by a pinyin input method"},
		{"繁体字", `等级 == "優"`, nil, []string{"優"}, `是否想写 "优"`, "優 is 优 typed with the input method in traditional mode"},
		{"不等于也报告", `等级 != "中"`, nil, []string{"中"}, "", "等级 is never 中: != is always true, a mistake as much as =="},
		{"in 中的每个字", `等级 in ["优", "良好", "差"]`, nil, []string{"良好"}, `是否想写 "良"`, "only 良好 is outside the vocabulary"},
		{"同一个错字只报一次", `等级 == "忧" or 等级 != "忧" or 等级 == "良好"`, nil, []string{"忧", "良好"}, "",
			"忧 twice against 等级 is one mistake, one message; 良好 is another"},
		{"字在左边", `"忧" == 等级`, nil, []string{"忧"}, `是否想写 "优"`, "the literal may be written first"},
		{"正确的比较", `等级 == "良" or 等级 in ["优", "差"]`, nil, nil, "", "every literal is a value 等级 takes"},
		{"if 的结果", `if 总分 > 1 { "甲" } else { "乙" }`, nil, nil, "", "a formula that gives text literals is fine on its own"},
		{"文本输入没有词表", `类别 == "随便什么"`, nil, nil, "", "a text input may hold any text: nothing is guessed"},
		{"参数可以比较任何值", `口径 == "按日"`, []rules.Const{{Name: "口径", Value: rules.TextOf("按月")}}, nil, "",
			"a param compared with a literal is a switch other dates or regions turn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			spec := rules.Spec{Inputs: logicInputs, Consts: c.consts, Tables: []rules.Table{grade},
				Formulas: []rules.Formula{{Name: "结论", Expr: rules.Expr{Text: c.formula, Pos: rules.Pos{File: "t.yaml", Line: 12, Col: 7}}}}}
			_, err := rules.Build(spec)
			if len(c.bad) == 0 {
				require.NoError(t, err, c.reason)
				return
			}
			list := errList(t, err)
			require.Len(t, list, len(c.bad), "%v", err)
			for i, word := range c.bad {
				e := list[i]
				assert.Equal(t, rules.ErrTextNever, e.Code)
				assert.Equal(t, "结论", e.RuleID)
				assert.Contains(t, e.Msg, `不会等于 "`+word+`"`)
				assert.Contains(t, e.Msg, `"优"、"良"、"差"`, "names the values 等级 takes")
				before, _, _ := strings.Cut(c.formula, `"`+word+`"`)
				assert.Equal(t, 12, e.Line)
				assert.Equal(t, 7+len([]rune(before)), e.Col, "at the literal itself")
				if c.suggest != "" {
					assert.Contains(t, e.Msg, c.suggest)
				}
				var origin *rules.Error
				require.True(t, errors.As(errors.Unwrap(e), &origin), "the cause is where the vocabulary comes from")
				assert.Equal(t, "t.yaml", origin.File)
			}
		})
	}
}

func TestTextVocabularyOrigin(t *testing.T) {
	outcome := rules.Pos{File: "regional.yaml", Line: 9, Col: 13}
	spec := rules.Spec{Inputs: logicInputs,
		Tables: []rules.Table{{Name: "等级", Pos: rules.Pos{File: "regional.yaml", Line: 5, Col: 3}, Rows: []rules.Row{
			{When: rules.Expr{Text: "总分 >= 90"}, Then: rules.Outcome{Value: rules.TextOf("优")}},
			{Else: true, Then: rules.Outcome{Value: rules.TextOf("良好"), Pos: outcome}},
		}}},
		Formulas: []rules.Formula{{Name: "需要关注", Expr: rules.Expr{Text: `等级 == "良"`, Pos: rules.Pos{File: "base.yaml", Line: 12, Col: 9}}}},
	}
	_, err := rules.Build(spec)
	e := onlyCode(t, err, rules.ErrTextNever)
	assert.Equal(t, "base.yaml", e.File, "the comparison is where the literal is written")
	assert.Equal(t, 12, e.Line)
	assert.Equal(t, 9+len([]rune("等级 == ")), e.Col, "at the literal")
	assert.Contains(t, e.Msg, `是否想写 "良好"`)
	var origin *rules.Error
	require.True(t, errors.As(errors.Unwrap(e), &origin))
	assert.Equal(t, outcome.File, origin.File, "the cause is the outcome that changed")
	assert.Equal(t, outcome.Line, origin.Line)
	assert.Equal(t, outcome.Col, origin.Col)
}

func TestTableVocabularyDomain(t *testing.T) {
	grade := rules.Table{Name: "等级", Rows: []rules.Row{
		whenRow("总分 >= 90", rules.TextOf("优")), whenRow("总分 >= 80", rules.TextOf("良")), elseRow(rules.TextOf("差"))}}
	cases := []struct {
		rows   []string
		want   []finding
		reason string
	}{
		{[]string{`等级 == "优" => 甲`, `等级 == "良" => 乙`}, []finding{{rules.ErrTableGap, 0, []string{`等级 = "差" 时没有任何一行成立`}}},
			"等级 also gives 差, which no row takes"},
		{[]string{`等级 == "优" => 甲`, `等级 in ["良", "差"] => 乙`}, nil, "the three values of 等级 are all covered"},
		{[]string{`等级 == "忧" => 甲`, `等级 == "良" => 乙`, `等级 == "差" => 丙`}, []finding{{rules.ErrTextNever, 1, []string{`不会等于 "忧"`}}},
			"one mistake, one message: the misspelt row is not also reported dead, nor 优 as a gap"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			needReason(t, strings.Join(c.rows, "; "), c.reason)
			spec := logicSpec(c.rows, nil)
			spec.Tables = append(spec.Tables, grade)
			_, err := rules.Build(spec)
			if len(c.want) == 0 {
				require.NoError(t, err)
				return
			}
			list := errList(t, err)
			require.Len(t, list, len(c.want), "%v", err)
			for i, w := range c.want {
				assert.Equal(t, w.code, list[i].Code)
				assert.Equal(t, tableLine+w.row, list[i].Line)
				for _, h := range w.has {
					assert.Contains(t, list[i].Msg, h)
				}
			}
		})
	}
}

func TestOneMistakeOneMessage(t *testing.T) {
	at := func(line int) rules.Pos { return rules.Pos{File: "t.yaml", Line: line, Col: 3} }
	uses := []rules.Formula{
		{Name: "甲", Expr: rules.Expr{Text: "总分 * 2", Pos: at(10)}},
		{Name: "乙", Expr: rules.Expr{Text: "总分 + 下限", Pos: at(11)}},
		{Name: "丙", Expr: rules.Expr{Text: "甲 > 下限", Pos: at(12)}},
	}
	cases := []struct {
		name   string
		inputs []rules.Input
		consts []rules.Const
		want   []rules.Code
		reason string
	}{
		{"输入没有类型", []rules.Input{{Name: "总分", Pos: at(3)}}, []rules.Const{{Name: "下限", Value: numS("1"), Pos: at(6)}},
			[]rules.Code{rules.ErrDeclaration}, "the input is reported once; 甲 and 乙 read it and say nothing"},
		{"输入名称有空格", []rules.Input{{Name: "总 分", Type: rules.TypeDecimal, Pos: at(3)}}, []rules.Const{{Name: "下限", Value: numS("1"), Pos: at(6)}},
			[]rules.Code{rules.ErrDeclaration}, "总分 is 总 分 written without the space: not an unknown name of its own"},
		{"参数没有值", []rules.Input{{Name: "总分", Type: rules.TypeDecimal}}, []rules.Const{{Name: "下限", Pos: at(6)}},
			[]rules.Code{rules.ErrDeclaration}, "乙 and 丙 read the param: one message"},
		{"参数类型不对", []rules.Input{{Name: "总分", Type: rules.TypeDecimal}}, []rules.Const{{Name: "下限", Value: rules.TextOf("80"), Pos: at(6)}},
			[]rules.Code{rules.ErrType}, "a text param used as a number twice is one mistake"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			_, err := rules.Build(rules.Spec{Inputs: c.inputs, Consts: c.consts, Formulas: uses})
			list := errList(t, err)
			var got []rules.Code
			for _, e := range list {
				got = append(got, e.Code)
			}
			assert.Equal(t, c.want, got, "%v\n%s", err, c.reason)
		})
	}
	t.Run("参数类型不对说出参数的值", func(t *testing.T) {
		_, err := rules.Build(rules.Spec{Inputs: logicInputs, Consts: []rules.Const{{Name: "下限", Value: rules.TextOf("80")}},
			Formulas: []rules.Formula{{Name: "乙", Expr: rules.Expr{Text: "总分 >= 下限"}}}})
		e := onlyCode(t, err, rules.ErrType)
		assert.Contains(t, e.Msg, `参数 下限 的值是文本 "80"`)
	})
}

// TestTableLogicBounded: a table too big to analyse within the budget is left unreported,
// never half-analysed into a false finding.
func TestTableLogicBounded(t *testing.T) {
	var rows []string
	for i := 0; i < 400; i++ { // each row its own month: every row is reachable, and no two merge
		rows = append(rows, fmt.Sprintf("月份 == %d and 实际 > %d and 总分 < %d => x", i, i*7%101, i*13%97))
	}
	rows = append(rows, "else: y")
	_, err := rules.Build(logicSpec(rows, nil))
	require.NoError(t, err, "a hard table costs bounded time and reports nothing it has not proven")
}
