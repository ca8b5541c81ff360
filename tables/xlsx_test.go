package tables_test

import (
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
