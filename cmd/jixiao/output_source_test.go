package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTitleUnit(t *testing.T) {
	rows := []struct {
		reason string
		titles [][]string
		want   string
	}{
		{"no title rows", nil, ""},
		{"a title without a unit", [][]string{{"2024年8月项目支出绩效运行监控表"}}, ""},
		{"a unit line as templates write it", [][]string{{"2024年监控表"}, {"填报单位：民丰县财政局", "", "单位：元"}}, "元"},
		{"金额单位 with a half-width colon and blanks", [][]string{{"金额单位: 亿元"}}, "亿元"},
		{"in brackets at the end of the title", [][]string{{"项目监控表（单位：万元）"}}, "万元"},
		{"a 填报单位 whose name starts with 元 is not a unit", [][]string{{"填报单位：元宝山区财政局"}}, ""},
		{"the unit after a 填报单位 in the same cell", [][]string{{"填报单位：元宝山区财政局  金额单位：元"}}, "元"},
		{"full-width colon and letters are folded", [][]string{{"单位：元　"}}, "元"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.want, titleUnit(tt.titles))
		})
	}
}
