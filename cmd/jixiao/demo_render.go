package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

// demoReport collects the demo's lines and every reconciliation finding.
type demoReport struct {
	s        *scoring.Scorer
	seed     seedFigures
	b        strings.Builder
	findings []scoring.Finding
}

// renderDemo scores the seed with the embedded default rule sets and lays out the result.
func renderDemo(seed seedFigures) (string, error) {
	lib, err := rulesets.Library()
	if err != nil {
		return "", err
	}
	s, err := scoring.New(lib, scoring.Profile{}, demoDay)
	if err != nil {
		return "", err
	}
	r := &demoReport{s: s, seed: seed}
	fmt.Fprintf(&r.b, "民丰县 2023 年绩效评价复核\n数据：《%s》，照原文；规则：内置规则集 %s、%s、%s（%s 的版本）；金额单位：万元。\n",
		demoSource, scoring.DefaultExecution, scoring.DefaultGrade, scoring.DefaultApplication, demoDay.Format("2006-01-02"))
	for _, step := range []func() error{r.keyProjects, r.projectSpending, r.departments, r.monitoring} {
		if err := step(); err != nil {
			return "", err
		}
	}
	r.writeFindings()
	return r.b.String(), nil
}

// keyProjects is the key-evaluation table: computed rates, grades and next year's actions,
// the totals by grade, and the declared count, total and units checked against the rows.
func (r *demoReport) keyProjects() error {
	cols := []column{{title: "#"}, {title: "单位"}, {title: "项目"},
		{title: "预算数", right: true}, {title: "执行数", right: true}, {title: "执行率", right: true},
		{title: "报告值", right: true}, {title: "核对"}, {title: "得分", right: true}, {title: "项目属性"},
		{title: "等级"}, {title: "下年度安排"}}
	var rows [][]string
	var items []scoring.Item
	units := map[string]bool{}
	for i, p := range r.seed.projects {
		row, item, err := r.keyProject(p)
		if err != nil {
			return fmt.Errorf("第 %d 个项目（%s）：%w", i+1, p.short, err)
		}
		rows = append(rows, append([]string{strconv.Itoa(i + 1)}, row...))
		items = append(items, item)
		units[p.unit] = true
	}
	sum := scoring.Summarize(items)
	overall, err := r.s.OverallExecution(sum)
	if err != nil {
		return fmt.Errorf("合计：%w", err)
	}
	avg, _ := sum.AverageScore()
	rows = append(rows, []string{"", "合计", "", amount.FormatGrouped(sum.Budget, 2),
		amount.FormatGrouped(sum.Spent, 2), overall.Percent(), "", "", "", "", "", ""})

	r.b.WriteString("\n一、2023 年重点评价项目\n\n")
	writeTable(&r.b, cols, rows)
	fmt.Fprintf(&r.b, "\n合计执行率 = 执行数合计 ÷ 预算数合计；平均得分 %s。\n", amount.FormatDecimal(avg, 2))
	r.b.WriteString("按等级：")
	for i, t := range sum.ByGrade {
		if i > 0 {
			r.b.WriteString("；")
		}
		fmt.Fprintf(&r.b, "%s %d 个、预算数 %s 万元", t.Grade, t.Count, amount.FormatGrouped(t.Budget, 2))
	}
	r.b.WriteString("。\n")
	r.b.WriteString("\n表中单位、项目为简称，原文全称：\n\n")
	var names [][]string
	for i, p := range r.seed.projects {
		names = append(names, []string{strconv.Itoa(i + 1), p.unit, p.name})
	}
	writeTable(&r.b, []column{{title: "#"}, {title: "部门单位"}, {title: "项目名称"}}, names)

	r.check("重点评价项目数", "重点评价项目数（清单行数）", decimal.NewFromInt(int64(len(r.seed.projects))))
	r.check("重点评价总金额", "重点评价总金额（清单预算数合计）", sum.Budget)
	r.check("重点评价涉及实施单位", "重点评价涉及实施单位（清单中不同的单位）", decimal.NewFromInt(int64(len(units))))
	r.check("绩效评级为优的重点评价项目数", "评级为优的重点评价项目数（按得分定级）",
		decimal.NewFromInt(int64(sum.Of(scoring.Excellent).Count)))
	return nil
}

