package rules_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// A Value is one input or result; its accessors give the Go value back.
func ExampleValue() {
	v := rules.NumberOf(decimal.RequireFromString("928.50"))
	fmt.Println(v.Type(), v, v.Decimal().Round(0), v.IsValid())
	fmt.Println(rules.Value{}.Type(), rules.Value{}.IsValid())
	// Output:
	// 数值 928.50 929 true
	// 无效类型 false
}

// NumberOf wraps an exact decimal; it prints as shopspring/decimal prints it.
func ExampleNumberOf() {
	v := rules.NumberOf(decimal.RequireFromString("928.50"))
	fmt.Println(v, v.Type(), v.Decimal().StringFixed(2))
	// Output:
	// 928.50 数值 928.50
}

func ExampleTextOf() {
	v := rules.TextOf("良")
	fmt.Println(v, v.Type(), v.Text())
	// Output:
	// 良 文本 良
}

func ExampleBoolOf() {
	v := rules.BoolOf(true)
	fmt.Println(v, v.Type(), v.Bool())
	// Output:
	// true 布尔 true
}

// DateOf keeps the calendar day and drops the time and zone.
func ExampleDateOf() {
	v := rules.DateOf(time.Date(2024, 8, 31, 23, 30, 0, 0, time.FixedZone("CST", 8*3600)))
	fmt.Println(v, v.Type(), v.Time())
	// Output:
	// 2024-08-31 日期 2024-08-31 00:00:00 +0000 UTC
}

func ExampleListOf() {
	v := rules.ListOf([]decimal.Decimal{decimal.NewFromInt(3), decimal.RequireFromString("4.50")})
	fmt.Println(v, v.Type(), len(v.List()))
	// Output:
	// [3, 4.50] 数值列表 2
}

// ParseValue reads text the way an input given as text is read.
func ExampleParseValue() {
	for _, c := range []struct {
		t    rules.Type
		text string
	}{
		{rules.TypeDecimal, "10,113.65"},
		{rules.TypeDecimal, "20%"},
		{rules.TypeInt, "8.5"},
		{rules.TypeBool, "是"},
		{rules.TypeDate, "2024/05/31"},
		{rules.TypeDate, "2024年9月1日"},
		{rules.TypeDate, "2023-02-29"},
	} {
		if v, ok := rules.ParseValue(c.t, c.text); ok {
			fmt.Printf("%s %q → %s\n", c.t, c.text, v)
		} else {
			fmt.Printf("%s %q 不是%s\n", c.t, c.text, c.t)
		}
	}
	// Output:
	// 数值 "10,113.65" → 10113.65
	// 数值 "20%" → 0.20
	// 整数 "8.5" 不是整数
	// 布尔 "是" → true
	// 日期 "2024/05/31" → 2024-05-31
	// 日期 "2024年9月1日" → 2024-09-01
	// 日期 "2023-02-29" 不是日期
}

// Cmp orders numbers by value; it allocates nothing, so sorting results is cheap.
func ExampleValue_Cmp() {
	vs := []rules.Value{
		rules.NumberOf(decimal.RequireFromString("0.9")),
		rules.NumberOf(decimal.RequireFromString("0.85")),
		rules.NumberOf(decimal.RequireFromString("1.00")),
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Cmp(vs[j]) < 0 })
	fmt.Println(vs)
	// Output:
	// [0.85 0.9 1.00]
}

// Equal compares by value: 1.0 equals 1, but a number never equals text.
func ExampleValue_Equal() {
	one := rules.NumberOf(decimal.NewFromInt(1))
	fmt.Println(one.Equal(rules.NumberOf(decimal.RequireFromString("1.0"))))
	fmt.Println(one.Equal(rules.TextOf("1")))
	// Output:
	// true
	// false
}

// String prints numbers in plain notation, never with an exponent.
func ExampleValue_String() {
	fmt.Println(rules.NumberOf(decimal.New(12, 8)))
	fmt.Println(rules.NumberOf(decimal.New(5, -9)))
	fmt.Println(rules.DateOf(time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 1200000000
	// 0.000000005
	// 2024-05-31
}

// Numbers and dates are JSON strings, exact; never a JSON float.
func ExampleValue_MarshalJSON() {
	out, _ := json.Marshal([]rules.Value{
		rules.NumberOf(decimal.RequireFromString("0.66666666666666666667")),
		rules.TextOf("良"),
		rules.BoolOf(false),
		rules.ListOf([]decimal.Decimal{decimal.NewFromInt(1)}),
		{},
	})
	fmt.Println(string(out))
	// Output:
	// ["0.66666666666666666667","良",false,["1"],null]
}

// ParseType reads a type as a rule file writes it, in English or Chinese.
func ExampleParseType() {
	for _, s := range []string{"decimal", "日期", "float"} {
		t, ok := rules.ParseType(s)
		fmt.Println(s, t, ok)
	}
	// Output:
	// decimal 数值 true
	// 日期 日期 true
	// float 无效类型 false
}

// String is the Chinese name staff read in messages.
func ExampleType_String() {
	fmt.Println(rules.TypeDecimal, rules.TypeInt, rules.TypeString, rules.TypeBool, rules.TypeDate, rules.TypeList)
	// Output:
	// 数值 整数 文本 布尔 日期 数值列表
}

// Key is the English name a rule file writes.
func ExampleType_Key() {
	fmt.Println(rules.TypeDecimal.Key(), rules.TypeInt.Key(), rules.TypeString.Key(), rules.TypeBool.Key(),
		rules.TypeDate.Key(), rules.TypeList.Key())
	// Output:
	// decimal int string bool date list
}
