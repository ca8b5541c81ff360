package scoring_test

import (
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

// TestScorerConcurrent shares one Scorer between goroutines: the bound rule sets reuse pooled
// Results, and each goroutine must still get its own record's figures (run with -race).
func TestScorerConcurrent(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 1; i <= 200; i++ {
				spent := decimal.NewFromInt(int64(i))
				e, err := s.Execution(decimal.NewNullDecimal(decimal.NewFromInt(200)), spent)
				if err != nil {
					errs[g] = err
					return
				}
				if !e.Spent.Equal(spent) || !e.Rate.Mul(decimal.NewFromInt(200)).Equal(spent) {
					errs[g] = assert.AnError
					return
				}
				if _, err := s.Grade(decimal.NewFromInt(int64(i % 100))); err != nil {
					errs[g] = err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	for g, err := range errs {
		require.NoError(t, err, "goroutine %d got another record's result or an error", g)
	}
}
