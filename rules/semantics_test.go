package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// semRow is one expression with its inputs and the value the contract gives it.
type semRow struct {
	name   string
	expr   string
	vars   map[string]any
	opts   []rules.Option
	want   rules.Value
	reason string
}

type vars = map[string]any

func runSemRows(t *testing.T, rows []semRow) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			needReason(t, r.name, r.reason)
			require.False(t, seen[r.name], "duplicate row name")
			seen[r.name] = true
			require.True(t, r.want.IsValid(), "row has no want")
			opts := append(std(), r.opts...)
			p, err := rules.Compile(r.expr, opts...)
			require.NoError(t, err, "compile %q", r.expr)
			got, err := p.EvalValue(r.vars)
			require.NoError(t, err, "eval %q", r.expr)
			sameValue(t, r.want, got, "%s: %s", r.expr, r.reason)

			// Explain computes with decimal.Decimal only; its digits must be the same.
			safely(t, "Explain", func() {
				res, _, err := p.Explain(r.vars)
				if assert.NoError(t, err) {
					sameValue(t, r.want, res.Value(0), "Explain of %s", r.expr)
				}
			})
		})
	}
}

func TestDecimalExactness(t *testing.T) {
	one, three := d("1"), d("3")
	runSemRows(t, []semRow{
		{name: "零点一加零点二等于零点三", expr: "0.1 + 0.2 == 0.3", want: rules.BoolOf(true),
			reason: "literals are exact decimals: 1/10 + 2/10 is 3/10 (false in float64)"},
		{name: "零点一加零点二的值", expr: "0.1 + 0.2", want: num(d("0.1").Add(d("0.2"))),
			reason: "shopspring Add: 0.3 with exponent -1"},
		{name: "1.0等于1", expr: "1.0 == 1", want: rules.BoolOf(true),
			reason: "numbers compare by value, not by representation"},
		{name: "1.0加1保留一位小数", expr: "1.0 + 1", want: num(d("1.0").Add(one)),
			reason: "add keeps the larger scale: 2.0"},
		{name: "三分之一二十位", expr: "1/3", want: num(div20(one, three)),
			reason: "non-terminating division keeps 20 places: 0.33333333333333333333"},
		{name: "三分之二末位进一", expr: "2/3", want: num(div20(d("2"), three)),
			reason: "the 21st digit is 6, so the 20th rounds half-up to 7: ...67"},
		{name: "八分之一", expr: "1 / 8", want: num(div20(one, d("8"))),
			reason: "a terminating quotient keeps only the places it needs: 0.125, not 20 places"},
		{name: "三分之一乘三", expr: "1 / 3 * 3", want: num(div20(one, three).Mul(three)),
			reason: "division rounds first; 0.33333333333333333333 × 3 = 0.99999999999999999999"},
		{name: "四舍五入2.675", expr: "round(2.675, 2)", want: num(d("2.675").Round(2)),
			reason: "2.675 is exact, so its third place 5 rounds up to 2.68 (float64 gives 2.67)"},
		{name: "四舍五入负2.675", expr: "round(-2.675, 2)", want: num(d("-2.675").Round(2)),
			reason: "half-up means away from zero for negatives: -2.68"},
		{name: "四舍五入2.5到整数", expr: "round(2.5)", want: num(d("2.5").Round(0)),
			reason: "one argument rounds to 0 places, half away from zero: 3 (not banker's 2)"},
		{name: "四舍五入负2.5到整数", expr: "round(-2.5)", want: num(d("-2.5").Round(0)),
			reason: "away from zero: -3"},
		{name: "四舍五入到百位", expr: "round(1250, -2)", want: num(d("1250").Round(-2)),
			reason: "negative places round left of the point: 1250 → 1300, printed without exponent"},
		{name: "向下取整两位", expr: "floor(2.679, 2)", want: num(d("2.679").RoundFloor(2)),
			reason: "floor drops digits towards -infinity: 2.67"},
		{name: "负数向下取整两位", expr: "floor(-2.671, 2)", want: num(d("-2.671").RoundFloor(2)),
			reason: "towards -infinity makes a negative larger in magnitude: -2.68"},
		{name: "向上取整两位", expr: "ceil(2.671, 2)", want: num(d("2.671").RoundCeil(2)),
			reason: "towards +infinity: 2.68"},
		{name: "负数向上取整两位", expr: "ceil(-2.679, 2)", want: num(d("-2.679").RoundCeil(2)),
			reason: "towards +infinity makes a negative smaller in magnitude: -2.67"},
		{name: "负零点五向下取整", expr: "floor(-0.5)", want: num(d("-0.5").RoundFloor(0)),
			reason: "floor(-0.5) is -1"},
		{name: "负零点五向上取整", expr: "ceil(-0.5)", want: num(d("-0.5").RoundCeil(0)),
			reason: "ceil(-0.5) is 0, printed 0 not -0"},
		{name: "乘法小数位相加", expr: "1.10 * 3", want: num(d("1.10").Mul(three)),
			reason: "mul adds scales: 3.30 keeps its trailing zero"},
		{name: "负数加小数", expr: "-5 + 2.5", want: num(d("-5").Add(d("2.5"))),
			reason: "unary minus on a literal, mixed with a decimal: -2.5"},
		{name: "双重负号", expr: "- -3", want: num(d("3")),
			reason: "minus minus three is three"},
		{name: "括号取负", expr: "-(1 - 3)", want: num(d("1").Sub(three).Neg()),
			reason: "negating a computed negative gives 2"},
		{name: "二十一位小数", expr: "0.000000000000000000001 * 1000",
			want:   num(d("0.000000000000000000001").Mul(d("1000"))),
			reason: "a literal with 21 places is read from its text, not through float64"},
		{name: "二十位整数", expr: "12345678901234567890 + 1",
			want:   num(d("12345678901234567890").Add(one)),
			reason: "20 digits exceed int64 but are exact decimals"},
		{name: "二十位带小数", expr: "12345678901234567890.12 * 3",
			want:   num(d("12345678901234567890.12").Mul(three)),
			reason: "22 significant digits times 3, exact"},
		{name: "int64上限加一", expr: "9223372036854775807 + 1",
			want:   num(d("9223372036854775807").Add(one)),
			reason: "no wrap-around at 2^63"},
		{name: "三十位乘三十位", expr: "123456789012345678901234567890 * 987654321098765432109876543210",
			want:   num(d("123456789012345678901234567890").Mul(d("987654321098765432109876543210"))),
			reason: "a 60-digit product: beyond 128 bits, computed exactly by the fallback"},
		{name: "四十位加一", expr: "1234567890123456789012345678901234567890 + 1",
			want:   num(d("1234567890123456789012345678901234567890").Add(one)),
			reason: "a 40-digit literal cannot be held in 128 bits; the fallback keeps it exact"},
		{name: "三十九个九减一取负", expr: "-999999999999999999999999999999999999999 - 1",
			want:   num(d("-999999999999999999999999999999999999999").Sub(one)),
			reason: "39 nines (just above 2^128) minus 1: exactly -10^39"},
		{name: "大数除法", expr: "1000000000000000000000000000000 / 3",
			want:   num(div20(d("1000000000000000000000000000000"), three)),
			reason: "10^30 / 3 to 20 places needs more than 128 bits; still exact to 20 places"},
	})
}

