package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Nature is an indicator's 指标性质. The zero Nature is AtLeast (≥), the commonest kind.
type Nature int

// The natures a 自评表 uses.
const (
	AtLeast     Nature = iota // ≥: higher is better, met at the target
	AtMost                    // ≤: lower is better, met at or under the target
	Equal                     // =: met at the target exactly
	Qualitative               // 定性: 达成, 部分达成 or 未达成
	Assessed                  // 评分: the assessor's points by the form's criteria (重点评价's 决策 and 过程 items)
)

var natureNames = [...]string{AtLeast: "≥", AtMost: "≤", Equal: "=", Qualitative: "定性", Assessed: "评分"}

// String is the nature as the form writes it: ≥, ≤, =, 定性 or 评分.
func (n Nature) String() string {
	if n < AtLeast || int(n) >= len(natureNames) {
		return fmt.Sprintf("Nature(%d)", int(n))
	}
	return natureNames[n]
}

// ParseNature reads a nature as staff type it: ≥ or >= (also ＞＝ and 大于等于), ≤ or <=, = or
// ＝, 定性, 评分.
func ParseNature(s string) (Nature, error) {
	switch strings.TrimSpace(s) {
	case "≥", ">=", "＞＝", "大于等于", "不低于":
		return AtLeast, nil
	case "≤", "<=", "＜＝", "小于等于", "不高于":
		return AtMost, nil
	case "=", "＝", "等于":
		return Equal, nil
	case "定性":
		return Qualitative, nil
	case "评分":
		return Assessed, nil
	}
	return AtLeast, fmt.Errorf("无法识别的指标性质 %q：应为 ≥、≤、=、定性 或 评分", s)
}

// Direction is an indicator's 指标方向. The zero Direction is HigherIsBetter (正向).
type Direction int

// The directions.
const (
	HigherIsBetter Direction = iota // 正向
	LowerIsBetter                   // 反向
)

// String is the direction as the form writes it: 正向 or 反向. A value outside the two prints
// as Direction(n), so a forged direction is never shown as 正向.
func (d Direction) String() string {
	switch d {
	case HigherIsBetter:
		return "正向"
	case LowerIsBetter:
		return "反向"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// ParseDirection reads 正向 or 反向; empty text is the direction the nature implies.
func ParseDirection(s string, n Nature) (Direction, error) {
	switch strings.TrimSpace(s) {
	case "正向":
		return HigherIsBetter, nil
	case "反向":
		return LowerIsBetter, nil
	case "":
		if n == AtMost {
			return LowerIsBetter, nil
		}
		return HigherIsBetter, nil
	}
	return HigherIsBetter, fmt.Errorf("无法识别的指标方向 %q：应为 正向 或 反向", s)
}

// Outcome is a qualitative indicator's 完成情况. The zero Outcome is NoOutcome: a
// quantitative indicator has none.
type Outcome int

// The outcomes of a qualitative indicator.
const (
	NoOutcome    Outcome = iota
	Achieved             // 达成
	PartAchieved         // 部分达成
	NotAchieved          // 未达成
)

var outcomeNames = [...]string{NoOutcome: "", Achieved: "达成", PartAchieved: "部分达成", NotAchieved: "未达成"}

// String is the outcome as staff write it; empty for NoOutcome.
func (o Outcome) String() string {
	if o < NoOutcome || int(o) >= len(outcomeNames) {
		return fmt.Sprintf("Outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// ParseOutcome reads 达成, 部分达成 or 未达成.
func ParseOutcome(s string) (Outcome, error) {
	t := strings.TrimSpace(s)
	for o := Achieved; o <= NotAchieved; o++ {
		if outcomeNames[o] == t {
			return o, nil
		}
	}
	return NoOutcome, fmt.Errorf("无法识别的完成情况 %q：应为 达成、部分达成 或 未达成", s)
}

// Indicator is one row of a 绩效目标表: a 三级 indicator under its 一级 and 二级 headings.
// The zero Indicator is a ≥ indicator with no target, no points and no level names.
type Indicator struct {
	Level1, Level2, Name string // 一级 (产出/效益/满意度), 二级 (数量, 质量…), 三级: the indicator itself
	Nature               Nature
	Direction            Direction
	Target, Actual       decimal.Decimal // 指标值, 实际完成值 (quantitative)
	Unit                 string          // 度量单位
	Points               decimal.Decimal // 分值 (权重) as the form gives it
	Outcome              Outcome         // 完成情况 (qualitative)
	Assessed             decimal.NullDecimal
	// Assessed is the assessor's points for a qualitative indicator, if given, which must lie
	// inside the band its Outcome allows; an Assessed (评分) indicator must have them.
	NotApplicable bool // 不适用: dropped, and the others in its 一级 group rescaled
}

// Satisfaction is a 满意度 indicator's actual value: satisfied ÷ valid respondents, to 20
// places. No respondents is an error, not 0% or 100%.
func Satisfaction(satisfied, respondents int64) (decimal.Decimal, error) {
	if respondents <= 0 {
		return decimal.Decimal{}, fmt.Errorf("有效调查人数为 %d，无法计算满意度", respondents)
	}
	if satisfied < 0 || satisfied > respondents {
		return decimal.Decimal{}, fmt.Errorf("满意人数 %d 不在 0 到有效调查人数 %d 之间", satisfied, respondents)
	}
	return decimal.NewFromInt(satisfied).DivRound(decimal.NewFromInt(respondents), averagePlaces), nil
}
