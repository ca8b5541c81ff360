package rulefile

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// A Chinese input method types ，：｛｝［］ and the ideographic space where YAML's structure
// needs , : { } [ ] and a space. YAML then reads them as text, and reports, if anything, some
// later confusion (a brace "not closed" a line too early, a key nobody declared). Here each
// such character is found in the tokens, before the file is parsed, and reported at its own
// line and column with the character to type instead (code F010).
//
// Only where the character must be structure is it refused. Full-width punctuation in quoted
// values, in comments, in text values (desc: 评价等级：优、良) and in expressions (round（x，2）)
// is the author's and stays: a ， in a {…} value is a separator only when what follows it is
// another key (… 120，执行数: 80), nothing (… 80，}), or the value is a key itself ({名称: a，
// given: …}), and in […] when it splits numbers ([1，2]).

// fullWidthNames says what each structural full-width character is and what to type instead.
var fullWidthNames = map[rune][2]string{
	'，':      {"全角逗号“，”", "半角逗号“,”"},
	'：':      {"全角冒号“：”", "半角冒号“:”（冒号后面再空一格）"},
	'｛':      {"全角左花括号“｛”", "半角左花括号“{”"},
	'｝':      {"全角右花括号“｝”", "半角右花括号“}”"},
	'［':      {"全角左方括号“［”", "半角左方括号“[”"},
	'］':      {"全角右方括号“］”", "半角右方括号“]”"},
	'\u3000': {"全角空格“　”", "半角空格（YAML 的缩进和分隔只认半角空格）"},
}

// fullWidthError reports the full-width character at rune offset off.
func (f *yamlFile) fullWidthError(off int) *rules.Error {
	names := fullWidthNames[f.runes[off]]
	p := f.posAt(off)
	return &rules.Error{Code: rules.ErrFullWidth, File: f.name, Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset + 1,
		Msg: names[0] + "，请改为" + names[1]}
}

// fullWidthTokens finds every full-width character standing for YAML structure in the plain
// (unquoted) values of the file, and remembers their tokens so the values are not read as
// well: a value cut wrong would only bring follow-on errors.
func (f *yamlFile) fullWidthTokens() rules.ErrorList {
	var errs rules.ErrorList
	var flow []token.Type // the flow collections open at a token: { or [
	var open openedFullWidth
	for _, tk := range f.tokens {
		s, ok := f.spans[tk]
		if !ok {
			break
		}
		switch tk.Type {
		case token.MappingStartType, token.SequenceStartType:
			flow = append(flow, tk.Type)
		case token.MappingEndType, token.SequenceEndType:
			if len(flow) > 0 {
				flow = flow[:len(flow)-1]
			}
		case token.StringType:
			var in token.Type
			if len(flow) > 0 {
				in = flow[len(flow)-1]
			}
			offs := open.closes(f, s, f.fullWidthIn(tk, s, in))
			for _, off := range offs {
				errs = append(errs, f.fullWidthError(off))
			}
			if len(offs) > 0 {
				f.fullWidth[tk] = true
			}
		}
	}
	return errs
}

// openedFullWidth is a ｛ or ［ reported as structure whose closer is not in the same value:
// YAML read {预算数: 1, 执行数: 2｝ typed ｛…｝ as several values, and the ｝ ends a later one
// on the same line.
type openedFullWidth struct {
	closer rune
	line   int
}

// closes adds to offs, the structural characters found in the value at s, the closer of a
// full-width bracket opened earlier on its line, and remembers a bracket the value opens.
func (o *openedFullWidth) closes(f *yamlFile, s span, offs []int) []int {
	text := f.runes[s.start:s.end]
	line := f.posAt(s.start).Line
	if o.closer != 0 && line == o.line && len(text) > 0 && text[len(text)-1] == o.closer && !hasRune(text, openerOf(o.closer)) {
		if end := s.start + len(text) - 1; indexInt(offs, end) < 0 {
			offs = append(offs, end)
		}
		o.closer = 0
	}
	for _, off := range offs {
		if r := f.runes[off]; (r == '｛' || r == '［') && !hasRune(text, closerOf(r)) {
			o.closer, o.line = closerOf(r), line
		}
	}
	return offs
}

