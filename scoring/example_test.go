package scoring_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func exampleScorer(p scoring.Profile) *scoring.Scorer {
	lib, err := rulesets.Library()
	if err != nil {
		panic(err)
	}
	s, err := scoring.New(lib, p, time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	return s
}

// The seed's 困难群众救助资金: 928.56 of 940万元 spent.
func ExampleScorer_Execution() {
	s := exampleScorer(scoring.Profile{})
	e, err := s.Execution(decimal.NewNullDecimal(mustDec("940")), mustDec("928.56"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Percent(), e.Score, e.Explain, e.Over)
	// Output: 98.78% 9.88 false false
}

// A zero budget is an error a program can tell apart, in words staff read.
func ExampleScorer_Execution_zeroBudget() {
	s := exampleScorer(scoring.Profile{})
	_, err := s.Execution(decimal.NewNullDecimal(decimal.Zero), mustDec("5"))
	fmt.Println(errors.Is(err, scoring.ErrZeroBudget))
	fmt.Println(err)
	// Output:
	// true
	// 预算数为零（0），无法计算执行率
}

// 廊坊's sample scores whole points: its profile names another execution rule set.
func ExampleProfile() {
	s := exampleScorer(scoring.Profile{Execution: "langfang-execution"})
	e, err := s.Execution(decimal.NewNullDecimal(mustDec("43.2")), mustDec("37.24"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Percent(), e.Score, e.Explain)
	// Output: 86.20% 9 true
}

// A score is graded as the report shows it: 89.995 shows as 90.00.
func ExampleScorer_Grade() {
	s := exampleScorer(scoring.Profile{})
	for _, score := range []string{"90", "89.99", "89.995", "59.99"} {
		g, err := s.Grade(mustDec(score))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(score, g.ShownText(), g.Grade)
	}
	// Output:
	// 90 90.00 优
	// 89.99 89.99 良
	// 89.995 90.00 优
	// 59.99 59.99 差
}

// Minfeng's report names no action for 中: the result says so instead of borrowing one.
func ExampleScorer_Apply() {
	for _, p := range []scoring.Profile{{}, {Application: "dazhou-application"}} {
		s := exampleScorer(p)
		for _, g := range scoring.Grades() {
			a, err := s.Apply(g)
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println(g, a.Code, a.Text, a.Specified())
		}
	}
	// Output:
	// 优 priority 下年度同类项目优先安排 true
	// 良 reduce-or-cancel 调减或取消同类资金 true
	// 中 unspecified 未规定 false
	// 差 censure-and-supervise 通报批评并列入财政、审计重点监督范围 true
	// 优 priority 优先保障 true
	// 良 as-needed 据实保障 true
	// 中 reduce 核减 true
	// 差 cancel-or-suspend 取消或暂停 true
}

func ExampleParseGrade() {
	g, err := scoring.ParseGrade("良")
	fmt.Println(g, g == scoring.Good, err)
	_, err = scoring.ParseGrade("B")
	fmt.Println(err)
	// Output:
	// 良 true <nil>
	// 无法识别的等级 "B"：等级应为 优、良、中 或 差
}

// The overall rate is Σ执行 ÷ Σ预算, not the mean of the rates.
func ExampleSummarize() {
	sum := scoring.Summarize([]scoring.Item{
		{Grade: scoring.Excellent, Score: mustDec("99.37"), Budget: mustDec("100"), Spent: mustDec("100")},
		{Grade: scoring.Excellent, Score: mustDec("96.99"), Budget: mustDec("631.46"), Spent: mustDec("520.22")},
	})
	avg, _ := sum.AverageScore()
	overall, err := exampleScorer(scoring.Profile{}).OverallExecution(sum)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Of(scoring.Excellent).Count, sum.Of(scoring.Excellent).Budget, avg, overall.Percent())
	// Output: 2 731.46 98.18 84.79%
}

// The seed prints 86.9% for 47967.66 ÷ 55134.12, which is 87.0% at the printed precision.
func ExampleCheck() {
	d, err := scoring.ParseDeclared("项目支出执行率", "86.9%", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	f := scoring.Check(d, mustDec("47967.66").DivRound(mustDec("55134.12"), 20))
	fmt.Println(f.Agrees())
	fmt.Println(f)
	// Output:
	// false
	// 项目支出执行率：报告 86.9%，由各部分算得 87.0%，不一致，相差 +0.1 个百分点
}

func ExampleParseDeclared() {
	d, err := scoring.ParseDeclared("重点评价总金额", "11285.11", "万元")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(scoring.Check(d, mustDec("12085.11")))
	// Output: 重点评价总金额：报告 11285.11 万元，由各部分算得 12085.11 万元，不一致，相差 +800.00 万元
}

// A ≤ indicator scores 指标值 ÷ 实际值 of its points.
func ExampleScorer_ScoreIndicator() {
	s := exampleScorer(scoring.Profile{})
	is, err := s.ScoreIndicator(scoring.Indicator{Name: "投诉次数", Nature: scoring.AtMost,
		Direction: scoring.LowerIsBetter, Target: mustDec("5"), Actual: mustDec("8")}, mustDec("4"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(is.Completion, is.Score)
	// Output: 0.625 2.5
}

// A form without a satisfaction indicator: its 10 points go to 产出 and 效益 as 50:30.
func ExampleScorer_ScoreProject() {
	s := exampleScorer(scoring.Profile{})
	ps, err := s.ScoreProject(scoring.Project{ID: "P1", Name: "示例项目",
		Budget: decimal.NewNullDecimal(mustDec("100")), Spent: mustDec("95"),
		Indicators: []scoring.Indicator{
			{Level1: "产出", Name: "培训人次", Target: mustDec("100"), Actual: mustDec("90"), Points: mustDec("50")},
			{Level1: "效益", Name: "就业率", Target: mustDec("0.8"), Actual: mustDec("0.8"), Points: mustDec("30")},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range ps.Groups {
		fmt.Println(g.Name, g.Points, g.Score)
	}
	fmt.Println(ps.Total, ps.Graded.Grade, ps.Action.Text)
	// Output:
	// 预算执行率 10 9.5
	// 产出 56.25 50.63
	// 效益 33.75 33.75
	// 满意度 0 0
	// 93.88 优 下年度同类项目优先安排
}

// Minfeng evaluates key projects on a 5-year cycle; the plan puts the longest unevaluated
// first.
func ExamplePlanCoverage() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	day := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	years, err := scoring.CycleYears(lib, scoring.DefaultCoverage, day, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := scoring.PlanCoverage([]scoring.Candidate{
		{ID: "困难群众救助资金", Funds: mustDec("940"), LastEvaluated: 2023, Latest: scoring.Excellent},
		{ID: "农村污水处理项目", Funds: mustDec("631.46"), LastEvaluated: 2023, Latest: scoring.Excellent},
		{ID: "从未评价的项目", Funds: mustDec("50")},
		{ID: "二〇二〇年评为良的项目", Funds: mustDec("80"), LastEvaluated: 2020, Latest: scoring.Good},
		{ID: "二〇二〇年评为差的项目", Funds: mustDec("20"), LastEvaluated: 2020, Latest: scoring.Poor},
		{ID: "二〇二一年评为优的项目", Funds: mustDec("300"), LastEvaluated: 2021, Latest: scoring.Excellent},
	}, 2025, years)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, py := range plan.Years {
		fmt.Print(py.Year, ":")
		for _, c := range py.Projects {
			fmt.Print(" ", c.ID)
		}
		fmt.Println()
	}
	// Output:
	// 2025: 从未评价的项目 二〇二〇年评为差的项目
	// 2026: 二〇二〇年评为良的项目
	// 2027: 二〇二一年评为优的项目
	// 2028: 困难群众救助资金
	// 2029: 农村污水处理项目
}

// New picks the rule sets in force on a day; a profile naming a rule set the library lacks is
// an error naming it.
func ExampleNew() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	day := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	_, err = scoring.New(lib, scoring.Profile{Application: "no-such-county"}, day)
	fmt.Println(err != nil)
	s, err := scoring.New(lib, scoring.Profile{}, day)
	fmt.Println(s.Day().Format("2006-01-02"), err)
	// Output:
	// true
	// 2024-12-31 <nil>
}

// A vendor's rule set takes its place in a profile by the inputs it declares.
func ExampleProfile_With() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	rs, err := lib.Get("dazhou-application", time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := scoring.Profile{}.With(rs)
	fmt.Printf("%+v %v\n", p, err)
	// Output: {Execution: Grade: Application:dazhou-application Indicator: Template: KeyWeights: Department:} <nil>
}

// Without a satisfaction indicator, its 10 points go to 产出 and 效益 in proportion (50:30).
func ExampleScorer_Template() {
	s := exampleScorer(scoring.Profile{})
	for _, has := range []bool{true, false} {
		t, err := s.Template(has)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(has, t.Groups, t.Total)
	}
	// Output:
	// true [{预算执行率 10} {产出 50} {效益 30} {满意度 10}] 100
	// false [{预算执行率 10} {产出 56.25} {效益 33.75} {满意度 0}] 100
}

// Key-evaluation weights where 产出 + 效益 is under 60% are refused.
func ExampleScorer_CheckKeyWeights() {
	s := exampleScorer(scoring.Profile{})
	fmt.Println(s.CheckKeyWeights(scoring.KeyWeights{Decision: mustDec("20"), Process: mustDec("20"),
		Output: mustDec("30"), Benefit: mustDec("30")}))
	fmt.Println(s.CheckKeyWeights(scoring.KeyWeights{Decision: mustDec("30"), Process: mustDec("20"),
		Output: mustDec("30"), Benefit: mustDec("20")}))
	// Output:
	// <nil>
	// 重点评价权重不合规定：决策 30、过程 20、产出 30、效益 20，产出与效益占总权重的 50.00%（规则集 national-key-evaluation）
}

// 满意度 = 满意人数 ÷ 有效调查人数.
func ExampleSatisfaction() {
	r, err := scoring.Satisfaction(171, 180)
	fmt.Println(r, err)
	_, err = scoring.Satisfaction(0, 0)
	fmt.Println(err)
	// Output:
	// 0.95 <nil>
	// 有效调查人数为 0，无法计算满意度
}

// The nature column is read as staff type it.
func ExampleParseNature() {
	for _, s := range []string{"≥", "<=", "＝", "定性"} {
		n, err := scoring.ParseNature(s)
		fmt.Println(n, err)
	}
	d, _ := scoring.ParseDirection("", scoring.AtMost)
	o, _ := scoring.ParseOutcome("部分达成")
	fmt.Println(d, o)
	// Output:
	// ≥ <nil>
	// ≤ <nil>
	// = <nil>
	// 定性 <nil>
	// 反向 部分达成
}

// Σmet ÷ Σtargets over a list is the 绩效目标完成率 counted by targets.
func ExampleProjectScore_TargetCompletion() {
	s := exampleScorer(scoring.Profile{})
	ps, err := s.ScoreProject(scoring.Project{ID: "P1", Budget: decimal.NewNullDecimal(mustDec("10")), Spent: mustDec("10"),
		Indicators: []scoring.Indicator{
			{Level1: "产出", Name: "完成", Target: mustDec("5"), Actual: mustDec("5"), Points: mustDec("50")},
			{Level1: "效益", Name: "未完成", Target: mustDec("5"), Actual: mustDec("4"), Points: mustDec("30")},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ps.TargetCompletion())
	// Output: 1 2
}

// A key evaluation's table: 评分 rows take the evaluator's points, indicator rows are scored
// by completion, and the 一级 weights must pass the 60% rule and add up to 100.
func ExampleScorer_ScoreKeyEvaluation() {
	s := exampleScorer(scoring.Profile{})
	pts := func(level1, name, points, got string) scoring.Indicator {
		return scoring.Indicator{Level1: level1, Name: name, Nature: scoring.Assessed, Points: mustDec(points),
			Assessed: decimal.NewNullDecimal(mustDec(got))}
	}
	ks, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K1", Name: "困难群众救助资金", Items: []scoring.Indicator{
		pts("决策", "立项依据充分性", "10", "9"),
		pts("决策", "绩效目标合理性", "10", "8"),
		{Level1: "过程", Name: "预算执行率", Target: mustDec("1"), Actual: mustDec("0.9878"), Points: mustDec("10")},
		pts("过程", "资金使用合规性", "10", "10"),
		{Level1: "产出", Name: "救助人次", Target: mustDec("1000"), Actual: mustDec("950"), Points: mustDec("30")},
		{Level1: "效益", Name: "受助群众满意度", Target: mustDec("0.9"), Actual: mustDec("0.95"), Points: mustDec("30")},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range ks.Groups {
		fmt.Println(g.Name, g.Points, g.Score)
	}
	fmt.Println(ks.Total, ks.Graded.Grade, ks.Action.Text)

	_, err = s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K2", Items: []scoring.Indicator{
		pts("决策", "立项依据充分性", "30", "30"), pts("过程", "资金使用合规性", "20", "20"),
		pts("产出", "完成率", "30", "30"), pts("效益", "满意度", "20", "20"),
	}})
	fmt.Println(err)
	// Output:
	// 决策 20 17
	// 过程 20 19.88
	// 产出 30 28.5
	// 效益 30 30
	// 95.38 优 下年度同类项目优先安排
	// 重点评价权重不合规定：决策 30、过程 20、产出 30、效益 20，产出与效益占总权重的 50.00%（规则集 national-key-evaluation）
}

// One city's 部门整体支出 weighting: 部门决策 25, 综合管理 30 (8 of them banded from the
// figures), 部门绩效 45; the table's rows carry the rest.
func ExampleScorer_ScoreDepartment_weighted() {
	s := exampleScorer(scoring.Profile{Department: "weighted-department-overall"})
	pts := func(level1, name, points, got string) scoring.Indicator {
		return scoring.Indicator{Level1: level1, Name: name, Nature: scoring.Assessed, Points: mustDec(points),
			Assessed: decimal.NewNullDecimal(mustDec(got))}
	}
	d, err := s.ScoreDepartment(scoring.DepartmentFigures{Initial: mustDec("1000"), Adjustment: mustDec("100"),
		KeySpending: mustDec("850"), Projects: mustDec("1000"), Items: []scoring.Indicator{
			pts("部门决策", "目标制定与预算编制", "25", "23"),
			pts("综合管理", "财务与资产管理", "22", "21"),
			{Level1: "部门绩效", Name: "重点项目完成率", Target: mustDec("1"), Actual: mustDec("0.95"), Points: mustDec("45")},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range d.Items {
		fmt.Println(it.Name, it.Rate.Decimal, it.Score)
	}
	for _, g := range d.Groups {
		fmt.Println(g.Name, g.Points, g.Score)
	}
	fmt.Println(d.Total, d.Graded.Grade)
	// Output:
	// 预算调整率 0.1 2
	// 重点支出安排率 0.85 4
	// 部门决策 25 23
	// 综合管理 30 27
	// 部门绩效 45 42.75
	// 92.75 优
}

// TargetsMet counts targets over any scored rows: a quantitative row at 100% or more, a
// qualitative one 达成; an assessed (评分) row has no target.
func ExampleTargetsMet() {
	s := exampleScorer(scoring.Profile{})
	var items []scoring.IndicatorScore
	for _, ind := range []scoring.Indicator{
		{Name: "培训人次", Target: mustDec("100"), Actual: mustDec("90")},
		{Name: "合格率", Target: mustDec("0.95"), Actual: mustDec("1")},
		{Name: "立项依据充分性", Nature: scoring.Assessed, Assessed: decimal.NewNullDecimal(mustDec("4"))},
	} {
		is, err := s.ScoreIndicator(ind, mustDec("5"))
		if err != nil {
			fmt.Println(err)
			return
		}
		items = append(items, is)
	}
	fmt.Println(scoring.TargetsMet(items)) // met, of
	// Output: 1 2
}
