package tables_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

var misuseCols = []tables.Column{{Name: "项目"}, {Name: "金额", Number: true}}

// newSheet starts a workbook with one sheet named s.
func newSheet(t *testing.T) (*tables.XLSXWriter, *tables.SheetWriter) {
	t.Helper()
	x := tables.NewXLSX()
	t.Cleanup(func() { _ = x.Close() })
	s, err := x.AddSheet("s", misuseCols)
	require.NoError(t, err)
	return x, s
}

// Every misuse a platform's code can make is an error in Chinese, never a panic and never a
// workbook Excel calls damaged.
func TestWriterMisuse(t *testing.T) {
	tests := []struct {
		name, want, reason string
		do                 func(t *testing.T) error
	}{
		{name: "Row after Flush", want: "工作表“s”已经写完（Flush），不能再写行", reason: "the row would be lost silently",
			do: func(t *testing.T) error {
				_, s := newSheet(t)
				require.NoError(t, s.Flush())
				return s.Row(tables.Cell{Text: "x"})
			}},
		{name: "WriteTo before Flush", want: "工作表“s”还没有写完（SheetWriter.Flush），不能写出工作簿", reason: "an unfinished sheet is a damaged workbook",
			do: func(t *testing.T) error {
				x, s := newSheet(t)
				require.NoError(t, s.Row(tables.Cell{Text: "x"}))
				_, err := x.WriteTo(&bytes.Buffer{})
				return err
			}},
		{name: "AddSheet before Flush", want: "工作表“s”还没有写完（SheetWriter.Flush），不能再加工作表“t”", reason: "the contract says a sheet is finished first",
			do: func(t *testing.T) error {
				x, _ := newSheet(t)
				_, err := x.AddSheet("t", misuseCols)
				return err
			}},
		{name: "duplicate sheet", want: "已经有名为“s”的工作表（Excel 不分大小写）", reason: "excelize returns the existing sheet and the second overwrites the first",
			do: func(t *testing.T) error {
				x, s := newSheet(t)
				require.NoError(t, s.Flush())
				_, err := x.AddSheet("S", misuseCols)
				return err
			}},
		{name: "name too long", want: "工作表名称“" + strings.Repeat("汇", 32) + "”太长：Excel 最多 31 个字符", reason: "Excel refuses names over 31 characters",
			do: func(t *testing.T) error {
				_, err := tables.NewXLSX().AddSheet(strings.Repeat("汇", 32), misuseCols)
				return err
			}},
		{name: "name of 31 characters", want: "", reason: "31 is Excel's limit, inclusive",
			do: func(t *testing.T) error {
				_, err := tables.NewXLSX().AddSheet(strings.Repeat("汇", 31), misuseCols)
				return err
			}},
		{name: "name with slash", want: "工作表名称“8/31”不能含有 : \\ / ? * [ ] 这些字符", reason: "a date written with / is a likely sheet name",
			do: func(t *testing.T) error {
				_, err := tables.NewXLSX().AddSheet("8/31", misuseCols)
				return err
			}},
		{name: "blank name", want: "工作表名称不能为空", reason: "Excel needs a name",
			do: func(t *testing.T) error {
				_, err := tables.NewXLSX().AddSheet(" ", misuseCols)
				return err
			}},
		{name: "no columns", want: "工作表“s”没有列：至少要有一列", reason: "a sheet without columns can hold no row",
			do: func(t *testing.T) error {
				_, err := tables.NewXLSX().AddSheet("s", nil)
				return err
			}},
		{name: "colour typo", want: "不认识的颜色“红颜色”：请写 红色、黄色、绿色、蓝色、橙色、灰色，或 #RRGGBB", reason: "a rule set's colour misspelt",
			do: func(t *testing.T) error {
				_, s := newSheet(t)
				return s.Row(tables.Cell{Text: "x", Fill: "红颜色"})
			}},
		{name: "WriteTo after Close", want: "工作簿已经关闭（Close）", reason: "the temporary files are gone",
			do: func(t *testing.T) error {
				x, s := newSheet(t)
				require.NoError(t, s.Flush())
				require.NoError(t, x.Close())
				_, err := x.WriteTo(&bytes.Buffer{})
				return err
			}},
		{name: "zero XLSXWriter", want: "tables.XLSXWriter 须用 NewXLSX 创建", reason: "a zero value is refused, not a nil dereference",
			do: func(t *testing.T) error {
				var x tables.XLSXWriter
				_, err := x.AddSheet("s", misuseCols)
				return err
			}},
		{name: "zero SheetWriter", want: "tables.SheetWriter 须用 XLSXWriter.AddSheet 创建", reason: "a zero value is refused",
			do: func(t *testing.T) error {
				var s tables.SheetWriter
				return s.Row(tables.Cell{Text: "x"})
			}},
		{name: "zero CSVWriter", want: "tables.CSVWriter 须用 NewCSVWriter 创建", reason: "a zero value is refused, not a nil dereference",
			do: func(t *testing.T) error {
				var c tables.CSVWriter
				return c.Write([]string{"x"})
			}},
		{name: "CSV Write after Close", want: "CSV 已经写完（Close），不能再写行", reason: "the row would stay in the buffer and never reach the file",
			do: func(t *testing.T) error {
				c, err := tables.NewCSVWriter(&bytes.Buffer{}, tables.UTF8)
				require.NoError(t, err)
				require.NoError(t, c.Close())
				return c.Write([]string{"x"})
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason, "every row says why")
			var err error
			require.NotPanics(t, func() { err = tc.do(t) }, tc.reason)
			if tc.want == "" {
				assert.NoError(t, err, tc.reason)
				return
			}
			require.Error(t, err, tc.reason)
			assert.Equal(t, tc.want, err.Error(), tc.reason)
		})
	}
}

// Flush, Close and WriteTo may be called again: the second Flush and Close do nothing, and a
// second WriteTo gives the same bytes.
func TestWriterRepeatedCalls(t *testing.T) {
	x, s := newSheet(t)
	require.NoError(t, s.Row(tables.Cell{Text: "乡村道路"}, tables.Cell{Text: "1.50"}))
	require.NoError(t, s.Flush())
	require.NoError(t, s.Flush(), "a second Flush does nothing")
	var a, b bytes.Buffer
	_, err := x.WriteTo(&a)
	require.NoError(t, err)
	_, err = x.WriteTo(&b)
	require.NoError(t, err)
	assert.Equal(t, a.Bytes(), b.Bytes(), "WriteTo twice writes the same workbook")
	require.NoError(t, x.Close())
	require.NoError(t, x.Close(), "a second Close does nothing")
}

// An Encoding or Format outside the declared ones prints as its number and is refused by
// NewCSVWriter with an error, rather than panicking on an index.
func TestOutOfRangeEnums(t *testing.T) {
	assert.Equal(t, "Encoding(9)", tables.Encoding(9).String(), "printing a bad value must not panic")
	assert.Equal(t, "Format(-1)", tables.Format(-1).String(), "printing a bad value must not panic")
	_, err := tables.NewCSVWriter(&bytes.Buffer{}, tables.Encoding(9))
	require.Error(t, err, "only UTF-8 and GB18030 are written")
	assert.Equal(t, "CSV 只能写成 UTF-8 或 GB18030，不能写成 Encoding(9)", err.Error())
}
