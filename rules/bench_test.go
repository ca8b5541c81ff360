package rules_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// benchRecord is one project at a monitoring checkpoint.
type benchRecord struct {
	Budget decimal.Decimal `rule:"预算数"`
	Spent  decimal.Decimal `rule:"执行数"`
	Month  int             `rule:"月份"`
}

// handResult is what the hand-written pipeline produces for a record.
type handResult struct {
	rate, deviation, score decimal.Decimal
	grade                  string
}

var (
	twelve = decimal.NewFromInt(12)
	ten    = decimal.NewFromInt(10)
	one    = decimal.NewFromInt(1)
	zero   = decimal.Zero
	good   = decimal.RequireFromString("0.20")
)

// handwritten is the pipeline as a competent engineer writes it with shopspring/decimal:
// the baseline the rules side is measured against.
func handwritten(r *benchRecord) handResult {
	rate := r.Spent.DivRound(r.Budget, 20)
	progress := decimal.NewFromInt(int64(r.Month)).DivRound(twelve, 20)
	short := decimal.Max(zero, progress.Sub(rate))
	dev := short.DivRound(progress, 20).Round(4)
	grade := "差"
	switch {
	case dev.IsZero():
		grade = "优"
	case dev.LessThanOrEqual(good):
		grade = "良"
	}
	score := decimal.Min(rate, one).Mul(ten).Round(2)
	return handResult{rate: rate, deviation: dev, score: score, grade: grade}
}

// pipelineSpec is the same pipeline as a rule file holds it.
func pipelineSpec() rules.Spec {
	f := func(name, text string) rules.Formula { return rules.Formula{Name: name, Expr: rules.Expr{Text: text}} }
	when := func(text string) rules.Expr { return rules.Expr{Text: text} }
	return rules.Spec{
		Inputs: []rules.Input{{Name: "预算数", Type: rules.TypeDecimal}, {Name: "执行数", Type: rules.TypeDecimal}, {Name: "月份", Type: rules.TypeInt}},
		Consts: []rules.Const{{Name: "良上限", Value: rules.NumberOf(decimal.RequireFromString("0.20"))}},
		Formulas: []rules.Formula{
			f("执行率", "执行数 / 预算数"),
			f("序时进度", "月份 / 12"),
			f("偏差", "round(max(0, 序时进度 - 执行率) / 序时进度, 4)"),
			f("得分", "round(min(执行率, 1) * 10, 2)"),
		},
		Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{
			{When: when("偏差 == 0"), Then: rules.Outcome{Value: rules.TextOf("优")}},
			{When: when("偏差 <= 良上限"), Then: rules.Outcome{Value: rules.TextOf("良")}},
			{Else: true, Then: rules.Outcome{Value: rules.TextOf("差")}},
		}}},
	}
}

// benchRecords makes realistic records: budgets up to ten million with two decimals,
// spending from nothing to 120% of the budget, every month.
func benchRecords(n int, seed uint64) []benchRecord {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]benchRecord, n)
	for i := range out {
		budget := rng.Int64N(1_000_000_000) + 1
		spent := budget * rng.Int64N(12001) / 10000
		out[i] = benchRecord{
			Budget: decimal.New(budget, -2),
			Spent:  decimal.New(spent, -2),
			Month:  1 + rng.IntN(12),
		}
	}
	return out
}

var sinkHand handResult
var sinkErr error

func BenchmarkRecord(b *testing.B) {
	recs := benchRecords(4096, 1)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkHand = handwritten(&recs[i%len(recs)])
		}
	})
	b.Run("rules", func(b *testing.B) {
		p, err := rules.Build(pipelineSpec())
		if err != nil {
			b.Fatal(err)
		}
		bind, err := rules.Bind[benchRecord](p)
		if err != nil {
			b.Fatal(err)
		}
		res := p.NewResult()
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sinkErr = bind.EvalInto(&recs[i%len(recs)], res)
		}
	})
}

func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rules.Build(pipelineSpec()); err != nil {
			b.Fatal(err)
		}
	}
}
