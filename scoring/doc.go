// Package scoring scores budget-performance evaluations: the execution rate and its score,
// indicators (≥, ≤, =, 定性) and whole self-evaluation forms (单位自评表) with their 一级
// weights, key-evaluation weights, 部门整体支出 banded items, grades 优/良/中/差, what a grade
// means for next year's budget (结果应用), totals by grade, the reconciliation of a report's
// declared figures against their parts, and the multi-year plan that covers every key project.
//
// The package holds mechanisms only. Every threshold, formula and action text lives in a rule
// file: a Scorer is made from a rulefile.Library and a Profile naming the rule sets to use
// (by default the embedded national-execution, national-grade, minfeng-application,
// national-indicator, national-self-evaluation, national-key-evaluation and
// sample-department-overall; see the Default constants), so a vendor swaps policy by loading
// other files, never by changing Go:
//
//	lib, _ := rulesets.Library()
//	s, err := scoring.New(lib, scoring.Profile{}, day)
//	ex, err := s.Execution(decimal.NewNullDecimal(budget), spent) // 98.78%, 9.88 分
//	g, err := s.Grade(score)               // 优, graded on the score as shown
//	a, err := s.Apply(g.Grade)             // priority: 下年度同类项目优先安排
//	ps, err := s.ScoreProject(project)     // a whole 自评表: items, 一级 groups, total
//	ks, err := s.ScoreKeyEvaluation(key)   // 重点评价: 决策/过程/产出/效益, 60% rule, total
//	d, err := s.ScoreDepartment(figures)   // 部门整体支出: banded items, 一级 weights, total
//	sum := scoring.Summarize(items)        // counts and funds by grade, sums, average score
//	all, err := s.OverallExecution(sum)    // Σ执行 ÷ Σ预算, not the mean of the rates
//	dec, err := scoring.ParseDeclared("项目支出执行率", "86.9%", "")
//	f := scoring.Check(dec, computed)      // 86.9% printed, 87.0% computed: a finding
//	plan, err := scoring.PlanCoverage(candidates, 2025, 5) // every key project within the cycle
//	r, err := scoring.Satisfaction(satisfied, respondents) // 满意度 = 满意人数 ÷ 有效调查人数
//
// A vendor's file takes its place with Profile.With, which reads what the file declares;
// New checks every rule set gives the results its place needs, and that an application rule
// set's 代码 and 结果应用 tables agree, before anything is scored.
//
// Numbers are exact decimals (shopspring/decimal) end to end. A Scorer is immutable and safe
// for concurrent use. The rule sets evaluated per project or indicator (execution, grade,
// application, indicator) are bound once to record structs with rules.Bind, so a record is
// evaluated without a map and with a pooled Result; a vendor's rule set that reads an input
// the record lacks (one it declared with a default) is evaluated through RuleSet.Evaluate
// instead, with the same results; the zero Profile means the national defaults with Minfeng's result
// application and one city's 部门整体支出 bands; Profile.With places a vendor's rule set by
// the inputs it declares. Errors are values: a missing, zero or negative budget, or
// negative spending, is a *BudgetError.
package scoring
