package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// executionGroup is the 一级 item scored by the execution rule set, not by indicators.
const executionGroup = "预算执行率"

// groupSuffix marks a template result as a group's full marks: 产出满分 is 产出's.
const groupSuffix = "满分"

// Group is one 一级 item of a template and its full marks.
type Group struct {
	Name   string
	Points decimal.Decimal
}

// Template is a self-evaluation form's 一级 items with their full marks, as the profile's
// template rule set gives them for a form with or without a satisfaction indicator. The
// zero Template has no items: Points finds none.
type Template struct {
	Groups []Group // in the rule set's order; 预算执行率 first in the default
	Total  decimal.Decimal
}

// Points is the full marks of a group, and whether the template has it.
func (t Template) Points(name string) (decimal.Decimal, bool) {
	for _, g := range t.Groups {
		if g.Name == name {
			return g.Points, true
		}
	}
	return decimal.Decimal{}, false
}

func (t Template) names() string {
	var n []string
	for _, g := range t.Groups {
		if g.Name != executionGroup {
			n = append(n, g.Name)
		}
	}
	return strings.Join(n, "、")
}

// Template is the profile's template: its groups are the template rule set's results named
// “<一级>满分” (except 总满分), so a vendor adds a 一级 item by adding a formula. The rule set
// reads only 有满意度指标, so both templates are evaluated once, when the Scorer is made, and
// every form is scored against them without evaluating the rule set again.
func (s *Scorer) Template(hasSatisfaction bool) (Template, error) {
	if err := s.ready(); err != nil {
		return Template{}, err
	}
	if hasSatisfaction {
		return s.templates[1], nil
	}
	return s.templates[0], nil
}

// evalTemplate evaluates the template rule set for a form with or without satisfaction.
func (s *Scorer) evalTemplate(hasSatisfaction bool) (Template, error) {
	rs := s.template
	res, err := s.evaluate(rs, map[string]any{"有满意度指标": hasSatisfaction})
	if err != nil {
		return Template{}, err
	}
	var t Template
	for _, name := range res.Names() {
		group, ok := strings.CutSuffix(name, groupSuffix)
		if !ok || group == "总" {
			continue
		}
		v, err := value(rs, res, name, rules.TypeDecimal)
		if err != nil {
			return Template{}, err
		}
		t.Groups = append(t.Groups, Group{Name: group, Points: v.Decimal()})
	}
	total, err := value(rs, res, "总满分", rules.TypeDecimal)
	if err != nil {
		return Template{}, err
	}
	t.Total = total.Decimal()
	if _, ok := t.Points(executionGroup); !ok {
		return Template{}, fmt.Errorf("规则集 %s（%s）没有给出 %s%s", rs.ID(), rs.File(), executionGroup, groupSuffix)
	}
	return t, nil
}
