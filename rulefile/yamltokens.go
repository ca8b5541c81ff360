package rulefile

import (
	"github.com/goccy/go-yaml/token"
)

// locateTokens finds where each token's characters are in the file, walking the tokens in
// order with one cursor, so the cost is one pass over the text whatever the file holds.
//
// goccy/go-yaml's own positions are not enough: its columns skip a tab that follows a key
// or sits in a flow collection, its offsets drift after a block scalar, and a block
// scalar's content has neither. What it does keep is each token's source text (Origin),
// and its tokens come in file order with only blanks between them. So each token starts at
// the first non-blank character after the previous one ends, and ends where its source
// text, read over the file, ends. Origin drops some blanks (trailing spaces on a line
// before a break) and a double-quoted scalar's \x, \u and \U escapes; blanks are matched
// loosely, and a quoted scalar is followed in the file to its closing quote instead.
//
// If a token's text is not found where it should be (a case goccy was not known to
// produce), the walk stops: the remaining tokens are placed by goccy's line and column.
func (f *yamlFile) locateTokens(tokens token.Tokens) {
	f.tokens = tokens
	cur := f.bom
	for i, tk := range tokens {
		if tk.Type == token.InvalidType {
			return // the scanner stopped here; the error is placed by its line and column
		}
		if onlyBlanks(tk.Origin) {
			f.spans[tk] = span{cur, cur, i} // an empty scalar (an empty block scalar's content)
			continue
		}
		start := f.skipBlanks(cur)
		end, ok := f.tokenEnd(tk, start)
		if !ok {
			return
		}
		f.spans[tk] = span{start, end, i}
		cur = end
	}
}

// tokenEnd is where a token that starts at start ends, and whether its text is there.
func (f *yamlFile) tokenEnd(tk *token.Token, start int) (int, bool) {
	switch tk.Type {
	case token.DoubleQuoteType, token.SingleQuoteType:
		q := '"'
		if tk.Type == token.SingleQuoteType {
			q = '\''
		}
		if start >= len(f.runes) || f.runes[start] != q {
			return 0, false
		}
		return f.quotedEnd(start), true
	}
	return f.matchOrigin(start, tk.Origin)
}

// matchOrigin reads a token's source text over the file from start: every non-blank
// character must be the file's next non-blank one. It gives the offset just past the last.
func (f *yamlFile) matchOrigin(start int, origin string) (int, bool) {
	i, end := start, start
	for _, r := range origin {
		if isBlank(r) {
			continue
		}
		i = f.skipBlanks(i)
		if i >= len(f.runes) || f.runes[i] != r {
			return 0, false
		}
		i++
		end = i
	}
	return end, true
}

// quotedEnd is the offset just past the quote that closes the quoted scalar opened at
// start: in double quotes a backslash escapes the next character, in single quotes ” is
// one quote.
func (f *yamlFile) quotedEnd(start int) int {
	rs, q := f.runes, f.runes[start]
	for i := start + 1; i < len(rs); i++ {
		switch {
		case q == '"' && rs[i] == '\\':
			i++
		case rs[i] == q && q == '\'' && i+1 < len(rs) && rs[i+1] == '\'':
			i++
		case rs[i] == q:
			return i + 1
		}
	}
	return len(rs)
}

func (f *yamlFile) skipBlanks(i int) int {
	for i < len(f.runes) && isBlank(f.runes[i]) {
		i++
	}
	return i
}

// isBlank reports whether r separates YAML tokens: space, tab or a line break.
func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func onlyBlanks(s string) bool {
	for _, r := range s {
		if !isBlank(r) {
			return false
		}
	}
	return true
}
