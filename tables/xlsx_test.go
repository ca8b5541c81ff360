package tables_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao-go/jixiao/tables"
)

// workbook writes an .xlsx with excelize: sheets in order, each a grid of cells written as
// excelize's default cells (numbers stay numbers, as a staff member's workbook holds them);
// a cell written with a leading ' is text, as in Excel.
func workbook(t *testing.T, sheets map[string][][]string, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { assert.NoError(t, f.Close()) }()
	for i, name := range order {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", name))
		} else {
			_, err := f.NewSheet(name)
			require.NoError(t, err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				if text, ok := strings.CutPrefix(v, "'"); ok {
					require.NoError(t, f.SetCellStr(name, cell, text))
					continue
				}
				require.NoError(t, f.SetCellDefault(name, cell, v)) // stored as written, like Excel's <v>
			}
		}
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func TestXLSXReadBack(t *testing.T) {
	data := workbook(t, map[string][][]string{
		"说明": {{"本表为示例"}},
		"项目": {
			{"项目编号", "预算数（万元）", "执行率"},
			{"'320102199001011234", "120", "0.30000000000000004"},
			{},
			{"MF003", "1E-3", "'0.30000000000000004"},
		},
	}, "说明", "项目")

	r, rows, bad := readAll(t, data)
	assert.Equal(t, tables.FormatXLSX, r.Format(), "found from the content: the test gives no file name")
	assert.Equal(t, []string{"本表为示例"}, r.Header(), "the first sheet by default")
	assert.Empty(t, rows)
	assert.Empty(t, bad)

	r, rows, bad = readAll(t, data, tables.Sheet("项目"))
	assert.Equal(t, []string{"项目编号", "预算数（万元）", "执行率"}, r.Header())
	assert.Empty(t, bad)
	require.Len(t, rows, 2)
	assert.Equal(t, tables.Row{Num: 2, Cells: []string{"320102199001011234", "120", "0.3"}}, rows[0],
		"binary noise past 15 digits in a number cell is rounded as Excel shows it; an ID in a text cell is kept")
	assert.Equal(t, tables.Row{Num: 4, Cells: []string{"MF003", "0.001", "0.30000000000000004"}}, rows[1],
		"an empty row keeps the next row's number; an exponent is written out; text is never rounded")
	assert.Equal(t, 1, r.Skipped(), "the empty row is counted")

	_, err := tables.Open(bytes.NewReader(data), tables.Sheet("项日"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "是不是“项目”", "a misspelt sheet name gets a suggestion")
}

func TestXLSXZipBomb(t *testing.T) {
	big := make([][]string, 2000)
	for i := range big {
		big[i] = []string{fmt.Sprintf("第%d行", i), "1234567890"}
	}
	data := workbook(t, map[string][][]string{"表": big}, "表")
	r, err := tables.Open(bytes.NewReader(data), tables.MaxUnzip(int64(len(data))))
	require.NoError(t, err, "the header fits in the limit")
	for i := 0; err == nil && i < len(big); i++ {
		_, err = r.Next()
	}
	require.Error(t, err, "a workbook that unpacks beyond the limit is refused, not unpacked")
	assert.NotErrorIs(t, err, io.EOF)
	assert.ErrorIs(t, err, tables.ErrUnsupported)
	assert.Contains(t, err.Error(), "上限")
	_, err = tables.Open(bytes.NewReader(data), tables.MaxUnzip(0))
	assert.Error(t, err, "a limit must be positive")
}

// rewritePart returns the workbook with one part changed by edit, as a hand-crafted or
// damaged file would have it.
func rewritePart(t *testing.T, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		part, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		if f.Name == name {
			part = edit(part)
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(part)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func TestXLSXLongRun(t *testing.T) {
	data := workbook(t, map[string][][]string{"表": {{"项目编号", "预算数"}, {"P1", "1"}}}, "表")
	rows := []struct {
		reason string
		edit   func([]byte) []byte
	}{
		{"megabytes of blanks between two rows (a zip bomb packs a gigabyte into a few megabytes) are refused, not held in memory",
			func(p []byte) []byte {
				return bytes.Replace(p, []byte("</row>"), append([]byte("</row>"), bytes.Repeat([]byte(" "), 3<<20)...), 1)
			}},
		{"a cell text longer than any Excel cell is refused as well",
			func(p []byte) []byte {
				return bytes.Replace(p, []byte("<v>1</v>"), append(append([]byte("<v>"), bytes.Repeat([]byte("9"), 3<<20)...), "</v>"...), 1)
			}},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			bad := rewritePart(t, data, "xl/worksheets/sheet1.xml", tt.edit)
			r, err := tables.Open(bytes.NewReader(bad))
			for i := 0; err == nil && i < 10; i++ {
				_, err = r.Next()
			}
			require.Error(t, err)
			assert.NotErrorIs(t, err, io.EOF, "the row after the run is not silently lost")
			assert.ErrorIs(t, err, tables.ErrUnsupported)
			assert.Contains(t, err.Error(), "超过 1 MB")
		})
	}
	r, err := tables.Open(bytes.NewReader(rewritePart(t, data, "xl/worksheets/sheet1.xml", func(p []byte) []byte {
		return bytes.Replace(p, []byte("<v>1</v>"), append(append([]byte("<v>"), bytes.Repeat([]byte("9"), 32767)...), "</v>"...), 1)
	})))
	require.NoError(t, err)
	row, err := r.Next()
	require.NoError(t, err, "a cell as long as Excel allows is read")
	assert.Len(t, row.Cells[1], 32767)
}
