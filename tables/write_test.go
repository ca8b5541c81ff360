package tables_test

import (
	"bytes"
	"encoding/csv"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao-go/jixiao/tables"
)

func TestCSVWriterRoundTrip(t *testing.T) {
	rows := [][]string{{"项目编号", "项目名称", "偏差"}, {"MF001", "学生营养餐,午餐", "0.2000"}, {"MF002", "含\"引号\"", ""}, {"MF003", "𠀀𪚥镕", "1"}} // 𠀀 and 𪚥 are outside GBK: four bytes in GB18030
	for _, enc := range []tables.Encoding{tables.UTF8, tables.GB18030} {
		t.Run(enc.String(), func(t *testing.T) {
			var b bytes.Buffer
			w, err := tables.NewCSVWriter(&b, enc)
			require.NoError(t, err)
			for _, r := range rows {
				require.NoError(t, w.Write(r))
			}
			require.NoError(t, w.Close())
			if enc == tables.UTF8 {
				assert.True(t, bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")), "UTF-8 starts with the mark Excel needs")
			}
			r, got, bad := readAll(t, b.Bytes())
			assert.Equal(t, enc, r.Encoding(), "the reader finds the encoding the writer used")
			assert.Empty(t, bad)
			assert.Equal(t, rows[0], r.Header())
			require.Len(t, got, 3)
			assert.Equal(t, rows[1], got[0].Cells)
			assert.Equal(t, rows[2], got[1].Cells)
			assert.Equal(t, rows[3], got[2].Cells, "characters outside GBK survive the round trip")
		})
	}
	_, err := tables.NewCSVWriter(&bytes.Buffer{}, tables.UTF16LE)
	assert.Error(t, err, "only UTF-8 and GB18030 are written")
	_, err = tables.NewCSVWriter(nil, tables.UTF8)
	assert.Error(t, err)
}

// report writes a two-sheet workbook the way a monitoring report does.
func report(t *testing.T) []byte {
	t.Helper()
	x := tables.NewXLSX()
	defer func() { assert.NoError(t, x.Close()) }()
	s, err := x.AddSheet("项目", []tables.Column{{Name: "项目名称"}, {Name: "偏差", Number: true}, {Name: "等级"}})
	require.NoError(t, err)
	require.NoError(t, s.Row(tables.Cell{Text: "乡村道路"}, tables.Cell{Text: "0.2000"}, tables.Cell{Text: "良", Fill: "黄色"}))
	require.NoError(t, s.Row(tables.Cell{Text: "营养餐"}, tables.Cell{Text: "12345678901234567.89"}, tables.Cell{Text: "差", Fill: "#FF0000"}))
	require.NoError(t, s.Flush())
	sum, err := x.AddSheet("汇总", []tables.Column{{Name: "等级"}, {Name: "个数", Number: true}})
	require.NoError(t, err)
	require.NoError(t, sum.Row(tables.Cell{Text: "良"}, tables.Cell{Text: "1"}))
	require.NoError(t, sum.Flush())
	var b bytes.Buffer
	_, err = x.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

func TestXLSXWriter(t *testing.T) {
	data := report(t)
	assert.Equal(t, data, report(t), "the same rows give the same bytes")

	r, rows, bad := readAll(t, data)
	assert.Empty(t, bad)
	assert.Equal(t, []string{"项目名称", "偏差", "等级"}, r.Header())
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"乡村道路", "0.2", "良"}, rows[0].Cells, "a number cell holds the value; its format shows 0.2000")
	assert.Equal(t, "12345678901234567.89", rows[1].Cells[1], "a figure a double cannot hold is kept exactly, as text")

	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer func() { assert.NoError(t, f.Close()) }()
	assert.Equal(t, []string{"项目", "汇总"}, f.GetSheetList())
	shown, err := f.GetCellValue("项目", "B2")
	require.NoError(t, err)
	assert.Equal(t, "0.2000", shown, "the number format keeps the places the figure was computed with")
	id, err := f.GetCellStyle("项目", "C2")
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	assert.Equal(t, []string{"FFE699"}, st.Fill.Color, "黄色 fills the grade cell")
	panes, err := f.GetPanes("项目")
	require.NoError(t, err)
	assert.True(t, panes.Freeze, "the header stays in view")

	x := tables.NewXLSX()
	defer x.Close()
	s, err := x.AddSheet("表", []tables.Column{{Name: "a"}})
	require.NoError(t, err)
	assert.ErrorContains(t, s.Row(tables.Cell{Text: "x", Fill: "紫红"}), "不认识的颜色")
	assert.Error(t, s.Row(tables.Cell{}, tables.Cell{}), "more cells than columns")
	_, err = tables.NewXLSX().WriteTo(&bytes.Buffer{})
	assert.Error(t, err, "a workbook needs a sheet")
}

// TestAppendCSVMatchesEncodingCSV keeps AppendCSV byte for byte what encoding/csv writes.
func TestAppendCSVMatchesEncodingCSV(t *testing.T) {
	tests := []struct {
		cells  []string
		reason string
	}{
		{[]string{"a", "b"}, "plain cells"},
		{[]string{"", ""}, "empty cells are not quoted"},
		{[]string{"学生营养餐,午餐"}, "a comma is quoted"},
		{[]string{"含\"引号\""}, "quotes are doubled"},
		{[]string{"两\n行", "回车\r\n换行"}, "line breaks are written as CRLF inside quotes"},
		{[]string{" 前面有空格", "\u3000全角空格", "\u00a0不换行空格", "\u2003全身空格", "\u1680欧甘空格", "汉字"}, "a leading blank is quoted, as encoding/csv does"},
		{[]string{`\.`}, "encoding/csv quotes a lone \\."},
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) && r != '\n' && r != '\r' {
			tests = append(tests, struct {
				cells  []string
				reason string
			}{[]string{string(r) + "甲"}, "every Unicode space at the start of a cell"})
		}
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = true
		require.NoError(t, w.Write(tt.cells))
		w.Flush()
		assert.Equal(t, b.String(), string(tables.AppendCSV(nil, tt.cells)), tt.reason)
	}
}
