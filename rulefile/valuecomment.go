package rulefile

import (
	"github.com/goccy/go-yaml/ast"

	"github.com/jixiao-go/jixiao/rules"
)

// A comment written the way other languages write it (优 // 最高档, 红色 /* 预警 */) after a
// plain value is no comment in YAML: it becomes part of the value, and the outcome 优 turns
// into the text "优 // 最高档", which no comparison with "优" matches. Expressions refuse it
// (rules' E017); a plain value of a param or of a table's then refuses it the same way.

// commentInValue reports, at the slashes and for rule, a // or /* that starts a word of the
// plain value n (a URL's // follows a colon, and stays); it reports whether it did.
func (l *loader) commentInValue(n ast.Node, rule string) bool {
	text := scalarText(n)
	at := commentStart(text)
	if at < 0 {
		return false
	}
	p := l.f.pos(n)
	if sn, ok := unwrap(n).(ast.ScalarNode); ok {
		if s, ok := l.f.plainSpan(sn); ok {
			if i := commentStart(string(l.f.runes[s.start:s.end])); i >= 0 { // as written: a folded line counts too
				p = l.f.posAt(s.start + len([]rune(string(l.f.runes[s.start:s.end])[:i])))
			}
		}
	}
	mark := text[at : at+2]
	l.fail(p, rules.ErrComment, rule, "值中不能写注释 %s：YAML 的注释以 # 开头（写在值后面，# 前留一个空格）；%s 和后面的文字是文字的一部分时，请给整个值加引号", mark, mark)
	return true
}

// commentStart is the byte offset of a // or /* at the start of text or after a space, or -1.
func commentStart(text string) int {
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '/' || (text[i+1] != '/' && text[i+1] != '*') {
			continue
		}
		if i == 0 || text[i-1] == ' ' {
			return i
		}
	}
	return -1
}
