package scoring

import (
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// binder evaluates one rule set on records of type T, a struct whose fields carry the inputs
// in `rule:"名称"` tags. When every input the rule set reads has a field, records go through
// a rules.Binding: no map per record, and a Result reused from a pool. A vendor's rule set
// that reads an input T lacks (one it added with a default) goes through RuleSet.Evaluate
// with a map instead, so its defaults apply; the results are the same either way.
type binder[T any] struct {
	rs      *rulefile.RuleSet
	day     time.Time
	bind    *rules.Binding[T] // nil: the map path
	results sync.Pool         // *rules.Result of the binding's program
	outputs []output
	idx     []int // each output's position among the program's results
}

// output is a result a mechanism reads, and the type it needs.
type output struct {
	name string
	typ  rules.Type
}

// newBinder binds rs as in force on day, finding once where each output is and checking its
// type, so evaluating a record reads results by position.
func newBinder[T any](rs *rulefile.RuleSet, day time.Time, outputs ...output) (*binder[T], error) {
	prog, err := rs.Program(day)
	if err != nil {
		return nil, err
	}
	b := &binder[T]{rs: rs, day: day, outputs: outputs}
	for _, o := range outputs {
		i := prog.Index(o.name)
		if i < 0 {
			return nil, fmt.Errorf("规则集 %s（%s）没有给出 %s", rs.ID(), rs.File(), o.name)
		}
		if t := prog.Type(o.name); t != o.typ {
			return nil, fmt.Errorf("规则集 %s（%s）的 %s 应为%s，实为%s", rs.ID(), rs.File(), o.name, o.typ, t)
		}
		b.idx = append(b.idx, i)
	}
	if bind, err := rules.Bind[T](prog); err == nil {
		b.bind = bind
		b.results.New = func() any { return prog.NewResult() }
	}
	return b, nil
}

// eval evaluates rec and copies its outputs, in newBinder's order, into out.
func (b *binder[T]) eval(rec *T, out []rules.Value) error {
	if b.bind == nil {
		ev, err := b.rs.Evaluate(b.day, recordVars(rec))
		if err != nil {
			return err
		}
		for k, i := range b.idx {
			out[k] = ev.Values.Value(i)
		}
		return nil
	}
	res := b.results.Get().(*rules.Result)
	err := b.bind.EvalInto(rec, res)
	if err == nil {
		for k, i := range b.idx {
			out[k] = res.Value(i)
		}
	}
	b.results.Put(res)
	if err != nil {
		return inRuleSet(err, b.rs.ID())
	}
	return nil
}

// recordVars turns a record into the map RuleSet.Evaluate takes, by the fields' rule tags.
func recordVars(rec any) map[string]any {
	v := reflect.ValueOf(rec).Elem()
	t := v.Type()
	vars := make(map[string]any, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		vars[t.Field(i).Tag.Get("rule")] = v.Field(i).Interface()
	}
	return vars
}

// inRuleSet names the rule set in an evaluation error, as RuleSet.Evaluate does, so the two
// paths report alike.
func inRuleSet(err error, id string) error {
	list := rules.Errors(err)
	if list == nil {
		return err
	}
	out := make(rules.ErrorList, len(list))
	for i, e := range list {
		c := *e
		c.RuleSet = id
		out[i] = &c
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}
