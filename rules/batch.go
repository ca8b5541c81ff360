package rules

import (
	"context"
	"fmt"
)

// BatchStats accounts for every record of a batch: In == Out + len(Rejected), always.
type BatchStats struct {
	In       int
	Out      int
	Rejected []Rejected
}

// Rejected is one record that could not be evaluated, with its 1-based row number.
type Rejected struct {
	Row int
	Err error
}

// Error prints 第 N 行：原因.
func (r Rejected) Error() string { return fmt.Sprintf("第 %d 行：%v", r.Row, r.Err) }

// Unwrap gives the evaluation error.
func (r Rejected) Unwrap() error { return r.Err }

// EvalBatch evaluates recs in order, calling each with the row number (1-based) and the
// results of every record that evaluated; a record that failed is listed in the stats, not
// dropped. The Result passed to each is reused: copy what you keep. ctx cancels the batch
// between records (checked every 256 records); the stats then cover the rows done so far and
// the error is an *Error with code ErrCanceled that wraps ctx.Err(), so
// errors.Is(err, context.Canceled) (or context.DeadlineExceeded) holds too. A nil Binding or
// context is an ErrMisuse error, before any record is read.
func (b *Binding[T]) EvalBatch(ctx context.Context, recs []T, each func(row int, res *Result)) (BatchStats, error) {
	var st BatchStats
	switch {
	case b == nil || !b.prog.usable():
		return st, errNoBinding()
	case ctx == nil:
		return st, misuse("context 为 nil，请传入 context.Background()")
	}
	res := b.prog.NewResult()
	for i := range recs {
		if i%256 == 0 && ctx.Err() != nil {
			return st, &Error{Code: ErrCanceled, cause: ctx.Err(),
				Msg: fmt.Sprintf("计算被取消：已处理 %d 行，共 %d 行", i, len(recs))}
		}
		st.In++
		if err := b.EvalInto(&recs[i], res); err != nil {
			st.Rejected = append(st.Rejected, Rejected{Row: i + 1, Err: err})
			continue
		}
		st.Out++
		if each != nil {
			each(i+1, res)
		}
	}
	return st, nil
}
