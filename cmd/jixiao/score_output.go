package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
	"github.com/jixiao-go/jixiao/tables"
)

// scoreReport is a scored sheet: every row is in a scored project or rejected.
type scoreReport struct {
	form     scoreForm
	rows     int
	scored   []scoredForm
	rejected []scoreRejection
	findings []scoreFinding
	overall  *scoring.Execution // nil unless every scored project has an execution rate
	summary  scoring.Summary
	met      int // targets met, of targets in scored projects
	targets  int
}

// scoredForm is one scored project, key evaluation or department, whichever call scored it.
type scoredForm struct {
	id, name string
	exec     *scoring.Execution       // nil for a form without 预算数 and 执行数
	execPart bool                     // exec.Score is part of total (自评表); a key evaluation only shows the rate
	items    []scoring.IndicatorScore // the applicable rows, in the sheet's order
	bands    []scoring.DepartmentItem // a department's banded items
	funds    decimal.Decimal          // what the summary counts by grade: 预算数, or a department's 年初预算数
	total    decimal.Decimal
	graded   scoring.Graded
	action   scoring.Action
}

// scoreFinding is a declared 得分 or 总分 checked against what its parts give.
type scoreFinding struct {
	row int
	f   scoring.Finding
}

// scoreAll scores each project; a project with a row that could not be read, or that cannot
// be scored, has every row rejected, so rows in = rows scored + rows rejected.
func scoreAll(ctx context.Context, s *scoring.Scorer, in scoreInput) (*scoreReport, error) {
	r := &scoreReport{form: in.form, rows: in.rows, rejected: in.rejected}
	var items []scoring.Item
	allRated := true
	// Projects are scored across cores by the batch engine jixiao monitor and eval use, and
	// taken back in the sheet's order, so the report is the same whatever the core count.
	next := func() (*scoreProjectRows, error) {
		if len(in.projects) == 0 {
			return nil, io.EOF
		}
		p := in.projects[0]
		in.projects = in.projects[1:]
		return p, nil
	}
	work := func() func(*scoreProjectRows) projectScore {
		return func(p *scoreProjectRows) projectScore {
			sf, err := scoreOne(s, in.form, p)
			return projectScore{p: p, sf: sf, err: err}
		}
	}
	emit := func(ps projectScore) error {
		p, sf := ps.p, ps.sf
		if ps.err != nil {
			for _, row := range p.rows {
				r.rejected = append(r.rejected, scoreRejection{Row: row.row, Error: ps.err.Error()})
			}
			return nil
		}
		r.scored = append(r.scored, sf)
		r.reconcile(p, sf)
		met, total := scoring.TargetsMet(sf.items)
		r.met += met
		r.targets += total
		item := scoring.Item{Grade: sf.graded.Grade, Score: sf.total, Budget: sf.funds}
		if sf.exec != nil {
			item.Spent = sf.exec.Spent
		}
		allRated = allRated && sf.exec != nil
		items = append(items, item)
		return nil
	}
	if _, err := tables.Map(ctx, tables.Batch{}, next, work, emit); err != nil {
		return nil, err
	}
	sortRejections(r.rejected)
	r.summary = scoring.Summarize(items)
	if len(items) > 0 && allRated {
		if e, err := s.OverallExecution(r.summary); err == nil {
			r.overall = &e
		}
	}
	return r, nil
}

// projectScore is one project's score, or why it could not be scored.
type projectScore struct {
	p   *scoreProjectRows
	sf  scoredForm
	err error
}

