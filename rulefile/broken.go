package rulefile

import (
	"strings"

	"github.com/jixiao-go/jixiao/rules"
)

// One mistake, one message: an input whose type cannot be read, or a param without a value,
// is reported where the file has it wrong, and is still declared (without a type, without a
// value), so that every formula and table reading it raises no "未知名称" of its own. rules
// reports such a declaration once more, as E012 at the name; the file's own message, at the
// type or the value, says more, so that one is dropped.

// brokenInput declares an input whose type could not be read; its problem is reported.
func (l *loader) brokenInput(name string, at rules.Pos) {
	if indexInput(l.d.inputs, name) >= 0 {
		return // a duplicate: the first declaration stands
	}
	l.d.inputs = append(l.d.inputs, rules.Input{Name: name, Pos: at})
}

// brokenDeclaration reports whether e is rules' E012 about an input without a type or a
// param without a value that the file reported itself.
func brokenDeclaration(e *rules.Error, inputs []rules.Input, consts []rules.Const) bool {
	if e.Code != rules.ErrDeclaration {
		return false
	}
	at := func(p rules.Pos) bool {
		return p.Line > 0 && e.File == p.File && e.Line == p.Line && e.Col == max(p.Col, 1)
	}
	for _, in := range inputs {
		if in.Type == rules.TypeInvalid && at(in.Pos) {
			return true
		}
	}
	for _, k := range consts {
		if !k.Value.IsValid() && at(k.Pos) {
			return true
		}
	}
	return false
}

// spacedName reports whether name is one of names written with spaces (执行 数, refused as
// a name and reported there): a test that uses 执行数 repeats no mistake of its own.
func spacedName(names []string, name string) bool {
	for _, n := range names {
		if n != name && strings.Join(strings.Fields(n), "") == name {
			return true
		}
	}
	return false
}
