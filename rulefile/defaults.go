package rulefile

import (
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/jixiao-go/jixiao/rules"
)

// evaluationDay is the default a date input may declare to mean the day the rules are
// evaluated on: a monitoring rule set's checkpoint is that day, so files and tests written
// before the input existed keep working without giving it.
const evaluationDay = "评价日期"

// inputDefault is what an input takes when a record leaves it out (default: in the file).
type inputDefault struct {
	value   rules.Value
	evalDay bool // the evaluation day, not a fixed value
}

// readDefault reads an input's default as its declared type, or the evaluation day for a
// date input. ok is false (and the problem reported) when it is neither.
func (l *loader) readDefault(in rules.Input, n ast.Node) (inputDefault, bool) {
	text, ok := l.scalar(n, "输入 "+in.Name+" 的 default", l.d.id)
	if !ok {
		return inputDefault{}, false
	}
	if s, ok := cnQuotedText(n); ok {
		text = s // default: “一般” is 一般, as in a test's given
	}
	if in.Type == rules.TypeDate && text == evaluationDay {
		return inputDefault{evalDay: true}, true
	}
	if v, ok := rules.ParseValue(in.Type, text); ok {
		return inputDefault{value: v}, true
	}
	hint := ""
	if in.Type == rules.TypeDate {
		hint = "，或写 " + evaluationDay + " 表示计算的那一天"
	}
	l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "输入 %s 的默认值 %s 应为%s%s", in.Name, text, in.Type, hint)
	return inputDefault{}, false
}

// Default is the value input name takes on day at when a record leaves it out, and whether
// its file declares one.
func (rs *RuleSet) Default(name string, at time.Time) (rules.Value, bool) {
	def, ok := rs.or().defaults[name]
	switch {
	case !ok:
		return rules.Value{}, false
	case def.evalDay:
		return rules.DateOf(day(at)), true
	}
	return def.value, true
}

// withDefaults gives vars with every input it leaves out that has a default, for an
// evaluation on day at; vars itself is never changed, and is returned as it is when it
// lacks nothing.
func (rs *RuleSet) withDefaults(at time.Time, vars map[string]any) map[string]any {
	var out map[string]any
	for _, in := range rs.inputs {
		def, ok := rs.defaults[in.Name]
		if !ok {
			continue
		}
		if _, given := vars[in.Name]; given {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(vars)+1)
			for k, v := range vars {
				out[k] = v
			}
		}
		if def.evalDay {
			out[in.Name] = rules.DateOf(day(at))
		} else {
			out[in.Name] = def.value
		}
	}
	if out == nil {
		return vars
	}
	return out
}