// scoreOne scores one project's rows with the call its form takes.
func scoreOne(s *scoring.Scorer, form scoreForm, p *scoreProjectRows) (scoredForm, error) {
	if len(p.badRows) > 0 {
		rows := make([]string, len(p.badRows))
		for i, n := range p.badRows {
			rows[i] = strconv.Itoa(n)
		}
		return scoredForm{}, fmt.Errorf("%s %s 有行不能读取（第 %s 行），整个%s不打分", form.unit(), p.id,
			strings.Join(rows, "、"), form.unit())
	}
	var inds []scoring.Indicator
	for _, row := range p.rows {
		inds = append(inds, row.indicator)
	}
	if msg := duplicateRows(p.rows); msg != "" {
		return scoredForm{}, fmt.Errorf("%s %s 不能打分：%s", form.unit(), p.id, msg)
	}
	amounts, err := p.amountValues(form)
	if err != nil {
		return scoredForm{}, fmt.Errorf("%s %s 不能打分：%w", form.unit(), p.id, err)
	}
	sf, err := scoreRows(s, form, p, inds, amounts)
	if trimmed, ok := trimLevelSuffix(inds); err != nil && ok {
		// The national form's own 一级 items read 产出指标, 效益指标, 满意度指标; the rule sets
		// name them 产出, 效益, 满意度. Taken only when the names as written are not known.
		// A trimmed form that fails for another reason than an unknown name (its points do
		// not add up) reports that reason: it is the one the staff can act on.
		if sf2, err2 := scoreRows(s, form, p, trimmed, amounts); err2 == nil || !strings.Contains(err2.Error(), `一级指标 "`) {
			sf, err = sf2, err2
		}
	}
	if err != nil {
		return scoredForm{}, fmt.Errorf("%s %s 不能打分%s：%w", form.unit(), p.id, faultRows(p, err), err)
	}
	sf.id, sf.name = p.id, p.name
	return sf, nil
}

// trimLevelSuffix is the indicators with 指标 taken off the end of their 一级 item's name
// (产出指标 → 产出); ok is false when no name ends so.
func trimLevelSuffix(inds []scoring.Indicator) ([]scoring.Indicator, bool) {
	out := make([]scoring.Indicator, len(inds))
	ok := false
	for i, ind := range inds {
		if t, cut := strings.CutSuffix(ind.Level1, "指标"); cut && t != "" {
			ind.Level1, ok = t, true
		}
		out[i] = ind
	}
	return out, ok
}

// faultRows names the row an error about one indicator (指标 合规：…) comes from, so a
// project refused for one row's fault, reported on each of its rows, points at that one.
func faultRows(p *scoreProjectRows, err error) string {
	var rows []string
	for _, r := range p.rows {
		if strings.HasPrefix(err.Error(), "指标 "+r.indicator.Name+"：") {
			rows = append(rows, strconv.Itoa(r.row))
		}
	}
	if len(rows) == 0 {
		return ""
	}
	return "（第 " + strings.Join(rows, "、") + " 行）"
}

func scoreRows(s *scoring.Scorer, form scoreForm, p *scoreProjectRows, inds []scoring.Indicator, amounts []decimal.NullDecimal) (scoredForm, error) {
	switch form {
	case formKey:
		ks, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: p.id, Name: p.name, Items: inds})
		if err != nil {
			return scoredForm{}, err
		}
		sf := scoredForm{items: ks.Items, total: ks.Total, graded: ks.Graded, action: ks.Action}
		if amounts[0].Valid != amounts[1].Valid {
			return scoredForm{}, errors.New("预算数和执行数只写了一个：重点评价表可以都不写，写就要都写")
		}
		if amounts[0].Valid {
			e, err := s.Execution(amounts[0], amounts[1].Decimal)
			if err != nil {
				return scoredForm{}, err
			}
			sf.exec, sf.funds = &e, e.Budget
		}
		return sf, nil
	case formDepartment:
		for i, a := range amounts {
			if !a.Valid {
				return scoredForm{}, fmt.Errorf("缺少%s", form.amountColumns()[i])
			}
		}
		d, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: amounts[0].Decimal, Adjustment: amounts[1].Decimal,
			KeySpending: amounts[2].Decimal, Projects: amounts[3].Decimal, Items: inds})
		if err != nil {
			return scoredForm{}, err
		}
		return scoredForm{items: d.Rows, bands: d.Items, funds: amounts[0].Decimal, total: d.Total, graded: d.Graded, action: d.Action}, nil
	}
	if !amounts[1].Valid && amounts[0].Valid {
		return scoredForm{}, errors.New("缺少执行数（预算数写了，执行数为空）")
	}
	ps, err := s.ScoreProject(scoring.Project{ID: p.id, Name: p.name, Budget: amounts[0], Spent: amounts[1].Decimal, Indicators: inds})
	if err != nil {
		return scoredForm{}, err
	}
	return scoredForm{exec: &ps.Execution, execPart: true, items: ps.Items, funds: ps.Execution.Budget, total: ps.Total,
		graded: ps.Graded, action: ps.Action}, nil
}

