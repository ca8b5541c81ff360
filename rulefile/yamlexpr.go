package rulefile

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/rules"
)

// exprOf gives a scalar's text as an Expr whose positions are the file's.
//
// A plain or block scalar (| or >) is the file's own characters, from the first to the
// last: YAML folds its line breaks, which would shift every column after the first line,
// so the author's line breaks and indentation are kept (they are only spaces to the
// expression language). A quoted scalar is the value YAML decoded from it; when that is
// not a plain copy of the characters between the quotes (escapes, ” or folded lines),
// Locate maps each character back to where it is written.
func (f *yamlFile) exprOf(n ast.Node) rules.Expr {
	if lit, ok := n.(*ast.LiteralNode); ok {
		return f.blockExpr(lit)
	}
	tk := n.GetToken()
	s, ok := f.spans[tk]
	if !ok {
		return rules.Expr{Text: scalarText(n), Pos: f.pos(n)}
	}
	if tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType {
		return f.quotedExpr(tk, s)
	}
	return rules.Expr{Text: f.text(s), Pos: f.posAt(s.start)}
}

// blockExpr reads a block scalar's content, which starts on the line after the | or >.
func (f *yamlFile) blockExpr(lit *ast.LiteralNode) rules.Expr {
	if lit.Value != nil {
		if s, ok := f.spans[lit.Value.Token]; ok && s.end > s.start {
			return rules.Expr{Text: f.text(s), Pos: f.posAt(s.start)}
		}
	}
	return rules.Expr{Text: "", Pos: f.tokenPos(lit.Start)} // an empty block: said at the |
}

// quotedExpr reads a quoted scalar: goccy's decoded value, each character placed in the
// file by lining the value up with the characters between the quotes.
func (f *yamlFile) quotedExpr(tk *token.Token, s span) rules.Expr {
	first := s.start + 1 // after the opening quote
	last := max(s.end-1, first)
	raw, value := f.runes[first:last], []rune(tk.Value)
	if string(raw) == tk.Value {
		return rules.Expr{Text: tk.Value, Pos: f.posAt(first)}
	}
	offs, ok := alignQuoted(raw, value, tk.Type == token.DoubleQuoteType)
	if !ok {
		return rules.Expr{Text: tk.Value, Pos: f.posAt(first)} // columns after the first line may be off
	}
	return rules.Expr{Text: tk.Value, Pos: f.posAt(first), Locate: func(k int) rules.Pos {
		return f.posAt(first + offs[min(max(k, 0), len(offs)-1)])
	}}
}

// alignQuoted lines up a quoted scalar's decoded value with its raw characters: for each
// character of the value, the offset in raw of the character (or escape) it comes from,
// plus one for the end. goccy did the decoding; this only walks both in step, knowing how
// long an escape is (\x41, \u4e2d, \U0001F600, \", ” …) and that YAML folds the blanks
// around a line break into one space or line break. It reports false if the two do not
// line up, rather than guess.
func alignQuoted(raw, value []rune, double bool) ([]int, bool) {
	offs := make([]int, 0, len(value)+1)
	j := 0
	for _, v := range value {
		for j < len(raw) && isBlank(raw[j]) && !isBlank(v) {
			j++ // blanks YAML folded away
		}
		for double && j+1 < len(raw) && raw[j] == '\\' && (raw[j+1] == '\n' || raw[j+1] == '\r') {
			j = skipBreakAndIndent(raw, j+1) // an escaped line break joins the lines
			for j < len(raw) && isBlank(raw[j]) && !isBlank(v) {
				j++
			}
		}
		switch {
		case j >= len(raw):
			return nil, false
		case double && raw[j] == '\\':
			offs = append(offs, j)
			j += escapeLen(raw, j)
		case !double && raw[j] == '\'' && j+1 < len(raw) && raw[j+1] == '\'':
			offs = append(offs, j)
			j += 2
		case isBlank(raw[j]) && isBlank(v):
			offs = append(offs, j)
			j++
		case isBlank(v):
			offs = append(offs, j) // a space YAML made from a line break already passed
		case raw[j] == v:
			offs = append(offs, j)
			j++
		default:
			return nil, false
		}
	}
	for j < len(raw) && isBlank(raw[j]) {
		j++
	}
	return append(offs, len(raw)), j == len(raw)
}

// escapeLen is how many characters the escape at raw[j] (a backslash) spans.
func escapeLen(raw []rune, j int) int {
	if j+1 >= len(raw) {
		return 1
	}
	n := 2
	switch raw[j+1] {
	case 'x':
		n = 4
	case 'u':
		n = 6
		if j+12 <= len(raw) && raw[j+6] == '\\' && raw[j+7] == 'u' && isHighSurrogate(raw[j+2:j+6]) {
			n = 12
		}
	case 'U':
		n = 10
	}
	if j+n > len(raw) {
		return 2 // goccy reads a short \x as the letter x
	}
	return n
}

// isHighSurrogate reports whether four hex digits are D800–DBFF, the first half of a
// UTF-16 pair (\ud83d\ude00 is one character).
func isHighSurrogate(hex []rune) bool {
	return (hex[0] == 'd' || hex[0] == 'D') && (hex[1] >= '8' && hex[1] <= '9' || hex[1] >= 'a' && hex[1] <= 'b' || hex[1] >= 'A' && hex[1] <= 'B')
}

// skipBreakAndIndent passes the line break at raw[j] and the next line's indentation.
func skipBreakAndIndent(raw []rune, j int) int {
	if raw[j] == '\r' && j+1 < len(raw) && raw[j+1] == '\n' {
		j++
	}
	j++
	for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t') {
		j++
	}
	return j
}
