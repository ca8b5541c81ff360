package tables

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao-go/jixiao/internal/suggest"
)

// maxXMLInMemory is how much of a sheet excelize holds in memory before it spills the sheet to
// a temporary file: reading stays flat in memory whatever the row count.
const maxXMLInMemory = 16 << 20

// xlsxTable streams one sheet of a workbook.
type xlsxTable struct {
	rows *excelize.Rows
	row  int
}

func openXLSX(r io.Reader, cfg config) (*Reader, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: cfg.maxUnzip,
		UnzipXMLSizeLimit: min(cfg.maxUnzip, maxXMLInMemory)})
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	sheet, err := pickSheet(f, cfg.sheet)
	if err != nil {
		return nil, errors.Join(err, f.Close())
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("无法读取工作表“%s”：%v", sheet, err), f.Close())
	}
	t := &xlsxTable{rows: rows}
	closeAll := func() error { return errors.Join(rows.Close(), f.Close()) }
	header, err := t.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("工作表“%s”是空的，没有表头", sheet)
		}
		return nil, errors.Join(err, closeAll())
	}
	return &Reader{format: FormatXLSX, header: header.Cells, next: t.next, close: closeAll}, nil
}

// pickSheet is the named sheet, or the first visible one.
func pickSheet(f *excelize.File, name string) (string, error) {
	list := f.GetSheetList()
	if name != "" {
		for _, s := range list {
			if s == name {
				return s, nil
			}
		}
		msg := fmt.Sprintf("工作簿里没有名为“%s”的工作表；有：%s", name, strings.Join(list, "、"))
		if s := suggest.Closest(name, list); s != "" {
			msg += fmt.Sprintf("。是不是“%s”？", s)
		}
		return "", errors.New(msg)
	}
	for _, s := range list {
		if visible, err := f.GetSheetVisible(s); err == nil && visible {
			return s, nil
		}
	}
	if len(list) == 0 {
		return "", errors.New("工作簿里没有工作表")
	}
	return list[0], nil
}

func (t *xlsxTable) next() (Row, error) {
	if !t.rows.Next() {
		if err := t.rows.Error(); err != nil {
			return Row{}, fmt.Errorf("读取第 %d 行之后出错：%v", t.row, err)
		}
		return Row{}, io.EOF
	}
	t.row++
	cells, err := t.rows.Columns()
	if err != nil {
		return Row{}, &RowError{Row: t.row, Msg: fmt.Sprintf("无法读取这一行：%v", err)}
	}
	for i, c := range cells {
		cells[i] = excelNumber(c)
	}
	return Row{Num: t.row, Cells: cells}, nil
}

// excelNumber undoes the binary noise of a number cell: Excel keeps 15 significant digits and
// writes a sum like 0.1+0.2 as 0.30000000000000004. A number with a point or an exponent and
// more than 15 significant digits is rounded to 15, in decimal, as Excel shows it; anything
// else (text, whole numbers such as long IDs) is returned as stored.
func excelNumber(s string) string {
	if !strings.ContainsAny(s, ".eE") || len(s) > 40 {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Exponent() < -100 || d.Exponent() > 100 {
		return s // not a number, or one whose plain form would be huge: leave it to the caller
	}
	digits := int32(d.NumDigits()) //nolint:gosec // G115: s has at most 40 characters, so at most 40 digits
	if digits <= 15 && !strings.ContainsAny(s, "eE") {
		return s
	}
	if digits > 15 {
		d = d.Round(-d.Exponent() - (digits - 15))
	}
	return d.String()
}

// xlsxOpenError says in Chinese why a workbook could not be opened.
func xlsxOpenError(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return &formatError{"这个文件像 Excel 表格，但无法按 .xlsx 读取（文件可能已损坏）；请在 Excel 中打开后重新另存为 .xlsx"}
	case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit), strings.Contains(err.Error(), "unzip size"):
		return &formatError{"这个 .xlsx 解压后超过了读取上限（可能是异常文件）；如确需读取，请拆分成几个文件"}
	}
	return &formatError{fmt.Sprintf("无法读取这个 .xlsx 文件：%v", err)}
}
