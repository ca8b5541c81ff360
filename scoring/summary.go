package scoring

import "github.com/shopspring/decimal"

// averagePlaces bounds the one division an average needs: 20 places, the precision the rule
// language keeps for a division that does not terminate. A report rounds far earlier.
const averagePlaces = 20

// Item is one graded project or unit, as a summary counts it. The zero Item is Ungraded
// with no funds: Summarize counts it under 未定级, outside the average.
type Item struct {
	Grade         Grade
	Score         decimal.Decimal // 评价得分
	Budget, Spent decimal.Decimal // 预算数, 执行数 (the funds a grade is said to involve are the budget)
}

// GradeTotal is the count and funds of one grade. The zero GradeTotal is no items of
// Ungraded.
type GradeTotal struct {
	Grade         Grade
	Count         int
	Budget, Spent decimal.Decimal
}

// Summary is a list's totals: by grade, best first, and overall. The zero Summary is an
// empty list. Count, Budget and Spent cover every item; Graded and ScoreSum only the graded
// ones, since an ungraded item has no score yet and its zero would pull the average down.
type Summary struct {
	Count         int
	ByGrade       []GradeTotal // 优, 良, 中, 差, then 未定级 if any item is ungraded
	Budget, Spent decimal.Decimal
	Graded        int             // items graded 优, 良, 中 or 差
	ScoreSum      decimal.Decimal // of the graded items
}

// Summarize counts and adds up items by grade.
func Summarize(items []Item) Summary {
	grades := Grades()
	totals := make([]GradeTotal, len(grades)+1)
	for i, g := range grades {
		totals[i].Grade = g
	}
	ungraded := len(grades)
	var s Summary
	for _, it := range items {
		i := int(it.Grade) - 1
		if it.Grade < Excellent || it.Grade > Poor {
			i = ungraded
		}
		totals[i].Count++
		totals[i].Budget = totals[i].Budget.Add(it.Budget)
		totals[i].Spent = totals[i].Spent.Add(it.Spent)
		s.Count++
		s.Budget = s.Budget.Add(it.Budget)
		s.Spent = s.Spent.Add(it.Spent)
		if i != ungraded {
			s.Graded++
			s.ScoreSum = s.ScoreSum.Add(it.Score)
		}
	}
	if totals[ungraded].Count == 0 {
		totals = totals[:ungraded]
	}
	s.ByGrade = totals
	return s
}

// Of is the total of one grade.
func (s Summary) Of(g Grade) GradeTotal {
	for _, t := range s.ByGrade {
		if t.Grade == g {
			return t
		}
	}
	return GradeTotal{Grade: g}
}

// AverageScore is the mean score of the graded items, to 20 places; false when none is graded.
func (s Summary) AverageScore() (decimal.Decimal, bool) {
	if s.Graded == 0 {
		return decimal.Decimal{}, false
	}
	return s.ScoreSum.DivRound(decimal.NewFromInt(int64(s.Graded)), averagePlaces), true
}

// OverallExecution is the list's execution rate as Σ执行数 ÷ Σ预算数 — not the mean of the
// rates, which would weigh a 100万元 project like a 10,000万元 one — with its score, by the
// profile's execution rule set.
func (s *Scorer) OverallExecution(sum Summary) (Execution, error) {
	if err := s.ready(); err != nil {
		return Execution{}, err
	}
	return s.Execution(decimal.NewNullDecimal(sum.Budget), sum.Spent)
}
