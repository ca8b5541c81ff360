// Command minfeng reproduces the figures of Minfeng county's 2024 account of its performance
// work (2024年度民丰县预算绩效工作开展情况说明) with package scoring and the embedded rule
// sets: the 2023 key-evaluation list with computed execution rates, grades and next year's
// actions; the totals by grade; every declared figure checked against its parts at its
// printed precision; the 5-year coverage plan; and the same grades under another region's
// result application.
//
// It reads the seed's figures as printed from testdata/seed (run it from the module root:
// go run ./examples/minfeng, or give the folder as its argument). go test ./examples/minfeng
// compares its output with testdata/output.golden (refresh with -update).
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

// day is the day whose rules apply: the report is on 2024, its actions are for 2025's budget.
var day = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func main() {
	dir := filepath.Join("testdata", "seed")
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if _, err := os.Stat(dir); err != nil { //nolint:gosec // the folder the user named, only to say where to run from
		// Run from elsewhere, the relative default finds nothing: say where to run it.
		fmt.Fprintf(os.Stderr, "找不到原文数据目录 %s：请在模块根目录运行 go run ./examples/minfeng，或把目录作为参数给出（如 go run ./examples/minfeng 路径/testdata/seed）\n", dir)
		os.Exit(2)
	}
	if err := run(os.Stdout, dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// keyProject is one row of the key-evaluation list.
type keyProject struct {
	short, unit, rate    string
	budget, spent, score decimal.Decimal
}

func run(w io.Writer, dir string) error {
	projects, err := readKeyProjects(filepath.Join(dir, "keyprojects.csv"))
	if err != nil {
		return err
	}
	figures, err := readFigures(filepath.Join(dir, "evaluations.csv"), filepath.Join(dir, "declared.csv"))
	if err != nil {
		return err
	}
	lib, err := rulesets.Library()
	if err != nil {
		return err
	}
	s, err := scoring.New(lib, scoring.Profile{}, day)
	if err != nil {
		return err
	}
	p := &printer{w: w}
	items, candidates := keyList(p, s, projects)
	sum := scoring.Summarize(items)
	totals(p, s, sum)
	reconcile(p, s, projects, figures, sum)
	years, err := scoring.CycleYears(lib, scoring.DefaultCoverage, day, 2025)
	if err != nil {
		return err
	}
	coverage(p, candidates, years)
	elsewhere(p, lib)
	departments(p, s, figures)
	return p.err
}

// keyList scores each key project: rate, grade, action.
func keyList(p *printer, s *scoring.Scorer, projects []keyProject) ([]scoring.Item, []scoring.Candidate) {
	p.printf("一、2023 年重点评价（执行率 = 执行数 ÷ 预算数，按 %s、%s、%s）\n",
		scoring.DefaultExecution, scoring.DefaultGrade, scoring.DefaultApplication)
	var items []scoring.Item
	var candidates []scoring.Candidate
	for _, kp := range projects {
		e, err := s.Execution(decimal.NewNullDecimal(kp.budget), kp.spent)
		if err != nil {
			p.printf("  %s：%v\n", kp.short, err)
			continue
		}
		g, err := s.Grade(kp.score)
		if err != nil {
			p.fail(err)
			continue
		}
		a, err := s.Apply(g.Grade)
		if err != nil {
			p.fail(err)
			continue
		}
		p.printf("  %s：执行率 %s（报告 %s），执行率得分 %s，评价得分 %s，%s，下年度：%s（%s）\n",
			kp.short, e.Percent(), kp.rate, amount.FormatDecimal(e.Score, 2), g.ShownText(), g.Grade, a.Text, a.Code)
		items = append(items, scoring.Item{Grade: g.Grade, Score: kp.score, Budget: kp.budget, Spent: kp.spent})
		candidates = append(candidates, scoring.Candidate{ID: kp.short, Funds: kp.budget, LastEvaluated: 2023, Latest: g.Grade})
	}
	return items, candidates
}

// totals prints counts and funds by grade, the average and the overall rate Σ执行 ÷ Σ预算.
func totals(p *printer, s *scoring.Scorer, sum scoring.Summary) {
	p.printf("\n二、按等级汇总\n")
	for _, t := range sum.ByGrade {
		p.printf("  %s：%d 个，预算数 %s 万元\n", t.Grade, t.Count, amount.FormatGrouped(t.Budget, 2))
	}
	avg, _ := sum.AverageScore()
	overall, err := s.OverallExecution(sum)
	if err != nil {
		p.fail(err)
		return
	}
	p.printf("  平均得分 %s；合计执行率 %s（%s ÷ %s 万元）\n", amount.FormatDecimal(avg, 2), overall.Percent(),
		amount.FormatGrouped(sum.Spent, 2), amount.FormatGrouped(sum.Budget, 2))
}

// reconcile checks the report's declared figures against their parts.
func reconcile(p *printer, s *scoring.Scorer, projects []keyProject, figures map[string]figure, sum scoring.Summary) {
	p.printf("\n三、申报数核对（按印出的精度）\n")
	units := map[string]bool{}
	for _, kp := range projects {
		units[kp.unit] = true
	}
	checks := []struct {
		name     string
		computed decimal.Decimal
	}{
		{"重点评价总金额", sum.Budget},
		{"重点评价涉及实施单位", decimal.NewFromInt(int64(len(units)))},
		{"重点评价项目数", decimal.NewFromInt(int64(sum.Count))},
		{"绩效评级为优的重点评价项目数", decimal.NewFromInt(int64(sum.Of(scoring.Excellent).Count))},
	}
	budget, spent := figures["项目支出目标全年预算金额"], figures["项目支出目标实际执行金额"]
	if b, err := amount.ParseDecimal(budget.text); err == nil {
		if sp, err := amount.ParseDecimal(spent.text); err == nil {
			if e, err := s.Execution(decimal.NewNullDecimal(b), sp); err == nil {
				checks = append(checks, struct {
					name     string
					computed decimal.Decimal
				}{"执行率", e.Rate})
			}
		}
	}
	for _, c := range checks {
		f, ok := figures[c.name]
		if !ok {
			p.printf("  %s：数据中没有\n", c.name)
			continue
		}
		d, err := scoring.ParseDeclared(c.name, f.text, f.unit)
		if err != nil {
			p.fail(err)
			continue
		}
		p.printf("  %s\n", scoring.Check(d, c.computed))
	}
}

// coverage plans the next cycle of key evaluations for the projects evaluated in 2023.
func coverage(p *printer, list []scoring.Candidate, years int) {
	p.printf("\n四、%d 年一轮的重点评价计划（2025 年起）\n", years)
	plan, err := scoring.PlanCoverage(list, 2025, years)
	if err != nil {
		p.fail(err)
		return
	}
	for _, py := range plan.Years {
		p.printf("  %d：", py.Year)
		for i, c := range py.Projects {
			if i > 0 {
				p.printf("、")
			}
			p.printf("%s", c.ID)
		}
		p.printf("\n")
	}
}

// elsewhere shows the same grades under another region's result application: a profile
// names other rule sets, nothing in Go changes. Minfeng names no action for 中; 达州 does.
func elsewhere(p *printer, lib *rulefile.Library) {
	p.printf("\n五、各等级的结果应用：民丰县与达州（Profile 换一个规则集）\n")
	for _, prof := range []scoring.Profile{{}, {Application: "dazhou-application"}} {
		s, err := scoring.New(lib, prof, day)
		if err != nil {
			p.fail(err)
			return
		}
		for _, g := range scoring.Grades() {
			a, err := s.Apply(g)
			if err != nil {
				p.fail(err)
				return
			}
			p.printf("  %s %s：%s（%s）\n", nameOr(prof.Application, scoring.DefaultApplication), g, a.Text, a.Code)
		}
	}
}

// departments grades the 2023 部门整体支出 evaluation's two printed scores. The seed prints no
// department's items, so nothing here is scored item by item: see jixiao demo for the method
// on an example table, labelled as such.
func departments(p *printer, s *scoring.Scorer, figures map[string]figure) {
	p.printf("\n六、2023 年部门整体支出评价（原文只印出总数和得分）\n")
	p.printf("  自评表 %s 个，自评报告 %s 个，整体绩效目标预算金额 %s 万元\n", figures["部门整体支出绩效评价自评表"].text,
		figures["部门整体支出绩效评价自评报告"].text, figures["整体绩效目标预算金额"].text)
	for _, name := range []string{"财政部门评价得分", "绩效评价中心得分"} {
		score, err := amount.ParseDecimal(figures[name].text)
		if err != nil {
			p.fail(fmt.Errorf("%s：%w", name, err))
			continue
		}
		g, err := s.Grade(score)
		if err != nil {
			p.fail(err)
			continue
		}
		p.printf("  %s %s 分：%s\n", name, g.ShownText(), g.Grade)
	}
}

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// printer writes lines and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

func (p *printer) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// figure is a printed figure: its text and unit.
type figure struct{ text, unit string }

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path) //nolint:gosec // the example reads the seed fixtures it is given
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read-only
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	if len(records) < 2 {
		return nil, fmt.Errorf("%s：没有数据行", path)
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range records[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func readKeyProjects(path string) ([]keyProject, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var out []keyProject
	for i, r := range rows {
		kp := keyProject{short: r["简称"], unit: r["单位"], rate: r["执行率"]}
		for _, f := range []struct {
			col string
			dst *decimal.Decimal
		}{{"预算数", &kp.budget}, {"执行数", &kp.spent}, {"评价得分", &kp.score}} {
			if *f.dst, err = amount.ParseDecimal(r[f.col]); err != nil {
				return nil, fmt.Errorf("%s 第 %d 行 %s：%w", path, i+2, f.col, err)
			}
		}
		out = append(out, kp)
	}
	return out, nil
}

func readFigures(paths ...string) (map[string]figure, error) {
	out := map[string]figure{}
	for _, path := range paths {
		rows, err := readCSV(path)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r["项目"]] = figure{text: r["数值"], unit: r["单位"]}
		}
	}
	return out, nil
}
