package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// KeyWeights are the 一级 weights of a key evaluation (重点评价: 部门评价 or 财政评价).
type KeyWeights struct {
	Decision, Process, Output, Benefit decimal.Decimal // 决策, 过程, 产出, 效益
}

// CheckKeyWeights refuses weights the profile's key-weights rule set rejects — by default,
// 产出 + 效益 under 60% of the whole — naming the share they have.
func (s *Scorer) CheckKeyWeights(w KeyWeights) error {
	rs := s.keyWeights
	res, err := s.evaluate(rs, map[string]any{
		"决策权重": w.Decision, "过程权重": w.Process, "产出权重": w.Output, "效益权重": w.Benefit})
	if err != nil {
		return err
	}
	ok, err := value(rs, res, "权重有效", rules.TypeBool)
	if err != nil {
		return err
	}
	if ok.Bool() {
		return nil
	}
	share, err := value(rs, res, "产出效益占比", rules.TypeDecimal)
	if err != nil {
		return err
	}
	return fmt.Errorf("重点评价权重不合规定：产出 %s + 效益 %s 占总权重的 %s（规则集 %s）",
		w.Output, w.Benefit, amount.FormatPercent(share.Decimal(), 2), rs.ID())
}
