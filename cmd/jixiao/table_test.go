package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDisplayWidth(t *testing.T) {
	for _, tc := range []struct {
		in     string
		want   int
		reason string
	}{
		{"", 0, "空文本不占位"},
		{"100.00%", 7, "半角字符各占一列"},
		{"民政局", 6, "汉字各占两列"},
		{"彩票公益金（体育健身）", 22, "全角括号也占两列"},
		{"预算数(万元)", 12, "半角括号占一列"},
		{"１２", 4, "全角数字占两列"},
	} {
		require.NotEmpty(t, tc.reason, tc.in)
		assert.Equal(t, tc.want, displayWidth(tc.in), "%q: %s", tc.in, tc.reason)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	writeTable(&b, []column{{title: "单位"}, {title: "金额", right: true}, {title: "备注"}},
		[][]string{{"民政局", "940.00", ""}, {"住房和城乡建设局", "10,113.65", "一致"}})
	// 单位 is 16 columns wide (住房和城乡建设局, eight characters of two columns each), 金额 is 9
	// (10,113.65), right-aligned; two spaces between columns; no trailing blanks.
	assert.Equal(t, ""+
		"单位                   金额  备注\n"+
		"民政局               940.00\n"+
		"住房和城乡建设局  10,113.65  一致\n", b.String())
}