func TestPercentLiterals(t *testing.T) {
	runSemRows(t, []semRow{
		{name: "百分之二十等于零点二", expr: "20% == 0.2", want: rules.BoolOf(true),
			reason: "20% is the literal 0.20"},
		{name: "百分之二十的值", expr: "20%", want: num(d("20").Shift(-2)),
			reason: "the percent literal is its digits shifted two places: 0.20"},
		{name: "百分之十二点五", expr: "12.5%", want: num(d("12.5").Shift(-2)),
			reason: "12.5% is 0.125 exactly"},
		{name: "百分之十二点五等于", expr: "12.5% == 0.125", want: rules.BoolOf(true),
			reason: "12.5% is 0.125 exactly"},
		{name: "百分之一百大于等于", expr: "执行率 >= 100%", vars: vars{"执行率": d("1")}, want: rules.BoolOf(true),
			reason: "a rate of exactly 1 meets 100%"},
		{name: "差一点不到百分之一百", expr: "执行率 >= 100%", vars: vars{"执行率": d("0.99999")}, want: rules.BoolOf(false),
			reason: "0.99999 < 1.00"},
		{name: "执行率达到九成", expr: "执行数 / 预算数 >= 90%", vars: vars{"执行数": d("90"), "预算数": d("100")},
			want: rules.BoolOf(true), reason: "90/100 = 0.9 meets 90% exactly"},
		{name: "执行率差一分未达九成", expr: "执行数 / 预算数 >= 90%", vars: vars{"执行数": d("89.99"), "预算数": d("100")},
			want: rules.BoolOf(false), reason: "0.8999 < 0.90"},
		{name: "百分之一百五十乘预算", expr: "150% * 预算数", vars: vars{"预算数": d("80")},
			want: num(d("150").Shift(-2).Mul(d("80"))), reason: "1.50 × 80 = 120.00"},
		{name: "全角百分号", expr: "０.５％", want: num(d("0.5").Shift(-2)),
			reason: "full-width digits and ％ typed with an IME mean 0.5% = 0.005"},
		{name: "百分数参与运算", expr: "1 - 20%", want: num(d("1").Sub(d("20").Shift(-2))),
			reason: "1 - 0.20 = 0.80"},
	})
}

func TestChineseAndFullWidth(t *testing.T) {
	vs := vars{"执行数": d("80"), "预算数": d("120"), "部门": "财政局"}
	runSemRows(t, []semRow{
		{name: "中文输入名", expr: "执行数 / 预算数", vars: vs, want: num(div20(d("80"), d("120"))),
			reason: "Chinese input names; 80/120 to 20 places"},
		{name: "中文let名", expr: "let 差额 = 预算数 - 执行数; 差额 / 预算数", vars: vs,
			want: num(div20(d("120").Sub(d("80")), d("120"))), reason: "a let may have a Chinese name: 40/120"},
		{name: "全角括号加号乘号", expr: "（１＋２）＊３", want: num(d("1").Add(d("2")).Mul(d("3"))),
			reason: "full-width （）＋＊ and digits are the ASCII ones: (1+2)*3"},
		{name: "全角逗号", expr: "max（预算数，执行数）", vars: vs, want: num(d("120")),
			reason: "a full-width comma separates arguments; max(120, 80) = 120"},
		{name: "全角小数点", expr: "round（２．６７５，２）", want: num(d("2.675").Round(2)),
			reason: "full-width ． is the decimal point: round(2.675, 2) = 2.68"},
		{name: "全角空格", expr: "１\u3000+\u3000２", want: num(d("3")),
			reason: "an ideographic space is a space"},
		{name: "中文双引号文本", expr: "部门 == “财政局”", vars: vs, want: rules.BoolOf(true),
			reason: "Chinese double quotes delimit text"},
		{name: "中文单引号文本", expr: "部门 == ‘财政局’", vars: vs, want: rules.BoolOf(true),
			reason: "Chinese single quotes delimit text"},
		{name: "引号内全角保留", expr: "部门 + \"（本级）\"", vars: vs, want: rules.TextOf("财政局（本级）"),
			reason: "full-width characters inside quotes are the author's text and are not normalised"},
		{name: "文本不等", expr: "部门 != \"教育局\"", vars: vs, want: rules.BoolOf(true),
			reason: "财政局 is not 教育局"},
		{name: "文本相等区分全半角", expr: "部门 == \"财政局 \"", vars: vs, want: rules.BoolOf(false),
			reason: "text compares exactly; a trailing space differs"},
		{name: "全角分号与等号", expr: "let 甲 ＝ 预算数；甲 ＝＝ 120", vars: vs, want: rules.BoolOf(true),
			reason: "full-width ； and ＝ are ; and ="},
		{name: "名称含数字", expr: "指标2 * 2", vars: vars{"指标2": d("1.5")}, opts: []rules.Option{rules.WithInput("指标2", rules.TypeDecimal)},
			want: num(d("1.5").Mul(d("2"))), reason: "a digit inside a name is part of the name, not a number"},
		{name: "名称含下划线与字母", expr: "x_1 + 执行数", vars: vars{"x_1": d("1"), "执行数": d("2")},
			opts: []rules.Option{rules.WithInput("x_1", rules.TypeDecimal)}, want: num(d("3")), reason: "ASCII names work too"},
		{name: "文本转义", expr: "部门 + \"\\n\"", vars: vs, want: rules.TextOf("财政局\n"), reason: "\\n inside quotes is a newline"},
		{name: "反引号文本", expr: "部门 == `财政局`", vars: vs, want: rules.BoolOf(true), reason: "backquotes delimit raw text"},
		{name: "负零", expr: "round(-0.004, 2)", want: num(d("-0.004").Round(2)), reason: "rounds to zero, printed 0 not -0"},
	})
}

