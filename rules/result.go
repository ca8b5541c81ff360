package rules

import (
	"bytes"
	"encoding/json"
)

// Result holds every result of one record, in the program's declaration order. Reuse one
// Result across records (Program.RunInto, Binding.Eval) to evaluate without allocating.
type Result struct {
	prog *Program
	vals []Value
}

// Get returns the named result.
func (r *Result) Get(name string) (Value, bool) {
	i, ok := r.prog.index[name]
	if !ok {
		return Value{}, false
	}
	return r.vals[i], true
}

// Value returns the i-th result in declaration order.
func (r *Result) Value(i int) Value { return r.vals[i] }

// Len is the number of results.
func (r *Result) Len() int { return len(r.vals) }

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
		v, err := r.vals[i].MarshalJSON()
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
