package rulefile

import (
	"sort"
	"strings"
	"unicode"

	"github.com/jixiao-go/jixiao/internal/textpos"
	"github.com/jixiao-go/jixiao/rules"

	yaml "go.yaml.in/yaml/v3"
)

// yamlFile is a rule file's text, indexed by line so that any YAML node can be turned into
// a file position and any scalar into the exact characters the author typed.
type yamlFile struct {
	name  string
	runes []rune
	lines []int // rune offset where each line starts (index 0 is line 1)
}

func newYAMLFile(name string, data []byte) *yamlFile {
	f := &yamlFile{name: name, runes: []rune(string(data))}
	f.lines = textpos.LineStarts(f.runes)
	return f
}

// offset turns a 1-based line and column into a rune offset in the file.
func (f *yamlFile) offset(line, col int) int {
	if line < 1 || line > len(f.lines) {
		return len(f.runes)
	}
	return min(f.lines[line-1]+max(col, 1)-1, len(f.runes))
}

// pos is the position of a node.
func (f *yamlFile) pos(n *yaml.Node) rules.Pos {
	if n == nil {
		return rules.Pos{File: f.name, Line: 1, Col: 1}
	}
	return f.posAt(f.offset(n.Line, n.Column)) // clamped to the file: YAML may place an empty node past the end
}

func (f *yamlFile) posAt(off int) rules.Pos {
	off = min(max(off, 0), len(f.runes))
	line := sort.SearchInts(f.lines, off+1) // lines starting at or before off
	return rules.Pos{File: f.name, Line: line, Col: off - f.lines[line-1] + 1, Offset: off}
}

// exprOf gives a scalar's text as an Expr whose positions are the file's. YAML folds the
// line breaks of multi-line and block scalars, which would shift every column after the
// first line; so the expression is re-read from the file itself: the span that holds the
// scalar's characters in order, with the author's line breaks and indentation kept (they
// are only spaces to the expression language).
func (f *yamlFile) exprOf(n *yaml.Node) rules.Expr {
	start := f.offset(n.Line, n.Column)
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// the node sits at the | or > indicator; the text starts on the next line
		for start < len(f.runes) && f.runes[start] != '\n' {
			start++
		}
		start++
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		start++
		if strings.ContainsAny(n.Value, "\\'\"") {
			return f.quotedExpr(n, start)
		}
	}
	if end, ok := f.match(start, n.Value); ok {
		first := start
		for first < end && (f.runes[first] == ' ' || f.runes[first] == '\t' || f.runes[first] == '\n' || f.runes[first] == '\r') {
			first++
		}
		p := f.posAt(first)
		return rules.Expr{Text: string(f.runes[first:end]), Pos: p}
	}
	return rules.Expr{Text: n.Value, Pos: f.posAt(min(start, len(f.runes)))}
}

// match finds where value's characters end in the file from start on, skipping only the
// whitespace YAML may have folded or stripped. It reports false if the text differs.
func (f *yamlFile) match(start int, value string) (int, bool) {
	i := start
	end := start
	for _, r := range value {
		if unicode.IsSpace(r) {
			continue
		}
		for i < len(f.runes) && unicode.IsSpace(f.runes[i]) {
			i++
		}
		if i >= len(f.runes) || f.runes[i] != r {
			return 0, false
		}
		i++
		end = i
	}
	return end, true
}

// quotedExpr reads a quoted value whose escapes (\" in double quotes, ” in single quotes)
// make YAML's text differ from the file's: it decodes the escapes itself and keeps, for each
// character, where it is in the file, so errors still point at the author's character.
func (f *yamlFile) quotedExpr(n *yaml.Node, start int) rules.Expr {
	double := n.Style == yaml.DoubleQuotedStyle
	var text []rune
	var offs []int
	i := start
	for i < len(f.runes) {
		r := f.runes[i]
		switch {
		case double && r == '"', !double && r == '\'' && (i+1 >= len(f.runes) || f.runes[i+1] != '\''):
			i = len(f.runes) // the closing quote
			continue
		case !double && r == '\'':
			text, offs = append(text, '\''), append(offs, i)
			i += 2
			continue
		case double && r == '\\' && i+1 < len(f.runes):
			if d, ok := simpleEscape(f.runes[i+1]); ok {
				text, offs = append(text, d), append(offs, i)
				i += 2
				continue
			}
			return rules.Expr{Text: n.Value, Pos: f.posAt(start)} // a rarer escape: YAML's reading
		}
		text, offs = append(text, r), append(offs, i)
		i++
	}
	if !sameNonSpace(string(text), n.Value) {
		return rules.Expr{Text: n.Value, Pos: f.posAt(start)}
	}
	offs = append(offs, i) // one past the end, for spans that reach it
	return rules.Expr{Text: string(text), Pos: f.posAt(start), Locate: func(k int) rules.Pos {
		return f.posAt(offs[min(max(k, 0), len(offs)-1)])
	}}
}

func simpleEscape(r rune) (rune, bool) {
	switch r {
	case '"', '\\', '/':
		return r, true
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case ' ':
		return ' ', true
	}
	return 0, false
}

// sameNonSpace compares two texts ignoring whitespace, which YAML folds in quoted values.
func sameNonSpace(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	return strip(a) == strip(b)
}
