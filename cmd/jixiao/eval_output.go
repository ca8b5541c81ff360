package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// evalSink writes an evaluation in one format, as monitorSink does for a monitoring run.
type evalSink interface {
	encode(r *evalRow) []byte
	row(r *evalRow) error
	end(rep *evalReport) error
}

func newEvalSink(o outputOptions, w io.Writer, header []string, p *rules.Program, fills map[string]string) (evalSink, error) {
	names := p.Names()
	switch o.format {
	case "json":
		return &evalJSONSink{w: w, names: names}, nil
	case "csv":
		cw, err := tables.NewCSVWriter(w, o.csvEncoding())
		if err != nil {
			return nil, err
		}
		s := &evalCSVSink{w: cw, width: len(header), results: len(names)}
		return s, cw.Write(evalColumns(header, names))
	case "xlsx":
		return newEvalXLSXSink(w, header, p, fills)
	}
	cols := []column{{title: "行", right: true}, {title: firstColumn(header)}}
	for _, n := range p.Names() {
		t := p.Type(n)
		cols = append(cols, column{title: n, right: t == rules.TypeDecimal || t == rules.TypeInt})
	}
	return &evalTableSink{w: w, rows: newPadTable(cols)}, nil
}

// evalColumns are the CSV and xlsx columns: the row number, the table's own columns, a
// column per result and the reason a row could not be evaluated.
func evalColumns(header, names []string) []string {
	cols := append([]string{"行"}, trimmed(header)...)
	cols = append(cols, names...)
	return append(cols, "不能计算的原因")
}

func trimmed(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	}
	return out
}

func firstColumn(header []string) string {
	if len(header) == 0 {
		return ""
	}
	return trimmed(header[:1])[0]
}

// valueText is a result as a cell shows it: an exact number, a date, 是/否, or text.
func valueText(v rules.Value) string {
	switch v.Type() {
	case rules.TypeBool:
		return yesNo(v.Bool())
	case rules.TypeInvalid:
		return ""
	}
	return v.String()
}

// evalCells is a row as the CSV and xlsx write it: its cells padded to the header's width,
// then the results, then the reason.
func evalCells(r *evalRow, width, results int) []string {
	out := make([]string, 0, 2+width+results)
	out = append(out, strconv.Itoa(r.num))
	for i := 0; i < width; i++ {
		cell := ""
		if i < len(r.cells) {
			cell = r.cells[i]
		}
		out = append(out, cell)
	}
	for i := 0; i < results; i++ {
		cell := ""
		if i < len(r.values) {
			cell = valueText(r.values[i])
		}
		out = append(out, cell)
	}
	return append(out, r.err)
}

// --- csv ---

type evalCSVSink struct {
	w       *tables.CSVWriter
	width   int
	results int
}

func (s *evalCSVSink) encode(r *evalRow) []byte {
	cells := evalCells(r, s.width, s.results)
	for i := 1; i <= s.width; i++ {
		cells[i] = csvText(cells[i])
	}
	return tables.AppendCSV(nil, cells)
}

func (s *evalCSVSink) row(r *evalRow) error { return s.w.WriteLine(r.line) }

func (s *evalCSVSink) end(*evalReport) error { return s.w.Close() }

// --- json ---

type evalJSONSink struct {
	w     io.Writer
	names []string
}

type evalJSONRow struct {
	Row    int             `json:"row"`
	Values json.RawMessage `json:"values,omitempty"`
	Error  string          `json:"error,omitempty"`
}

func (s *evalJSONSink) encode(r *evalRow) []byte {
	jr := evalJSONRow{Row: r.num, Error: r.err}
	if r.err == "" {
		var b strings.Builder
		b.WriteByte('{')
		for i, name := range s.names {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(name)
			v, err := r.values[i].MarshalJSON()
			if err != nil {
				v = []byte("null")
			}
			b.Write(k)
			b.WriteByte(':')
			b.Write(v)
		}
		b.WriteByte('}')
		jr.Values = json.RawMessage(b.String())
	}
	line, err := jsonLine(jr)
	if err != nil {
		line, _ = jsonLine(evalJSONRow{Row: r.num, Error: "无法输出结果：" + err.Error()})
	}
	return line
}

func (s *evalJSONSink) row(r *evalRow) error {
	_, err := s.w.Write(r.line)
	return err
}

type evalJSONSummary struct {
	RuleSet   string `json:"ruleset"`
	Version   string `json:"version"`
	Hash      string `json:"hash"`
	At        string `json:"at"`
	Rows      int    `json:"rows"`
	Evaluated int    `json:"evaluated"`
	Rejected  int    `json:"rejected"`
	Skipped   int    `json:"skipped"`
}

func (rep *evalReport) summaryJSON() evalJSONSummary {
	return evalJSONSummary{RuleSet: rep.rs.ID(), Version: rep.rs.Version(), Hash: rep.rs.Hash(), At: rep.at.Format(dayLayout),
		Rows: rep.rows, Evaluated: rep.evaluated, Rejected: rep.rejected, Skipped: rep.skipped}
}

func (s *evalJSONSink) end(rep *evalReport) error {
	line, err := jsonLine(map[string]evalJSONSummary{"summary": rep.summaryJSON()})
	if err != nil {
		return err
	}
	_, err = s.w.Write(line)
	return err
}

