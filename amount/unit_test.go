package amount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnitString(t *testing.T) {
	tests := []struct {
		unit   Unit
		want   string
		valid  bool
		reason string
	}{
		{Yuan, "元", true, "基本单位"},
		{Wan, "万元", true, "县级报表最常用的单位"},
		{Yi, "亿元", true, "汇总资金用亿元"},
		{Unit(0), "元", true, "零值就是元"},
		{Unit(3), "Unit(3)", false, "越界的单位要能看出是错的，而不是冒充某个单位"},
		{Unit(-1), "Unit(-1)", false, "负数同样无效"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			needReason(t, tt.want, tt.reason)
			assert.Equal(t, tt.want, tt.unit.String())
			assert.Equal(t, tt.valid, tt.unit.Valid())
		})
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in     string
		want   Unit
		code   string
		offset int
		reason string
	}{
		{in: "元", want: Yuan, reason: "元"},
		{in: "万元", want: Wan, reason: "万元"},
		{in: "万", want: Wan, reason: "表头常省略“元”"},
		{in: "亿元", want: Yi, reason: "亿元"},
		{in: "亿", want: Yi, reason: "省略“元”的亿"},
		{in: "\u3000万元 ", want: Wan, reason: "单元格里的全角空格和空格要去掉"},
		{in: "千元", code: CodeUnknownUnit, reason: "千元不是本库支持的单位，要报错而不是猜"},
		{in: "  美元", code: CodeUnknownUnit, offset: 2, reason: "位置指向去掉空白后的单位开头"},
		{in: "万元整", code: CodeUnknownUnit, reason: "多余的字不能忽略"},
		{in: "", code: CodeEmpty, reason: "空单位"},
		{in: "\xff", code: CodeUnknownUnit, reason: "无效编码也只是报错，不会崩溃"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			needReason(t, tt.in, tt.reason)
			got, err := ParseUnit(tt.in)
			if tt.code != "" {
				wantParseError(t, err, tt.code, tt.offset)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseUnitMessage(t *testing.T) {
	_, err := ParseUnit("千元")
	assert.EqualError(t, err, `无法识别的单位 "千元"：可用的单位为 元、万元、亿元`)
}

func TestUnitStringRoundTrip(t *testing.T) {
	for _, u := range []Unit{Yuan, Wan, Yi} {
		got, err := ParseUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, got)
	}
}
