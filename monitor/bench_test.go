package monitor_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/monitor/internal/synth"
)

// benchRecords is August's synthetic table, 351 projects.
func benchRecords(b *testing.B) ([]monitor.Record, *monitor.Profile) {
	b.Helper()
	rows := readCSV(b, "../testdata/monitor/synthetic-2024-08.csv")
	if len(rows) != 352 || rows[0][0] != synth.Header()[0] {
		b.Fatalf("unexpected fixture: %d rows", len(rows))
	}
	recs := make([]monitor.Record, 0, len(rows)-1)
	for i, r := range rows[1:] {
		bud, err1 := amount.ParseAmount(r[5], amount.Wan)
		sp, err2 := amount.ParseAmount(r[6], amount.Wan)
		if err1 != nil || err2 != nil {
			b.Fatal(err1, err2)
		}
		recs = append(recs, monitor.Record{Row: i + 2, ID: r[0], Budget: bud, Spent: sp})
	}
	return recs, minfeng(b, day(2024, 8, 31))
}

// BenchmarkGradeBatch grades August's 351 projects with the Minfeng rule set.
func BenchmarkGradeBatch(b *testing.B) {
	recs, p := benchRecords(b)
	at := day(2024, 8, 31)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run, err := p.Run(context.Background(), at, recs)
		if err != nil || len(run.Graded) != len(recs) {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeBatchBaseline is the same grading written by hand in Go with the same
// decimals (the rule set's formulas, fixed for August): what the rule engine costs on top.
func BenchmarkGradeBatchBaseline(b *testing.B) {
	recs, p := benchRecords(b)
	run, err := p.Run(context.Background(), day(2024, 8, 31), recs)
	if err != nil {
		b.Fatal(err)
	}
	for i, g := range baselineGrades(recs) {
		if g != run.Graded[i].Grade.Name {
			b.Fatalf("baseline grades %s %s, the rule set %s", recs[i].ID, g, run.Graded[i].Grade.Name)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(baselineGrades(recs)) != len(recs) {
			b.Fatal("lost a record")
		}
	}
}

func baselineGrades(recs []monitor.Record) []string {
	expected := decimal.NewFromInt(8).DivRound(decimal.NewFromInt(12), 20)
	limit := decimal.New(2, -1)
	grades := make([]string, 0, len(recs))
	for _, r := range recs {
		rate := r.Spent.In(amount.Wan).Value().DivRound(r.Budget.In(amount.Wan).Value(), 20)
		dev := decimal.Max(expected.Sub(rate), decimal.Zero).DivRound(expected, 20).Round(4)
		switch {
		case dev.IsZero():
			grades = append(grades, "优")
		case dev.LessThanOrEqual(limit):
			grades = append(grades, "良")
		default:
			grades = append(grades, "差")
		}
	}
	return grades
}
