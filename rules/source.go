package rules

import "github.com/jixiao-go/jixiao/internal/textpos"

// Pos says where an expression's text, or a declaration, is in its file, so that errors
// point at the author's own line and column. For an expression the zero value means a
// stand-alone text (<expr>, line 1); for a declaration made in Go (an Input, a Const, a
// Table, a Row) it means no place, and a problem with it prints without a position.
type Pos struct {
	File   string // file name as the author knows it
	Line   int    // 1-based line of the text's first character (0 is read as 1)
	Col    int    // 1-based column of the text's first character (0 is read as 1)
	Offset int    // rune offset of the text's first character in the file
	// Indent is the column (1-based) at which continuation lines of a multi-line text start
	// in the file, for YAML block scalars; 0 means continuation lines start at column 1.
	Indent int
}

// Expr is one expression's text and where it came from.
type Expr struct {
	Text string
	Pos  Pos
	// Locate, when set, maps a rune offset in Text to its place in the file, for text that is
	// not a plain copy of the file (a quoted YAML value with escapes); nil means Pos and the
	// text's own line starts suffice.
	Locate func(offset int) Pos
}

// source is an expression's text prepared for expr's parser: same rune count, full-width
// punctuation made ASCII, number literals blanked and kept aside (expr would read them
// through float64 or reject big integers), percent signs consumed.
type source struct {
	text   string         // the author's text
	norm   string         // what expr's parser reads
	nrunes []rune         // norm as runes
	lits   map[int]string // rune offset of a number literal → its exact text (percent applied separately)
	pct    map[int]bool   // literals followed by %
	badLit map[int]bool   // literals the pre-lexer already reported (1e-100, 20万): checked no further
	dots   map[int]bool   // decimal points inside names (PM2.5浓度), given to expr as $
	runes  int            // rune count of text
	pos    Pos
	locate func(off int) Pos
	ruleID string
	lines  []int // rune offset where each line of text starts
}

// at turns a rune offset within the text into a positioned error.
func (s *source) errAt(code Code, from, to int, msg string) *Error {
	line, col := s.lineCol(from)
	off, end := s.pos.Offset+from, s.pos.Offset+max(to, from)
	if s.locate != nil {
		off, end = s.locate(from).Offset, s.locate(max(to, from)).Offset
	}
	return &Error{Code: code, Msg: msg, File: s.pos.File, Line: line, Col: col,
		Offset: off, End: end, RuleID: s.ruleID}
}

// lineCol maps a rune offset in the text to a line and column in the file.
func (s *source) lineCol(off int) (int, int) {
	if s.locate != nil {
		p := s.locate(off)
		return p.Line, p.Col
	}
	i := 0
	for i+1 < len(s.lines) && s.lines[i+1] <= off {
		i++
	}
	first, col0 := max(s.pos.Line, 1), max(s.pos.Col, 1)
	col := off - s.lines[i]
	if i == 0 {
		return first, col0 + col
	}
	return first + i, max(s.pos.Indent, 1) + col
}

// snippet is the author's text between two rune offsets, for traces.
func (s *source) snippet(from, to int) string {
	if from < 0 {
		from = 0
	}
	start, n := -1, 0
	for i := range s.text {
		if n == from {
			start = i
		}
		if n == to {
			if start < 0 {
				return ""
			}
			return s.text[start:i]
		}
		n++
	}
	if start < 0 {
		return ""
	}
	return s.text[start:]
}

func lineStarts(text string) []int { return textpos.LineStarts([]rune(text)) }

// closeParen finds the end of a call written at from: just past the ')' matching the first
// '(' after the name. expr's tree does not keep it, and a trace shows the whole call.
func (s *source) closeParen(from, fallback int) int {
	rs := s.nrunes
	depth := 0
	var quote rune
	for i := from; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '(':
			depth++
		case r == ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return fallback
}

// closeBrace extends the span of an if … else { … } past its closing brace.
func (s *source) closeBrace(to int) int {
	for i := to; i < len(s.nrunes); i++ {
		switch s.nrunes[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case '}':
			return i + 1
		}
		break
	}
	return to
}

// balance widens a span so its brackets match: expr's tree drops parentheses and the closing
// ] of a list, and a trace should show "(x in [1, 2]) == true", not "x in [1, 2]) == true".
func (s *source) balance(from, to int) (int, int) {
	rs := s.nrunes
	if from < 0 || to > len(rs) || from >= to {
		return from, to
	}
	depth, low := 0, 0
	var quote rune
	for _, r := range rs[from:to] {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			depth--
			low = min(low, depth)
		}
	}
	for need := -low; need > 0; need-- { // unmatched closers: take in the openers before
		i := from - 1
		for i >= 0 && (rs[i] == ' ' || rs[i] == '\t' || rs[i] == '\n' || rs[i] == '\r') {
			i--
		}
		if i < 0 || (rs[i] != '(' && rs[i] != '[') {
			break
		}
		from = i
	}
	for need := depth - low; need > 0; need-- { // unmatched openers: take in the closers after
		i := to
		for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t' || rs[i] == '\n' || rs[i] == '\r') {
			i++
		}
		if i >= len(rs) || (rs[i] != ')' && rs[i] != ']') {
			break
		}
		to = i + 1
	}
	return from, to
}