// keyProject scores one row: its cells after the row number, and its item for the totals.
func (r *demoReport) keyProject(p keyProject) ([]string, scoring.Item, error) {
	e, err := r.s.Execution(decimal.NewNullDecimal(p.budget), p.spent)
	if err != nil {
		return nil, scoring.Item{}, err
	}
	declared, err := scoring.ParseDeclared(p.short+"执行率", p.rateText, "")
	if err != nil {
		return nil, scoring.Item{}, err
	}
	f := scoring.Check(declared, e.Rate)
	r.record(f)
	g, err := r.s.Grade(p.score)
	if err != nil {
		return nil, scoring.Item{}, err
	}
	a, err := r.s.Apply(g.Grade)
	if err != nil {
		return nil, scoring.Item{}, err
	}
	cells := []string{strings.TrimPrefix(p.unit, "民丰县"), p.short,
		amount.FormatGrouped(p.budget, 2), amount.FormatGrouped(p.spent, 2), e.Percent(), p.rateText,
		verdict(f.Agrees()), g.ShownText(), p.kind, g.Grade.String(), a.Text}
	return cells, scoring.Item{Grade: g.Grade, Score: p.score, Budget: p.budget, Spent: p.spent}, nil
}

// projectSpending is the 2023 项目支出 evaluation: its rate recomputed from its amounts.
func (r *demoReport) projectSpending() error {
	budget, err := r.value("项目支出目标全年预算金额")
	if err != nil {
		return err
	}
	spent, err := r.value("项目支出目标实际执行金额")
	if err != nil {
		return err
	}
	e, err := r.s.Execution(decimal.NewNullDecimal(budget), spent)
	if err != nil {
		return fmt.Errorf("项目支出：%w", err)
	}
	fmt.Fprintf(&r.b, "\n二、2023 年项目支出绩效评价\n\n全年预算 %s 万元，执行 %s 万元，执行率 %s（报告 %s），执行率得分 %s。\n",
		amount.FormatGrouped(budget, 2), amount.FormatGrouped(spent, 2), e.Percent(),
		r.seed.figures["执行率"].text, amount.FormatDecimal(e.Score, 2))
	r.check("执行率", "项目支出执行率（执行金额 ÷ 全年预算金额）", e.Rate)
	return nil
}

// departments shows the 2023 部门整体支出 evaluation as the seed prints it — its counts, its
// budget and its two scores, graded — and then, since the seed prints no item of any
// department's table, scores the embedded example table (labelled as not the seed's) with
// the weighted rule set, through the same reading and scoring jixiao score --form department
// uses.
func (r *demoReport) departments() error {
	r.b.WriteString("\n三、2023 年部门整体支出绩效评价\n\n")
	forms, err := r.value("部门整体支出绩效评价自评表")
	if err != nil {
		return err
	}
	reports, err := r.value("部门整体支出绩效评价自评报告")
	if err != nil {
		return err
	}
	budget, err := r.value("整体绩效目标预算金额")
	if err != nil {
		return err
	}
	fmt.Fprintf(&r.b, "自评表 %s 个，自评报告 %s 个（不含涉密单位），整体绩效目标预算金额 %s 万元。\n",
		forms, reports, amount.FormatGrouped(budget, 2))
	for _, name := range []string{"财政部门评价得分", "绩效评价中心得分"} {
		score, err := r.value(name)
		if err != nil {
			return err
		}
		g, err := r.s.Grade(score)
		if err != nil {
			return fmt.Errorf("%s：%w", name, err)
		}
		fmt.Fprintf(&r.b, "%s %s 分，等级 %s。\n", name, g.ShownText(), g.Grade)
	}
	r.check("整体绩效评价部门/单位数", "开展整体绩效评价的部门/单位数（（二）1 的自评表数）", forms)
	return r.departmentExample()
}

