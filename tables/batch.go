package tables

import (
	"context"
	"errors"
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
// An item's own failure belongs in Out.
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
	go func() {
		defer close(ordered)
		defer close(todo)
		readErr = readChunks(ctx, next, size, todo, ordered)
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		work := newWork()
		go func() {
			defer wg.Done()
			for c := range todo {
				for j, item := range c.in {
					c.out[j] = work(item)
				}
				close(c.done)
			}
		}()
	}
	n, err := emitInOrder(ctx, ordered, emit)
	cancel()
	for range ordered { // let the reader finish and the workers drain
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return n, err
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