func TestUnaryAndMixed(t *testing.T) {
	runSemRows(t, []semRow{
		{name: "负输入加小数", expr: "-预算数 + 1.5", vars: vars{"预算数": d("2")}, want: num(d("-2").Add(d("1.5"))),
			reason: "unary minus on an input: -2 + 1.5 = -0.5"},
		{name: "整数输入乘小数", expr: "-月份 * 0.5", vars: vars{"月份": 3}, want: num(d("-3").Mul(d("0.5"))),
			reason: "an Int input computes as a decimal: -3 × 0.5 = -1.5"},
		{name: "整数输入加小数", expr: "月份 + 0.25", vars: vars{"月份": int64(8)}, want: num(d("8.25")),
			reason: "8 + 0.25, hand-computed"},
		{name: "二十位输入", expr: "预算数 * 2", vars: vars{"预算数": "12345678901234567890.5"},
			want: num(d("12345678901234567890.5").Mul(d("2"))), reason: "a 20-digit input given as text, exact"},
		{name: "四十位输入", expr: "预算数 - 执行数",
			vars:   vars{"预算数": d("9999999999999999999999999999999999999999"), "执行数": d("1")},
			want:   num(d("9999999999999999999999999999999999999999").Sub(d("1"))),
			reason: "a 40-digit input forces the fallback and stays exact"},
		{name: "负数比较", expr: "-0.5 < -0.25", want: rules.BoolOf(true), reason: "-0.5 is below -0.25"},
	})
}

func TestMinMaxClampAggregates(t *testing.T) {
	list := []decimal.Decimal{d("3"), d("1.5"), d("2.25")}
	lv := vars{"明细": list}
	sumL := list[0].Add(list[1]).Add(list[2])
	runSemRows(t, []semRow{
		{name: "最小值相等取第一个1.0", expr: "min(1.0, 1)", want: num(d("1.0")),
			reason: "on a tie min keeps the first argument: 1.0 (exponent -1)"},
		{name: "最小值相等取第一个1", expr: "min(1, 1.0)", want: num(d("1")),
			reason: "on a tie min keeps the first argument: 1 (exponent 0)"},
		{name: "最大值相等取第一个", expr: "max(2.50, 2.5)", want: num(d("2.50")),
			reason: "on a tie max keeps the first argument: 2.50"},
		{name: "最大值相等取第一个反向", expr: "max(2.5, 2.50)", want: num(d("2.5")),
			reason: "on a tie max keeps the first argument: 2.5"},
		{name: "三个数最大", expr: "max(1, 3, 2)", want: num(d("3")), reason: "3 is largest"},
		{name: "列表最小相等取先", expr: "min([3, 1.0, 1])", want: num(d("1.0")),
			reason: "over a list, the earliest of the tied minimums: 1.0"},
		{name: "限制上限", expr: "clamp(1.5, 0, 1)", want: num(d("1")), reason: "1.5 above the upper bound 1"},
		{name: "限制下限", expr: "clamp(-1, 0, 1)", want: num(d("0")), reason: "-1 below the lower bound 0"},
		{name: "限制之内", expr: "clamp(0.5, 0, 1)", want: num(d("0.5")), reason: "0.5 is within [0, 1], kept as is"},
		{name: "列表求和", expr: "sum([1, 2.5, 3])", want: num(d("1").Add(d("2.5")).Add(d("3"))),
			reason: "1 + 2.5 + 3 = 6.5"},
		{name: "参数求和", expr: "sum(1, 2, 3.25)", want: num(d("1").Add(d("2")).Add(d("3.25"))),
			reason: "1 + 2 + 3.25 = 6.25"},
		{name: "列表平均", expr: "avg([1, 2])", want: num(div20(d("3"), d("2"))),
			reason: "avg divides the sum by the count at division precision: 3/2"},
		{name: "参数平均不尽", expr: "avg(1, 2, 2)", want: num(div20(d("5"), d("3"))),
			reason: "5/3 to 20 places, half-up"},
		{name: "列表计数", expr: "count([1, 2, 3])", want: num(d("3")), reason: "three elements"},
		{name: "空列表计数", expr: "count([])", want: num(d("0")), reason: "no elements"},
		{name: "输入列表求和", expr: "sum(明细)", vars: lv, want: num(sumL), reason: "3 + 1.5 + 2.25"},
		{name: "输入列表平均", expr: "avg(明细)", vars: lv, want: num(div20(sumL, d("3"))), reason: "6.75/3"},
		{name: "输入列表计数", expr: "count(明细)", vars: lv, want: num(d("3")), reason: "three elements"},
		{name: "输入列表最大", expr: "max(明细)", vars: lv, want: num(d("3")), reason: "3 is the largest"},
		{name: "输入列表最小", expr: "min(明细)", vars: lv, want: num(d("1.5")), reason: "1.5 is the smallest"},
		{name: "取余正数", expr: "mod(7, 3)", want: num(d("7").Mod(d("3"))), reason: "7 = 2×3 + 1"},
		{name: "取余符号随被除数", expr: "mod(-7, 3)", want: num(d("-7").Mod(d("3"))),
			reason: "the remainder has the dividend's sign: -1"},
		{name: "除数为负", expr: "mod(7, -3)", want: num(d("7").Mod(d("-3"))), reason: "sign follows 7: 1"},
		{name: "小数取余", expr: "mod(7.5, 2)", want: num(d("7.5").Mod(d("2"))), reason: "7.5 = 3×2 + 1.5"},
		{name: "绝对值", expr: "abs(-3.50)", want: num(d("3.50")), reason: "abs keeps the scale"},
	})
}

func TestConditionalsAndIn(t *testing.T) {
	runSemRows(t, []semRow{
		{name: "if分支真", expr: "if 执行率 >= 90% { \"好\" } else { \"差\" }", vars: vars{"执行率": d("0.9")},
			want: rules.TextOf("好"), reason: "0.9 >= 0.90 takes the if branch"},
		{name: "if分支假", expr: "if 执行率 >= 90% { \"好\" } else { \"差\" }", vars: vars{"执行率": d("0.8999")},
			want: rules.TextOf("差"), reason: "0.8999 < 0.90 takes the else branch"},
		{name: "三元", expr: "执行率 >= 0.9 ? 10 : 5", vars: vars{"执行率": d("0.95")}, want: num(d("10")),
			reason: "0.95 >= 0.9"},
		{name: "嵌套三元", expr: "执行率 > 1 ? 1 : 执行率 < 0 ? 0 : 执行率", vars: vars{"执行率": d("1.2")},
			want: num(d("1")), reason: "above 1 caps at 1"},
		{name: "嵌套三元中间", expr: "执行率 > 1 ? 1 : 执行率 < 0 ? 0 : 执行率", vars: vars{"执行率": d("0.75")},
			want: num(d("0.75")), reason: "within range keeps the rate"},
		{name: "月份在列表", expr: "月份 in [5, 8]", vars: vars{"月份": 8}, want: rules.BoolOf(true),
			reason: "8 is a checkpoint month"},
		{name: "月份不在列表", expr: "月份 in [5, 8]", vars: vars{"月份": 6}, want: rules.BoolOf(false),
			reason: "6 is not"},
		{name: "not in", expr: "not (月份 in [5, 8])", vars: vars{"月份": 6}, want: rules.BoolOf(true),
			reason: "negation of false"},
		{name: "文本在列表", expr: "部门 in [\"财政局\", \"教育局\"]", vars: vars{"部门": "教育局"}, want: rules.BoolOf(true),
			reason: "教育局 is listed"},
		{name: "数值按值在列表", expr: "2.0 in 明细", vars: vars{"明细": []decimal.Decimal{d("1"), d("2")}},
			want: rules.BoolOf(true), reason: "membership compares by value: 2.0 equals 2"},
		{name: "and短路", expr: "已完成 and 执行率 >= 1", vars: vars{"已完成": false, "执行率": d("2")},
			want: rules.BoolOf(false), reason: "false and anything is false"},
		{name: "or", expr: "已完成 || 执行率 >= 1", vars: vars{"已完成": false, "执行率": d("1")},
			want: rules.BoolOf(true), reason: "1 >= 1"},
	})
}

