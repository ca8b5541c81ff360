package main

import (
	"io"
	"strconv"
	"strings"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/tables"
)

// monitorCSVHeader is the CSV output's header: one line per data row, a rejected row with
// its reason in the last column.
var monitorCSVHeader = []string{"行", "项目编号", "项目名称", "部门", "资金类型", "预算数（万元）", "执行数（万元）",
	"等级", "颜色", "偏差", "红标", "整改期限", "不能评级的原因"}

// monitorCSVSink writes one CSV line per data row, in UTF-8 with a byte-order mark or in
// GB18030; the summary and the comparison with the earlier checkpoint go to stderr, so the
// file holds nothing but rows.
type monitorCSVSink struct {
	w      *tables.CSVWriter
	stderr io.Writer
}

func newMonitorCSVSink(w io.Writer, enc tables.Encoding, stderr io.Writer) (*monitorCSVSink, error) {
	cw, err := tables.NewCSVWriter(w, enc)
	if err != nil {
		return nil, err
	}
	return &monitorCSVSink{w: cw, stderr: stderr}, cw.Write(monitorCSVHeader)
}

func (s *monitorCSVSink) encode(r *monitorRow) []byte {
	return tables.AppendCSV(nil, monitorCSVCells(r))
}

func monitorCSVCells(r *monitorRow) []string {
	num := strconv.Itoa(r.num)
	if !r.graded {
		rec := &r.outcome.Record
		budget, spent := "", ""
		if r.read {
			budget, spent = exact(rec.Budget.In(amount.Wan)), exact(rec.Spent.In(amount.Wan))
		}
		return []string{num, csvText(rec.ID), csvText(rejectedName(r)), csvText(rec.Dept), csvText(rec.Fund), budget, spent,
			"", "", "", "", "", r.err}
	}
	o := &r.outcome
	return []string{num, csvText(o.ID), csvText(o.DisplayName()), csvText(o.Dept), csvText(o.Fund),
		exact(o.Budget.In(amount.Wan)), exact(o.Spent.In(amount.Wan)), o.Grade.Name, o.Grade.Colour,
		deviation(o), yesNo(o.RedFlag), rectifyBy(o), ""}
}

// csvText keeps a text cell from being run as a formula when the CSV is opened in Excel: a
// cell starting with = + - or @ gets a leading apostrophe, as Excel itself shows typed text.
// Numbers (-5) are left alone.
func csvText(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := amount.ParseDecimal(s); err == nil {
		return s
	}
	return "'" + s
}

func (s *monitorCSVSink) row(r *monitorRow) error {
	line := r.line
	if line == nil {
		line = s.encode(r)
	}
	return s.w.WriteLine(line)
}

func (s *monitorCSVSink) end(rep *monitorReport) error {
	if err := s.w.Close(); err != nil {
		return err
	}
	var b strings.Builder
	rep.writeSummary(&b)
	rep.previous.write(&b)
	_, err := io.WriteString(s.stderr, b.String())
	return err
}