// amountValues are the project's amounts, read once already when their row was read; a
// missing one is not valid.
func (p *scoreProjectRows) amountValues(form scoreForm) ([]decimal.NullDecimal, error) {
	out := make([]decimal.NullDecimal, len(form.amountColumns()))
	for i := range out {
		if i >= len(p.amounts) || p.amounts[i] == "" {
			continue
		}
		d, err := amount.ParseDecimal(p.amounts[i])
		if err != nil {
			return nil, err
		}
		out[i] = decimal.NewNullDecimal(d)
	}
	return out, nil
}

// reconcile checks each declared 得分 of a quantitative indicator and each declared 总分.
// A qualitative indicator's 得分 is the assessor's, so it is an input, not a claim.
func (r *scoreReport) reconcile(p *scoreProjectRows, sf scoredForm) {
	scores := map[int]decimal.Decimal{}
	i := 0
	for _, row := range p.rows {
		if row.indicator.NotApplicable {
			continue
		}
		scores[row.row] = sf.items[i].Score
		i++
	}
	who := r.form.unit()
	for _, row := range p.rows {
		nature := row.indicator.Nature
		if s, ok := scores[row.row]; ok && row.declaredScore != "" && nature != scoring.Qualitative && nature != scoring.Assessed {
			r.check(row.row, fmt.Sprintf("%s %s 指标 %s 得分", who, p.id, row.indicator.Name), row.declaredScore, "分", s)
		}
		if row.total != "" {
			r.check(row.row, fmt.Sprintf("%s %s 总分", who, p.id), row.total, "分", sf.total)
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
	cols := []column{{title: r.form.idColumn()}, {title: r.form.nameColumn()}, {title: "执行率", right: true},
		{title: "总分", right: true}, {title: "等级"}, {title: "结果应用"}}
	if r.form == formDepartment {
		cols[2] = column{title: "分档指标"}
	}
	var rows [][]string
	for _, sf := range r.scored {
		rows = append(rows, []string{sf.id, sf.name, sf.third(), sf.graded.ShownText(), sf.graded.Grade.String(), sf.action.Text})
	}
	if len(rows) > 0 {
		writeTable(&b, cols, rows)
		b.WriteString(r.executionNotes())
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
	fmt.Fprintf(&b, "读入 %d 行：打分 %d 行（%d 个%s），不能打分 %d 行；核对不一致 %d 处。\n",
		r.rows, r.scoredRows(), len(r.scored), r.form.unit(), len(r.rejected), len(r.findings))
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

// third is the table's third column: the execution rate, a department's banded items, or —
// for a key evaluation whose table gives no 预算数 and 执行数.
func (sf scoredForm) third() string {
	if sf.exec != nil {
		return sf.exec.Percent()
	}
	if len(sf.bands) == 0 {
		return "—"
	}
	parts := make([]string, len(sf.bands))
	for i, b := range sf.bands {
		rate := ""
		if b.Rate.Valid {
			rate = " " + amount.FormatPercent(b.Rate.Decimal, 2)
		}
		parts[i] = fmt.Sprintf("%s%s 得 %s 分", b.Name, rate, b.Score)
	}
	return strings.Join(parts, "，")
}

// duplicateRows names the rows that list one indicator twice (the same 一级, 二级 and 三级),
// which scoring refuses; here the rows are known, so the message gives them.
func duplicateRows(rows []scoreRow) string {
	first := map[[3]string]int{}
	for _, r := range rows {
		k := [3]string{r.indicator.Level1, r.indicator.Level2, r.indicator.Name}
		if at, ok := first[k]; ok {
			return fmt.Sprintf("指标 %s 在第 %d 行和第 %d 行重复（一级、二级、三级指标都相同），分值会算两次", r.indicator.Name, at, r.row)
		}
		first[k] = r.row
	}
	return ""
}

// executionNotes lists the projects whose execution rate the rule set flags: over 100% (kept
// as computed; its score is capped) and under the line that must be explained.
func (r *scoreReport) executionNotes() string {
	var over, explain []string
	for _, sf := range r.scored {
		switch {
		case sf.exec == nil:
		case sf.exec.Over:
			over = append(over, sf.id)
		case sf.exec.Explain:
			explain = append(explain, sf.id)
		}
	}
	var b strings.Builder
	if len(over) > 0 {
		fmt.Fprintf(&b, "执行数超过预算数（执行率照实显示，得分以满分为限）：%s\n", strings.Join(over, "、"))
	}
	if len(explain) > 0 {
		fmt.Fprintf(&b, "执行率低于规则的说明线，须说明原因：%s\n", strings.Join(explain, "、"))
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n" + b.String()
}
