package tables_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/tables"
)

// project is one generated row of a monitoring table.
type project struct {
	Budget     decimal.Decimal `rule:"预算数"`
	Spent      decimal.Decimal `rule:"执行数"`
	Month      int             `rule:"月份"`
	Checkpoint time.Time       `rule:"监控日期"`
	Plan       decimal.Decimal `rule:"计划进度"` // the project's own plan; 0 is none
}

// graded is what a batch gives back for one project.
type graded struct {
	grade    string
	red      bool
	deadline time.Time
	err      error
}

var benchDay = time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)

// projects generates n projects at the August checkpoint, budgets of 1–1,000万元 to two places.
func projects(n int) []project {
	rng := rand.New(rand.NewPCG(2024, 8))
	out := make([]project, n)
	for i := range out {
		budget := decimal.New(100+rng.Int64N(100_000), -2)
		spent := budget.Mul(decimal.New(rng.Int64N(10_001), -4)).Round(2)
		out[i] = project{Budget: budget, Spent: spent, Month: 8, Checkpoint: benchDay}
	}
	return out
}

// handGrade is the Minfeng monitoring rule written by hand with shopspring/decimal, the way a
// platform would without jixiao: the baseline.
func handGrade(p project) graded {
	if p.Budget.Sign() <= 0 {
		return graded{err: fmt.Errorf("预算数为零")}
	}
	rate := p.Spent.DivRound(p.Budget, 20)
	progress := decimal.NewFromInt(int64(p.Month)).DivRound(decimal.NewFromInt(12), 20)
	dev := decimal.Max(progress.Sub(rate), decimal.Zero).DivRound(progress, 20).Round(4)
	g := graded{grade: "差"}
	switch {
	case dev.IsZero():
		g.grade = "优"
	case dev.LessThanOrEqual(decimal.New(20, -2)):
		g.grade = "良"
	}
	g.red = g.grade == "差" && p.Month == 8
	g.deadline = p.Checkpoint
	if g.red {
		g.deadline = p.Checkpoint.AddDate(0, 0, 30)
	}
	return g
}

// ruleWorker grades with the embedded minfeng-monitor rule set, one Result per worker.
func ruleWorker(b *rules.Binding[project], p *rules.Program) func() func(project) graded {
	return func() func(project) graded {
		res := p.NewResult()
		return func(rec project) graded {
			if err := b.EvalInto(&rec, res); err != nil {
				return graded{err: err}
			}
			grade, _ := res.Get("等级")
			red, _ := res.Get("红标")
			by, _ := res.Get("整改期限")
			return graded{grade: grade.Text(), red: red.Bool(), deadline: by.Time()}
		}
	}
}

func minfengBinding(tb testing.TB) (*rules.Binding[project], *rules.Program) {
	lib, err := rulesets.Library()
	require.NoError(tb, err)
	rs, err := lib.Get("minfeng-monitor", benchDay)
	require.NoError(tb, err)
	p, err := rs.Program(benchDay)
	require.NoError(tb, err)
	b, err := rules.Bind[project](p)
	require.NoError(tb, err)
	return b, p
}

// from yields the items of list, then io.EOF.
func from[T any](list []T) func() (T, error) {
	i := 0
	return func() (T, error) {
		var zero T
		if i >= len(list) {
			return zero, io.EOF
		}
		i++
		return list[i-1], nil
	}
}

// TestBatchAgreesWithHandwritten makes the benchmark honest: both sides grade alike.
func TestBatchAgreesWithHandwritten(t *testing.T) {
	b, p := minfengBinding(t)
	list := projects(20_000)
	i := 0
	_, err := tables.Map(context.Background(), tables.Batch{}, from(list), ruleWorker(b, p), func(g graded) error {
		want := handGrade(list[i])
		require.NoError(t, g.err)
		require.Equal(t, want.grade, g.grade, "project %d: %+v", i, list[i])
		require.Equal(t, want.red, g.red)
		require.True(t, want.deadline.Equal(g.deadline), "project %d deadline", i)
		i++
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, len(list), i)
}

// BenchmarkBatch grades 100,000 generated projects through the embedded minfeng-monitor rule
// set with tables.Map, against the same grading written by hand and run on one core.
func BenchmarkBatch(b *testing.B) {
	list := projects(100_000)
	bind, p := minfengBinding(b)
	b.Run("handwritten", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, rec := range list {
				if g := handGrade(rec); g.err != nil {
					b.Fatal(g.err)
				}
			}
		}
	})
	for _, workers := range []int{1, 0} {
		name := "rules-parallel"
		if workers == 1 {
			name = "rules-1worker"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				n, err := tables.Map(context.Background(), tables.Batch{Workers: workers}, from(list), ruleWorker(bind, p),
					func(g graded) error { return g.err })
				if err != nil || n != len(list) {
					b.Fatal(n, err)
				}
			}
		})
	}
}
