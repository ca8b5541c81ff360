package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// weightSuffix marks a key-weights input as a 一级 item's weight: 决策权重 is 决策's.
const weightSuffix = "权重"

// KeyWeights are the 一级 weights of a key evaluation (重点评价: 部门评价 or 财政评价). The
// zero KeyWeights weighs nothing, and the default rule set refuses it (产出 + 效益 is 0%).
type KeyWeights struct {
	Decision, Process, Output, Benefit decimal.Decimal // 决策, 过程, 产出, 效益
}

// CheckKeyWeights refuses weights the profile's key-weights rule set rejects — by default,
// 产出 + 效益 under 60% of the whole — naming the share they have. It passes the national
// framework's four weights; for a rule set with other 一级 items (决策/管理/绩效), score the
// table with ScoreKeyEvaluation, which reads the 一级 items from the rule set.
func (s *Scorer) CheckKeyWeights(w KeyWeights) error {
	if err := s.ready(); err != nil {
		return err
	}
	_, err := s.checkWeights([]Group{{"决策", w.Decision}, {"过程", w.Process}, {"产出", w.Output}, {"效益", w.Benefit}})
	return err
}

// keyGroups lists the key-weights rule set's 一级 items: its inputs named “<一级>权重”, in
// the order the file declares them, so a region with 决策/管理/绩效 declares those.
func (s *Scorer) keyGroups() ([]string, error) {
	prog, err := s.keyWeights.Program(s.day)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, in := range prog.Inputs() {
		if g, ok := strings.CutSuffix(in.Name, weightSuffix); ok && g != "" {
			names = append(names, g)
		}
	}
	return names, nil
}

// checkWeights evaluates the key-weights rule set on the weights and refuses them when it
// says 权重有效 is false; it returns the results for the caller's further reads.
func (s *Scorer) checkWeights(weights []Group) (*rules.Result, error) {
	rs := s.keyWeights
	vars := map[string]any{}
	var parts []string
	for _, w := range weights {
		if w.Points.IsNegative() {
			// a negative weight would lift the others' share: −50 for 决策 makes 产出 + 效益 150%
			return nil, fmt.Errorf("重点评价权重不合规定：%s 的权重为负（%s）", w.Name, w.Points)
		}
	}
	for _, w := range weights {
		vars[w.Name+weightSuffix] = w.Points
		parts = append(parts, fmt.Sprintf("%s %s", w.Name, w.Points))
	}
	res, err := s.evaluate(rs, vars)
	if err != nil {
		return nil, err
	}
	ok, err := value(rs, res, "权重有效", rules.TypeBool)
	if err != nil {
		return nil, err
	}
	if ok.Bool() {
		return res, nil
	}
	share, err := value(rs, res, "产出效益占比", rules.TypeDecimal)
	if err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("重点评价权重不合规定：%s，产出与效益占总权重的 %s（规则集 %s）",
		strings.Join(parts, "、"), amount.FormatPercent(share.Decimal(), 2), rs.ID())
}
