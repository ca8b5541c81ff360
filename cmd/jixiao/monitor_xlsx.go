package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/tables"
)

// monitorXLSXSink writes the report staff open in Excel: the projects with each grade cell
// filled in its colour and a totals row; the summary by grade with counts and funds; by 部门
// and by fund type; the comparison with the earlier checkpoint; and the rule set it was
// graded with. Rows stream to the first sheet; the others are written at the end.
type monitorXLSXSink struct {
	w     io.Writer
	x     *tables.XLSXWriter
	sheet *tables.SheetWriter
	spent decimal.Decimal // of the graded projects, for the totals row
}

var monitorXLSXColumns = []tables.Column{{Name: "行", Number: true, Width: 6}, {Name: "项目编号", Width: 12}, {Name: "项目名称", Width: 28},
	{Name: "部门", Width: 16}, {Name: "资金类型", Width: 14}, {Name: "预算数（万元）", Number: true, Width: 16},
	{Name: "执行数（万元）", Number: true, Width: 16}, {Name: "偏差", Number: true, Width: 10}, {Name: "等级", Width: 8},
	{Name: "红标", Width: 6}, {Name: "整改期限", Width: 12}, {Name: "不能评级的原因", Width: 48}}

func newMonitorXLSXSink(w io.Writer, p *monitor.Profile, at time.Time) (*monitorXLSXSink, error) {
	for _, g := range p.Grades() {
		if g.Colour == "" {
			continue
		}
		if err := tables.CheckColour(g.Colour); err != nil {
			return nil, &findingsError{msg: fmt.Sprintf("规则集 %s 给等级 %s 写的颜色无法用于 xlsx：%v", p.RuleSet().ID(), g.Name, err)}
		}
	}
	x := tables.NewXLSX()
	sheet, err := x.AddSheet("监控结果 "+at.Format(dayLayout), monitorXLSXColumns)
	if err != nil {
		_ = x.Close()
		return nil, err
	}
	return &monitorXLSXSink{w: w, x: x, sheet: sheet}, nil
}

func (s *monitorXLSXSink) encode(*monitorRow) []byte { return nil }

func (s *monitorXLSXSink) row(r *monitorRow) error {
	// the cells the CSV writes, in the workbook's order, with the grade filled in its colour
	// instead of a 颜色 column (the CSV's formula guard is for CSV: a workbook cell is text)
	c := monitorCSVCells(r)
	o := &r.outcome
	row := texts(c[0], o.ID, c[2], o.Dept, o.Fund, c[5], c[6], c[9], c[7], c[10], c[11], c[12])
	if r.graded {
		row[2].Text = o.DisplayName()
		row[8].Fill = o.Grade.Colour
		s.spent = s.spent.Add(o.Spent.In(amount.Wan).Value())
	} else {
		row[2].Text = rejectedName(r)
	}
	return s.sheet.Row(row...)
}

// Close releases the workbook's temporary files.
func (s *monitorXLSXSink) Close() error { return s.x.Close() }

func (s *monitorXLSXSink) end(rep *monitorReport) error {
	total := rep.summary.Total
	if err := s.sheet.Row(tables.Cell{}, tables.Cell{Text: "合计"}, tables.Cell{Text: fmt.Sprintf("评级 %d 个项目", total.Count)},
		tables.Cell{}, tables.Cell{}, tables.Cell{Text: exact(total.Wan())}, tables.Cell{Text: s.spent.String()}); err != nil {
		return err
	}
	if err := s.sheet.Flush(); err != nil {
		return err
	}
	for _, write := range []func(*monitorReport) error{s.summarySheet, s.groupSheets, s.previousSheet, s.ruleSetSheet} {
		if err := write(rep); err != nil {
			return err
		}
	}
	_, err := s.x.WriteTo(s.w)
	return err
}

