package rules

// builtinID names a built-in function; the closure compiler dispatches on it.
type builtinID uint8

const (
	biNone builtinID = iota
	biRound
	biFloor
	biCeil
	biAbs
	biMin
	biMax
	biClamp
	biSum
	biAvg
	biCount
	biMod
	biDaysBetween
	biAddDays
	biYear
	biMonth
	biDay
	biMakeDate
)

// builtinSpec describes a built-in for the checker and for the handbook.
type builtinSpec struct {
	id   builtinID
	name string
	sig  string // how it is called, shown in messages
	desc string
}

var builtinSpecs = []builtinSpec{
	{biRound, "round", "round(x, n)", "四舍五入到 n 位小数（n 省略为 0），.5 远离零进位"},
	{biFloor, "floor", "floor(x, n)", "向下取整到 n 位小数（n 省略为 0）"},
	{biCeil, "ceil", "ceil(x, n)", "向上取整到 n 位小数（n 省略为 0）"},
	{biAbs, "abs", "abs(x)", "绝对值"},
	{biMin, "min", "min(a, b, ...) 或 min(列表)", "最小值；相等时取靠前的参数"},
	{biMax, "max", "max(a, b, ...) 或 max(列表)", "最大值；相等时取靠前的参数"},
	{biClamp, "clamp", "clamp(x, 下限, 上限)", "把 x 限制在下限与上限之间"},
	{biSum, "sum", "sum(a, b, ...) 或 sum(列表)", "求和"},
	{biAvg, "avg", "avg(a, b, ...) 或 avg(列表)", "平均值（按除法精度保留小数）"},
	{biCount, "count", "count(列表)", "列表元素个数"},
	{biMod, "mod", "mod(a, b)", "a 除以 b 的余数，符号随 a"},
	{biDaysBetween, "days_between", "days_between(开始日期, 结束日期)", "两个日期相差的天数（结束减开始）"},
	{biAddDays, "add_days", "add_days(日期, n)", "日期加 n 天（n 可为负）"},
	{biYear, "year", "year(日期)", "日期的年份"},
	{biMonth, "month", "month(日期)", "日期的月份 1–12"},
	{biDay, "day", "day(日期)", "日期是当月第几天"},
	{biMakeDate, "make_date", "make_date(年, 月, 日)", "由年月日组成日期"},
}

func builtinByName(name string) (builtinSpec, bool) {
	for _, b := range builtinSpecs {
		if b.name == name {
			return b, true
		}
	}
	return builtinSpec{}, false
}

// Builtin is a built-in function as documented for rule authors.
type Builtin struct {
	Name string // as written in rule text
	Call string // how it is called
	Desc string // what it does, in Chinese
}

// Builtins lists the built-in functions, for documentation and editor completion.
func Builtins() []Builtin {
	out := make([]Builtin, len(builtinSpecs))
	for i, b := range builtinSpecs {
		out[i] = Builtin{Name: b.name, Call: b.sig, Desc: b.desc}
	}
	return out
}
