package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
)

// scoreReport is a scored sheet: every row is in a scored project or rejected.
type scoreReport struct {
	rows     int
	scored   []scoring.ProjectScore
	rejected []scoreRejection
	findings []scoreFinding
	overall  *scoring.Execution // nil when no project was scored
	summary  scoring.Summary
	met      int // targets met, of targets in scored projects
	targets  int
}

// scoreFinding is a declared 得分 or 总分 checked against what its parts give.
type scoreFinding struct {
	row int
	f   scoring.Finding
}

// scoreAll scores each project; a project with a row that could not be read, or that cannot
// be scored, has every row rejected, so rows in = rows scored + rows rejected.
func scoreAll(s *scoring.Scorer, in scoreInput) *scoreReport {
	r := &scoreReport{rows: in.rows, rejected: in.rejected}
	var items []scoring.Item
	for _, p := range in.projects {
		ps, err := scoreOne(s, p)
		if err != nil {
			for _, row := range p.rows {
				r.rejected = append(r.rejected, scoreRejection{Row: row.row, Error: err.Error()})
			}
			continue
		}
		r.scored = append(r.scored, ps)
		r.reconcile(p, ps)
		met, total := ps.TargetCompletion()
		r.met += met
		r.targets += total
		items = append(items, scoring.Item{Grade: ps.Graded.Grade, Score: ps.Total,
			Budget: ps.Execution.Budget, Spent: ps.Execution.Spent})
	}
	sortRejections(r.rejected)
	r.summary = scoring.Summarize(items)
	if len(items) > 0 {
		if e, err := s.OverallExecution(r.summary); err == nil {
			r.overall = &e
		}
	}
	return r
}

func scoreOne(s *scoring.Scorer, p *scoreProjectRows) (scoring.ProjectScore, error) {
	if len(p.badRows) > 0 {
		rows := make([]string, len(p.badRows))
		for i, n := range p.badRows {
			rows[i] = strconv.Itoa(n)
		}
		return scoring.ProjectScore{}, fmt.Errorf("项目 %s 有行不能读取（第 %s 行），整个项目不打分", p.id, strings.Join(rows, "、"))
	}
	project := scoring.Project{ID: p.id, Name: p.name}
	if p.budget != "" {
		b, _ := amount.ParseDecimal(p.budget) // read once already when the row was read
		project.Budget = decimal.NewNullDecimal(b)
	}
	if p.spent != "" {
		project.Spent, _ = amount.ParseDecimal(p.spent)
	}
	for _, row := range p.rows {
		project.Indicators = append(project.Indicators, row.indicator)
	}
	ps, err := s.ScoreProject(project)
	if err != nil {
		return scoring.ProjectScore{}, fmt.Errorf("项目 %s 不能打分：%w", p.id, err)
	}
	return ps, nil
}

// reconcile checks each declared 得分 of a quantitative indicator and each declared 总分.
// A qualitative indicator's 得分 is the assessor's, so it is an input, not a claim.
func (r *scoreReport) reconcile(p *scoreProjectRows, ps scoring.ProjectScore) {
	scores := map[int]decimal.Decimal{}
	i := 0
	for _, row := range p.rows {
		if row.indicator.NotApplicable {
			continue
		}
		scores[row.row] = ps.Items[i].Score
		i++
	}
	for _, row := range p.rows {
		if s, ok := scores[row.row]; ok && row.declaredScore != "" && row.indicator.Nature != scoring.Qualitative {
			r.check(row.row, fmt.Sprintf("项目 %s 指标 %s 得分", p.id, row.indicator.Name), row.declaredScore, "分", s)
		}
		if row.total != "" {
			r.check(row.row, fmt.Sprintf("项目 %s 总分", p.id), row.total, "分", ps.Total)
		}
	}
}

func (r *scoreReport) check(row int, name, text, unit string, computed decimal.Decimal) {
	d, err := scoring.ParseDeclared(name, text, unit)
	if err != nil {
		return // the row was read, so its numbers parse
	}
	if f := scoring.Check(d, computed); !f.Agrees() {
		r.findings = append(r.findings, scoreFinding{row: row, f: f})
	}
}

func sortRejections(list []scoreRejection) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Row < list[j-1].Row; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func (r *scoreReport) write(c *cobra.Command, format string) error {
	if format == "json" {
		out, err := r.jsonLines()
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		return write(c.OutOrStdout(), out)
	}
	return write(c.OutOrStdout(), []byte(r.table()))
}

func (r *scoreReport) table() string {
	var b strings.Builder
	cols := []column{{title: "项目编号"}, {title: "项目名称"}, {title: "执行率", right: true},
		{title: "总分", right: true}, {title: "等级"}, {title: "结果应用"}}
	var rows [][]string
	for _, ps := range r.scored {
		rows = append(rows, []string{ps.Project.ID, ps.Project.Name, ps.Execution.Percent(),
			ps.Graded.ShownText(), ps.Graded.Grade.String(), ps.Action.Text})
	}
	if len(rows) > 0 {
		writeTable(&b, cols, rows)
	}
	if len(r.findings) > 0 {
		fmt.Fprintf(&b, "\n表中写出的得分与算出的不一致（%d 处）：\n", len(r.findings))
		for _, f := range r.findings {
			fmt.Fprintf(&b, "第 %d 行：%s\n", f.row, f.f)
		}
	}
	if len(r.rejected) > 0 {
		fmt.Fprintf(&b, "\n不能打分的行（%d 行）：\n", len(r.rejected))
		for _, e := range r.rejected {
			fmt.Fprintf(&b, "第 %d 行：%s\n", e.Row, e.Error)
		}
	}
	b.WriteString("\n")
	b.WriteString(r.summaryText())
	return b.String()
}

func (r *scoreReport) scoredRows() int { return r.rows - len(r.rejected) }

func (r *scoreReport) summaryText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "读入 %d 行：打分 %d 行（%d 个项目），不能打分 %d 行；核对不一致 %d 处。\n",
		r.rows, r.scoredRows(), len(r.scored), len(r.rejected), len(r.findings))
	if len(r.scored) == 0 {
		return b.String()
	}
	var parts []string
	for _, t := range r.summary.ByGrade {
		parts = append(parts, fmt.Sprintf("%s %d 个", t.Grade, t.Count))
	}
	avg, _ := r.summary.AverageScore()
	fmt.Fprintf(&b, "等级：%s；平均总分 %s", strings.Join(parts, "，"), amount.FormatDecimal(avg, 2))
	if r.overall != nil {
		fmt.Fprintf(&b, "；合计执行率 %s（执行数合计 ÷ 预算数合计）", r.overall.Percent())
	}
	fmt.Fprintf(&b, "；绩效目标完成 %d 个，共 %d 个", r.met, r.targets)
	b.WriteString("。\n")
	return b.String()
}