func TestDates(t *testing.T) {
	jan1 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	dec31 := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	aug31 := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	mar1 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	days := func(a, b time.Time) rules.Value { return num(decimal.NewFromInt(int64(b.Sub(a).Hours()) / 24)) }
	runSemRows(t, []semRow{
		{name: "组成日期", expr: "make_date(2024, 5, 31)", want: day(2024, 5, 31), reason: "year, month, day"},
		{name: "闰年天数", expr: "days_between(make_date(2024, 1, 1), make_date(2024, 12, 31))",
			want: days(jan1, dec31), reason: "end minus start, from time.Time arithmetic (2024 is a leap year)"},
		{name: "天数为负", expr: "days_between(make_date(2024, 12, 31), make_date(2024, 1, 1))",
			want: days(dec31, jan1), reason: "end before start gives a negative count"},
		{name: "闰日", expr: "add_days(make_date(2024, 2, 28), 1)", want: rules.DateOf(time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)),
			reason: "2024-02-29 exists"},
		{name: "减天数", expr: "add_days(日期, -31)", vars: vars{"日期": "2024-03-01"}, want: rules.DateOf(mar1.AddDate(0, 0, -31)),
			reason: "31 days before 1 March 2024 (date given as text)"},
		{name: "年", expr: "year(日期)", vars: vars{"日期": aug31}, want: num(d("2024")), reason: "year of 2024-08-31"},
		{name: "月", expr: "month(日期)", vars: vars{"日期": aug31}, want: num(d("8")), reason: "month of 2024-08-31"},
		{name: "日", expr: "day(日期)", vars: vars{"日期": aug31}, want: num(d("31")), reason: "day of 2024-08-31"},
		{name: "日期比较", expr: "日期 > make_date(2024, 5, 31)", vars: vars{"日期": aug31}, want: rules.BoolOf(true),
			reason: "August is after May"},
		{name: "整改期限", expr: "add_days(日期, 30) == make_date(2024, 9, 30)", vars: vars{"日期": aug31},
			want:   rules.BoolOf(aug31.AddDate(0, 0, 30).Equal(time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC))),
			reason: "30 days to rectify from 31 August, per time.AddDate"},
	})
}

func TestLetChains(t *testing.T) {
	runSemRows(t, []semRow{
		{name: "检查器陷阱", expr: "let e = 8 / 12; abs(1 - e)", want: num(d("1").Sub(div20(d("8"), d("12"))).Abs()),
			reason: "expr's checker skips typed call arguments; the let must still compute in decimals: " +
				"1 - 0.66666666666666666667 = 0.33333333333333333333"},
		{name: "输入版检查器陷阱", expr: "let e = 月份 / 12; abs(执行率 - e)", vars: vars{"月份": 8, "执行率": d("0.5")},
			want: num(d("0.5").Sub(div20(d("8"), d("12"))).Abs()), reason: "same trap with inputs (DESIGN.md's example)"},
		{name: "链式let", expr: "let a = 1; let b = a + 1; let c = b * 2; c / 3", want: num(div20(d("4"), d("3"))),
			reason: "a=1, b=2, c=4, 4/3"},
		{name: "中文链式let", expr: "let 月 = 月份; let 进度 = 月 / 12; round(进度, 4)", vars: vars{"月份": 5},
			want: num(div20(d("5"), d("12")).Round(4)), reason: "5/12 rounded to 4 places"},
		{name: "文本let", expr: "let 名 = 部门; 名 + \"-\" + 名", vars: vars{"部门": "财政局"}, want: rules.TextOf("财政局-财政局"),
			reason: "a text let"},
		{name: "列表let", expr: "let 列 = [1, 2, 3]; sum(列) + count(列)", want: num(d("9")),
			reason: "sum 6 plus count 3"},
		{name: "布尔let", expr: "let 达标 = 执行率 >= 90%; 达标 ? 1 : 0", vars: vars{"执行率": d("0.95")}, want: num(d("1")),
			reason: "0.95 meets 90%"},
		{name: "日期let", expr: "let 截止 = add_days(日期, 30); month(截止)", vars: vars{"日期": "2024-08-31"},
			want:   num(decimal.NewFromInt(int64(time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 30).Month()))),
			reason: "month of 2024-08-31 + 30 days"},
	})
}

// 折算 converts an amount between units; a vendor function with a Chinese name.
func convFunc(calls *int) rules.Func {
	return rules.Func{
		Name:   "折算",
		Params: []rules.Type{rules.TypeDecimal, rules.TypeString},
		Result: rules.TypeDecimal,
		Call: func(args []rules.Value) (rules.Value, error) {
			if calls != nil {
				*calls++
			}
			switch args[1].Text() {
			case "万元":
				return rules.NumberOf(args[0].Decimal().Mul(d("10000"))), nil
			case "元":
				return args[0], nil
			}
			return rules.Value{}, fmt.Errorf("未知单位 %s", args[1].Text())
		},
	}
}

