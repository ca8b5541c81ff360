package rules_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestConcurrentRecords shares one Program and one Binding between 8 goroutines, each
// evaluating its own records (with its own Result) and checking every figure against the
// hand-written shopspring pipeline of bench_test.go. Run it with -race.
func TestConcurrentRecords(t *testing.T) {
	p, err := rules.Build(pipelineSpec())
	require.NoError(t, err)
	bind, err := rules.Bind[benchRecord](p)
	require.NoError(t, err)

	perG := 20_000
	if testing.Short() {
		perG = 2_000
	}
	const goroutines = 8
	var wg sync.WaitGroup
	problems := make([][]string, goroutines)
	counts := make([]int, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			bad := func(format string, args ...any) {
				if len(problems[g]) < 10 {
					problems[g] = append(problems[g], fmt.Sprintf(format, args...))
				}
			}
			recs := benchRecords(perG, uint64(100+g))
			// Records that send the evaluation down the fallback path, and records that fail,
			// mixed in so that frames move between the paths and errors while others run.
			for i := 0; i < perG/50; i++ {
				huge := decimal.New(int64(1+i), 0).Mul(decimal.New(1, 38))
				recs = append(recs, benchRecord{Budget: huge, Spent: huge.Div(decimal.NewFromInt(3)).Round(2), Month: 1 + i%12})
				recs = append(recs, benchRecord{Budget: decimal.Zero, Spent: decimal.NewFromInt(5), Month: 6})
			}
			res := p.NewResult()
			for i := range recs {
				r := &recs[i]
				err := bind.EvalInto(r, res)
				counts[g]++
				if r.Budget.IsZero() {
					if rules.Errors(err) == nil || rules.Errors(err)[0].Code != rules.ErrDivByZero {
						bad("record %d: want division by zero, got %v", i, err)
					}
					continue
				}
				if err != nil {
					bad("record %d: %v", i, err)
					continue
				}
				want := handwritten(r)
				for name, w := range map[string]decimal.Decimal{"执行率": want.rate, "偏差": want.deviation, "得分": want.score} {
					v, _ := res.Get(name)
					if name == "执行率" {
						w = trimmed(w) // a quotient keeps only the places it needs
					}
					if v.String() != shown(w) || v.Decimal().Exponent() != w.Exponent() {
						bad("record %d %s: got %s, want %s", i, name, v, w)
					}
				}
				if v, _ := res.Get("等级"); v.Text() != want.grade {
					bad("record %d 等级: got %s, want %s", i, v.Text(), want.grade)
				}
				// Every 97th record also goes through the map API and Explain, which share the
				// program's frame pool and its lazily built explaining program.
				if i%97 == 0 {
					in := map[string]any{"预算数": r.Budget, "执行数": r.Spent, "月份": r.Month}
					run, err := p.EvalResult(in)
					if err != nil {
						bad("Run %d: %v", i, err)
						continue
					}
					ex, _, err := p.Explain(in)
					if err != nil {
						bad("Explain %d: %v", i, err)
						continue
					}
					for _, name := range p.Names() {
						a, _ := run.Get(name)
						b, _ := ex.Get(name)
						c, _ := res.Get(name)
						if !a.Equal(c) || a.String() != c.String() || !b.Equal(c) || b.String() != c.String() {
							bad("record %d %s: Run %s, Explain %s, Binding %s", i, name, a, b, c)
						}
					}
				}
			}
		}(g)
	}
	wg.Wait()
	total := 0
	for g := 0; g < goroutines; g++ {
		assert.Empty(t, problems[g], "goroutine %d", g)
		total += counts[g]
	}
	t.Logf("%d goroutines evaluated %d records on one Program and one Binding", goroutines, total)
}
