package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// Graded is a score with its grade. The grade follows the score as a report shows it
// (Shown, rounded by the grade rule set's 显示位数), so 89.995 shows as 90.00 and is 优.
// The zero Graded is a score of 0 that was never graded: its Grade is Ungraded.
type Graded struct {
	Score decimal.Decimal // as given
	Shown decimal.Decimal // as a report shows it
	Grade Grade
}

// ShownText is the shown score with the places the rule set rounded it to: "96.03".
func (g Graded) ShownText() string {
	return amount.FormatDecimal(g.Shown, max(-g.Shown.Exponent(), 0))
}

// Grade grades a score (总分, out of 100) with the profile's grade bands.
func (s *Scorer) Grade(score decimal.Decimal) (Graded, error) {
	if err := s.ready(); err != nil {
		return Graded{}, err
	}
	var v [2]rules.Value
	if err := s.gradeB.eval(&gradeRecord{Score: score}, v[:]); err != nil {
		return Graded{}, err
	}
	g, err := ParseGrade(v[1].Text())
	if err != nil {
		return Graded{}, fmt.Errorf("规则集 %s：%w", s.grade.ID(), err)
	}
	return Graded{Score: score, Shown: v[0].Decimal(), Grade: g}, nil
}