func TestVendorFunction(t *testing.T) {
	calls := 0
	opts := append(std(), rules.WithFunction(convFunc(&calls)))

	v := compileRun(t, "折算(执行数, \"万元\") / 预算数", vars{"执行数": d("1.5"), "预算数": d("30000")}, opts...)
	sameValue(t, num(div20(d("1.5").Mul(d("10000")), d("30000"))), v, "1.5万元 = 15000元, / 30000")
	assert.Equal(t, 1, calls, "the vendor function is called once per record")

	t.Run("出错返回R005", func(t *testing.T) {
		p, err := rules.Compile("1 + 折算(执行数, 部门)", opts...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"执行数": d("1"), "部门": "斤"})
		e := onlyCode(t, err, rules.ErrFunction)
		assert.Equal(t, 1, e.Line)
		assert.Equal(t, 5, e.Col, "points at the call: 1 + 折算 → column 5")
		assert.Contains(t, e.Msg, "折算")
		assert.Contains(t, e.Msg, "未知单位 斤", "the vendor's own message is kept")
		assert.EqualError(t, errors.Unwrap(e), "未知单位 斤", "and the vendor's own error is wrapped")
	})
	t.Run("返回类型不符", func(t *testing.T) {
		f := rules.Func{Name: "坏函数", Result: rules.TypeDecimal, Call: func([]rules.Value) (rules.Value, error) {
			return rules.TextOf("x"), nil
		}}
		p, err := rules.Compile("坏函数() + 1", rules.WithFunction(f))
		require.NoError(t, err)
		_, err = p.EvalValue(nil)
		onlyCode(t, err, rules.ErrFunction)
	})
	t.Run("函数崩溃返回R008", func(t *testing.T) {
		f := rules.Func{Name: "崩溃", Result: rules.TypeDecimal, Call: func([]rules.Value) (rules.Value, error) {
			panic("boom")
		}}
		p, err := rules.Compile("崩溃() + 1", rules.WithFunction(f))
		require.NoError(t, err)
		_, err = p.EvalValue(nil)
		e := onlyCode(t, err, rules.ErrInternal)
		assert.Zero(t, e.Line, "a panic has no place in the rule text")
		assert.Contains(t, e.Msg, "boom")
	})
	t.Run("参数类型不符", func(t *testing.T) {
		_, err := rules.Compile("折算(部门, 执行数)", opts...)
		e := hasCode(t, err, rules.ErrType)
		assert.Equal(t, 4, e.Col, "the first argument 部门 starts at column 4")
	})
	t.Run("参数个数不符", func(t *testing.T) {
		_, err := rules.Compile("折算(执行数)", opts...)
		e := onlyCode(t, err, rules.ErrArgs)
		assert.Equal(t, 1, e.Col)
		assert.Contains(t, e.Msg, "2")
	})
	t.Run("与内置函数同名", func(t *testing.T) {
		f := convFunc(nil)
		f.Name = "round"
		_, err := rules.Compile("1", rules.WithFunction(f))
		hasCode(t, err, rules.ErrDeclaration)
	})
	t.Run("布尔与文本结果", func(t *testing.T) {
		isBig := rules.Func{Name: "大额", Params: []rules.Type{rules.TypeDecimal}, Result: rules.TypeBool,
			Call: func(a []rules.Value) (rules.Value, error) {
				return rules.BoolOf(a[0].Decimal().GreaterThan(d("1000000"))), nil
			}}
		v := compileRun(t, "大额(预算数) ? \"重点\" : \"一般\"", vars{"预算数": d("2000000")}, append(std(), rules.WithFunction(isBig))...)
		sameValue(t, rules.TextOf("重点"), v, "2,000,000 > 1,000,000")
	})
}

// f and when build Spec pieces without repeating field names.
func fml(name, text string) rules.Formula {
	return rules.Formula{Name: name, Expr: rules.Expr{Text: text}}
}
func whenRow(cond string, then rules.Value) rules.Row {
	return rules.Row{When: rules.Expr{Text: cond}, Then: rules.Outcome{Value: then}}
}
func elseRow(then rules.Value) rules.Row {
	return rules.Row{Else: true, Then: rules.Outcome{Value: then}}
}

func TestBuildReverseDependencyOrder(t *testing.T) {
	spec := rules.Spec{
		Inputs: []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}, {Name: "执行数", Type: rules.TypeDecimal}, {Name: "月份", Type: rules.TypeInt}},
		Formulas: []rules.Formula{
			fml("得分", "round(min(执行率, 1) * 10, 2)"),
			fml("偏差", "round(max(0, 序时进度 - 执行率) / 序时进度, 4)"),
			fml("序时进度", "月份 / 12"),
			fml("执行率", "执行数 / 预算数"),
		},
	}
	p, err := rules.Build(spec)
	require.NoError(t, err)
	assert.Equal(t, []string{"得分", "偏差", "序时进度", "执行率"}, p.Names(), "results keep declaration order")
	assert.Equal(t, rules.TypeDecimal, p.Type("偏差"))
	assert.Equal(t, rules.TypeInvalid, p.Type("没有"))

	res, err := p.EvalResult(vars{"预算数": d("120"), "执行数": d("70"), "月份": 8})
	require.NoError(t, err)
	rate := div20(d("70"), d("120"))
	prog := div20(d("8"), d("12"))
	dev := div20(decimal.Max(d("0"), prog.Sub(rate)), prog).Round(4)
	score := decimal.Min(rate, d("1")).Mul(d("10")).Round(2)
	for name, want := range map[string]decimal.Decimal{"执行率": rate, "序时进度": prog, "偏差": dev, "得分": score} {
		got, ok := res.Get(name)
		require.True(t, ok, name)
		sameValue(t, num(want), got, name)
	}
	assert.Equal(t, 4, res.Len())
	assert.Equal(t, p.Names(), res.Names())
	js, err := res.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf(`{"得分":"%s","偏差":"%s","序时进度":"%s","执行率":"%s"}`, shown(score), shown(dev), shown(prog), shown(rate)), string(js),
		"JSON keeps declaration order and writes numbers as exact strings")
}

func TestBuildCycle(t *testing.T) {
	_, err := rules.Build(rules.Spec{Formulas: []rules.Formula{fml("甲", "乙 + 1"), fml("乙", "丙 * 2"), fml("丙", "甲 - 1")}})
	e := hasCode(t, err, rules.ErrCycle)
	for _, n := range []string{"甲", "乙", "丙"} {
		assert.Contains(t, e.Msg, n, "the cycle is named in full")
	}
	_, err = rules.Build(rules.Spec{Formulas: []rules.Formula{fml("自己", "自己 + 1")}})
	hasCode(t, err, rules.ErrCycle)
}

func TestBuildDuplicateAndBadNames(t *testing.T) {
	_, err := rules.Build(rules.Spec{
		Inputs:   []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{fml("预算数", "1"), fml("max", "2")},
	})
	list := errList(t, err)
	assert.Contains(t, codes(list), rules.ErrDuplicate, "a formula may not reuse an input's name or a built-in's")
	assert.GreaterOrEqual(t, len(list), 2, "both problems are reported: %v", err)
}

// gradeSpec is the monitoring grade table of DESIGN.md with the deviation as input.
func gradeSpec(rows ...rules.Row) rules.Spec {
	return rules.Spec{
		Inputs: []rules.Input{{Name: "偏差", Type: rules.TypeDecimal}, {Name: "执行率", Type: rules.TypeDecimal}},
		Consts: []rules.Const{{Name: "良上限", Value: numS("0.20")}},
		Tables: []rules.Table{{Name: "等级", Rows: rows}},
	}
}