// departmentExample scores the example department table with weighted-department-overall.
func (r *demoReport) departmentExample() error {
	lib, err := rulesets.Library()
	if err != nil {
		return err
	}
	s, err := scoring.New(lib, scoring.Profile{Department: defaultDepartmentForm}, demoDay)
	if err != nil {
		return err
	}
	in, err := readScoreTable(strings.NewReader(departmentExampleCSV), formDepartment)
	if err != nil || len(in.projects) != 1 || len(in.rejected) > 0 {
		return fmt.Errorf("内置的部门整体支出示例表有误：%v", err)
	}
	p := in.projects[0]
	amounts, err := p.amountValues(formDepartment)
	if err != nil {
		return err
	}
	f := scoring.DepartmentFigures{Initial: amounts[0].Decimal, Adjustment: amounts[1].Decimal,
		KeySpending: amounts[2].Decimal, Projects: amounts[3].Decimal}
	for _, row := range p.rows {
		f.Items = append(f.Items, row.indicator)
	}
	d, err := s.ScoreDepartment(f)
	if err != nil {
		return fmt.Errorf("部门整体支出示例：%w", err)
	}
	fmt.Fprintf(&r.b, "\n报告没有印出任何部门评价表的分项，下面是评分方法的示例（“%s”，示例数据，非原文；规则 %s）：\n",
		p.name, defaultDepartmentForm)
	fmt.Fprintf(&r.b, "年初预算 %s 万元，预算调整 %s 万元，重点支出 %s 万元，项目支出 %s 万元。\n",
		amount.FormatGrouped(f.Initial, 2), amount.FormatGrouped(f.Adjustment, 2),
		amount.FormatGrouped(f.KeySpending, 2), amount.FormatGrouped(f.Projects, 2))
	for _, it := range d.Items {
		fmt.Fprintf(&r.b, "%s %s，得 %s 分。\n", it.Name, amount.FormatPercent(it.Rate.Decimal, 2), it.Score)
	}
	r.b.WriteString("\n")
	cols := []column{{title: "一级指标"}, {title: "分值", right: true}, {title: "得分", right: true}}
	var rows [][]string
	for _, g := range d.Groups {
		rows = append(rows, []string{g.Name, g.Points.String(), g.Score.String()})
	}
	rows = append(rows, []string{"合计", "", d.Graded.ShownText()})
	writeTable(&r.b, cols, rows)
	fmt.Fprintf(&r.b, "等级 %s，%s。\n", d.Graded.Grade, d.Action.Text)
	return nil
}

// monitoring adds up the 2024 monitoring table by checkpoint: the counts are checked against
// the printed totals; the funds, which the report does not total, are added up exactly.
func (r *demoReport) monitoring() error {
	r.b.WriteString("\n四、2024 年绩效监控（各等级项目数与资金照原文；合计由各等级相加）\n\n")
	cols := []column{{title: "监控节点"}, {title: "等级"}, {title: "项目数", right: true}, {title: "涉及资金(亿元)", right: true}}
	var rows [][]string
	var nodes []string
	counts, funds := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
	for _, m := range r.seed.monitoring {
		if _, seen := counts[m.node]; !seen {
			nodes = append(nodes, m.node)
		}
		counts[m.node] = counts[m.node].Add(m.count)
		funds[m.node] = funds[m.node].Add(m.funds)
		rows = append(rows, []string{m.node, m.grade, m.count.String(), m.funds.String()})
	}
	for _, n := range nodes {
		rows = append(rows, []string{n, "合计", counts[n].String(), funds[n].String()})
		r.check(n+"监控项目", n+"监控项目数（各等级相加）", counts[n])
	}
	writeTable(&r.b, cols, rows)
	return nil
}

// value reads a printed figure by name.
func (r *demoReport) value(name string) (decimal.Decimal, error) {
	f, ok := r.seed.figures[name]
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("数据中没有 %s", name)
	}
	d, err := amount.ParseDecimal(f.text)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s：%w", name, err)
	}
	return d, nil
}

// check reconciles the printed figure name, labelled with what its parts are, with the value
// its parts give. A figure missing from the data is a finding too: the demo never skips a
// check silently.
func (r *demoReport) check(name, label string, computed decimal.Decimal) {
	f, ok := r.seed.figures[name]
	if !ok {
		f = figure{text: "（未印出）"}
	}
	d, err := scoring.ParseDeclared(label, f.text, f.unit)
	if err != nil {
		d = scoring.Declared{Name: label, Text: f.text, Unit: f.unit}
	}
	r.record(scoring.Check(d, computed))
}

func (r *demoReport) record(f scoring.Finding) { r.findings = append(r.findings, f) }

// writeFindings lists every check: the disagreements first, as the reader wants them.
func (r *demoReport) writeFindings() {
	var bad, good []scoring.Finding
	for _, f := range r.findings {
		if f.Agrees() {
			good = append(good, f)
		} else {
			bad = append(bad, f)
		}
	}
	fmt.Fprintf(&r.b, "\n五、报告数与其组成部分的核对（按报告数印出的精度）：%d 项，%d 项不一致\n\n",
		len(r.findings), len(bad))
	for _, f := range append(bad, good...) {
		fmt.Fprintf(&r.b, "- %s\n", f)
	}
}

func verdict(ok bool) string {
	if ok {
		return "一致"
	}
	return "不一致"
}
