package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// KeyEvaluation is one key evaluation's scoring table (重点评价指标体系): every row an item
// under a 一级 item of the key-weights rule set (决策, 过程, 产出, 效益 by default). A row is
// an indicator (≥, ≤, =, 定性) scored like a self-evaluation's, or an assessed item (评分) the
// evaluator scored against the form's criteria, such as 立项依据充分性. The zero
// KeyEvaluation has no rows, so its weights are all 0 and ScoreKeyEvaluation refuses it.
type KeyEvaluation struct {
	ID, Name string
	Items    []Indicator
}

// KeyScore is a scored key evaluation.
type KeyScore struct {
	Evaluation KeyEvaluation
	Weights    []Group          // each 一级 item's weight, the sum of its rows' points, in the rule set's order
	Share      decimal.Decimal  // 产出效益占比, as the rule set gives it
	Items      []IndicatorScore // the applicable rows, in the table's order
	Dropped    []Indicator      // 不适用
	Groups     []GroupScore
	Total      decimal.Decimal
	Graded     Graded
	Action     Action
}

// ScoreKeyEvaluation scores a key evaluation. The weights are what the table gives each 一级
// item; the key-weights rule set must accept them (by default 产出 + 效益 at least 60%) and
// they must add up to its 总满分 (100). Each row is scored with the indicator rule set; a 不适用
// row's points go to the other rows of its 一级 item, as on a self-evaluation form. The total
// is graded and applied like any score.
func (s *Scorer) ScoreKeyEvaluation(e KeyEvaluation) (KeyScore, error) {
	if err := s.ready(); err != nil {
		return KeyScore{}, err
	}
	names, err := s.keyGroups()
	if err != nil {
		return KeyScore{}, err
	}
	out := KeyScore{Evaluation: e}
	for _, n := range names {
		w := Group{Name: n}
		for _, ind := range e.Items {
			if ind.Level1 == n {
				w.Points = w.Points.Add(ind.Points)
			}
		}
		out.Weights = append(out.Weights, w)
	}
	for _, ind := range e.Items {
		if _, ok := groupPoints(out.Weights, ind.Level1); !ok {
			return KeyScore{}, fmt.Errorf("指标 %s 的一级指标 %q 不在重点评价的 %s 之中（规则集 %s）",
				ind.Name, ind.Level1, groupNames(out.Weights), s.keyWeights.ID())
		}
	}
	if out.Share, err = s.checkFullMarks(out.Weights); err != nil {
		return KeyScore{}, err
	}
	g, err := s.scoreGroups(e.Items, out.Weights)
	if err != nil {
		return KeyScore{}, err
	}
	out.Items, out.Dropped, out.Groups, out.Total = g.items, g.dropped, g.groups, g.total
	if out.Graded, err = s.Grade(out.Total); err != nil {
		return KeyScore{}, err
	}
	if out.Action, err = s.Apply(out.Graded.Grade); err != nil {
		return KeyScore{}, err
	}
	return out, nil
}

// checkFullMarks checks the weights with the rule set and against its 总满分; it returns the
// share of 产出 and 效益.
func (s *Scorer) checkFullMarks(weights []Group) (decimal.Decimal, error) {
	res, err := s.checkWeights(weights)
	if err != nil {
		return decimal.Decimal{}, err
	}
	rs := s.keyWeights
	full, err := value(rs, res, "总满分", rules.TypeDecimal)
	if err != nil {
		return decimal.Decimal{}, err
	}
	var sum decimal.Decimal
	for _, w := range weights {
		sum = sum.Add(w.Points)
	}
	if !sum.Equal(full.Decimal()) {
		return decimal.Decimal{}, fmt.Errorf("重点评价各指标分值合计 %s，应为 %s（规则集 %s 的 总满分）", sum, full.Decimal(), rs.ID())
	}
	share, err := value(rs, res, "产出效益占比", rules.TypeDecimal)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return share.Decimal(), nil
}
