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
// outcome's band are an error naming the band. Assessed points are marks out of ind.Points:
// the band is checked there, and when points differ they count in proportion (18 of 20
// scores 27 of 30).
func (s *Scorer) ScoreIndicator(ind Indicator, points decimal.Decimal) (IndicatorScore, error) {
	if err := s.ready(); err != nil {
		return IndicatorScore{}, err
	}
	if err := ind.checkKinds(); err != nil {
		return IndicatorScore{}, err
	}
	if ind.Nature == Qualitative && ind.Outcome == NoOutcome {
		return IndicatorScore{}, fmt.Errorf("定性指标 %s 缺少完成情况（达成、部分达成或未达成）", ind.Name)
	}
	if ind.Nature == Assessed && !ind.Assessed.Valid {
		return IndicatorScore{}, fmt.Errorf("评分指标 %s 缺少评定得分", ind.Name)
	}
	rs := s.indicator
	assessed, scaled := ind.Assessed, false
	if assessed.Valid && ind.Points.IsPositive() && !points.Equal(ind.Points) {
		// The assessor marked the row out of its form points (18 of 20, 达成): the band is
		// checked there, and the marks keep their share of the rescaled points (27 of 30).
		// Checked against the rescaled band instead, 18 would be refused as under 达成's 24.
		if _, err := s.ScoreIndicator(ind, ind.Points); err != nil {
			return IndicatorScore{}, err
		}
		assessed = decimal.NewNullDecimal(assessed.Decimal.Mul(points).DivRound(ind.Points, averagePlaces))
		scaled = true
	}
	v, err := s.evalIndicator(ind, points, assessed)
	if err != nil {
		return IndicatorScore{}, err
	}
	if !v[0].Bool() && scaled {
		// Inside the band on the form's points, outside it only by the rule set's rounding of
		// the rescaled band's ends (16 of 20 against round(0.8 × 33.33…, 2) = 26.67): the edge.
		assessed = decimal.NewNullDecimal(decimal.Min(decimal.Max(assessed.Decimal, v[3].Decimal()), v[4].Decimal()))
		if v, err = s.evalIndicator(ind, points, assessed); err != nil {
			return IndicatorScore{}, err
		}
	}
	if !v[0].Bool() {
		return IndicatorScore{}, fmt.Errorf("指标 %s：%w", ind.Name, bandError(rs.ID(), v[3], v[4], ind))
	}
	out := IndicatorScore{Indicator: ind, Points: points, Completion: v[1].Decimal(), Score: v[2].Decimal()}
	if out.Score.IsNegative() {
		return IndicatorScore{}, fmt.Errorf("指标 %s：规则集 %s 给出负分 %s", ind.Name, rs.ID(), out.Score)
	}
	if ind.Nature == Assessed && !out.Score.Equal(assessed.Decimal) {
		// An indicator rule set written before 评分 existed would score it as a quantitative
		// row with a target of 0, full marks: refuse that instead of a silent wrong figure.
		return IndicatorScore{}, fmt.Errorf("指标 %s：规则集 %s 给评分指标打了 %s 分，不是评定得分 %s；它可能不认识指标性质“评分”",
			ind.Name, rs.ID(), out.Score, assessed.Decimal)
	}
	return out, nil
}

// evalIndicator runs the indicator rule set on one row: 评定有效, 完成率, 得分 and the band.
func (s *Scorer) evalIndicator(ind Indicator, points decimal.Decimal, assessed decimal.NullDecimal) ([5]rules.Value, error) {
	rec := indicatorRecord{Nature: ind.Nature.String(), Direction: ind.Direction.String(),
		Target: ind.Target, Actual: ind.Actual, Points: points, Outcome: ind.Outcome.String(),
		HasAssessed: assessed.Valid, Assessed: assessed.Decimal}
	var v [5]rules.Value
	if err := s.indicatorB.eval(&rec, v[:]); err != nil {
		return v, fmt.Errorf("指标 %s：%w", ind.Name, err)
	}
	return v, nil
}

// bandError says which band an assessed score missed.
func bandError(id string, low, high rules.Value, ind Indicator) error {
	band := "“" + ind.Outcome.String() + "”的 "
	if ind.Nature == Assessed {
		band = " "
	}
	return fmt.Errorf("评定得分 %s 不在%s%s—%s 分之间（规则集 %s）", ind.Assessed.Decimal, band, low, high, id)
}

// checkKinds refuses a nature, direction or outcome outside the declared constants (a caller's
// Nature(9)): the rule set would read its text, "Nature(9)", as no nature it knows and fall
// through to a row that may give full marks.
func (ind Indicator) checkKinds() error {
	switch {
	case ind.Nature < AtLeast || ind.Nature > Assessed:
		return fmt.Errorf("指标 %s 的指标性质 %s 无效：应为 ≥、≤、=、定性 或 评分", ind.Name, ind.Nature)
	case ind.Direction != HigherIsBetter && ind.Direction != LowerIsBetter:
		return fmt.Errorf("指标 %s 的指标方向 Direction(%d) 无效：应为 正向 或 反向", ind.Name, int(ind.Direction))
	case ind.Outcome < NoOutcome || ind.Outcome > NotAchieved:
		return fmt.Errorf("指标 %s 的完成情况 %s 无效：应为 达成、部分达成 或 未达成", ind.Name, ind.Outcome)
	}
	return nil
}
