package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// groupedScores is a form's items scored within its 一级 items.
type groupedScores struct {
	items   []IndicatorScore // the applicable items, in the form's order
	dropped []Indicator      // 不适用
	groups  []GroupScore     // in the order of the full marks given
	total   decimal.Decimal
}

// scoreGroups scores items against their 一级 items' full marks, as ScoreProject does for a
// self-evaluation: within a 一级 item the form points of all its rows must add up to its full
// marks, and the applicable rows are rescaled to them, so a 不适用 row's points go to the rows
// that remain. An item under a 一级 name the full marks do not list is an error naming them.
func (s *Scorer) scoreGroups(items []Indicator, full []Group) (groupedScores, error) {
	if err := checkItems(items); err != nil {
		return groupedScores{}, err
	}
	all := map[string]decimal.Decimal{}
	applicable := map[string]decimal.Decimal{}
	for _, ind := range items {
		if _, ok := groupPoints(full, ind.Level1); !ok {
			return groupedScores{}, fmt.Errorf("指标 %s 的一级指标 %q 不在 %s 之中", ind.Name, ind.Level1, groupNames(full))
		}
		all[ind.Level1] = all[ind.Level1].Add(ind.Points)
		if !ind.NotApplicable {
			applicable[ind.Level1] = applicable[ind.Level1].Add(ind.Points)
		}
	}
	for _, g := range full {
		if !all[g.Name].Equal(g.Points) {
			return groupedScores{}, fmt.Errorf("一级指标 %s 各指标分值合计 %s，应为 %s", g.Name, all[g.Name], g.Points)
		}
		if g.Points.IsPositive() && !applicable[g.Name].IsPositive() {
			return groupedScores{}, fmt.Errorf("一级指标 %s（%s 分）没有适用的指标", g.Name, g.Points)
		}
	}
	var out groupedScores
	scores := map[string]decimal.Decimal{}
	for _, ind := range items {
		if ind.NotApplicable {
			out.dropped = append(out.dropped, ind)
			continue
		}
		g, _ := groupPoints(full, ind.Level1)
		is, err := s.ScoreIndicator(ind, ind.Points.Mul(g).DivRound(applicable[ind.Level1], averagePlaces))
		if err != nil {
			return groupedScores{}, err
		}
		out.items = append(out.items, is)
		scores[ind.Level1] = scores[ind.Level1].Add(is.Score)
	}
	for _, g := range full {
		out.groups = append(out.groups, GroupScore{Name: g.Name, Points: g.Points, Score: scores[g.Name]})
		out.total = out.total.Add(scores[g.Name])
	}
	return out, nil
}

func groupPoints(list []Group, name string) (decimal.Decimal, bool) {
	for _, g := range list {
		if g.Name == name {
			return g.Points, true
		}
	}
	return decimal.Decimal{}, false
}

func groupNames(list []Group) string {
	n := make([]string, len(list))
	for i, g := range list {
		n[i] = g.Name
	}
	return strings.Join(n, "、")
}

// checkItems refuses a form that lists one indicator twice — the same 三级 name under the
// same 一级 and 二级 — which is a copied row far more often than two indicators: scoring both
// would count its points twice; and a row with negative points, which would let another row
// carry more than its 一级 item's marks while the sum still agrees.
func checkItems(items []Indicator) error {
	type key struct{ l1, l2, name string }
	seen := map[key]bool{}
	for _, ind := range items {
		if ind.Points.IsNegative() {
			return fmt.Errorf("指标 %s 的分值 %s 为负", ind.Name, ind.Points)
		}
		k := key{ind.Level1, ind.Level2, ind.Name}
		if seen[k] {
			return fmt.Errorf("指标 %s（%s）出现了两次", ind.Name, strings.Trim(ind.Level1+"/"+ind.Level2, "/"))
		}
		seen[k] = true
	}
	return nil
}
