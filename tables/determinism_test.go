package tables_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// platformReport runs n generated records through a rules.Binding with Map under b, and writes the
// results as CSV (in enc) and as a workbook, as a platform would.
func platformReport(t *testing.T, n int, b tables.Batch, enc tables.Encoding) (csvBytes, xlsxBytes []byte) {
	t.Helper()
	prog, err := rules.Compile("round(执行数 / 预算数, 4)",
		rules.WithInput("预算数", rules.TypeDecimal), rules.WithInput("执行数", rules.TypeDecimal))
	require.NoError(t, err)
	bind, err := rules.Bind[platformRecord](prog)
	require.NoError(t, err)
	i := 0
	next := func() (platformRecord, error) {
		if i == n {
			return platformRecord{}, io.EOF
		}
		i++
		return platformRecord{ID: fmt.Sprintf("项目𠀀%05d", i), Budget: decimal.NewFromInt(int64(i % 97)), Spent: decimal.New(int64(i*37%1000), -2)}, nil
	}
	newWork := func() func(platformRecord) []string {
		res := prog.NewResult()
		return func(p platformRecord) []string {
			if err := bind.EvalInto(&p, res); err != nil {
				return []string{p.ID, "", err.Error()}
			}
			return []string{p.ID, res.Value(0).String(), ""}
		}
	}
	var cb, xb bytes.Buffer
	cw, err := tables.NewCSVWriter(&cb, enc)
	require.NoError(t, err)
	require.NoError(t, cw.Write([]string{"项目编号", "执行率", "原因"}))
	x := tables.NewXLSX()
	defer x.Close()
	sheet, err := x.AddSheet("结果", []tables.Column{{Name: "项目编号"}, {Name: "执行率", Number: true}, {Name: "原因"}})
	require.NoError(t, err)
	got, err := tables.Map(context.Background(), b, next, newWork, func(cells []string) error {
		if err := cw.Write(cells); err != nil {
			return err
		}
		fill := ""
		if cells[2] != "" {
			fill = "红色"
		}
		return sheet.Row(tables.Cell{Text: cells[0]}, tables.Cell{Text: cells[1]}, tables.Cell{Text: cells[2], Fill: fill})
	})
	require.NoError(t, err)
	require.Equal(t, n, got, "every record reaches emit")
	require.NoError(t, cw.Close())
	require.NoError(t, sheet.Flush())
	_, err = x.WriteTo(&xb)
	require.NoError(t, err)
	return cb.Bytes(), xb.Bytes()
}

// The same records give the same bytes in every format whatever the batch settings: results
// come back in the records' order, and the writers add nothing that varies.
func TestPlatformReportSameBytes(t *testing.T) {
	const n = 1000
	for _, enc := range []tables.Encoding{tables.UTF8, tables.GB18030} {
		wantCSV, wantXLSX := platformReport(t, n, tables.Batch{Workers: 1, Chunk: 1}, enc)
		for _, tc := range []struct {
			b      tables.Batch
			reason string
		}{
			{tables.Batch{Workers: 7, Chunk: 3}, "more workers than cores, tiny chunks: chunks finish out of order"},
			{tables.Batch{Workers: 2, Chunk: 256}, "the engine's usual settings on two cores"},
			{tables.Batch{}, "the zero Batch"},
		} {
			gotCSV, gotXLSX := platformReport(t, n, tc.b, enc)
			assert.Equal(t, wantCSV, gotCSV, "%s CSV: %s", enc, tc.reason)
			assert.Equal(t, wantXLSX, gotXLSX, "%s xlsx: %s", enc, tc.reason)
		}
		r, rows, bad := readAll(t, wantCSV)
		assert.Equal(t, enc, r.Encoding(), "read back in the encoding written")
		assert.Empty(t, bad, "every row reads back")
		require.Len(t, rows, n, "every record is a row")
		assert.Equal(t, fmt.Sprintf("项目𠀀%05d", n), rows[n-1].Cells[0], "characters outside GBK survive")
	}
}
