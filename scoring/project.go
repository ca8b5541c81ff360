package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// satisfactionGroup is the 一级 item whose presence decides the template's weights.
const satisfactionGroup = "满意度"

// Project is one project's self-evaluation (单位自评表): its budget, spending and indicator
// rows. The budget basis (年初, 调整后, 全年) is the caller's choice. The zero Project has no
// budget, which ScoreProject refuses with a *BudgetError (ErrNoBudget).
type Project struct {
	ID, Name   string
	Budget     decimal.NullDecimal
	Spent      decimal.Decimal
	Indicators []Indicator
}

// GroupScore is one 一级 item's full marks and score.
type GroupScore struct {
	Name          string
	Points, Score decimal.Decimal
}

// ProjectScore is a scored self-evaluation.
type ProjectScore struct {
	Project   Project
	Execution Execution
	Items     []IndicatorScore // the applicable indicators, in the form's order
	Dropped   []Indicator      // 不适用
	Groups    []GroupScore     // the template's 一级 items
	Total     decimal.Decimal  // 总分: the execution score plus every indicator's score
	Graded    Graded
	Action    Action
}

// ScoreProject scores a self-evaluation with the profile's template, indicator, execution,
// grade and application rule sets.
//
// Within a 一级 item, the indicators' form points must add up to the template's points for it
// (not counting points moved in from a missing satisfaction item); the applicable ones are
// then rescaled to the item's full marks, so a 不适用 indicator's points and a missing 满意度
// item's points go to the indicators that remain. Rescaled points are exact to 20 places; the
// indicator rule set rounds each score.
func (s *Scorer) ScoreProject(p Project) (ProjectScore, error) {
	if err := s.ready(); err != nil {
		return ProjectScore{}, err
	}
	out := ProjectScore{Project: p}
	var err error
	if out.Execution, err = s.Execution(p.Budget, p.Spent); err != nil {
		return ProjectScore{}, err
	}
	if err := checkItems(p.Indicators); err != nil {
		return ProjectScore{}, err
	}
	groups := groupIndicators(p.Indicators)
	_, hasSatisfaction := groups.applicable[satisfactionGroup]
	base, err := s.Template(true)
	if err != nil {
		return ProjectScore{}, err
	}
	tmpl, err := s.Template(hasSatisfaction)
	if err != nil {
		return ProjectScore{}, err
	}
	if err := groups.check(base, tmpl); err != nil {
		return ProjectScore{}, err
	}
	scores := map[string]decimal.Decimal{executionGroup: out.Execution.Score}
	for _, ind := range p.Indicators {
		if ind.NotApplicable {
			out.Dropped = append(out.Dropped, ind)
			continue
		}
		full, _ := tmpl.Points(ind.Level1)
		points := ind.Points.Mul(full).DivRound(groups.applicable[ind.Level1], averagePlaces)
		is, err := s.ScoreIndicator(ind, points)
		if err != nil {
			return ProjectScore{}, err
		}
		out.Items = append(out.Items, is)
		scores[ind.Level1] = scores[ind.Level1].Add(is.Score)
	}
	for _, g := range tmpl.Groups {
		out.Groups = append(out.Groups, GroupScore{Name: g.Name, Points: g.Points, Score: scores[g.Name]})
		out.Total = out.Total.Add(scores[g.Name])
	}
	if out.Graded, err = s.Grade(out.Total); err != nil {
		return ProjectScore{}, err
	}
	if out.Action, err = s.Apply(out.Graded.Grade); err != nil {
		return ProjectScore{}, err
	}
	return out, nil
}

// indicatorGroups adds up form points by 一级 item: of every row, and of the applicable ones.
type indicatorGroups struct {
	all, applicable map[string]decimal.Decimal
	order           []string
}

func groupIndicators(list []Indicator) indicatorGroups {
	g := indicatorGroups{all: map[string]decimal.Decimal{}, applicable: map[string]decimal.Decimal{}}
	for _, ind := range list {
		if _, seen := g.all[ind.Level1]; !seen {
			g.order = append(g.order, ind.Level1)
		}
		g.all[ind.Level1] = g.all[ind.Level1].Add(ind.Points)
		if !ind.NotApplicable {
			g.applicable[ind.Level1] = g.applicable[ind.Level1].Add(ind.Points)
		}
	}
	return g
}

// check refuses a form whose indicators do not fit the template: an unknown 一级 item, an item
// with no applicable indicator, or form points that do not add up to the template's.
func (g indicatorGroups) check(base, tmpl Template) error {
	for _, name := range g.order {
		want, ok := base.Points(name)
		if !ok || name == executionGroup {
			return fmt.Errorf("一级指标 %q 不在自评表的 %s 之中", name, base.names())
		}
		if !g.all[name].Equal(want) {
			return fmt.Errorf("一级指标 %s 各指标分值合计 %s，自评表规定 %s", name, g.all[name], want)
		}
	}
	for _, grp := range tmpl.Groups {
		if grp.Name == executionGroup || grp.Points.IsZero() {
			continue
		}
		if !g.applicable[grp.Name].IsPositive() {
			return fmt.Errorf("一级指标 %s（%s 分）没有适用的指标", grp.Name, grp.Points)
		}
	}
	return nil
}

// TargetCompletion counts the applicable indicators whose target was met, as TargetsMet does.
// Over a list of projects, Σmet ÷ Σtotal is the 绩效目标完成率 a report counts by targets.
func (ps ProjectScore) TargetCompletion() (met, total int) { return TargetsMet(ps.Items) }

// TargetsMet counts the scored indicators whose target was met — a quantitative one at a
// completion of 100% or more, a qualitative one 达成 — out of all of them; an assessed (评分)
// item has no target and is not counted.
func TargetsMet(items []IndicatorScore) (met, total int) {
	one := decimal.NewFromInt(1)
	for _, it := range items {
		if it.Indicator.Nature == Assessed {
			continue
		}
		total++
		if it.Indicator.Nature == Qualitative {
			if it.Indicator.Outcome == Achieved {
				met++
			}
		} else if it.Completion.GreaterThanOrEqual(one) {
			met++
		}
	}
	return met, total
}
