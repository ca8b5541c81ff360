package tables

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxXLSXRows is Excel's row limit: a longer table must be written as CSV.
const MaxXLSXRows = 1 << 20

// Column is one column of a sheet: its header, whether its cells are numbers, and its width in
// characters (0 for a width fitted to the header).
type Column struct {
	Name   string
	Number bool
	Width  float64
}

// Cell is one cell: its text and, optionally, the colour to fill it with — a colour name as
// rule sets declare them (红色, 黄色, 绿色, 蓝色, 橙色, 灰色, or 红, 黄 … without 色) or #RRGGBB.
type Cell struct {
	Text string
	Fill string
}

// XLSXWriter writes a workbook of one or more sheets, each streamed row by row so memory stays
// flat in the row count. The same calls always give the same bytes. Make one with NewXLSX.
type XLSXWriter struct {
	f      *excelize.File
	sheets int
	styles map[styleKey]int
}

// SheetWriter streams the rows of one sheet. Make one with XLSXWriter.AddSheet.
type SheetWriter struct {
	x    *XLSXWriter
	sw   *excelize.StreamWriter
	cols []Column
	row  int
}

type styleKey struct {
	fill   string
	places int32
	number bool
	bold   bool
}

// NewXLSX starts an empty workbook.
func NewXLSX() *XLSXWriter {
	return &XLSXWriter{f: excelize.NewFile(), styles: map[styleKey]int{}}
}

// AddSheet adds a sheet after the others and writes its header row, bold and frozen so it
// stays in view while scrolling. Rows are written with SheetWriter.Row; a sheet must be
// finished (SheetWriter.Flush) before the next is added.
func (x *XLSXWriter) AddSheet(name string, cols []Column) (*SheetWriter, error) {
	if x.sheets == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	x.sheets++
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &SheetWriter{x: x, sw: sw, cols: cols}
	if err := s.layout(); err != nil {
		return nil, err
	}
	header := make([]any, len(cols))
	bold, err := x.style(styleKey{bold: true})
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	return s, s.put(header)
}