func TestDecisionTables(t *testing.T) {
	std3 := []rules.Row{
		whenRow("偏差 == 0", rules.TextOf("优")),
		whenRow("偏差 <= 良上限", rules.TextOf("良")),
		elseRow(rules.TextOf("差")),
	}
	p, err := rules.Build(gradeSpec(std3...))
	require.NoError(t, err)
	assert.Equal(t, rules.TypeString, p.Type("等级"))
	cases := []struct {
		name, dev, want, reason string
	}{
		{"无偏差", "0", "优", "exactly 0 is 优"},
		{"无偏差带小数位", "0.0000", "优", "0.0000 equals 0"},
		{"恰好百分之二十", "0.2000", "良", "the boundary 20% belongs to 良 (<=)"},
		{"略超百分之二十", "0.2001", "差", "above the boundary falls to else"},
		{"很小偏差", "0.0001", "良", "any positive deviation up to 20% is 良"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			v, err := p.EvalValue(vars{"偏差": d(c.dev)})
			require.NoError(t, err)
			sameValue(t, rules.TextOf(c.want), v, c.reason)
		})
	}

	t.Run("首个匹配行生效", func(t *testing.T) {
		p, err := rules.Build(gradeSpec(
			whenRow("偏差 <= 0.5", rules.TextOf("A")),
			whenRow("偏差 >= 0.1", rules.TextOf("B")),
		))
		require.NoError(t, err)
		v, err := p.EvalValue(vars{"偏差": d("0.1")})
		require.NoError(t, err)
		sameValue(t, rules.TextOf("A"), v, "0.1 matches both rows; the first wins")
	})

	t.Run("无匹配R004", func(t *testing.T) {
		// abs() hides from the check that 0.35 matches no row (a gap it can prove is refused
		// by Build, E015), so the run-time error is what a record meets
		p, err := rules.Build(gradeSpec(
			whenRow("abs(偏差) == 0", rules.TextOf("优")),
			whenRow("abs(偏差) <= 良上限", rules.TextOf("良")),
		))
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"偏差": d("0.35")})
		e := onlyCode(t, err, rules.ErrNoMatch)
		assert.Equal(t, "等级", e.RuleID)
		assert.Contains(t, e.Msg, "等级", "names the table")
		assert.Contains(t, e.Msg, "偏差 = 0.35", "shows the value the conditions read")
		assert.Contains(t, e.Msg, "良上限 = "+d("0.20").String(), "shows the params the conditions read")
		assert.Contains(t, e.Error(), "规则 等级")
	})

	t.Run("计算结果", func(t *testing.T) {
		then := rules.Expr{Text: "执行率 * 10"}
		p, err := rules.Build(gradeSpec(
			rules.Row{When: rules.Expr{Text: "执行率 >= 1"}, Then: rules.Outcome{Value: numS("10")}},
			rules.Row{Else: true, Then: rules.Outcome{Expr: &then}},
		))
		require.NoError(t, err)
		v, err := p.EvalValue(vars{"执行率": d("0.8765")})
		require.NoError(t, err)
		sameValue(t, num(d("0.8765").Mul(d("10"))), v, "computed outcome 0.8765 × 10")
		v, err = p.EvalValue(vars{"执行率": d("1.2")})
		require.NoError(t, err)
		sameValue(t, numS("10"), v, "literal outcome")
	})

	t.Run("结果类型不一致", func(t *testing.T) {
		_, err := rules.Build(gradeSpec(whenRow("偏差 == 0", rules.TextOf("优")), elseRow(numS("1"))))
		hasCode(t, err, rules.ErrTableType)
	})
	t.Run("when不是条件", func(t *testing.T) {
		_, err := rules.Build(gradeSpec(whenRow("偏差 + 1", rules.TextOf("优")), elseRow(rules.TextOf("差"))))
		hasCode(t, err, rules.ErrType)
	})
	t.Run("else不在最后", func(t *testing.T) {
		_, err := rules.Build(gradeSpec(elseRow(rules.TextOf("差")), whenRow("偏差 == 0", rules.TextOf("优"))))
		hasCode(t, err, rules.ErrDeclaration)
	})
	t.Run("表读公式", func(t *testing.T) {
		spec := gradeSpec(std3...)
		spec.Inputs = []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}, {Name: "执行数", Type: rules.TypeDecimal}}
		spec.Formulas = []rules.Formula{fml("偏差", "round(max(0, 1 - 执行数 / 预算数), 4)")}
		p, err := rules.Build(spec)
		require.NoError(t, err)
		res, err := p.EvalResult(vars{"预算数": d("15"), "执行数": d("12")})
		require.NoError(t, err)
		g, _ := res.Get("等级")
		dev := decimal.Max(d("0"), d("1").Sub(div20(d("12"), d("15")))).Round(4)
		want := "差"
		switch {
		case dev.IsZero():
			want = "优"
		case dev.LessThanOrEqual(d("0.20")):
			want = "良"
		}
		sameValue(t, rules.TextOf(want), g, "12/15 = 0.8 → deviation 0.2000 → %s", want)
	})
}

// TestListConst: a param may hold a list (a rule set's 重点月份 or weights). Reading it must
// compile and evaluate like a list literal, never panic.
func TestListConst(t *testing.T) {
	spec := rules.Spec{
		Inputs:   []rules.Input{{Name: "月份", Type: rules.TypeInt}},
		Consts:   []rules.Const{{Name: "检查月份", Value: rules.ListOf([]decimal.Decimal{d("5"), d("8")})}},
		Formulas: []rules.Formula{fml("是检查点", "月份 in 检查月份"), fml("个数", "count(检查月份)")},
	}
	safely(t, "Build with a list param", func() {
		p, err := rules.Build(spec)
		require.NoError(t, err)
		res, err := p.EvalResult(vars{"月份": 8})
		require.NoError(t, err)
		v, _ := res.Get("是检查点")
		sameValue(t, rules.BoolOf(true), v, "8 is in [5, 8]")
		v, _ = res.Get("个数")
		sameValue(t, num(d("2")), v, "two checkpoint months")
	})
}