func closerOf(r rune) rune {
	if r == '｛' {
		return '｝'
	}
	return '］'
}

func openerOf(r rune) rune {
	if r == '｝' {
		return '｛'
	}
	return '［'
}

func indexInt(xs []int, x int) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// fullWidthIn lists the offsets of the structural full-width characters in one plain value;
// in is the innermost flow collection it is written in (0 in block style).
func (f *yamlFile) fullWidthIn(tk *token.Token, s span, in token.Type) []int {
	text := f.runes[s.start:s.end]
	if len(text) == 0 || f.blockContent(tk) {
		return nil // the content of a | or > block is text, indented as its author likes
	}
	next := f.near(tk, 1)
	isKey := next != nil && next.Type == token.MappingValueType
	keyPlace := in == 0 && f.startsLine(s.start) || in == token.MappingStartType && f.keyPlace(tk)
	out := f.fullWidthEdges(text, s.start, in, isKey, keyPlace || f.afterColon(tk, s.start))
	if keyPlace { // 键:　值 and -　项: the space after a key's colon or a list's dash typed full-width
		if c := nameEnd(text, ':'); c > 0 && c+1 < len(text) && text[c+1] == '\u3000' {
			out = append(out, s.start+c+1)
		}
		if in == 0 && len(text) > 1 && text[0] == '-' && text[1] == '\u3000' {
			out = append(out, s.start+1)
		}
	}
	switch in {
	case token.SequenceStartType:
		if listLike(text) { // [1，2]
			for i, r := range text {
				if r == '，' {
					out = append(out, s.start+i)
				}
			}
		}
	case token.MappingStartType:
		for i, r := range text {
			if r == '，' && separates(text[:i], text[i+1:], isKey) {
				out = append(out, s.start+i)
				if c := nameEnd(text[i+1:], '：'); c > 0 {
					out = append(out, s.start+i+1+c) // 120，执行数：80: the next key's colon too
				}
			}
		}
		if keyPlace && !isKey && !hasRune(text, '，') {
			if c := nameEnd(text, '：'); c > 0 {
				out = append(out, s.start+c) // {预算数：120, …}: the whole item became a key
			}
		}
	}
	return out
}

// fullWidthEdges finds a full-width bracket or space at either end of a plain value where it
// stands for structure: ｛ opening what reads as a mapping, ［ opening a list of numbers, an
// ideographic space where a key goes (an indentation, the gap after a comma in {…}) or just
// after a key's colon (spaced says the value stands so), and in
// {…} or […] a closing ｝ or ］ that nothing in the value opened.
func (f *yamlFile) fullWidthEdges(text []rune, start int, in token.Type, isKey, spaced bool) []int {
	var out []int
	last := len(text) - 1
	opened := false
	switch {
	case text[0] == '｛' && (isKey || strings.ContainsAny(string(text), ":：,，")):
		out, opened = append(out, start), true // {预算数: 120} typed ｛…｝: a mapping, not a text
	case text[0] == '［' && listLike([]rune(strings.TrimSuffix(string(text[1:]), "］"))):
		out, opened = append(out, start), true // [1, 2] typed ［…］
	case text[0] == '\u3000' && spaced:
		out = append(out, start)
	}
	closes := text[last] == '｝' && !hasRune(text[:last], '｛') || text[last] == '］' && !hasRune(text[:last], '［')
	if last > 0 && (opened && (text[last] == '｝' || text[last] == '］') || in != 0 && closes) {
		out = append(out, start+last) // the closer of the same slip, or one nothing in {…} opened
	}
	if isKey && last > 0 && text[last] == '\u3000' {
		out = append(out, start+last) // 预算数　: 1: the space before a key's colon typed full-width
	}
	return out
}

