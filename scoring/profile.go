package scoring

import (
	"errors"
	"fmt"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// The rule sets a zero Profile uses: the national defaults, Minfeng's result application and
// one city's banded 部门整体支出 items, all embedded in package rulesets.
const (
	DefaultExecution   = "national-execution"
	DefaultGrade       = "national-grade"
	DefaultApplication = "minfeng-application"
	DefaultIndicator   = "national-indicator"
	DefaultTemplate    = "national-self-evaluation"
	DefaultKeyWeights  = "national-key-evaluation"
	DefaultDepartment  = "sample-department-overall"
)

// Profile names the rule sets a Scorer evaluates. An empty field means its default, so the
// zero Profile is the national rules with Minfeng's result application.
//
// The rule sets answer by name: the execution rule set gives 执行率, 显示执行率, 得分,
// 须说明原因 and 超额执行 from 预算数 and 执行数; the grade rule set gives 显示总分 and 等级
// from 总分; the application rule set gives 代码 and 结果应用 from 等级, with the code
// unspecified for a grade its source does not cover; the indicator rule set gives 完成率, 得分
// and 评定有效 from one indicator row; the template gives each 一级 group's full marks
// (预算执行率满分, 产出满分, 效益满分, 满意度满分, 总满分) from 有满意度指标; the key-weights
// rule set gives 权重有效, 产出效益占比 and 总满分 from its inputs named “<一级>权重” (决策权重,
// 过程权重, 产出权重 and 效益权重 by default; it is placed by 决策权重); the
// department rule set gives each banded item's “<比率>得分” and 总得分 from 年初预算数,
// 预算调整数, 重点支出安排数 and 项目支出总额.
type Profile struct {
	Execution   string // 预算执行率与得分, e.g. langfang-execution for whole points
	Grade       string // 等级线
	Application string // 结果应用, e.g. dazhou-application
	Indicator   string // 指标完成率与得分
	Template    string // 单位自评一级指标分值, e.g. qingshen-self-evaluation
	KeyWeights  string // 重点评价的权重检查
	Department  string // 部门整体支出的分档指标
}

func (p Profile) withDefaults() Profile {
	if p.Execution == "" {
		p.Execution = DefaultExecution
	}
	if p.Grade == "" {
		p.Grade = DefaultGrade
	}
	if p.Application == "" {
		p.Application = DefaultApplication
	}
	if p.Indicator == "" {
		p.Indicator = DefaultIndicator
	}
	if p.Template == "" {
		p.Template = DefaultTemplate
	}
	if p.KeyWeights == "" {
		p.KeyWeights = DefaultKeyWeights
	}
	if p.Department == "" {
		p.Department = DefaultDepartment
	}
	return p
}

// Scorer scores with the rule sets of a Profile in force on one day. It is immutable and
// safe for concurrent use; to follow a hot-swapped rule file, make a new Scorer. A nil or
// zero Scorer has no rule sets: its methods answer with an error of code rules.ErrMisuse.
type Scorer struct {
	day                                                time.Time
	execution, grade, application, indicator, template *rulefile.RuleSet
	keyWeights, department                             *rulefile.RuleSet

	// The rule sets evaluated once per project or indicator, bound to their records.
	executionB   *binder[executionRecord]
	gradeB       *binder[gradeRecord]
	applicationB *binder[applicationRecord]
	indicatorB   *binder[indicatorRecord]
	templates    [2]Template // without and with a satisfaction indicator
}

// New picks the profile's rule sets in force on day from lib. Every missing rule set is
// reported at once.
func New(lib *rulefile.Library, p Profile, day time.Time) (*Scorer, error) {
	if lib == nil {
		return nil, errors.New("scoring: 没有规则库")
	}
	p = p.withDefaults()
	s := &Scorer{day: day}
	var errs []error
	sets := map[*string]**rulefile.RuleSet{&p.Execution: &s.execution, &p.Grade: &s.grade,
		&p.Application: &s.application, &p.Indicator: &s.indicator, &p.Template: &s.template,
		&p.KeyWeights: &s.keyWeights, &p.Department: &s.department}
	for _, r := range roles() {
		id := r.id(&p)
		rs, err := lib.Get(*id, day)
		if err == nil {
			err = checkRole(r, rs, day)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		*sets[id] = rs
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := s.bind(day); err != nil {
		return nil, err
	}
	if err := s.checkApplication(); err != nil {
		return nil, err
	}
	return s, nil
}

// Day is the day whose rules the Scorer uses.
func (s *Scorer) Day() time.Time {
	if s == nil {
		return time.Time{}
	}
	return s.day
}

// evaluate runs a rule set and returns its results.
func (s *Scorer) evaluate(rs *rulefile.RuleSet, vars map[string]any) (*rules.Result, error) {
	ev, err := rs.Evaluate(s.day, vars)
	if err != nil {
		return nil, err
	}
	return ev.Values, nil
}

// value reads one named result of a rule set, of the type the mechanism needs.
func value(rs *rulefile.RuleSet, res *rules.Result, name string, t rules.Type) (rules.Value, error) {
	v, ok := res.Get(name)
	if !ok {
		return rules.Value{}, fmt.Errorf("规则集 %s（%s）没有给出 %s", rs.ID(), rs.File(), name)
	}
	if v.Type() != t {
		return rules.Value{}, fmt.Errorf("规则集 %s（%s）的 %s 应为%s，实为%s", rs.ID(), rs.File(), name, t, v.Type())
	}
	return v, nil
}

// bind prepares the rule sets evaluated once per project or indicator, and evaluates the
// template, which depends on nothing but whether a form has a satisfaction indicator; a
// result of the wrong type, or a template that cannot be evaluated, is an error here rather
// than on the first record.
func (s *Scorer) bind(day time.Time) error {
	var errs []error
	var err error
	if s.executionB, err = newBinder[executionRecord](s.execution, day, executionOutputs()...); err != nil {
		errs = append(errs, err)
	}
	if s.gradeB, err = newBinder[gradeRecord](s.grade, day, gradeOutputs()...); err != nil {
		errs = append(errs, err)
	}
	if s.applicationB, err = newBinder[applicationRecord](s.application, day, applicationOutputs()...); err != nil {
		errs = append(errs, err)
	}
	if s.indicatorB, err = newBinder[indicatorRecord](s.indicator, day, indicatorOutputs()...); err != nil {
		errs = append(errs, err)
	}
	for i, with := range []bool{false, true} {
		if s.templates[i], err = s.evalTemplate(with); err != nil {
			errs = append(errs, err)
			break
		}
	}
	return errors.Join(errs...)
}
