package rules

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// frame holds one record's values while it is evaluated. Frames are pooled per program and
// reused, so evaluating a record allocates nothing on the fast path. A frame is used by one
// goroutine at a time.
type frame struct {
	fast     []fixed.Num
	slow     []decimal.Decimal
	strs     []string
	bools    []bool
	dates    []int32
	lists    [][]decimal.Decimal
	lazy     []bool // number inputs held only in fast (an int field): converted if the slow path runs
	err      *Error // first run-time error of this record
	overflow bool   // the fast path could not hold a value: recompute with decimal.Decimal
	trace    *[]TraceStep
	args     []Value // scratch for vendor function arguments
}

func newFrame(slots, args int) *frame {
	return &frame{
		args:  make([]Value, args),
		fast:  make([]fixed.Num, slots),
		slow:  make([]decimal.Decimal, slots),
		strs:  make([]string, slots),
		bools: make([]bool, slots),
		dates: make([]int32, slots),
		lists: make([][]decimal.Decimal, slots),
		lazy:  make([]bool, slots),
	}
}

// fail records the first run-time error, positioned at the node that caused it.
func (f *frame) fail(n *node, code Code, msg string) {
	if f.err == nil {
		at := n.at
		if at < n.from || at > n.to {
			at = n.from
		}
		f.err = n.src.errAt(code, at, n.to, msg)
	}
}

// reset clears per-record state; slot values are overwritten by the next record.
func (f *frame) reset() {
	f.err, f.overflow, f.trace = nil, false, nil
	for i := range f.lists {
		f.lists[i] = nil
	}
	for i := range f.strs {
		f.strs[i] = ""
	}
}

// error returns the record's run-time error as an error value (nil when there is none).
func (f *frame) error() error {
	if f.err == nil {
		return nil
	}
	return f.err
}
