package rules_test

import (
	"context"
	"errors"
	"testing"
	"time"

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

// TestEvalBatchCanceled: a cancelled batch is both a rules error (R007, no position: it is in
// no rule text) and the context's own error, so callers may test either.
func TestEvalBatchCanceled(t *testing.T) {
	p, err := rules.Build(pipelineSpec())
	require.NoError(t, err)
	b, err := rules.Bind[benchRecord](p)
	require.NoError(t, err)
	recs := benchRecords(600, 3)
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	canceled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	for _, c := range []struct {
		name   string
		ctx    context.Context
		want   error
		reason string
	}{
		{"取消", canceled, context.Canceled, "the platform cancelled the batch"},
		{"超时", expired, context.DeadlineExceeded, "the batch ran past its deadline"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			st, err := b.EvalBatch(c.ctx, recs, nil)
			e := onlyCode(t, err, rules.ErrCanceled)
			assert.ErrorIs(t, err, c.want)
			assert.Zero(t, e.Line)
			assert.Equal(t, "计算被取消：已处理 0 行，共 600 行", err.Error())
			assert.Zero(t, st.In)
		})
	}
}
