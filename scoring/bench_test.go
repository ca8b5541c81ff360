package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
)

// BenchmarkExecution scores one project's execution rate through the rule set;
// BenchmarkExecutionBaseline computes the same figures by hand in Go, the cost of the
// arithmetic alone, so the ratio is what keeping policy in a rule file costs.
func BenchmarkExecution(b *testing.B) {
	s := scorer(b, scoring.Profile{})
	budget, spent := decimal.NewNullDecimal(dec(b, "940")), dec(b, "928.56")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execution(budget, spent); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExecutionBaseline(b *testing.B) {
	budget, spent := dec(b, "940"), dec(b, "928.56")
	one, ten, line := decimal.NewFromInt(1), decimal.NewFromInt(10), dec(b, "0.9")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rate := spent.DivRound(budget, 20)
		shown := amount.RoundHalfUp(rate, 4)
		score := amount.RoundHalfUp(decimal.Min(shown, one).Mul(ten), 2)
		if score.IsNegative() || shown.LessThan(line) || rate.GreaterThan(one) {
			b.Fatal("unexpected")
		}
	}
}

// BenchmarkGrade grades a score through the rule set; the baseline compares with the bands.
func BenchmarkGrade(b *testing.B) {
	s := scorer(b, scoring.Profile{})
	score := dec(b, "96.03")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Grade(score); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGradeBaseline(b *testing.B) {
	score := dec(b, "96.03")
	bands := []decimal.Decimal{decimal.NewFromInt(90), decimal.NewFromInt(80), decimal.NewFromInt(60)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		shown := amount.RoundHalfUp(score, 2)
		g := scoring.Poor
		for j, band := range bands {
			if shown.GreaterThanOrEqual(band) {
				g = scoring.Grade(j + 1)
				break
			}
		}
		if g != scoring.Excellent {
			b.Fatal(g)
		}
	}
}

// BenchmarkScoreIndicator scores one ≥ indicator through the rule set (bound to a record,
// no map); the baseline computes completion and score by hand.
func BenchmarkScoreIndicator(b *testing.B) {
	s := scorer(b, scoring.Profile{})
	ind := scoring.Indicator{Name: "培训人次", Target: dec(b, "100"), Actual: dec(b, "86")}
	points := dec(b, "20")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.ScoreIndicator(ind, points); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScoreIndicatorBaseline(b *testing.B) {
	target, actual, points := dec(b, "100"), dec(b, "86"), dec(b, "20")
	one := decimal.NewFromInt(1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		completion := actual.DivRound(target, 20)
		score := amount.RoundHalfUp(decimal.Max(decimal.Min(completion, one), decimal.Zero).Mul(points), 2)
		if score.IsNegative() {
			b.Fatal(score)
		}
	}
}