// --- table ---

// evalTableSink shows, for each row, its number, the table's first column (what the row is
// about) and the results; it keeps the rows to pad the columns, as a table for the screen.
type evalTableSink struct {
	w        io.Writer
	rows     *padTable
	rejected spool
	line     []byte
}

// Close removes the spooled rows.
func (s *evalTableSink) Close() error { return errors.Join(s.rows.close(), s.rejected.close()) }

func (s *evalTableSink) encode(*evalRow) []byte { return nil }

func (s *evalTableSink) row(r *evalRow) error {
	if r.err != "" {
		s.line = fmt.Appendf(s.line[:0], "  第 %d 行：%s\n", r.num, r.err)
		s.rejected.write(s.line)
		return nil
	}
	first := ""
	if len(r.cells) > 0 {
		first = strings.TrimSpace(r.cells[0])
	}
	row := []string{strconv.Itoa(r.num), first}
	for _, v := range r.values {
		row = append(row, valueText(v))
	}
	s.rows.add(row)
	return nil
}

func (s *evalTableSink) end(rep *evalReport) error {
	var b strings.Builder
	title := ""
	if rep.rs.Title() != "" {
		title = "（" + rep.rs.Title() + "）"
	}
	fmt.Fprintf(&b, "规则集：%s%s 版本 %s  计算日期：%s\n\n", rep.rs.ID(), title, rep.rs.Version(), rep.at.Format(dayLayout))
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return err
	}
	if err := s.rows.writeTo(s.w); err != nil {
		return err
	}
	if err := writeSpool(s.w, "\n不能计算的行：\n", &s.rejected); err != nil {
		return err
	}
	b.Reset()
	fmt.Fprintf(&b, "\n%s\n", rep.accounting())
	_, err := io.WriteString(s.w, b.String())
	return err
}

func (rep *evalReport) accounting() string {
	msg := fmt.Sprintf("读入 %d 行 = 计算 %d 行 + 不能计算 %d 行。", rep.rows, rep.evaluated, rep.rejected)
	if rep.skipped > 0 {
		msg += fmt.Sprintf("另有空行 %d 行，不算数据行。", rep.skipped)
	}
	if rep.titleUnit != "" {
		msg += fmt.Sprintf("表头没有写单位的金额列按表格上方写的单位（%s）读取。", rep.titleUnit)
	}
	return msg
}

// --- xlsx ---

type evalXLSXSink struct {
	w     io.Writer
	x     *tables.XLSXWriter
	sheet *tables.SheetWriter
	width int
	n     int               // results
	fills map[string]string // a text result's value → its cell's colour (evalFills)
}

func newEvalXLSXSink(w io.Writer, header []string, p *rules.Program, fills map[string]string) (*evalXLSXSink, error) {
	names := p.Names()
	cols := []tables.Column{{Name: "行", Number: true, Width: 6}}
	for _, h := range trimmed(header) {
		cols = append(cols, tables.Column{Name: h})
	}
	for _, n := range names {
		t := p.Type(n)
		cols = append(cols, tables.Column{Name: n, Number: t == rules.TypeDecimal || t == rules.TypeInt})
	}
	cols = append(cols, tables.Column{Name: "不能计算的原因", Width: 48})
	x := tables.NewXLSX()
	sheet, err := x.AddSheet("计算结果", cols)
	if err != nil {
		_ = x.Close()
		return nil, err
	}
	return &evalXLSXSink{w: w, x: x, sheet: sheet, width: len(header), n: len(names), fills: fills}, nil
}

func (s *evalXLSXSink) encode(*evalRow) []byte { return nil }

func (s *evalXLSXSink) row(r *evalRow) error {
	cells := evalCells(r, s.width, s.n)
	row := make([]tables.Cell, len(cells))
	for i, c := range cells {
		row[i] = tables.Cell{Text: c}
	}
	for i, v := range r.values { // the results follow the row number and the table's cells
		if v.Type() == rules.TypeString {
			row[1+s.width+i].Fill = s.fills[v.Text()]
		}
	}
	return s.sheet.Row(row...)
}

// Close releases the workbook's temporary files.
func (s *evalXLSXSink) Close() error { return s.x.Close() }

func (s *evalXLSXSink) end(rep *evalReport) error {
	if err := s.sheet.Flush(); err != nil {
		return err
	}
	sum := rep.summaryJSON()
	rows := [][]string{{"规则集", sum.RuleSet}, {"名称", rep.rs.Title()}, {"版本", sum.Version}, {"内容哈希", sum.Hash},
		{"文件", rep.rs.File()}, {"计算日期", sum.At}, {"读入行数", strconv.Itoa(sum.Rows)}, {"计算", strconv.Itoa(sum.Evaluated)},
		{"不能计算", strconv.Itoa(sum.Rejected)}, {"空行（不算数据行）", strconv.Itoa(sum.Skipped)}}
	sw, err := s.x.AddSheet("规则集", []tables.Column{{Name: "项目", Width: 16}, {Name: "内容", Width: 72}})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := sw.Row(texts(r...)...); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = s.x.WriteTo(s.w)
	return err
}
