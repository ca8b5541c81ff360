package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
)

// monitorSink writes a run in one format. encode is called on the workers, for each row,
// and may return nil (the row is then written from the row itself); row is called in input
// order; end writes what follows the rows (the summary) once every row is through.
type monitorSink interface {
	encode(r *monitorRow) []byte
	row(r *monitorRow) error
	end(rep *monitorReport) error
}

func newMonitorSink(o outputOptions, w io.Writer, p *monitor.Profile, at time.Time, stderr io.Writer) (monitorSink, error) {
	switch o.format {
	case "json":
		return &monitorJSONSink{w: w}, nil
	case "csv":
		return newMonitorCSVSink(w, o.csvEncoding(), stderr)
	case "xlsx":
		return newMonitorXLSXSink(w, p, at)
	}
	return &monitorTableSink{w: w, at: at, rows: newPadTable(monitorTableColumns)}, nil
}

// exact prints an amount's number exactly, without trailing zeros.
func exact(a amount.Amount) string { return decimalText(a.Value()) }

func rectifyBy(o *monitor.Outcome) string {
	if o.RectifyBy.IsZero() {
		return ""
	}
	return o.RectifyBy.Format(dayLayout)
}

func deviation(o *monitor.Outcome) string {
	if !o.HasDeviation {
		return ""
	}
	return scaledText(o.Deviation)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// rejectedName is the name a rejected row shows: its record's display name, so a 涉密
// project (or one whose 涉密 cell could not be read) is never named.
func rejectedName(r *monitorRow) string { return r.outcome.DisplayName() }

// --- table ---

// monitorTableSink lays the rows out as a table padded to the widest cell, so it keeps them
// until the end, spooled to a temporary file past a few megabytes: the table format is for
// reading on screen, CSV, JSON and xlsx stream.
type monitorTableSink struct {
	w        io.Writer
	at       time.Time
	rows     *padTable
	rejected spool // the lines listing rejected rows
	line     []byte
}

// Close removes the spooled rows.
func (s *monitorTableSink) Close() error { return errors.Join(s.rows.close(), s.rejected.close()) }

var monitorTableColumns = []column{{title: "项目编号"}, {title: "项目名称"}, {title: "部门"}, {title: "预算数（万元）", right: true},
	{title: "执行数（万元）", right: true}, {title: "偏差", right: true}, {title: "等级"}, {title: "红标"}, {title: "整改期限"}}

func (s *monitorTableSink) encode(*monitorRow) []byte { return nil }

func (s *monitorTableSink) row(r *monitorRow) error {
	if !r.graded {
		s.line = fmt.Appendf(s.line[:0], "  第 %d 行：%s\n", r.num, r.err)
		s.rejected.write(s.line)
		return nil
	}
	o := &r.outcome
	dev := ""
	if o.HasDeviation {
		dev = amount.FormatPercent(o.Deviation, 2)
	}
	s.rows.add([]string{o.ID, o.DisplayName(), o.Dept, exact(o.Budget.In(amount.Wan)),
		exact(o.Spent.In(amount.Wan)), dev, o.Grade.Name, yesNo(o.RedFlag), rectifyBy(o)})
	return nil
}

func (s *monitorTableSink) end(rep *monitorReport) error {
	var b strings.Builder
	rs := rep.profile.RuleSet()
	fmt.Fprintf(&b, "监控日期：%s  规则集：%s（%s） 版本 %s\n", rep.summary.Checkpoint.Format(dayLayout), rs.ID(), rs.Title(), rs.Version())
	if rep.calendar != "" {
		fmt.Fprintf(&b, "整改期限按工作日计，工作日历：%s\n", rep.calendar)
	}
	b.WriteString("\n")
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return err
	}
	if err := s.rows.writeTo(s.w); err != nil {
		return err
	}
	if err := writeSpool(s.w, "\n不能评级的行：\n", &s.rejected); err != nil {
		return err
	}
	b.Reset()
	rep.writeSummary(&b)
	rep.previous.write(&b)
	_, err := io.WriteString(s.w, b.String())
	return err
}

func (rep *monitorReport) writeSummary(b *strings.Builder) {
	s := rep.summary
	fmt.Fprintf(b, "\n%s 监控汇总：\n", s.Checkpoint.Format(dayLayout))
	cols := []column{{title: "等级"}, {title: "颜色"}, {title: "项目数", right: true},
		{title: "资金（万元）", right: true}, {title: "资金（亿元）", right: true}}
	var rows [][]string
	for _, l := range s.Lines {
		rows = append(rows, []string{l.Grade.Name, l.Grade.Colour, strconv.Itoa(l.Count), exact(l.Wan()), exact(l.Yi())})
	}
	rows = append(rows, []string{"合计", "", strconv.Itoa(s.Total.Count), exact(s.Total.Wan()), exact(s.Total.Yi())})
	writeTable(b, cols, rows)
	fmt.Fprintf(b, "红标 %d 个。%s\n", s.Flagged, rep.accounting())
	rep.writeGroups(b, "部门", s.ByDept)
	rep.writeGroups(b, "资金类型", s.ByFund)
}

// accounting says rows in = rows graded + rows rejected, and how many blank rows were not
// counted as data.
func (rep *monitorReport) accounting() string {
	msg := fmt.Sprintf("读入 %d 行 = 评级 %d 行 + 不能评级 %d 行。", rep.rows, rep.graded, rep.rejected)
	if rep.skipped > 0 {
		msg += fmt.Sprintf("另有空行 %d 行，不算数据行。", rep.skipped)
	}
	if rep.titleUnit != "" {
		msg += fmt.Sprintf("表头没有写单位的金额列按表格上方写的单位（%s）读取。", rep.titleUnit)
	}
	return msg
}

