package amount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAmountIn(t *testing.T) {
	tests := []struct {
		name   string
		from   Amount
		to     Unit
		want   string
		reason string
	}{
		{"一亿元换万元", New(dec("1"), Yi), Wan, "10000万元", "1亿元 = 10,000万元"},
		{"一亿元换元", New(dec("1"), Yi), Yuan, "100000000元", "1亿元 = 100,000,000元"},
		{"部门整体预算", New(dec("13.304271"), Yi), Wan, "133042.71万元", "种子：13.304271亿元恰好是133042.71万元"},
		{"差等级资金", New(dec("0.18778"), Yi), Wan, "1877.8万元", "种子：5月差等级资金"},
		{"项目资金", New(dec("6.027085"), Yi), Wan, "60270.85万元", "种子：535个项目资金"},
		{"衔接资金", New(dec("8.12962157"), Yi), Yuan, "812962157元", "种子：8位小数的亿元恰好是整数元"},
		{"万元换元", New(dec("928.56"), Wan), Yuan, "9285600元", "万元换元小数点右移4位"},
		{"元换万元", New(dec("1"), Yuan), Wan, "0.0001万元", "元换万元不丢精度"},
		{"元换亿元", New(dec("100"), Yuan), Yi, "0.00000100亿元", "保留写出的精度，不做除法"},
		{"同单位", New(dec("100.00"), Wan), Wan, "100.00万元", "同单位原样返回，末尾零保留"},
		{"负数", New(dec("-2.5"), Wan), Yuan, "-25000元", "负数同样换算"},
		{"零值", Amount{}, Wan, "0.0000万元", "零值是0元，精确到元即0.0000万元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			got := tt.from.In(tt.to)
			assert.Equal(t, tt.want, got.String())
			assert.Equal(t, tt.to, got.Unit())
			assert.Zero(t, got.Cmp(tt.from), "conversion must not change the sum")
			back := got.In(tt.from.Unit())
			assert.True(t, back.Value().Equal(tt.from.Value()), "round trip %s", back)
		})
	}
}

func TestAmountArithmetic(t *testing.T) {
	tests := []struct {
		name   string
		a, b   Amount
		sum    string
		diff   string
		cmp    int
		reason string
	}{
		{"万元加元", New(dec("928.56"), Wan), New(dec("100"), Yuan), "9285700元", "9285500元", 1, "结果用较细的单位，精确"},
		{"亿元加万元", New(dec("0.18778"), Yi), New(dec("0.2"), Wan), "1878.0万元", "1877.6万元", 1, "亿元换成万元再加"},
		{"相等", New(dec("1"), Wan), New(dec("10000"), Yuan), "20000元", "0元", 0, "1万元和10000元相等"},
		{"小于", New(dec("9993.67"), Wan), New(dec("10113.65"), Wan), "20107.32万元", "-119.98万元", -1, "执行数小于预算数"},
		{"零值", Amount{}, New(dec("5"), Yi), "500000000元", "-500000000元", -1, "零值参与运算"},
		{"位数不同", New(dec("0.1"), Wan), New(dec("0.2"), Wan), "0.3万元", "-0.1万元", -1, "0.1 + 0.2 恰好是 0.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			assert.Equal(t, tt.sum, tt.a.Add(tt.b).String())
			assert.Equal(t, tt.diff, tt.a.Sub(tt.b).String())
			assert.Equal(t, tt.cmp, tt.a.Cmp(tt.b))
			assert.Equal(t, -tt.cmp, tt.b.Cmp(tt.a))
		})
	}
}

// TestSeedAggregates recomputes the seed's totals from their parts; the seed is not trusted.
func TestSeedAggregates(t *testing.T) {
	tests := []struct {
		name   string
		parts  []string
		unit   Unit
		want   string
		reason string
	}{
		{"5月资金", []string{"2.006179亿元", "2.193062亿元", "0.18778亿元"}, Yi, "4.387021亿元", "5月优良差三档资金合计"},
		{"8月资金", []string{"0.988877亿元", "3.314601亿元", "0.377299亿元"}, Yi, "4.680777亿元", "8月优良差三档资金合计"},
		{"重点评价预算", []string{"100", "940", "300", "10,113.65", "631.46"}, Wan, "12085.11万元",
			"五个项目预算合计12085.11万元，种子声明11285.11万元，相差800万元，需核实"},
		{"重点评价执行", []string{"100", "928.56", "281.17", "9993.67", "520.22"}, Wan, "11823.62万元", "五个项目执行数合计"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			total := New(dec("0"), tt.unit)
			for _, p := range tt.parts {
				a, err := ParseAmount(p, Wan)
				require.NoError(t, err)
				total = total.Add(a)
			}
			assert.Equal(t, tt.want, total.In(tt.unit).String())
		})
	}
	declared, err := ParseAmount("11285.11万元", Wan)
	require.NoError(t, err)
	assert.NotZero(t, declared.Cmp(New(dec("12085.11"), Wan)), "the seed's declared key-evaluation total disagrees with its parts")
}

func TestAmountFormat(t *testing.T) {
	tests := []struct {
		name   string
		a      Amount
		places int32
		unit   Unit
		want   string
		reason string
	}{
		{"千分位", New(dec("10113.65"), Wan), 2, Wan, "10,113.65万元", "报表格式"},
		{"亿元换万元", New(dec("13.304271"), Yi), 2, Wan, "133,042.71万元", "换算后带千分位"},
		{"万元换亿元", New(dec("133042.71"), Wan), 2, Yi, "13.30亿元", "四舍五入到两位"},
		{"四位", New(dec("0.18778"), Yi), 4, Yi, "0.1878亿元", "逢五进一"},
		{"补零", New(dec("100"), Wan), 2, Wan, "100.00万元", "位数不足补零"},
		{"负数", New(dec("-1234.565"), Yuan), 2, Yuan, "-1,234.57元", "负数远离零进位"},
		{"零值", Amount{}, 2, Wan, "0.00万元", "零值"},
		{"取整到万", New(dec("12345678"), Yuan), 0, Wan, "1,235万元", "按万元取整"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			assert.Equal(t, tt.want, tt.a.Format(tt.places, tt.unit))
		})
	}
}

func TestAmountStringRoundTrip(t *testing.T) {
	for _, s := range []string{"928.56万元", "13.304271亿元", "100.00元", "-0.0001万元", "0元", "9285600元"} {
		a, err := ParseAmount(s, Yuan)
		require.NoError(t, err)
		assert.Equal(t, s, a.String())
		b, err := ParseAmount(a.String(), Yi)
		require.NoError(t, err)
		sameDigits(t, a.Value().StringFixed(-a.Value().Exponent()), b.Value())
		assert.Equal(t, a.Unit(), b.Unit())
	}
}

func TestAmountZeroValue(t *testing.T) {
	var a Amount
	assert.Equal(t, Yuan, a.Unit())
	assert.True(t, a.Value().IsZero())
	assert.Equal(t, "0元", a.String())
	assert.Zero(t, a.Cmp(New(dec("0.00"), Yi)))
}

func TestInvalidUnitPanics(t *testing.T) {
	assert.PanicsWithValue(t, "amount: invalid Unit(7); use Yuan, Wan or Yi, or ParseUnit",
		func() { New(dec("1"), Unit(7)) })
	assert.Panics(t, func() { Amount{}.In(Unit(-1)) })
	assert.Panics(t, func() { Amount{}.Format(2, Unit(3)) })
}
