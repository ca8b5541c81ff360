package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPadTableIsWriteTable checks the row-by-row table lays rows out byte for byte as
// writeTable does: wide characters, right-aligned numbers, empty cells, trailing blanks —
// also when the rows are more than memory keeps and wait in a temporary file.
func TestPadTableIsWriteTable(t *testing.T) {
	cols := []column{{title: "项目编号"}, {title: "项目名称"}, {title: "预算数（万元）", right: true}, {title: "整改期限"}}
	many := make([][]string, 0, 200_000)
	for i := 0; len(many) < cap(many); i++ {
		many = append(many, []string{fmt.Sprintf("P%06d", i), strings.Repeat("项", i%13), fmt.Sprint(i * 7 % 1001), ""})
	}
	rows := []struct {
		reason string
		rows   [][]string
		want   [][]string
		spills bool
	}{
		{"a few rows, kept in memory; a separator in a cell shows as a blank",
			[][]string{{"A01", "尼雅镇污水处理", "631.46", ""}, {"A02", "（涉密）", "1000.5", "2024-09-30"}, {"", "", "", ""},
				{"A03", "含\x1f分隔符", "15", ""}},
			[][]string{{"A01", "尼雅镇污水处理", "631.46", ""}, {"A02", "（涉密）", "1000.5", "2024-09-30"}, {"", "", "", ""},
				{"A03", "含 分隔符", "15", ""}}, false},
		{"more rows than memory keeps: they wait in a temporary file, removed at close", many, many, true},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			var want strings.Builder
			writeTable(&want, cols, tt.want)
			pt := newPadTable(cols)
			for _, r := range tt.rows {
				pt.add(r)
			}
			require.Equal(t, tt.spills, pt.data.file != nil)
			var got strings.Builder
			require.NoError(t, pt.writeTo(&got))
			assert.Equal(t, want.String(), got.String(), "the same layout")
			if tt.spills {
				name := pt.data.file.Name()
				require.NoError(t, pt.close())
				_, err := os.Stat(name)
				assert.True(t, os.IsNotExist(err), "the temporary file is removed")
			}
			require.NoError(t, pt.close(), "closing twice is harmless")
		})
	}
}
