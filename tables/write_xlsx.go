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
// characters (0 for a width fitted to the header). The zero Column is an unnamed text column
// of the fitted width.
type Column struct {
	Name   string
	Number bool
	Width  float64
}

// Cell is one cell: its text and, optionally, the colour to fill it with — a colour name as
// rule sets declare them (红色, 黄色, 绿色, 蓝色, 橙色, 灰色, or 红, 黄 … without 色) or #RRGGBB.
// The zero Cell is an empty cell without a fill, which is not written at all.
type Cell struct {
	Text string
	Fill string
}

// XLSXWriter writes a workbook of one or more sheets, each streamed row by row so memory stays
// flat in the row count. The same calls always give the same bytes. Make one with NewXLSX;
// the zero XLSXWriter refuses every call with an error. A workbook is written by one
// goroutine: AddSheet, the rows of that sheet, Flush, the next sheet, then WriteTo and Close.
type XLSXWriter struct {
	f      *excelize.File
	names  []string     // the sheets added, in order
	open   *SheetWriter // the sheet being written, until it is flushed
	styles map[styleKey]int
	closed bool
}

// SheetWriter streams the rows of one sheet. Make one with XLSXWriter.AddSheet; the zero
// SheetWriter refuses every row with an error.
type SheetWriter struct {
	x    *XLSXWriter
	sw   *excelize.StreamWriter
	name string
	cols []Column
	row  int
	done bool // flushed: no more rows
}

// errNoWorkbook is the zero XLSXWriter's answer: it has no workbook to write to.
var errNoWorkbook = errors.New("tables.XLSXWriter 须用 NewXLSX 创建")

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
// finished (SheetWriter.Flush) before the next is added. A sheet needs at least one column and
// a name Excel accepts: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending
// with ', not History, and not another sheet's name (Excel ignores case in names).
func (x *XLSXWriter) AddSheet(name string, cols []Column) (*SheetWriter, error) {
	if err := x.usable(); err != nil {
		return nil, err
	}
	if x.open != nil {
		return nil, fmt.Errorf("工作表“%s”还没有写完（SheetWriter.Flush），不能再加工作表“%s”", x.open.name, name)
	}
	if err := checkSheetName(name, x.names); err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("工作表“%s”没有列：至少要有一列", name)
	}
	if len(cols) > maxColumns {
		return nil, fmt.Errorf("工作表“%s”有 %d 列，超过了 Excel 的 %d 列上限", name, len(cols), maxColumns)
	}
	if len(x.names) == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	x.names = append(x.names, name)
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &SheetWriter{x: x, sw: sw, name: name, cols: append([]Column(nil), cols...)}
	x.open = s // until flushed; a sheet that fails below stays open, so WriteTo refuses the half-made workbook
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
	if err := s.writable(); err != nil {
		return err
	}
	if len(cells) > len(s.cols) {
		return fmt.Errorf("这一行有 %d 个单元格，表只有 %d 列", len(cells), len(s.cols))
	}
	if s.row >= MaxXLSXRows {
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

// writable tells whether rows may still be added to the sheet.
func (s *SheetWriter) writable() error {
	switch {
	case s.sw == nil:
		return errors.New("tables.SheetWriter 须用 XLSXWriter.AddSheet 创建")
	case s.done:
		return fmt.Errorf("工作表“%s”已经写完（Flush），不能再写行", s.name)
	case s.x.closed:
		return fmt.Errorf("工作簿已经关闭（Close），不能再写工作表“%s”", s.name)
	}
	return nil
}

// Flush finishes the sheet; rows written after it are refused. Flushing a finished sheet
// again does nothing.
func (s *SheetWriter) Flush() error {
	if s.sw == nil {
		return errors.New("tables.SheetWriter 须用 XLSXWriter.AddSheet 创建")
	}
	if s.done {
		return nil
	}
	if err := s.writable(); err != nil {
		return err
	}
	s.done = true
	if s.x.open == s {
		s.x.open = nil
	}
	return s.sw.Flush()
}

// usable tells whether the workbook can still be added to or written.
func (x *XLSXWriter) usable() error {
	switch {
	case x == nil || x.f == nil:
		return errNoWorkbook
	case x.closed:
		return errors.New("工作簿已经关闭（Close）")
	}
	return nil
}

// WriteTo writes the workbook to w. The parts are stored in a fixed order, so the same
// workbook is always the same bytes (excelize's own order varies from run to run). The
// workbook is first written to a temporary file, not to memory: a sheet of a million rows is
// tens of megabytes. Every sheet must be finished (SheetWriter.Flush) first: a sheet cut off
// in the middle would be a workbook Excel calls damaged. WriteTo may be called again, and
// writes the same bytes.
func (x *XLSXWriter) WriteTo(w io.Writer) (int64, error) {
	if err := x.usable(); err != nil {
		return 0, err
	}
	if len(x.names) == 0 {
		return 0, errors.New("工作簿里还没有工作表")
	}
	if x.open != nil {
		return 0, fmt.Errorf("工作表“%s”还没有写完（SheetWriter.Flush），不能写出工作簿", x.open.name)
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

// Close releases the workbook's temporary files; the workbook cannot be written after it.
// Closing it again does nothing.
func (x *XLSXWriter) Close() error {
	if x == nil || x.f == nil || x.closed {
		return nil
	}
	x.closed = true
	return x.f.Close()
}

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
