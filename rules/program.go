package rules

import (
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// Program is a compiled set of results (one for Compile, several for Build), made only by
// those two. It is immutable and safe for concurrent use; evaluating a record through a
// Binding allocates nothing on the fast path.
type Program struct {
	lim      limits
	inputs   []*symbol
	missing  map[*symbol]*Error // an input's first use, reported when a record lacks it
	outputs  []output
	byKind   [TypeList + 1][]output // the outputs of each kind, for collect
	index    map[string]int
	fast     func(*frame)
	slow     func(*frame)
	nslots   int
	nodes    int // syntax-tree nodes compiled, for Nodes
	nargs    int // vendor-call argument slots a frame needs
	frames   sync.Pool
	traceRun func() func(*frame) // builds the explaining program on first use
	traced   func(*frame)
	once     sync.Once
}

// output is one named result and the slot it is computed into.
type output struct {
	name  string
	typ   Type
	slot  int
	index int // position among the results
}

// Nodes is the number of syntax-tree nodes the program was compiled from: a measure of what
// compiling it cost, for callers that compile many programs and keep a budget.
func (p *Program) Nodes() int {
	if p == nil {
		return 0
	}
	return p.nodes
}

// Names lists the program's results in declaration order ("" for a stand-alone expression);
// nil for a nil Program.
func (p *Program) Names() []string {
	if p == nil {
		return nil
	}
	out := make([]string, len(p.outputs))
	for i, o := range p.outputs {
		out[i] = o.name
	}
	return out
}

// Index gives a result's position, for Result.Value(i) without a map lookup per record;
// -1 if there is no result of that name (or p is nil).
func (p *Program) Index(name string) int {
	if p == nil {
		return -1
	}
	if i, ok := p.index[name]; ok {
		return i
	}
	return -1
}

// Type gives a result's type, or TypeInvalid if there is no result of that name (or p is nil).
func (p *Program) Type(name string) Type {
	if p == nil {
		return TypeInvalid
	}
	if i, ok := p.index[name]; ok {
		return p.outputs[i].typ
	}
	return TypeInvalid
}

// Inputs lists the declared inputs (none for a nil Program).
func (p *Program) Inputs() []Input {
	if p == nil {
		return nil
	}
	out := make([]Input, len(p.inputs))
	for i, s := range p.inputs {
		out[i] = Input{Name: s.name, Type: s.typ}
	}
	return out
}

// exec evaluates one record whose inputs load writes into the frame. It runs fast, and
// recomputes the record with slow when a value did not fit 128 bits (or fast is nil).
// The frame must be reset and loaded first.
func (p *Program) exec(f *frame, fast, slow func(*frame)) (usedSlow bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			usedSlow, err = false, internalError(r)
		}
	}()
	if fast != nil && !f.overflow {
		fast(f)
		if !f.overflow {
			return false, f.error()
		}
	}
	f.err, f.overflow = nil, false
	for _, s := range p.inputs {
		if f.lazy[s.slot] {
			f.slow[s.slot], f.lazy[s.slot] = f.fast[s.slot].Decimal(), false
		}
	}
	slow(f)
	return true, f.error()
}

// collect copies the results out of the frame into res, by kind: copying 32-byte numbers
// into typed arrays is much cheaper per record than building a Value for each result.
func (p *Program) collect(f *frame, slow bool, res *Result) {
	res.slow = slow
	for _, o := range p.byKind[TypeDecimal] {
		if slow {
			res.decs[o.index] = f.slow[o.slot]
		} else {
			res.nums[o.index] = f.fast[o.slot]
		}
	}
	for _, o := range p.byKind[TypeString] {
		res.strs[o.index] = f.strs[o.slot]
	}
	for _, o := range p.byKind[TypeBool] {
		res.bools[o.index] = f.bools[o.slot]
	}
	for _, o := range p.byKind[TypeDate] {
		res.dates[o.index] = f.dates[o.slot]
	}
	for _, o := range p.byKind[TypeList] {
		res.lists[o.index] = f.lists[o.slot]
	}
}

func (p *Program) frame() *frame { return p.frames.Get().(*frame) }

// release returns a frame to the pool. It is reset when next taken, not here: a pooled frame
// may keep the last record's strings a little longer, and each record saves a pass.
func (p *Program) release(f *frame) {
	f.trace = nil // never keep a caller's trace slice alive
	p.frames.Put(f)
}

// EvalValue evaluates a stand-alone expression (or the first result of a Build) with inputs
// given by name. Values may be decimal.Decimal, integers, strings holding numbers,
// bool, time.Time, []decimal.Decimal or Value; float64 is refused. A nil Program is an
// ErrMisuse error.
func (p *Program) EvalValue(vars map[string]any) (Value, error) {
	res, err := p.EvalResult(vars)
	if err != nil {
		return Value{}, err
	}
	return res.At(0)
}

// EvalResult evaluates every result with inputs given by name.
func (p *Program) EvalResult(vars map[string]any) (*Result, error) {
	if !p.usable() {
		return nil, errNoProgram()
	}
	res := p.NewResult()
	return res, p.EvalInto(vars, res)
}

// EvalInto is EvalResult writing into res, a Result from p.NewResult reused across records.
func (p *Program) EvalInto(vars map[string]any, res *Result) error {
	if err := p.checkCall(res); err != nil {
		return err
	}
	f := p.frame()
	defer p.release(f)
	f.reset()
	if err := p.loadMap(f, vars); err != nil {
		return err
	}
	slow, err := p.exec(f, p.fast, p.slow)
	if err != nil {
		return err
	}
	p.collect(f, slow, res)
	return nil
}

// NewResult makes a Result to reuse across records with EvalInto or a Binding. A nil Program
// gives an empty Result that every evaluation refuses.
func (p *Program) NewResult() *Result {
	if p == nil {
		return &Result{}
	}
	n := len(p.outputs)
	return &Result{prog: p, nums: make([]fixed.Num, n), decs: make([]decimal.Decimal, n), strs: make([]string, n),
		bools: make([]bool, n), dates: make([]int32, n), lists: make([][]decimal.Decimal, n)}
}

// internalError reports a broken invariant of the engine (a recovered panic) as an error,
// never a crash. It has no position: the fault is the engine's, not the rule text's.
func internalError(r any) error {
	cause, _ := r.(error)
	return &Error{Code: ErrInternal, cause: cause,
		Msg: fmt.Sprintf("规则引擎内部错误，请把规则和数据报告给开发者：%v", r)}
}

// errForeignResult is returned when a Result made by one program is passed to another.
func errForeignResult() *Error {
	return &Error{Code: ErrMisuse, Msg: "Result 不属于这个程序：请用同一个 Program 的 NewResult 创建"}
}
