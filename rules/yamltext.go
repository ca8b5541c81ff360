package rules

import (
	"strings"
	"unicode"

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
	f := &yamlFile{name: name, runes: []rune(string(data)), lines: []int{0}}
	for i, r := range f.runes {
		if r == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
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
func (f *yamlFile) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: f.name, Line: 1, Col: 1}
	}
	return Pos{File: f.name, Line: n.Line, Col: n.Column, Offset: f.offset(n.Line, n.Column)}
}

func (f *yamlFile) posAt(off int) Pos {
	line := 1
	for line < len(f.lines) && f.lines[line] <= off {
		line++
	}
	return Pos{File: f.name, Line: line, Col: off - f.lines[line-1] + 1, Offset: off}
}

// exprOf gives a scalar's text as an Expr whose positions are the file's. YAML folds the
// line breaks of multi-line and block scalars, which would shift every column after the
// first line; so the expression is re-read from the file itself: the span that holds the
// scalar's characters in order, with the author's line breaks and indentation kept (they
// are only spaces to the expression language).
func (f *yamlFile) exprOf(n *yaml.Node) Expr {
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
			// escapes change the text: keep YAML's reading, positioned after the quote
			return Expr{Text: n.Value, Pos: f.posAt(start)}
		}
	}
	if end, ok := f.match(start, n.Value); ok {
		first := start
		for first < end && (f.runes[first] == ' ' || f.runes[first] == '\t' || f.runes[first] == '\n' || f.runes[first] == '\r') {
			first++
		}
		p := f.posAt(first)
		return Expr{Text: string(f.runes[first:end]), Pos: p}
	}
	return Expr{Text: n.Value, Pos: f.posAt(min(start, len(f.runes)))}
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