// separates reports whether a ， in a value of a {…} stands for the comma between two
// items: the value is itself a key (a， given: {…}), another key follows it (执行数: 80 or
// 执行数：80), or nothing follows a number (80，}).
func separates(before, after []rune, isKey bool) bool {
	rest := strings.TrimSpace(string(after))
	switch {
	case isKey:
		return true
	case rest == "":
		return startsLikeNumber(string(before))
	}
	return nameEnd(after, '：') > 0 || strings.Contains(rest, ": ") || strings.HasSuffix(rest, ":")
}

// nameEnd is the offset of the colon (： or :) that ends a name at the start of text
// (执行数：80), or -1 when text does not start with a name and that colon: a space or an
// operator before it makes it a sentence or an expression.
func nameEnd(text []rune, colon rune) int {
	for i, r := range text {
		switch {
		case r == colon:
			if strings.TrimSpace(string(text[:i])) == "" {
				return -1
			}
			return i
		case strings.ContainsRune(" ,，:：(（=<>", r):
			if i > 0 && strings.TrimSpace(string(text[:i])) != "" {
				return -1
			}
		}
	}
	return -1
}

// listLike reports whether text is numbers separated by commas (full-width or not): the
// inside of a list, 1，2.5.
func listLike(text []rune) bool {
	parts := strings.FieldsFunc(string(text), func(r rune) bool { return r == ',' || r == '，' })
	if len(parts) == 0 {
		return strings.TrimSpace(string(text)) == ""
	}
	for _, p := range parts {
		if _, err := amount.ParseDecimal(strings.TrimSpace(p)); err != nil {
			return false
		}
	}
	return true
}

// keyPlace reports whether the token stands where a flow mapping's key goes: just after its {
// or after a comma.
func (f *yamlFile) keyPlace(tk *token.Token) bool {
	prev := f.near(tk, -1)
	return prev != nil && (prev.Type == token.MappingStartType || prev.Type == token.CollectEntryType)
}

// afterColon reports whether the value at start follows a key's colon with nothing between.
func (f *yamlFile) afterColon(tk *token.Token, start int) bool {
	prev := f.near(tk, -1)
	if prev == nil || prev.Type != token.MappingValueType {
		return false
	}
	p, ok := f.spans[prev]
	return ok && p.end == start
}

// blockContent reports whether the token is the content of a | or > block.
func (f *yamlFile) blockContent(tk *token.Token) bool {
	prev := f.near(tk, -1)
	return prev != nil && (prev.Type == token.LiteralType || prev.Type == token.FoldedType)
}

// startsLine reports whether only spaces stand between the start of its line and off.
func (f *yamlFile) startsLine(off int) bool {
	p := f.posAt(off)
	for i := f.lines[p.Line-1]; i < off; i++ {
		if f.runes[i] != ' ' {
			return false
		}
	}
	return true
}

func hasRune(rs []rune, r rune) bool { return indexRune(rs, r) >= 0 }

// colonTyped finds, in a plain value that stands where a mapping or a key goes, a ： typed
// for the colon after a name (预算数：120, type：decimal): its offset in the file.
func (f *yamlFile) colonTyped(n ast.Node) (int, bool) {
	sn, ok := unwrap(n).(ast.ScalarNode)
	if !ok {
		return 0, false
	}
	s, ok := f.plainSpan(sn)
	if !ok {
		return 0, false
	}
	if c := nameEnd(f.runes[s.start:s.end], '：'); c > 0 {
		return s.start + c, true
	}
	return 0, false
}

// refusedKey reports whether a key of mapping n was refused where it is written (a full-width
// colon made {type：decimal} one key): what the mapping lacks then was reported already.
func (f *yamlFile) refusedKey(n ast.Node) bool {
	m, ok := asMapping(n)
	if !ok {
		return false
	}
	for _, kv := range m.Values {
		if f.isRefused(kv.Key) {
			return true
		}
	}
	return false
}
