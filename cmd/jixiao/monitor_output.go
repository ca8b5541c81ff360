package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
)

// monitorReport is one run of the command: every data row, graded or rejected (by the reader
// or by the rules), in the file's order, and the summary.
type monitorReport struct {
	run     *monitor.Run
	rows    []monitorRow
	summary monitor.Summary
	// previous compares with the earlier checkpoint (--previous); nil when there is none.
	previous *previousReport
}

// monitorRow is one data row: an outcome, or the reason it could not be graded.
type monitorRow struct {
	row     int
	outcome *monitor.Outcome
	err     string
}

func newMonitorReport(run *monitor.Run, bad []rowError) *monitorReport {
	r := &monitorReport{run: run, summary: run.Summary()}
	for _, b := range bad {
		r.rows = append(r.rows, monitorRow{row: b.row, err: b.msg})
	}
	for _, rj := range run.Rejected {
		r.rows = append(r.rows, monitorRow{row: rj.Row, err: rj.Err.Error()})
	}
	for i := range run.Graded {
		r.rows = append(r.rows, monitorRow{row: run.Graded[i].Row, outcome: &run.Graded[i]})
	}
	sort.SliceStable(r.rows, func(i, j int) bool { return r.rows[i].row < r.rows[j].row })
	return r
}

func (r *monitorReport) rejected() int { return len(r.rows) - len(r.run.Graded) }

func (r *monitorReport) write(c *cobra.Command, format string) error {
	switch format {
	case "json":
		out, err := r.jsonLines()
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		return write(c.OutOrStdout(), out)
	case "csv":
		out, err := r.csv()
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		if err := write(c.OutOrStdout(), out); err != nil {
			return err
		}
		var b strings.Builder
		r.writeRejected(&b)
		r.writeSummary(&b)
		r.previous.write(&b)
		return write(c.ErrOrStderr(), []byte(b.String()))
	}
	return write(c.OutOrStdout(), []byte(r.table()))
}

// exact prints an amount's number exactly, without trailing zeros.
func exact(a amount.Amount) string { return a.Value().String() }

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
	return o.Deviation.String()
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// --- table ---

func (r *monitorReport) table() string {
	var b strings.Builder
	rs := r.run.Profile.RuleSet()
	fmt.Fprintf(&b, "监控日期：%s  规则集：%s（%s） 版本 %s\n\n", r.run.Checkpoint.Format(dayLayout), rs.ID(), rs.Title(), rs.Version())
	cols := []column{{title: "项目编号"}, {title: "项目名称"}, {title: "部门"}, {title: "预算数（万元）", right: true},
		{title: "执行数（万元）", right: true}, {title: "偏差", right: true}, {title: "等级"}, {title: "红标"}, {title: "整改期限"}}
	var rows [][]string
	for _, row := range r.rows {
		if o := row.outcome; o != nil {
			dev := ""
			if o.HasDeviation {
				dev = amount.FormatPercent(o.Deviation, 2)
			}
			rows = append(rows, []string{o.ID, o.DisplayName(), o.Dept, exact(o.Budget.In(amount.Wan)),
				exact(o.Spent.In(amount.Wan)), dev, o.Grade.Name, yesNo(o.RedFlag), rectifyBy(o)})
		}
	}
	writeTable(&b, cols, rows)
	r.writeRejected(&b)
	r.writeSummary(&b)
	r.previous.write(&b)
	return b.String()
}

func (r *monitorReport) writeRejected(b *strings.Builder) {
	if r.rejected() == 0 {
		return
	}
	b.WriteString("\n不能评级的行：\n")
	for _, row := range r.rows {
		if row.outcome == nil {
			fmt.Fprintf(b, "  第 %d 行：%s\n", row.row, row.err)
		}
	}
}