// layout sets the column widths and freezes the header row.
func (s *SheetWriter) layout() error {
	for i, c := range s.cols {
		w := c.Width
		if w <= 0 {
			w = float64(max(8, 2*len([]rune(c.Name))+2))
		}
		if err := s.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	return s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// Row writes one row; cells beyond the columns are an error, missing cells are left empty.
// A number column's cell is written as a number when a double holds its decimal exactly as
// written, and as text otherwise, so the workbook never shows a figure other than the one
// computed; its number format keeps the places it was written with (1.50 shows 1.50).
func (s *SheetWriter) Row(cells ...Cell) error {
	if len(cells) > len(s.cols) {
		return fmt.Errorf("这一行有 %d 个单元格，表只有 %d 列", len(cells), len(s.cols))
	}
	if s.row+1 >= MaxXLSXRows {
		return fmt.Errorf("超过了 Excel 的 %d 行上限：请改为输出 CSV", MaxXLSXRows)
	}
	vals := make([]any, len(cells))
	for i, c := range cells {
		v, key, err := s.cell(i, c)
		if err != nil {
			return err
		}
		if key == (styleKey{}) && c.Text == "" {
			continue // an empty cell without a fill is not written at all
		}
		id, err := s.x.style(key)
		if err != nil {
			return err
		}
		vals[i] = excelize.Cell{StyleID: id, Value: v}
	}
	return s.put(vals)
}

// cell is the value to write for c in column i, and its style.
func (s *SheetWriter) cell(i int, c Cell) (any, styleKey, error) {
	key := styleKey{fill: c.Fill}
	if key.fill != "" {
		if _, err := fillColour(key.fill); err != nil {
			return nil, key, err
		}
	}
	if !s.cols[i].Number || strings.TrimSpace(c.Text) == "" {
		return c.Text, key, nil
	}
	d, err := decimal.NewFromString(c.Text)
	if err != nil || d.Exponent() < -30 || d.Exponent() > 30 {
		return c.Text, key, nil
	}
	f, _ := d.Float64()
	if strconv.FormatFloat(f, 'f', -1, 64) != d.String() {
		return c.Text, key, nil // a double cannot hold it: keep the exact digits as text
	}
	key.number, key.places = true, max(0, -d.Exponent())
	return f, key, nil
}

func (s *SheetWriter) put(vals []any) error {
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, vals)
}

// Flush finishes the sheet.
func (s *SheetWriter) Flush() error { return s.sw.Flush() }

// WriteTo writes the workbook to w. The parts are stored in a fixed order, so the same
// workbook is always the same bytes (excelize's own order varies from run to run). The
// workbook is first written to a temporary file, not to memory: a sheet of a million rows is
// tens of megabytes.
func (x *XLSXWriter) WriteTo(w io.Writer) (int64, error) {
	if x.sheets == 0 {
		return 0, errors.New("工作簿里还没有工作表")
	}
	tmp, err := os.CreateTemp("", "jixiao-*.xlsx")
	if err != nil {
		return 0, err
	}
	defer func() {
		_ = tmp.Close()           // read-only by now, or already failed
		_ = os.Remove(tmp.Name()) // ours alone: nothing else refers to it
	}()
	if _, err := x.f.WriteTo(tmp); err != nil {
		return 0, err
	}
	st, err := tmp.Stat() // excelize writes straight to the file and does not count
	if err != nil {
		return 0, err
	}
	zr, err := zip.NewReader(tmp, st.Size())
	if err != nil {
		return 0, err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return partOrder(files[i].Name) < partOrder(files[j].Name) })
	cw := &countingWriter{w: w}
	zw := zip.NewWriter(cw)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return cw.n, err
		}
	}
	err = zw.Close()
	return cw.n, err
}

// partOrder sorts [Content_Types].xml first, as Office writes it, then by name.
func partOrder(name string) string {
	if name == "[Content_Types].xml" {
		return ""
	}
	return name
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Close releases the workbook's temporary files.
func (x *XLSXWriter) Close() error { return x.f.Close() }

// style returns the id of the style for key, made once per workbook.
func (x *XLSXWriter) style(key styleKey) (int, error) {
	if id, ok := x.styles[key]; ok {
		return id, nil
	}
	st := &excelize.Style{}
	if key.bold {
		st.Font = &excelize.Font{Bold: true}
	}
	if key.fill != "" {
		hex, err := fillColour(key.fill)
		if err != nil {
			return 0, err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}
	}
	if key.number {
		format := "0"
		if key.places > 0 {
			format += "." + strings.Repeat("0", int(key.places))
		}
		st.CustomNumFmt = &format
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	x.styles[key] = id
	return id, nil
}

// fillColour reads a colour name (红色 or 红) or #RRGGBB. The names give light shades, so the
// text on them stays readable.
func fillColour(name string) (string, error) {
	switch strings.TrimSuffix(name, "色") {
	case "红":
		return "#F4B6B6", nil
	case "黄":
		return "#FFE699", nil
	case "绿":
		return "#C6EFCE", nil
	case "蓝":
		return "#BDD7EE", nil
	case "橙":
		return "#F8CBAD", nil
	case "灰":
		return "#D9D9D9", nil
	}
	if len(name) == 7 && name[0] == '#' {
		if _, err := strconv.ParseUint(name[1:], 16, 32); err == nil {
			return name, nil
		}
	}
	return "", fmt.Errorf("不认识的颜色“%s”：请写 红色、黄色、绿色、蓝色、橙色、灰色，或 #RRGGBB", name)
}

// CheckColour tells whether a fill colour can be written, with the reason when it cannot, so
// a caller can refuse a rule set's colour before writing a report.
func CheckColour(name string) error {
	_, err := fillColour(name)
	return err
}
