package rules

import (
	"bytes"
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// Result holds every result of one record, in the program's declaration order. Reuse one
// Result across records (Program.EvalInto, Binding.EvalInto) to evaluate without allocating.
// Make one with Program.NewResult: it belongs to that program. The zero Result (new(Result))
// belongs to none, so every evaluation into it is an ErrMisuse error, and reading it finds
// nothing.
type Result struct {
	prog  *Program
	slow  bool // numbers are in decs (the record went the decimal.Decimal way), else in nums
	nums  []fixed.Num
	decs  []decimal.Decimal
	strs  []string
	bools []bool
	dates []int32
	lists [][]decimal.Decimal
}

// Get returns the named result; false when there is none of that name (or r is nil).
func (r *Result) Get(name string) (Value, bool) {
	if r == nil || r.prog == nil {
		return Value{}, false
	}
	i, ok := r.prog.index[name]
	if !ok {
		return Value{}, false
	}
	return r.Value(i), true
}

// Value returns the i-th result in declaration order, or the zero Value (TypeInvalid) when
// there is no i-th result; At says why.
func (r *Result) Value(i int) Value {
	if i < 0 || i >= r.Len() {
		return Value{}
	}
	switch r.prog.outputs[i].typ.kind() {
	case TypeDecimal:
		if r.slow {
			return NumberOf(r.decs[i])
		}
		return fastValue(r.nums[i])
	case TypeString:
		return TextOf(r.strs[i])
	case TypeBool:
		return BoolOf(r.bools[i])
	case TypeDate:
		return dateValue(r.dates[i])
	case TypeList:
		return listValue(r.lists[i])
	}
	return Value{}
}

// At is Value for callers that want a wrong index reported: an index out of range, or a nil
// or empty Result, is an error with code ErrMisuse.
func (r *Result) At(i int) (Value, error) {
	if i < 0 || i >= r.Len() {
		return Value{}, errIndex(i, r.Len())
	}
	return r.Value(i), nil
}

// Len is the number of results (0 for a nil Result).
func (r *Result) Len() int {
	if r == nil || r.prog == nil {
		return 0
	}
	return len(r.prog.outputs)
}

// Names lists the result names in declaration order.
func (r *Result) Names() []string {
	if r == nil {
		return nil
	}
	return r.prog.Names()
}

// MarshalJSON writes the results as one JSON object in declaration order; numbers are
// strings, exact. A nil Result is JSON null, as encoding/json writes it.
func (r *Result) MarshalJSON() ([]byte, error) {
	if r == nil {
		return []byte("null"), nil
	}
	if r.prog == nil {
		return []byte("{}"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, o := range r.prog.outputs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(o.name)
		v, err := r.Value(i).MarshalJSON()
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
