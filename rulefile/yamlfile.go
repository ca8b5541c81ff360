package rulefile

import (
	"sort"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/internal/textpos"
	"github.com/jixiao-go/jixiao/rules"
)

// yamlFile is a rule file's text and where each of goccy/go-yaml's tokens sits in it, so
// that any node of the parsed file can be turned into a file position and any scalar into
// the characters the author typed. It is read-only once parsed: rule sets keep it to
// recompile and read it from several goroutines.
type yamlFile struct {
	name  string
	runes []rune
	lines []int // rune offset where each line starts (index 0 is line 1)
	bom   int   // 1 when the file starts with a byte-order mark, which no editor shows as a column

	tokens  token.Tokens // as the scanner made them, in file order
	spans   map[*token.Token]span
	refused map[ast.Node]bool // values strictNodes reported: not to be read, nor reported again
	// fullWidth holds the plain values in which fullWidthTokens found full-width structure
	// (，：｛｝［］ or an ideographic space): reported, so strictNodes refuses their nodes.
	fullWidth map[*token.Token]bool
}

// span is where a token's characters are, as rune offsets into the file: from its first
// character to just past its last (a quoted scalar's span includes its quotes); and the
// token's index in tokens.
type span struct{ start, end, index int }

func newYAMLFile(name string, text string) *yamlFile {
	f := &yamlFile{name: name, runes: []rune(text), spans: map[*token.Token]span{}, refused: map[ast.Node]bool{},
		fullWidth: map[*token.Token]bool{}}
	f.lines = textpos.LineStarts(f.runes)
	if len(f.runes) > 0 && f.runes[0] == '\uFEFF' {
		f.bom = 1
	}
	return f
}

// posAt is the position of the character at rune offset off. Columns count characters;
// the byte-order mark is not one.
func (f *yamlFile) posAt(off int) rules.Pos {
	off = min(max(off, 0), len(f.runes))
	line := sort.SearchInts(f.lines, off+1) // lines starting at or before off
	col := off - f.lines[line-1] + 1
	if line == 1 {
		col = max(col-f.bom, 1)
	}
	return rules.Pos{File: f.name, Line: line, Col: col, Offset: off}
}

// offset turns goccy's 1-based line and column into a rune offset, clamped to that line.
// It places only what the token walk could not (see locateTokens): goccy's columns skip a
// tab after a key and are not kept for block scalars, so they are a last resort.
func (f *yamlFile) offset(line, col int) int {
	if line < 1 {
		return f.bom
	}
	if line > len(f.lines) {
		return len(f.runes)
	}
	start, end := f.lines[line-1], f.lineEnd(line-1)
	if line == 1 {
		start += f.bom
	}
	return min(start+max(col, 1)-1, end)
}

// lineEnd is the offset of the line break that ends line i (0-based), or the file's end.
func (f *yamlFile) lineEnd(i int) int {
	end := len(f.runes)
	if i+1 < len(f.lines) {
		end = f.lines[i+1] - 1
		if end > f.lines[i] && f.runes[end] == '\n' && f.runes[end-1] == '\r' {
			end--
		}
	}
	return end
}

// tokenStart is the offset of a token's first character.
func (f *yamlFile) tokenStart(tk *token.Token) int {
	if tk == nil {
		return f.bom
	}
	if s, ok := f.spans[tk]; ok {
		return s.start
	}
	if tk.Position == nil {
		return f.bom
	}
	return f.offset(tk.Position.Line, tk.Position.Column)
}

func (f *yamlFile) tokenPos(tk *token.Token) rules.Pos { return f.posAt(f.tokenStart(tk)) }

// pos is where a node starts as an author sees it: a scalar's first character (a quoted
// scalar's quote, a block scalar's | or >), a block mapping's first key, a block sequence's
// first -, a flow collection's bracket, an anchor's &.
func (f *yamlFile) pos(n ast.Node) rules.Pos {
	switch n := n.(type) {
	case nil:
		return f.posAt(f.bom)
	case *ast.DocumentNode:
		return f.pos(n.Body)
	case *ast.MappingNode:
		if !n.IsFlowStyle && len(n.Values) > 0 {
			return f.pos(n.Values[0])
		}
		return f.tokenPos(n.Start)
	case *ast.MappingValueNode:
		return f.pos(n.Key)
	}
	return f.tokenPos(n.GetToken())
}

// isRefused reports whether a value was refused by strictNodes (an alias, a value YAML
// would not read): the loader passes it over instead of reporting it a second time.
func (f *yamlFile) isRefused(n ast.Node) bool { return isAlias(n) || f.refused[unwrap(n)] }

// text is the file's characters between two offsets.
func (f *yamlFile) text(s span) string {
	return string(f.runes[min(s.start, len(f.runes)):min(max(s.end, s.start), len(f.runes))])
}
