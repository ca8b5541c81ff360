package rulefile

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"github.com/jixiao-go/jixiao/internal/textpos"
	"github.com/jixiao-go/jixiao/rules"
)

// parseYAML reads a rule file with goccy/go-yaml into the body of its one document (nil
// for an empty file), with every problem YAML, or a rule file's stricter reading of it,
// finds. It never panics, whatever the bytes, and its cost grows with the file's size.
func parseYAML(name string, data []byte, maxSize int) (*yamlFile, ast.Node, rules.ErrorList) {
	if len(data) > maxSize {
		return nil, nil, rules.ErrorList{tooLarge(name, int64(len(data)), maxSize)}
	}
	text := string(data)
	f := newYAMLFile(name, text)
	if off, ok := textpos.FirstInvalid(text); !ok {
		p := f.posAt(off)
		return nil, nil, rules.ErrorList{{Code: rules.ErrFileSyntax, File: name, Line: p.Line, Col: p.Col, Offset: off, End: off,
			Msg: "文件不是有效的 UTF-8 编码，请用 UTF-8 保存（Excel 另存为时选择 UTF-8）"}}
	}
	if off, ok := f.firstControl(); ok {
		if r := f.runes[off]; isBidiControl(r) {
			return nil, nil, rules.ErrorList{f.yamlError(off, fmt.Sprintf("文件中有不可见的%s，请删除", forbiddenRune(r)))}
		}
		return nil, nil, rules.ErrorList{f.yamlError(off, "文件中有不可见的控制字符，请删除")}
	}
	if err := f.checkTabs(); err != nil {
		return nil, nil, rules.ErrorList{err}
	}
	doc, err := f.parse(strings.TrimPrefix(text, "\uFEFF"))
	var fullWidth rules.ErrorList
	if err == nil || err.Code == rules.ErrFileSyntax || err.Code == rules.ErrFullWidth {
		fullWidth = f.fullWidthTokens()
	}
	if err != nil {
		if len(fullWidth) > 0 && err.Line >= fullWidth[0].Line && err.Code != rules.ErrFullWidth {
			return nil, nil, fullWidth // they are why YAML could not read the file
		}
		if len(fullWidth) > 0 { // a mistake before them: they cannot have caused it
			return nil, nil, withFirst(err, fullWidth)
		}
		return nil, nil, rules.ErrorList{err}
	}
	errs := append(fullWidth, f.strictTokens()...)
	errs = append(errs, f.escapedControls()...)
	body, err := f.oneDocument(doc)
	if err != nil {
		errs = append(errs, err)
	}
	f.placeImplicitNulls(body)
	return f, body, append(errs, f.strictNodes(body)...)
}

// parse tokenizes and parses the text (the file without its byte-order mark). A panic in
// goccy/go-yaml becomes an error at the last token placed before it.
func (f *yamlFile) parse(text string) (file *ast.File, err *rules.Error) {
	defer func() {
		if r := recover(); r != nil {
			off := f.bom
			for i := len(f.tokens) - 1; i >= 0; i-- {
				if s, ok := f.spans[f.tokens[i]]; ok {
					off = s.start
					break
				}
			}
			file, err = nil, f.yamlError(off, fmt.Sprintf("无法读取这个文件（YAML 读取程序出错：%v），请检查这里附近的写法", r))
		}
	}()
	tokens := lexer.Tokenize(text)
	f.locateTokens(tokens)
	if tokens.InvalidToken() == nil { // else Parse reports the scanner's error at once
		if err := f.checkLimits(tokens); err != nil {
			return nil, err
		}
	}
	file, perr := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey()) // duplicates: see loader.mapping
	if perr != nil {
		return nil, f.syntaxError(perr)
	}
	return file, nil
}

// firstControl finds the first character YAML does not allow in a file (control
// characters other than tab and line breaks, unpaired surrogates, U+FFFE and U+FFFF).
func (f *yamlFile) firstControl() (int, bool) {
	for i, r := range f.runes {
		switch {
		case isBidiControl(r): // typed, it is refused as its escape is
			return i, true
		case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return i, true
		}
	}
	return 0, false
}

// oneDocument is the body of the file's one document. Documents that hold nothing (a
// leading --- or a trailing ...) and %YAML directives are passed over; a second document
// with content is refused, since nothing in it would be read.
func (f *yamlFile) oneDocument(file *ast.File) (ast.Node, *rules.Error) {
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.DirectiveNode); ok {
			continue
		}
		if body != nil {
			at := f.pos(doc.Body)
			if doc.Start != nil {
				at = f.tokenPos(doc.Start)
			}
			return body, f.yamlError(at.Offset, "规则文件只能有一份内容：请删除 --- 或 ... 分隔行，其余内容另存为一个文件")
		}
		body = doc.Body
	}
	return body, nil
}

// withFirst puts err, the mistake YAML stopped at, in order among the full-width characters
// found in the whole file, once: a ： typed for a key's colon is both.
func withFirst(err *rules.Error, fullWidth rules.ErrorList) rules.ErrorList {
	out := make(rules.ErrorList, 0, len(fullWidth)+1)
	placed := false
	for _, e := range fullWidth {
		if e.Line == err.Line && e.Col == err.Col {
			placed = true
		} else if !placed && (e.Line > err.Line || e.Line == err.Line && e.Col > err.Col) {
			out, placed = append(out, err), true
		}
		out = append(out, e)
	}
	if !placed {
		out = append(out, err)
	}
	return out
}
