package tables

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// Batch settings. The zero Batch uses every core and chunks of DefaultChunk items.
type Batch struct {
	Workers int // goroutines running the work; 0 means runtime.GOMAXPROCS(0)
	Chunk   int // items handed to a worker at a time; 0 means DefaultChunk
}

// DefaultChunk is large enough that handing work between goroutines costs little beside the
// work itself, and small enough that a chunk in flight holds little memory.
const DefaultChunk = 256

// chunk is a run of items read in order, with their results once worked.
type chunk[In, Out any] struct {
	seq  int
	in   []In
	out  []Out
	done chan struct{}
}

// Map reads items from next until it returns io.EOF, runs work on each across b.Workers
// goroutines, and hands every result to emit in the order the items were read, from the
// calling goroutine. Each worker calls newWork once for its own work function, so it can keep
// what it reuses (a rules.Result) without locks. Memory is flat in the number of items: at most 2×Workers chunks are in
// flight. Every item read reaches emit exactly once unless Map stops early, which it does,
// returning the error, when next fails with anything but io.EOF, emit fails, or ctx is done.
// An item's own failure belongs in Out. A panic in next or in a work function is recovered on
// its goroutine and returned as the error, naming the item; a panic in emit, which runs on the
// caller's goroutine, is the caller's and propagates as usual.
func Map[In, Out any](ctx context.Context, b Batch, next func() (In, error), newWork func() func(In) Out, emit func(Out) error) (int, error) {
	if ctx == nil || next == nil || newWork == nil || emit == nil {
		return 0, errors.New("tables.Map：ctx、next、newWork 和 emit 都不能为 nil")
	}
	workers, size := b.Workers, b.Chunk
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if size <= 0 {
		size = DefaultChunk
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	todo := make(chan *chunk[In, Out])
	ordered := make(chan *chunk[In, Out], 2*workers) // its capacity bounds the chunks in flight
	var readErr error
	var panicked firstError
	go func() {
		defer close(ordered)
		defer close(todo)
		defer func() { panicked.keep(recover(), cancel, "next", -1) }()
		readErr = readChunks(ctx, next, size, todo, ordered)
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		work := newWork()
		go func() {
			defer wg.Done()
			for c := range todo {
				if !runChunk(c, size, work, &panicked, cancel) {
					return
				}
			}
		}()
	}
	n, err := emitInOrder(ctx, ordered, emit)
	cancel()
	for range ordered { // let the reader finish and the workers drain
	}
	wg.Wait()
	if perr := panicked.get(); perr != nil {
		return n, perr // the cancellation it caused is not the cause
	}
	if err == nil {
		err = readErr
	}
	return n, err
}

// runChunk works one chunk and reports whether it finished. A panic in work does not take the
// process down from a goroutine the caller cannot recover in, nor leave emit waiting for the
// chunk: it is kept as Map's error, naming the item (counted from 1 in reading order), and
// the run is cancelled.
func runChunk[In, Out any](c *chunk[In, Out], size int, work func(In) Out, panicked *firstError, cancel func()) (ok bool) {
	j := 0
	defer func() {
		if !ok {
			panicked.keep(recover(), cancel, "work", c.seq*size+j+1)
		}
	}()
	for ; j < len(c.in); j++ {
		c.out[j] = work(c.in[j])
	}
	close(c.done)
	return true
}

// firstError keeps the first panic of a run's goroutines as an error.
type firstError struct {
	mu  sync.Mutex
	err error
}

// keep turns r, what recover returned from a panic of fn (nil when there was none), into the
// run's error and cancels the run. item is the item being worked on, or -1 when there is none.
func (f *firstError) keep(r any, cancel func(), fn string, item int) {
	if r == nil {
		return
	}
	err := fmt.Errorf("tables.Map：%s 函数 panic：%v", fn, r)
	if item > 0 {
		err = fmt.Errorf("tables.Map：处理第 %d 项时 %s 函数 panic：%v", item, fn, r)
	}
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
	cancel()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// readChunks reads items in chunks and queues each chunk twice: for a worker, and in reading
// order for emit. It stops at io.EOF, on a read error (returned) or when ctx is done.
func readChunks[In, Out any](ctx context.Context, next func() (In, error), size int, todo, ordered chan<- *chunk[In, Out]) error {
	for seq := 0; ; seq++ {
		c := &chunk[In, Out]{seq: seq, done: make(chan struct{})}
		var err error
		for len(c.in) < size {
			var item In
			if item, err = next(); err != nil {
				break
			}
			c.in = append(c.in, item)
		}
		if len(c.in) > 0 {
			c.out = make([]Out, len(c.in))
			select {
			case ordered <- c:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case todo <- c:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// emitInOrder hands results to emit chunk by chunk, in reading order.
func emitInOrder[In, Out any](ctx context.Context, ordered <-chan *chunk[In, Out], emit func(Out) error) (int, error) {
	n := 0
	for c := range ordered {
		select {
		case <-c.done:
		case <-ctx.Done():
			return n, ctx.Err()
		}
		for _, out := range c.out {
			if err := emit(out); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, ctx.Err()
}
