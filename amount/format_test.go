package amount

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundHalfUp(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
		reason string
	}{
		{"2.675", 2, "2.68", "四舍五入"},
		{"-2.675", 2, "-2.68", "负数远离零进位，不是向上取整"},
		{"2.665", 2, "2.67", "不是银行家舍入"},
		{"2.674999", 2, "2.67", "不足一半舍去"},
		{"0.5", 0, "1", "取整进位"},
		{"-0.5", 0, "-1", "负数取整远离零"},
		{"1.005", 2, "1.01", "浮点数会算成1.00，十进制必须是1.01"},
		{"-0.004", 2, "0.00", "舍成零时没有负号"},
		{"1.5", 3, "1.500", "位数多于原数时补零"},
		{"1234.5", -1, "1230", "负位数舍到十位"},
		{"1235", -1, "1240", "负位数逢五进一"},
		{"0.98776", 4, "0.9878", "执行率先舍到四位"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			needReason(t, tt.in, tt.reason)
			got := RoundHalfUp(dec(tt.in), tt.places)
			assert.True(t, got.Equal(dec(tt.want)), "got %s", got)
			assert.Equal(t, tt.want, FormatDecimal(dec(tt.in), tt.places))
		})
	}
}

func TestFormatPercent(t *testing.T) {
	ratio := func(a, b string) decimal.Decimal { return dec(a).DivRound(dec(b), 20) }
	tests := []struct {
		name   string
		ratio  decimal.Decimal
		places int32
		want   string
		reason string
	}{
		{"比例", dec("0.98776"), 2, "98.78%", "题目给出的例子"},
		{"民政局", ratio("928.56", "940"), 2, "98.78%", "种子表第2行执行率"},
		{"文旅局", ratio("281.17", "300"), 2, "93.72%", "种子表第3行执行率"},
		{"农业农村局", ratio("9993.67", "10113.65"), 2, "98.81%", "种子表第4行执行率"},
		{"尼雅镇", ratio("520.22", "631.46"), 2, "82.38%", "种子表第5行执行率"},
		{"住建局", ratio("100", "100"), 2, "100.00%", "种子表第1行执行率"},
		{"项目支出", ratio("47967.66", "55134.12"), 1, "87.0%", "种子写86.9%，是截断；四舍五入应为87.0%"},
		{"整数", dec("0.2"), 0, "20%", "无小数位"},
		{"很小", dec("0.000000000000000000000000000001"), 2, "0.00%", "不出现指数"},
		{"很大", decimal.New(12, 20), 0, "120000000000000000000000%", "大数也不出现指数"},
		{"负数", dec("-0.123456"), 2, "-12.35%", "负偏差四舍五入远离零"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			assert.Equal(t, tt.want, FormatPercent(tt.ratio, tt.places))
		})
	}
}

func TestFormatGrouped(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
		reason string
	}{
		{"10113.65", 2, "10,113.65", "种子里的写法"},
		{"123", 0, "123", "三位以内不加逗号"},
		{"1234", 0, "1,234", "四位开始分组"},
		{"-1234567.891", 2, "-1,234,567.89", "负数，符号不参与分组"},
		{"999.995", 2, "1,000.00", "进位后多出一组"},
		{"-999.995", 2, "-1,000.00", "负数进位后多出一组"},
		{"0.5", 0, "1", "四舍五入到整数"},
		{"133042.71", 2, "133,042.71", "亿元换万元后的金额"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			needReason(t, tt.in, tt.reason)
			got := FormatGrouped(dec(tt.in), tt.places)
			assert.Equal(t, tt.want, got)
			back, err := ParseDecimal(got)
			require.NoError(t, err, "grouped output must parse back")
			sameDigits(t, FormatDecimal(dec(tt.in), tt.places), back)
		})
	}
}

// TestFormatIgnoresShopspringGlobals checks that output does not depend on shopspring's package-level
// settings, which another part of a program may have changed.
func TestFormatIgnoresShopspringGlobals(t *testing.T) {
	oldSci, oldTrim := decimal.UseScientificNotation, decimal.TrimTrailingZeros
	decimal.UseScientificNotation, decimal.TrimTrailingZeros = true, false
	t.Cleanup(func() { decimal.UseScientificNotation, decimal.TrimTrailingZeros = oldSci, oldTrim })

	big := decimal.New(12, 3)
	assert.Equal(t, "12000万元", New(big, Wan).String())
	assert.Equal(t, "12,000.00", FormatGrouped(big, 2))
	assert.Equal(t, "1200000%", FormatPercent(big, 0))
	assert.Equal(t, "0.20", exactString(dec("0.20")))
}

// TestPlacesOutOfRangeAreClamped: a mistyped places argument neither panics nor allocates
// a billion-digit string; it is treated as ±MaxPlaces.
func TestPlacesOutOfRangeAreClamped(t *testing.T) {
	d := dec("1.5")
	assert.True(t, RoundHalfUp(d, MaxPlaces+1).Equal(RoundHalfUp(d, MaxPlaces)))
	assert.Equal(t, int32(-MaxPlaces), RoundHalfUp(d, MaxPlaces+1).Exponent())
	assert.Equal(t, FormatDecimal(d, -MaxPlaces), FormatDecimal(d, -MaxPlaces-1))
	assert.Equal(t, FormatPercent(d, MaxPlaces), FormatPercent(d, 1<<30))
	assert.Len(t, FormatPercent(d, 1<<30), len("150.")+MaxPlaces+len("%"))
}
