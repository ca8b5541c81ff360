package rules

import (
	"bytes"
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// Result holds every result of one record, in the program's declaration order. Reuse one
// Result across records (Program.EvalInto, Binding.EvalInto) to evaluate without allocating.
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

// Get returns the named result.
func (r *Result) Get(name string) (Value, bool) {
	i, ok := r.prog.index[name]
	if !ok {
		return Value{}, false
	}
	return r.Value(i), true
}

// Value returns the i-th result in declaration order.
func (r *Result) Value(i int) Value {
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

// Len is the number of results.
func (r *Result) Len() int { return len(r.prog.outputs) }

// Names lists the result names in declaration order.
func (r *Result) Names() []string { return r.prog.Names() }

// MarshalJSON writes the results as one JSON object in declaration order; numbers are
// strings, exact.
func (r *Result) MarshalJSON() ([]byte, error) {
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