func TestExplain(t *testing.T) {
	spec := rules.Spec{
		Inputs: []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}, {Name: "执行数", Type: rules.TypeDecimal}},
		Consts: []rules.Const{{Name: "良上限", Value: numS("0.20")}},
		Formulas: []rules.Formula{
			fml("执行率", "执行数 / 预算数"),
			fml("偏差", "round(max(0, 1 - 执行率), 4)"),
		},
		Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{
			whenRow("偏差 == 0", rules.TextOf("优")),
			whenRow("偏差 <= 良上限", rules.TextOf("良")),
			elseRow(rules.TextOf("差")),
		}}},
	}
	p, err := rules.Build(spec)
	require.NoError(t, err)
	in := vars{"预算数": d("120"), "执行数": d("100")}
	run, err := p.EvalResult(in)
	require.NoError(t, err)

	t.Run("无表的公式", func(t *testing.T) {
		q, err := rules.Build(rules.Spec{Inputs: spec.Inputs, Formulas: spec.Formulas})
		require.NoError(t, err)
		res, trace, err := q.Explain(in)
		require.NoError(t, err)
		rate := div20(d("100"), d("120"))
		got, _ := res.Get("执行率")
		sameValue(t, num(rate), got)
		var formulas []string
		for _, s := range trace {
			if s.Kind == "formula" {
				formulas = append(formulas, s.Rule)
				want, _ := res.Get(s.Rule)
				sameValue(t, want, s.Value, "trace value of %s", s.Rule)
				assert.Equal(t, 1, s.Line)
				assert.Equal(t, 1, s.Col)
			}
		}
		assert.Equal(t, []string{"执行率", "偏差"}, formulas, "every formula once, in evaluation order")
		assert.True(t, hasStep(trace, "value", "预算数", num(d("120"))), "inputs read are listed: %v", trace)
		assert.True(t, hasStep(trace, "value", "执行数", num(d("100"))), "inputs read are listed")
		assert.True(t, hasStep(trace, "step", "1 - 执行率", num(d("1").Sub(rate))), "sub-expressions are listed with their values")
	})

	t.Run("文件中的位置", func(t *testing.T) {
		q, err := rules.Build(rules.Spec{Inputs: spec.Inputs, Formulas: []rules.Formula{
			{Name: "执行率", Expr: rules.Expr{Text: "执行数 /\n  预算数", Pos: rules.Pos{File: "m.yaml", Line: 7, Col: 5, Indent: 3}}},
		}})
		require.NoError(t, err)
		_, trace, err := q.Explain(in)
		require.NoError(t, err)
		var sawFormula, sawBudget, sawSpent bool
		for _, s := range trace {
			switch {
			case s.Kind == "formula":
				sawFormula = true
				assert.Equal(t, [2]int{7, 5}, [2]int{s.Line, s.Col}, "the formula starts where its text does")
			case s.Kind == "value" && s.Text == "执行数":
				sawSpent = true
				assert.Equal(t, [2]int{7, 5}, [2]int{s.Line, s.Col})
			case s.Kind == "value" && s.Text == "预算数":
				sawBudget = true
				assert.Equal(t, [2]int{8, 5}, [2]int{s.Line, s.Col}, "second line: indent column 3 + 2 spaces")
			}
		}
		assert.True(t, sawFormula && sawBudget && sawSpent, "%v", trace)
	})

	t.Run("含决策表", func(t *testing.T) {
		safely(t, "Explain with a table", func() {
			res, trace, err := p.Explain(in)
			require.NoError(t, err)
			for _, name := range p.Names() {
				a, _ := run.Get(name)
				b, _ := res.Get(name)
				sameValue(t, a, b, "Explain and Run agree on %s", name)
			}
			var rows []rules.TraceStep
			for _, s := range trace {
				if s.Kind == "row" {
					rows = append(rows, s)
				}
			}
			// deviation = 1 - 100/120 = 0.1667: row 1 (== 0) fails, row 2 (<= 0.20) matches.
			require.Len(t, rows, 2, "rows are tried until one matches: %v", rows)
			assert.Equal(t, 1, rows[0].Row)
			assert.False(t, rows[0].Matched)
			assert.Equal(t, "偏差 == 0", rows[0].Text)
			assert.Equal(t, 2, rows[1].Row)
			assert.True(t, rows[1].Matched)
			sameValue(t, rules.TextOf("良"), rows[1].Value)
		})
	})
}

func hasStep(trace []rules.TraceStep, kind, text string, v rules.Value) bool {
	for _, s := range trace {
		if s.Kind == kind && s.Text == text && s.Value.Equal(v) {
			return true
		}
	}
	return false
}

func TestInputConversions(t *testing.T) {
	p, err := rules.Compile("预算数 + 1", std()...)
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		in   any
		want decimal.Decimal
	}{
		{"decimal", d("1.50"), d("1.50").Add(d("1"))},
		{"int", 7, d("8")},
		{"uint64", uint64(18446744073709551615), d("18446744073709551615").Add(d("1"))},
		{"text", "2.25", d("3.25")},
		{"Value", rules.NumberOf(d("0.1")), d("1.1")},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := p.EvalValue(vars{"预算数": c.in})
			require.NoError(t, err)
			sameValue(t, num(c.want), v)
		})
	}
	t.Run("Value类型不符", func(t *testing.T) {
		_, err := p.EvalValue(vars{"预算数": rules.TextOf("1")})
		onlyCode(t, err, rules.ErrInputValue)
	})
	t.Run("布尔文本", func(t *testing.T) {
		v := compileRun(t, "已完成", vars{"已完成": "是"}, std()...)
		sameValue(t, rules.BoolOf(true), v, "是 reads as true")
	})
	assert.Equal(t, []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}, {Name: "执行数", Type: rules.TypeDecimal},
		{Name: "执行率", Type: rules.TypeDecimal}, {Name: "月份", Type: rules.TypeInt}, {Name: "部门", Type: rules.TypeString},
		{Name: "已完成", Type: rules.TypeBool}, {Name: "日期", Type: rules.TypeDate}, {Name: "明细", Type: rules.TypeList}}, p.Inputs())
}

func TestValueJSONAndEqual(t *testing.T) {
	js, err := numS("0.10").MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `"0.10"`, string(js), "numbers are exact strings in JSON, with shopspring's digits and the scale they were given")
	js, _ = rules.ListOf([]decimal.Decimal{d("1"), d("2.5")}).MarshalJSON()
	assert.Equal(t, `["1","2.5"]`, string(js))
	js, _ = day(2024, 5, 31).MarshalJSON()
	assert.Equal(t, `"2024-05-31"`, string(js))
	assert.True(t, numS("1.0").Equal(numS("1")))
	assert.False(t, numS("1").Equal(rules.TextOf("1")))
	big := d("1234567890123456789012345678901234567890")
	assert.True(t, num(big).Equal(num(big.Add(d("0.0")))), "big values compare by value")
	assert.Equal(t, "1234567890123456789012345678901234567890", num(big).String())
	assert.Equal(t, "1000", num(d("1e3")).String(), "plain notation, never an exponent")
}

// TestCompileIsolation: options never leak between programs (no package-level settings).
func TestCompileIsolation(t *testing.T) {
	_, err := rules.Compile("x + 1", rules.WithInput("x", rules.TypeDecimal), rules.DivisionPlaces(4))
	require.NoError(t, err)
	v := compileRun(t, "1 / 3", nil)
	sameValue(t, num(div20(d("1"), d("3"))), v, "a DivisionPlaces option on another program changes nothing here")
	v = compileRun(t, "1 / 3", nil, rules.DivisionPlaces(4))
	sameValue(t, num(trimmed(d("1").DivRound(d("3"), 4))), v, "DivisionPlaces(4) keeps 4 places")
	_, err = rules.Compile("1", rules.DivisionPlaces(50))
	hasCode(t, err, rules.ErrDeclaration)
	assert.True(t, strings.Contains(err.Error(), "DivisionPlaces"))
	assert.False(t, errors.Is(err, rules.ErrSyntax))
}

