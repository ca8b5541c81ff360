package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// IndicatorScore is one indicator's completion and score.
type IndicatorScore struct {
	Indicator  Indicator
	Points     decimal.Decimal // the points it is scored out of, after rescaling
	Completion decimal.Decimal // 完成率 (quantitative; may exceed 1, the score does not)
	Score      decimal.Decimal
}

// ScoreIndicator scores one indicator out of points (its form points, or rescaled ones) with
// the profile's indicator rule set. A qualitative indicator's assessed points outside its
// outcome's band are an error naming the band.
func (s *Scorer) ScoreIndicator(ind Indicator, points decimal.Decimal) (IndicatorScore, error) {
	if ind.Nature == Qualitative && ind.Outcome == NoOutcome {
		return IndicatorScore{}, fmt.Errorf("定性指标 %s 缺少完成情况（达成、部分达成或未达成）", ind.Name)
	}
	rs := s.indicator
	res, err := s.evaluate(rs, map[string]any{
		"性质": ind.Nature.String(), "方向": ind.Direction.String(),
		"指标值": ind.Target, "实际值": ind.Actual, "分值": points,
		"定性结果": ind.Outcome.String(), "有评定": ind.Assessed.Valid, "评定得分": ind.Assessed.Decimal,
	})
	if err != nil {
		return IndicatorScore{}, fmt.Errorf("指标 %s：%w", ind.Name, err)
	}
	valid, err := value(rs, res, "评定有效", rules.TypeBool)
	if err != nil {
		return IndicatorScore{}, err
	}
	if !valid.Bool() {
		return IndicatorScore{}, s.bandError(rs.ID(), res, ind)
	}
	out := IndicatorScore{Indicator: ind, Points: points}
	for _, f := range []struct {
		name string
		dst  *decimal.Decimal
	}{{"完成率", &out.Completion}, {"得分", &out.Score}} {
		v, err := value(rs, res, f.name, rules.TypeDecimal)
		if err != nil {
			return IndicatorScore{}, err
		}
		*f.dst = v.Decimal()
	}
	return out, nil
}

// bandError says which band an assessed score missed.
func (s *Scorer) bandError(id string, res *rules.Result, ind Indicator) error {
	low, _ := res.Get("定性下限")
	high, _ := res.Get("定性上限")
	return fmt.Errorf("指标 %s：评定得分 %s 不在“%s”的 %s—%s 分之间（规则集 %s）",
		ind.Name, ind.Assessed.Decimal, ind.Outcome, low, high, id)
}
