package tables_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

func TestMatch(t *testing.T) {
	fields := []tables.Field{
		{Name: "项目编号", Required: true},
		{Name: "预算数", Aliases: []string{"调整后预算数", "全年预算数"}, Required: true},
		{Name: "执行数", Aliases: []string{"截至8月底支出数"}, Required: true},
		{Name: "资金类型"},
	}
	rows := []struct {
		reason string
		header []string
		at     map[string]int
		unit   map[string]string
		err    string
	}{
		{"plain names, units in brackets", []string{"项目编号", "预算数（万元）", "执行数(元)"},
			map[string]int{"项目编号": 0, "预算数": 1, "执行数": 2, "资金类型": -1}, map[string]string{"预算数": "万元", "执行数": "元"}, ""},
		{"aliases real templates use, with spaces and full-width digits", []string{" 项目编号 ", "全年预算数", "截至８月底支出数（万元）", "资金类型"},
			map[string]int{"项目编号": 0, "预算数": 1, "执行数": 2, "资金类型": 3}, map[string]string{"执行数": "万元"}, ""},
		{"the field's own name is preferred to an alias", []string{"项目编号", "全年预算数", "预算数", "执行数"},
			map[string]int{"预算数": 2}, nil, ""},
		{"an earlier alias is preferred to a later one", []string{"项目编号", "全年预算数", "调整后预算数", "执行数"},
			map[string]int{"预算数": 2}, nil, ""},
		{"a missing column is named with its aliases and the nearest header", []string{"项目编号", "预算数", "执行额"},
			nil, nil, "“执行数”列（也可以叫 截至8月底支出数；是不是“执行额”？）"},
		{"two columns of one name are refused: either could be meant", []string{"项目编号", "预算数（元）", "预算数（万元）", "执行数"},
			nil, nil, "第 2 列“预算数（元）”和第 3 列“预算数（万元）”是同一个名称"},
		{"two columns of a name no field reads are left alone", []string{"项目编号", "备注", "预算数", "执行数", "备注"},
			map[string]int{"项目编号": 0, "预算数": 2, "执行数": 3}, nil, ""},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			c, err := tables.Match(tt.header, fields)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			for name, i := range tt.at {
				assert.Equal(t, i, c.Index(name), name)
				assert.Equal(t, i >= 0, c.Has(name), name)
			}
			for name, u := range tt.unit {
				assert.Equal(t, u, c.Unit(name), name)
			}
		})
	}
	c, err := tables.Match([]string{"项目编号", "调整后预算数（万元）", "执行数"}, fields)
	require.NoError(t, err)
	assert.Equal(t, "调整后预算数（万元）", c.Header("预算数"), "a caller can say which column a field came from")
	row := tables.Row{Num: 2, Cells: []string{"MF001", " 120 "}}
	assert.Equal(t, "120", c.Cell(row, "预算数"))
	assert.Equal(t, "", c.Cell(row, "执行数"), "a short row has an empty cell, not a panic")
	assert.Equal(t, "", c.Cell(row, "资金类型"), "a field the table lacks reads as empty")
}

// Several missing columns are listed apart, each with its own hint in brackets, so a hint is
// never read as belonging to the next column.
func TestMatchNamesEveryMissingColumn(t *testing.T) {
	fields := []tables.Field{{Name: "有评定", Required: true}, {Name: "评定得分", Required: true}, {Name: "预算数", Aliases: []string{"全年预算数"}, Required: true}}
	_, err := tables.Match([]string{"有评价", "备注"}, fields)
	require.Error(t, err)
	assert.Equal(t, "表头缺少“有评定”列（是不是“有评价”？）、“评定得分”列、“预算数”列（也可以叫 全年预算数）", err.Error(),
		"each missing column named once, its hint beside it")
}
