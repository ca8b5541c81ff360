package rules_test

import (
	"context"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestEvalBatchAccountsForEveryRow: rows in = rows out + rows rejected, each rejected row
// with its number and reason; a cancelled context stops the batch with R007.
func TestEvalBatchAccountsForEveryRow(t *testing.T) {
	p, err := rules.Build(pipelineSpec())
	require.NoError(t, err)
	b, err := rules.Bind[benchRecord](p)
	require.NoError(t, err)
	recs := benchRecords(1000, 3)
	recs[9].Budget = decimal.Zero   // row 10: division by zero
	recs[499].Budget = decimal.Zero // row 500
	rate := p.Index("执行率")
	seen := 0
	st, err := b.EvalBatch(context.Background(), recs, func(row int, res *rules.Result) {
		seen++
		assert.Equal(t, rules.TypeDecimal, res.Value(rate).Type())
	})
	require.NoError(t, err)
	assert.Equal(t, 1000, st.In)
	assert.Equal(t, st.In, st.Out+len(st.Rejected), "no row is lost")
	assert.Equal(t, st.Out, seen, "each row that evaluated was handed over")
	require.Len(t, st.Rejected, 2)
	assert.Equal(t, []int{10, 500}, []int{st.Rejected[0].Row, st.Rejected[1].Row})
	assert.True(t, errors.Is(st.Rejected[0], rules.ErrDivByZero), "%v", st.Rejected[0])
	assert.Contains(t, st.Rejected[0].Error(), "第 10 行")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st, err = b.EvalBatch(ctx, recs, nil)
	assert.True(t, errors.Is(err, rules.ErrCanceled), "%v", err)
	assert.Equal(t, st.In, st.Out+len(st.Rejected), "the rows done so far are still accounted for")
}
