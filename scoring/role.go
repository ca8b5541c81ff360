package scoring

import (
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
)

// role is a place in a Profile: the input that only that kind of rule set declares, and the
// results the mechanism reads from it. A vendor's file needs no extra marking.
type role struct {
	name    string
	input   string
	outputs []string
	id      func(*Profile) *string
}

func roles() []role {
	return []role{
		{"预算执行率", "执行数", []string{"执行率", "显示执行率", "得分", "须说明原因", "超额执行"},
			func(p *Profile) *string { return &p.Execution }},
		{"等级", "总分", []string{"显示总分", "等级"}, func(p *Profile) *string { return &p.Grade }},
		{"结果应用", "等级", []string{"代码", "结果应用"}, func(p *Profile) *string { return &p.Application }},
		{"指标得分", "性质", []string{"完成率", "得分", "评定有效", "定性下限", "定性上限"},
			func(p *Profile) *string { return &p.Indicator }},
		{"自评表分值", "有满意度指标", []string{"预算执行率满分", "总满分"}, func(p *Profile) *string { return &p.Template }},
		{"重点评价权重", "决策权重", []string{"权重有效", "产出效益占比"}, func(p *Profile) *string { return &p.KeyWeights }},
		{"部门整体支出分档", "预算调整数", []string{"总得分"}, func(p *Profile) *string { return &p.Department }},
	}
}

// fits reports whether rs, as in force on day, declares the role's input and gives every
// result the role reads; missing lists the results it lacks.
func (r role) fits(rs *rulefile.RuleSet, day time.Time) (ok bool, missing []string) {
	prog, err := rs.Program(day)
	if err != nil {
		return false, nil
	}
	declared := false
	for _, in := range prog.Inputs() {
		declared = declared || in.Name == r.input
	}
	if !declared {
		return false, nil
	}
	for _, name := range r.outputs {
		if prog.Index(name) < 0 {
			missing = append(missing, name)
		}
	}
	return len(missing) == 0, missing
}

// With puts rule set rs in the place its inputs and results show, replacing the rule set
// there: the execution rule set reads 执行数, the grade 总分, the application 等级, the
// indicator 性质, the template 有满意度指标, the key weights 决策权重, the department items
// 预算调整数, and each gives the results listed in Profile's documentation. A rule set that
// fits no place is an error that says what it lacks; a nil RuleSet, or one not loaded by a
// Library, is an error of code rules.ErrMisuse. p itself is returned unchanged on error.
func (p Profile) With(rs *rulefile.RuleSet) (Profile, error) {
	if _, err := rs.Program(rs.Effective()); err != nil {
		return p, err // a nil RuleSet, or one not loaded by a Library: rules.ErrMisuse
	}
	var lacks []string
	for _, r := range roles() {
		ok, missing := r.fits(rs, rs.Effective())
		if ok {
			*r.id(&p) = rs.ID()
			return p, nil
		}
		if len(missing) > 0 {
			lacks = append(lacks, fmt.Sprintf("作为%s规则缺少 %s", r.name, strings.Join(missing, "、")))
		}
	}
	msg := fmt.Sprintf("规则集 %s（%s）不能用于打分", rs.ID(), rs.File())
	if len(lacks) > 0 {
		return p, fmt.Errorf("%s：%s", msg, strings.Join(lacks, "；"))
	}
	return p, fmt.Errorf("%s：它没有 执行数、总分、等级、性质、有满意度指标、决策权重 或 预算调整数 这些输入", msg)
}

// checkRole refuses, when a Scorer is made, a rule set that lacks a result its place needs.
func checkRole(r role, rs *rulefile.RuleSet, day time.Time) error {
	if ok, missing := r.fits(rs, day); !ok {
		if len(missing) == 0 {
			return fmt.Errorf("规则集 %s（%s）不能用作%s规则：没有输入 %s", rs.ID(), rs.File(), r.name, r.input)
		}
		return fmt.Errorf("规则集 %s（%s）不能用作%s规则：缺少 %s", rs.ID(), rs.File(), r.name, strings.Join(missing, "、"))
	}
	return nil
}