func (rep *monitorReport) writeGroups(b *strings.Builder, title string, groups []monitor.Group) {
	fmt.Fprintf(b, "\n按%s：\n", title)
	cols := []column{{title: title}}
	for _, g := range rep.summary.Lines {
		cols = append(cols, column{title: g.Grade.Name, right: true})
	}
	cols = append(cols, column{title: "项目数", right: true}, column{title: "资金（万元）", right: true})
	var rows [][]string
	for _, g := range groups {
		row := []string{groupKey(g.Key)}
		for _, l := range g.Lines {
			row = append(row, strconv.Itoa(l.Count))
		}
		rows = append(rows, append(row, strconv.Itoa(g.Total.Count), exact(g.Total.Wan())))
	}
	writeTable(b, cols, rows)
}

func groupKey(key string) string {
	if key == "" {
		return "（未填）"
	}
	return key
}

// --- json ---

// monitorJSONSink writes JSON lines: one object per data row, then the transitions, then
// the summary.
type monitorJSONSink struct{ w io.Writer }

type monitorJSONOutcome struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Grade     string  `json:"grade"`
	Deviation *string `json:"deviation"`
	RedFlag   bool    `json:"red_flag"`
	RectifyBy *string `json:"rectify_by"`
}

type monitorJSONRejected struct {
	Row   int    `json:"row"`
	Error string `json:"error"`
}

func (s *monitorJSONSink) encode(r *monitorRow) []byte {
	var v any = monitorJSONRejected{Row: r.num, Error: r.err}
	if r.graded {
		o := &r.outcome
		jo := monitorJSONOutcome{ID: o.ID, Name: o.DisplayName(), Grade: o.Grade.Name, RedFlag: o.RedFlag}
		if o.HasDeviation {
			d := scaledText(o.Deviation) // as the rule gave it: 0.2000, like the CSV and xlsx
			jo.Deviation = &d
		}
		if d := rectifyBy(o); d != "" {
			jo.RectifyBy = &d
		}
		v = jo
	}
	line, err := jsonLine(v)
	if err != nil { // plain strings and numbers: cannot fail
		return nil
	}
	return line
}

func (s *monitorJSONSink) row(r *monitorRow) error {
	line := r.line
	if line == nil {
		line = s.encode(r)
	}
	_, err := s.w.Write(line)
	return err
}

type monitorJSONLine struct {
	Grade  string `json:"grade,omitempty"`
	Colour string `json:"colour,omitempty"`
	Count  int    `json:"count"`
	Wan    string `json:"funds_wan"`
	Yi     string `json:"funds_yi"`
}

type monitorJSONGroup struct {
	Key    string            `json:"key"` // "" when the rows gave none
	Count  int               `json:"count"`
	Wan    string            `json:"funds_wan"`
	Yi     string            `json:"funds_yi"`
	Grades []monitorJSONLine `json:"grades"`
}

// monitorJSONSummary is the last line's "summary" object; its schema is documented in
// monitorHelp and the handbook (section 1.6).
type monitorJSONSummary struct {
	Checkpoint string             `json:"checkpoint"`
	RuleSet    string             `json:"ruleset"`
	Version    string             `json:"version"`
	Hash       string             `json:"hash"`
	Rows       int                `json:"rows"`
	Graded     int                `json:"graded"`
	Rejected   int                `json:"rejected"`
	Skipped    int                `json:"skipped"`
	RedFlags   int                `json:"red_flags"`
	Grades     []monitorJSONLine  `json:"grades"`
	Total      monitorJSONLine    `json:"total"`
	ByDept     []monitorJSONGroup `json:"by_dept"`
	ByFund     []monitorJSONGroup `json:"by_fund"`
}

func lineJSON(l monitor.Line) monitorJSONLine {
	return monitorJSONLine{Grade: l.Grade.Name, Colour: l.Grade.Colour, Count: l.Count, Wan: exact(l.Wan()), Yi: exact(l.Yi())}
}

func groupsJSON(gs []monitor.Group) []monitorJSONGroup {
	out := make([]monitorJSONGroup, 0, len(gs))
	for _, g := range gs {
		jg := monitorJSONGroup{Key: g.Key, Count: g.Total.Count, Wan: exact(g.Total.Wan()), Yi: exact(g.Total.Yi())}
		for _, l := range g.Lines {
			jg.Grades = append(jg.Grades, lineJSON(l))
		}
		out = append(out, jg)
	}
	return out
}

func (s *monitorJSONSink) end(rep *monitorReport) error {
	enc := json.NewEncoder(s.w)
	enc.SetEscapeHTML(false)
	if err := rep.previous.writeJSON(enc); err != nil {
		return err
	}
	sum := rep.summary
	rs := rep.profile.RuleSet()
	js := monitorJSONSummary{Checkpoint: sum.Checkpoint.Format(dayLayout), RuleSet: rs.ID(), Version: rs.Version(), Hash: rs.Hash(),
		Rows: rep.rows, Graded: rep.graded, Rejected: rep.rejected, Skipped: rep.skipped, RedFlags: sum.Flagged,
		Total: lineJSON(sum.Total), ByDept: groupsJSON(sum.ByDept), ByFund: groupsJSON(sum.ByFund)}
	for _, l := range sum.Lines {
		js.Grades = append(js.Grades, lineJSON(l))
	}
	return enc.Encode(map[string]monitorJSONSummary{"summary": js})
}
