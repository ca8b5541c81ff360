package fixed

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestInt64(t *testing.T) {
	cases := []struct {
		in     string
		want   int64
		ok     bool
		reason string
	}{
		{"0", 0, true, "零"},
		{"12", 12, true, "整数"},
		{"-12", -12, true, "负整数"},
		{"12.000", 12, true, "带零小数仍是整数"},
		{"12.5", 0, false, "有小数部分"},
		{"-2", -2, true, "负数位数"},
		{"1.2e2", 120, true, "正指数"},
		{"9223372036854775807", math.MaxInt64, true, "int64 上限"},
		{"-9223372036854775808", math.MinInt64, true, "int64 下限"},
		{"9223372036854775808", 0, false, "超过 int64"},
		{"1e30", 0, false, "正指数超出"},
	}
	for _, c := range cases {
		n, ok := FromDecimal(decimal.RequireFromString(c.in))
		assert.True(t, ok, c.reason)
		got, gotOK := n.Int64()
		assert.Equal(t, c.ok, gotOK, "%s: %s", c.in, c.reason)
		if c.ok {
			assert.Equal(t, c.want, got, "%s: %s", c.in, c.reason)
		}
	}
	n := New(-1200, -2)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = n.Int64() }))
}