// sheet writes one whole sheet.
func (s *monitorXLSXSink) sheetOf(name string, cols []tables.Column, rows [][]tables.Cell) error {
	sw, err := s.x.AddSheet(name, cols)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := sw.Row(r...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func texts(ss ...string) []tables.Cell {
	out := make([]tables.Cell, len(ss))
	for i, s := range ss {
		out[i] = tables.Cell{Text: s}
	}
	return out
}

func (s *monitorXLSXSink) summarySheet(rep *monitorReport) error {
	sum := rep.summary
	cols := []tables.Column{{Name: "等级", Width: 10}, {Name: "项目数", Number: true, Width: 10},
		{Name: "资金（万元）", Number: true, Width: 18}, {Name: "资金（亿元）", Number: true, Width: 18}}
	var rows [][]tables.Cell
	for _, l := range sum.Lines {
		rows = append(rows, []tables.Cell{{Text: l.Grade.Name, Fill: l.Grade.Colour}, {Text: strconv.Itoa(l.Count)},
			{Text: exact(l.Wan())}, {Text: exact(l.Yi())}})
	}
	rows = append(rows, texts("合计", strconv.Itoa(sum.Total.Count), exact(sum.Total.Wan()), exact(sum.Total.Yi())), nil,
		texts("红标", strconv.Itoa(sum.Flagged)), texts("读入行数", strconv.Itoa(rep.rows)),
		texts("评级", strconv.Itoa(rep.graded)), texts("不能评级", strconv.Itoa(rep.rejected)),
		texts("空行（不算数据行）", strconv.Itoa(rep.skipped)))
	if rep.titleUnit != "" {
		rows = append(rows, texts("金额单位", "表头没有写单位的金额列按表格上方写的单位（"+rep.titleUnit+"）读取"))
	}
	return s.sheetOf("汇总", cols, rows)
}

func (s *monitorXLSXSink) groupSheets(rep *monitorReport) error {
	for _, g := range []struct {
		title  string
		groups []monitor.Group
	}{{"部门", rep.summary.ByDept}, {"资金类型", rep.summary.ByFund}} {
		cols := []tables.Column{{Name: g.title, Width: 20}}
		for _, l := range rep.summary.Lines {
			cols = append(cols, tables.Column{Name: l.Grade.Name, Number: true})
		}
		cols = append(cols, tables.Column{Name: "项目数", Number: true, Width: 10}, tables.Column{Name: "资金（万元）", Number: true, Width: 18})
		var rows [][]tables.Cell
		for _, grp := range g.groups {
			row := texts(groupKey(grp.Key))
			for _, l := range grp.Lines {
				row = append(row, tables.Cell{Text: strconv.Itoa(l.Count)})
			}
			rows = append(rows, append(row, texts(strconv.Itoa(grp.Total.Count), exact(grp.Total.Wan()))...))
		}
		if err := s.sheetOf("按"+g.title, cols, rows); err != nil {
			return err
		}
	}
	return nil
}

func (s *monitorXLSXSink) previousSheet(rep *monitorReport) error {
	p := rep.previous
	if p == nil {
		return nil
	}
	cols := []tables.Column{{Name: "项目编号", Width: 12}, {Name: "项目名称", Width: 28}, {Name: "上次等级"}, {Name: "本次等级"},
		{Name: "变化"}, {Name: "上次红标"}, {Name: "整改结果", Width: 12}}
	var rows [][]tables.Cell
	for _, t := range p.transitions {
		rows = append(rows, []tables.Cell{{Text: t.ID}, {Text: p.name(t)}, {Text: t.Before.Grade.Name, Fill: t.Before.Grade.Colour},
			{Text: t.After.Grade.Name, Fill: t.After.Grade.Colour}, {Text: t.Change.String()}, {Text: yesNo(t.Before.RedFlag)}, {Text: recovery(t)}})
	}
	return s.sheetOf("与"+p.run.Checkpoint.Format(dayLayout)+"相比", cols, rows)
}

func (s *monitorXLSXSink) ruleSetSheet(rep *monitorReport) error {
	rs := rep.profile.RuleSet()
	rows := [][]tables.Cell{texts("规则集", rs.ID()), texts("名称", rs.Title()), texts("版本", rs.Version()),
		texts("生效日期", rs.Effective().Format(dayLayout)), texts("内容哈希", rs.Hash()), texts("文件", rs.File()),
		texts("监控日期", rep.summary.Checkpoint.Format(dayLayout))}
	if rep.calendar != "" {
		rows = append(rows, texts("工作日历", rep.calendar))
	}
	return s.sheetOf("规则集", []tables.Column{{Name: "项目", Width: 12}, {Name: "内容", Width: 72}}, rows)
}
