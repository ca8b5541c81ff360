package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPadTableIsWriteTable checks the row-by-row table lays rows out byte for byte as
// writeTable does: wide characters, right-aligned numbers, empty cells, trailing blanks.
func TestPadTableIsWriteTable(t *testing.T) {
	cols := []column{{title: "项目编号"}, {title: "项目名称"}, {title: "预算数（万元）", right: true}, {title: "整改期限"}}
	rows := [][]string{{"A01", "尼雅镇污水处理", "631.46", ""}, {"A02", "（涉密）", "1000.5", "2024-09-30"}, {"", "", "", ""},
		{"A03", "含\x1f分隔符", "15", ""}}
	var want strings.Builder
	writeTable(&want, cols, [][]string{rows[0], rows[1], rows[2], {"A03", "含 分隔符", "15", ""}})
	pt := newPadTable(cols)
	for _, r := range rows {
		pt.add(r)
	}
	var got strings.Builder
	require.NoError(t, pt.writeTo(&got))
	assert.Equal(t, want.String(), got.String(), "the same layout; a separator in a cell shows as a blank")
}