// TestBindFieldKinds: every field kind a Binding reads gives the same answer as the map API.
func TestBindFieldKinds(t *testing.T) {
	type rec struct {
		Budget decimal.Decimal   `rule:"预算数"`
		Spent  int64             `rule:"执行数"`
		Month  int               `rule:"月份"`
		Dept   string            `rule:"部门"`
		Done   bool              `rule:"已完成"`
		Day    time.Time         `rule:"日期"`
		Items  []decimal.Decimal `rule:"明细"`
		Rate   rules.Value       `rule:"执行率"`
	}
	text := "已完成 and 部门 == \"财政局\" and month(日期) == 8 ? 预算数 + 执行数 * 月份 + sum(明细) + 执行率 : 0"
	p, err := rules.Compile(text, std()...)
	require.NoError(t, err)
	b, err := rules.Bind[rec](p)
	require.NoError(t, err)
	assert.Same(t, p, b.Program())
	r := rec{Budget: d("100.5"), Spent: 7, Month: 8, Dept: "财政局", Done: true,
		Day: time.Date(2024, 8, 31, 23, 59, 0, 0, time.UTC), Items: []decimal.Decimal{d("1.25"), d("2")}, Rate: numS("0.75")}
	res := p.NewResult()
	require.NoError(t, b.EvalInto(&r, res))
	want := d("100.5").Add(d("7").Mul(d("8"))).Add(d("1.25").Add(d("2"))).Add(d("0.75"))
	sameValue(t, num(want), res.Value(0), "100.5 + 7×8 + 3.25 + 0.75")
	m, err := p.EvalValue(vars{"预算数": r.Budget, "执行数": r.Spent, "月份": r.Month, "部门": r.Dept, "已完成": r.Done,
		"日期": r.Day, "明细": r.Items, "执行率": r.Rate})
	require.NoError(t, err)
	sameValue(t, res.Value(0), m, "Binding and map agree")

	r.Done = false
	require.NoError(t, b.EvalInto(&r, res))
	sameValue(t, numS("0"), res.Value(0), "not done gives 0")

	// Without a tag, a field maps by its Go name, which may be Chinese.
	type plain struct{ 预算数 decimal.Decimal }
	q, err := rules.Compile("预算数 * 2", std()...)
	require.NoError(t, err)
	bp, err := rules.Bind[plain](q)
	require.NoError(t, err)
	res = q.NewResult()
	require.NoError(t, bp.EvalInto(&plain{d("1.5")}, res))
	sameValue(t, num(d("1.5").Mul(d("2"))), res.Value(0))

	// An int field under a small MaxDigits is still checked against the limit.
	q, err = rules.Compile("月份 + 0", append(std(), rules.MaxDigits(10))...)
	require.NoError(t, err)
	bm, err := rules.Bind[rec](q)
	require.NoError(t, err)
	res = q.NewResult()
	err = bm.EvalInto(&rec{Month: 12345678901, Rate: numS("0")}, res)
	e := onlyCode(t, err, rules.ErrInputValue)
	assert.Contains(t, e.Msg, "月份")
	require.NoError(t, bm.EvalInto(&rec{Month: 1234567890, Rate: numS("0")}, res))
	sameValue(t, num(d("1234567890")), res.Value(0))

	// Like the map API, a Binding needs only the inputs the program reads: 月份 + 0 does not
	// read 执行率, so a record whose unused Value field is empty still evaluates.
	assert.NoError(t, bm.EvalInto(&rec{Month: 3}, res), "an unread input must not fail the record")
}

// TestConstKinds: params of every scalar type read like literals.
func TestConstKinds(t *testing.T) {
	p, err := rules.Build(rules.Spec{
		Inputs: []rules.Input{{Name: "部门", Type: rules.TypeString}, {Name: "日期", Type: rules.TypeDate}},
		Consts: []rules.Const{
			{Name: "主管部门", Value: rules.TextOf("财政局")},
			{Name: "截止日", Value: day(2024, 8, 31)},
			{Name: "启用", Value: rules.BoolOf(true)},
			{Name: "满分", Value: numS("10.0")},
		},
		Formulas: []rules.Formula{fml("结果", "启用 and 部门 == 主管部门 and 日期 <= 截止日 ? 满分 : 0")},
	})
	require.NoError(t, err)
	v, err := p.EvalValue(vars{"部门": "财政局", "日期": "2024-08-31"})
	require.NoError(t, err)
	sameValue(t, numS("10.0"), v, "every condition holds, so the param 满分 with its own scale")
	v, err = p.EvalValue(vars{"部门": "财政局", "日期": "2024-09-01"})
	require.NoError(t, err)
	sameValue(t, numS("0"), v, "after the deadline")
}

// TestComputedWholeArguments: a computed number of places or days is whole whatever its
// scale: 12/4 is 3 written with 20 decimal places (3.00000000000000000000). The fast path and
// the decimal.Decimal path (Explain, and any record with an input beyond 128 bits) must agree.
func TestComputedWholeArguments(t *testing.T) {
	big40 := d("1234567890123456789012345678901234567890")
	for _, c := range []struct {
		name, expr string
		in         vars
		want       rules.Value
		reason     string
	}{
		{"算出的位数", "round(执行数 / 预算数, 12 / 4)", vars{"执行数": d("2"), "预算数": d("3")},
			num(div20(d("2"), d("3")).Round(3)), "12/4 = 3 places: 0.667"},
		{"算出的位数大数", "round(执行数 / 预算数, 12 / 4)", vars{"执行数": big40, "预算数": d("3")},
			num(div20(big40, d("3")).Round(3)), "the same with a 40-digit input, which takes the decimal path"},
		{"算出的负位数", "round(预算数, 0 - 4 / 2)", vars{"预算数": d("1250")},
			num(d("1250").Round(-2)), "0 - 4/2 = -2 places: 1300"},
		{"算出的天数", "add_days(日期, 60 / 2)", vars{"日期": "2024-08-31"},
			rules.DateOf(time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 30)), "60/2 = 30 days"},
		{"算出的日期", "make_date(2024, 16 / 2, 62 / 2)", nil, day(2024, 8, 31), "16/2 = 8, 62/2 = 31"},
		{"百分数位数", "round(1.23456, 300%)", nil, num(d("1.23456").Round(3)), "300% is 3.00, a whole number of places"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			p, err := rules.Compile(c.expr, std()...)
			require.NoError(t, err)
			v, err := p.EvalValue(c.in)
			if assert.NoError(t, err) {
				sameValue(t, c.want, v, c.reason)
			}
			res, _, err := p.Explain(c.in)
			if assert.NoError(t, err, "Explain computes with decimal.Decimal") {
				sameValue(t, c.want, res.Value(0), "Explain: %s", c.reason)
			}
		})
	}
}