func (r *monitorReport) writeSummary(b *strings.Builder) {
	s := r.summary
	fmt.Fprintf(b, "\n%s 监控汇总：\n", s.Checkpoint.Format(dayLayout))
	cols := []column{{title: "等级"}, {title: "颜色"}, {title: "项目数", right: true},
		{title: "资金（万元）", right: true}, {title: "资金（亿元）", right: true}}
	var rows [][]string
	for _, l := range s.Lines {
		rows = append(rows, []string{l.Grade.Name, l.Grade.Colour, strconv.Itoa(l.Count), exact(l.Wan()), exact(l.Yi())})
	}
	rows = append(rows, []string{"合计", "", strconv.Itoa(s.Total.Count), exact(s.Total.Wan()), exact(s.Total.Yi())})
	writeTable(b, cols, rows)
	fmt.Fprintf(b, "红标 %d 个。读入 %d 行 = 评级 %d 行 + 不能评级 %d 行。\n", s.Flagged, len(r.rows), len(r.run.Graded), r.rejected())
	r.writeGroups(b, "部门", s.ByDept)
	r.writeGroups(b, "资金类型", s.ByFund)
}

func (r *monitorReport) writeGroups(b *strings.Builder, title string, groups []monitor.Group) {
	fmt.Fprintf(b, "\n按%s：\n", title)
	cols := []column{{title: title}}
	for _, g := range r.summary.Lines {
		cols = append(cols, column{title: g.Grade.Name, right: true})
	}
	cols = append(cols, column{title: "项目数", right: true}, column{title: "资金（万元）", right: true})
	var rows [][]string
	for _, g := range groups {
		key := g.Key
		if key == "" {
			key = "（未填）"
		}
		row := []string{key}
		for _, l := range g.Lines {
			row = append(row, strconv.Itoa(l.Count))
		}
		rows = append(rows, append(row, strconv.Itoa(g.Total.Count), exact(g.Total.Wan())))
	}
	writeTable(b, cols, rows)
}

// --- csv ---

func (r *monitorReport) csv() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"行", "项目编号", "项目名称", "部门", "资金类型", "等级", "颜色", "偏差", "红标", "整改期限"})
	for _, row := range r.rows {
		if o := row.outcome; o != nil {
			_ = w.Write([]string{strconv.Itoa(row.row), o.ID, o.DisplayName(), o.Dept, o.Fund, o.Grade.Name, o.Grade.Colour,
				deviation(o), yesNo(o.RedFlag), rectifyBy(o)})
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// --- json ---

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

type monitorJSONSummary struct {
	Checkpoint string             `json:"checkpoint"`
	RuleSet    string             `json:"ruleset"`
	Version    string             `json:"version"`
	Rows       int                `json:"rows"`
	Graded     int                `json:"graded"`
	Rejected   int                `json:"rejected"`
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

func (r *monitorReport) jsonLines() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, row := range r.rows {
		var v any = monitorJSONRejected{Row: row.row, Error: row.err}
		if o := row.outcome; o != nil {
			jo := monitorJSONOutcome{ID: o.ID, Name: o.DisplayName(), Grade: o.Grade.Name, RedFlag: o.RedFlag}
			if o.HasDeviation {
				d := o.Deviation.String()
				jo.Deviation = &d
			}
			if d := rectifyBy(o); d != "" {
				jo.RectifyBy = &d
			}
			v = jo
		}
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
	}
	if err := r.previous.writeJSON(&buf); err != nil {
		return nil, err
	}
	s := r.summary
	rs := r.run.Profile.RuleSet()
	js := monitorJSONSummary{Checkpoint: s.Checkpoint.Format(dayLayout), RuleSet: rs.ID(), Version: rs.Version(),
		Rows: len(r.rows), Graded: len(r.run.Graded), Rejected: r.rejected(), RedFlags: s.Flagged,
		Total: lineJSON(s.Total), ByDept: groupsJSON(s.ByDept), ByFund: groupsJSON(s.ByFund)}
	for _, l := range s.Lines {
		js.Grades = append(js.Grades, lineJSON(l))
	}
	if err := enc.Encode(map[string]monitorJSONSummary{"summary": js}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
