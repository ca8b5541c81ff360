package tables_test

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

// same gives every worker the same work function.
func same(f func(int) int) func() func(int) int { return func() func(int) int { return f } }

// counter yields 0, 1, …, n-1 then io.EOF.
func counter(n int) func() (int, error) {
	i := 0
	return func() (int, error) {
		if i >= n {
			return 0, io.EOF
		}
		i++
		return i - 1, nil
	}
}

func TestMapKeepsOrderAndEveryItem(t *testing.T) {
	rows := []struct {
		reason string
		n      int
		b      tables.Batch
	}{
		{"nothing to do", 0, tables.Batch{}},
		{"fewer items than a chunk", 5, tables.Batch{Workers: 4}},
		{"many chunks over more workers than cores, with a last short chunk", 10_007, tables.Batch{Workers: 8, Chunk: 64}},
		{"one worker, chunks of one", 300, tables.Batch{Workers: 1, Chunk: 1}},
		{"defaults", 2_000, tables.Batch{}},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			var got []int
			// Uneven work so that later chunks often finish first.
			work := func(i int) int {
				if i%7 == 0 {
					runtime.Gosched()
				}
				return i * 2
			}
			n, err := tables.Map(context.Background(), tt.b, counter(tt.n), same(work), func(v int) error {
				got = append(got, v)
				return nil
			})
			require.NoError(t, err)
			assert.Equal(t, tt.n, n)
			require.Len(t, got, tt.n)
			for i, v := range got {
				require.Equal(t, 2*i, v, "result %d out of order", i)
			}
		})
	}
}

func TestMapStops(t *testing.T) {
	boom := errors.New("boom")
	t.Run("a read failure is returned after the items before it", func(t *testing.T) {
		next := counter(1000)
		failing := func() (int, error) {
			i, err := next()
			if i == 500 {
				return 0, boom
			}
			return i, err
		}
		var emitted int
		n, err := tables.Map(context.Background(), tables.Batch{Workers: 2, Chunk: 16}, failing, same(func(i int) int { return i }),
			func(int) error { emitted++; return nil })
		assert.ErrorIs(t, err, boom)
		assert.Equal(t, emitted, n)
		assert.Equal(t, 500, n, "the items read before the failure are all emitted")
	})
	t.Run("an emit failure stops the run", func(t *testing.T) {
		var worked atomic.Int64
		n, err := tables.Map(context.Background(), tables.Batch{Workers: 2, Chunk: 8}, counter(1_000_000),
			same(func(i int) int { worked.Add(1); return i }),
			func(v int) error {
				if v == 100 {
					return boom
				}
				return nil
			})
		assert.ErrorIs(t, err, boom)
		assert.Equal(t, 100, n)
		assert.Less(t, worked.Load(), int64(10_000), "work stops soon after: chunks in flight are bounded")
	})
	t.Run("cancelling the context stops the run", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		endless := func() (int, error) { return 1, nil }
		done := make(chan error, 1)
		var emitted atomic.Int64
		go func() {
			_, err := tables.Map(ctx, tables.Batch{Workers: 2}, endless, same(func(i int) int { return i }),
				func(int) error { emitted.Add(1); return nil })
			done <- err
		}()
		for emitted.Load() < 1000 {
			runtime.Gosched()
		}
		cancel()
		select {
		case err := <-done:
			assert.ErrorIs(t, err, context.Canceled)
		case <-time.After(10 * time.Second):
			t.Fatal("Map did not stop after cancel")
		}
	})
	t.Run("nil arguments are errors, not panics", func(t *testing.T) {
		_, err := tables.Map[int, int](context.Background(), tables.Batch{}, nil, nil, nil)
		assert.Error(t, err)
	})
}

func TestMapPanics(t *testing.T) {
	rows := []struct {
		reason  string
		next    func() (int, error)
		work    func(int) int
		wantErr string
	}{
		{"a panic in a work function is the run's error, naming the item, not a crash or a hang",
			counter(10_000), func(i int) int {
				if i == 777 {
					panic("bad record")
				}
				return i
			}, "处理第 778 项时 work 函数 panic：bad record"},
		{"a panic in next is the run's error too",
			func() func() (int, error) {
				next := counter(10_000)
				return func() (int, error) {
					i, err := next()
					if i == 5000 {
						panic("bad source")
					}
					return i, err
				}
			}(), func(i int) int { return i }, "next 函数 panic：bad source"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			done := make(chan error, 1)
			var emitted []int
			go func() {
				_, err := tables.Map(context.Background(), tables.Batch{Workers: 2, Chunk: 16}, tt.next, same(tt.work),
					func(v int) error { emitted = append(emitted, v); return nil })
				done <- err
			}()
			select {
			case err := <-done:
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.NotErrorIs(t, err, context.Canceled, "the panic is the cause, not the cancellation it caused")
				for i, v := range emitted {
					require.Equal(t, i, v, "what was emitted before the panic is in order")
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Map hung after a panic")
			}
		})
	}
}
