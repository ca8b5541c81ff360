package rulefile

import (
	"errors"
	"strings"

	goccy "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/rules"
)

// yamlHint translates one of goccy/go-yaml's syntax messages, and says where the mistake
// is: goccy names the token it stopped at, which is not always the one to fix.
type yamlHint struct {
	en   string                                 // a fragment of goccy's message
	only func(tk *token.Token) bool             // and a condition on the token (nil: none)
	zh   string                                 // what a policy officer is told
	at   func(f *yamlFile, tk *token.Token) int // where: a rune offset (nil: the token)
}

// yamlHints is every goccy message the reader translates, first match wins. goccy's
// messages are English prose, not an API: TestYAMLHints feeds each entry a file that
// produces it, so an upgrade that rewords one fails a test instead of printing English.
var yamlHints = []yamlHint{
	{en: "mapping value is not allowed in this context", zh: "此处不能再写“键: 值”：检查缩进，或给含冒号的值加引号", at: nextColon},
	{en: "value is not allowed in this context", only: isDash, zh: "列表项缩进不一致：每个 - 应对齐"},
	{en: "value is not allowed in this context", zh: "缩进不一致或缺少键，请检查本行与上一行的缩进"},
	{en: "non-map value is specified", only: isDash, zh: "列表项缩进不一致：每个 - 应对齐"},
	{en: "non-map value is specified", zh: "缺少冒号：每个键后面要有“: ”"},
	{en: "unexpected key name", zh: "缺少冒号：每个键后面要有“: ”"},
	{en: "block sequence entries are not allowed in this context", zh: "列表项 - 要另起一行，并比上一行的键多缩进"},
	{en: "found an invalid key for this map", zh: "键应为一个名称，不能是列表 [ ] 或映射 { }"},
	{en: "cannot start any token", zh: "YAML 只能用空格缩进，不能用制表符 Tab", at: firstTab},
	{en: "tab character", zh: "YAML 只能用空格缩进，不能用制表符 Tab", at: firstTab},
	{en: "is a reserved character", zh: "出现了不能作为开头的字符（例如制表符 Tab，YAML 只能用空格缩进；或 ! @ ` 开头的值要加引号）"},
	{en: "could not find end character of", zh: "文件意外结束：引号或括号没有闭合"},
	{en: "escape", zh: "双引号里的反斜杠 \\ 写法无效，请改用单引号或去掉反斜杠", at: backslash},
	{en: "surrogate", zh: "双引号里的反斜杠 \\ 写法无效，请改用单引号或去掉反斜杠"},
	{en: "',' or ']' must be specified", zh: "方括号 [ ] 没有闭合", at: openBracket},
	{en: "sequence end token ']' not found", zh: "方括号 [ ] 没有闭合"},
	{en: "',' or '}' must be specified", zh: "花括号 { } 没有闭合", at: openBracket},
	{en: "could not find flow mapping end token '}'", zh: "花括号 { } 没有闭合"},
	{en: "could not find '[' character corresponding to ']'", zh: "多了一个右方括号 ]：前面没有与它配对的 ["},
	{en: "expected sequence element, but found ','", zh: "方括号 [ ] 里多了一个逗号"},
	{en: "could not find flow map content", zh: "花括号 { } 里的写法有误：每项写作“键: 值”，各项之间用逗号分隔"},
	{en: "could not find map value", zh: "这里缺少内容：检查是否多了或少了 - 或 :"},
	{en: "invalid header option", zh: "| 或 > 后面只能写缩进数字（1 到 9）或 + -，说明请写在 # 之后"},
	{en: "number of indent", zh: "| 或 > 块的内容缩进不对：每行都要比键多缩进，且不少于第一行"},
	{en: "could not find multi-line content", zh: "| 或 > 块的内容缩进不对：每行都要比键多缩进，且不少于第一行"},
	{en: "anchor", zh: "规则文件不支持 YAML 锚点和别名（& 和 *），请直接写出内容"},
	{en: "alias", zh: "规则文件不支持 YAML 锚点和别名（& 和 *），请直接写出内容"},
	{en: "tag", zh: "值以 ! 开头会被当作 YAML 标签，请给这个值加引号"},
	{en: "document separator", zh: "规则文件只能有一份内容：请删除 --- 或 ... 分隔行，其余内容另存为一个文件"},
	{en: "unexpected end content", zh: "规则文件只能有一份内容：请删除 --- 或 ... 分隔行，其余内容另存为一个文件"},
	{en: "directive", only: afterLineStart, zh: "值不能以“%”开头，请给这个值加引号"},
	{en: "directive", zh: "规则文件不需要以 % 开头的 YAML 指令，请删除这一行"},
}

// syntaxError turns goccy's error into a positioned Chinese one.
func (f *yamlFile) syntaxError(err error) *rules.Error {
	var msg string
	var tk *token.Token
	var se *goccy.SyntaxError
	if errors.As(err, &se) {
		msg, tk = se.Message, se.Token // not se.Error(): it prints the file around the token, slowly
	} else {
		msg = err.Error()
	}
	if off, ok := f.fullWidthColon(tk); ok {
		return f.fullWidthError(off)
	}
	if i := findHint(msg, tk); i >= 0 {
		h, off := yamlHints[i], f.tokenStart(tk)
		if h.at != nil {
			off = h.at(f, tk)
		}
		return f.yamlError(off, h.zh)
	}
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i] // goccy's Error() goes on with the source lines
	}
	return f.yamlError(f.tokenStart(tk), "无法读取这里的写法（"+msg+"）")
}

// findHint is the index of the first entry of yamlHints for goccy's message and the token
// it stopped at, or -1.
func findHint(msg string, tk *token.Token) int {
	for i, h := range yamlHints {
		if strings.Contains(msg, h.en) && (h.only == nil || tk != nil && h.only(tk)) {
			return i
		}
	}
	return -1
}

// isDash reports whether goccy stopped at a list item's -.
func isDash(tk *token.Token) bool { return tk.Type == token.SequenceEntryType }

// afterLineStart reports whether the token is not at the start of its line: a % there is a
// value's first character, not a %YAML directive.
func afterLineStart(tk *token.Token) bool { return tk.Position != nil && tk.Position.Column > 1 }

// yamlError is a YAML problem at rune offset off.
func (f *yamlFile) yamlError(off int, msg string) *rules.Error {
	p := f.posAt(off)
	return &rules.Error{Code: rules.ErrFileSyntax, File: f.name, Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset,
		Msg: "YAML 格式错误：" + msg}
}

// nextColon points at the ": " after the token goccy stopped at, the second one on the line
// (标题: 监控规则: 2024): the usual fix is to quote the value or to mend the indentation.
func nextColon(f *yamlFile, tk *token.Token) int {
	if next := f.near(tk, 1); next != nil && next.Type == token.MappingValueType {
		return f.tokenStart(next)
	}
	return f.tokenStart(tk)
}

// openBracket points at the [ or { that the token goccy stopped at should have closed:
// the innermost one still open before it.
func openBracket(f *yamlFile, tk *token.Token) int {
	s, ok := f.spans[tk]
	if !ok {
		return f.tokenStart(tk)
	}
	depth := 0
	for i := s.index - 1; i >= 0; i-- {
		switch p := f.tokens[i]; p.Type {
		case token.SequenceEndType, token.MappingEndType:
			depth++
		case token.SequenceStartType, token.MappingStartType:
			if depth == 0 {
				return f.tokenStart(p)
			}
			depth--
		}
	}
	return f.tokenStart(tk)
}

// near is the token d places after tk in the file (before it when d < 0), or nil.
func (f *yamlFile) near(tk *token.Token, d int) *token.Token {
	s, ok := f.spans[tk]
	if !ok || s.index+d < 0 || s.index+d >= len(f.tokens) {
		return nil
	}
	return f.tokens[s.index+d]
}

// backslash points at the backslash of the escape goccy stopped in (it names the letter
// after it for an unknown escape such as \q).
func backslash(f *yamlFile, tk *token.Token) int {
	off := f.tokenStart(tk)
	if off > 0 && off < len(f.runes) && f.runes[off] != '\\' && f.runes[off-1] == '\\' {
		return off - 1
	}
	return off
}

// firstTab points at the first tab on the line of the token goccy stopped at.
func firstTab(f *yamlFile, tk *token.Token) int {
	off := f.tokenStart(tk)
	p := f.posAt(off)
	for i := f.lines[p.Line-1]; i < f.lineEnd(p.Line-1); i++ {
		if f.runes[i] == '\t' {
			return i
		}
	}
	return off
}

// fullWidthColon finds a key written with a full-width colon (预算数：100), a mistake a
// Chinese input method makes that YAML reports only as some later confusion: a plain
// scalar at or just before the token goccy stopped at, whose first line has a ： and, like
// a key with its colon mistyped, no ": " and no ":" at its end.
func (f *yamlFile) fullWidthColon(tk *token.Token) (int, bool) {
	for _, tk := range []*token.Token{tk, f.near(tk, -1)} {
		s, ok := f.spans[tk]
		if !ok || tk.Type != token.StringType {
			continue
		}
		p := f.posAt(s.start)
		line := f.runes[f.lines[p.Line-1]:f.lineEnd(p.Line-1)]
		text := strings.TrimSpace(string(line))
		if strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
			continue
		}
		for j := s.start; j < f.lineEnd(p.Line-1); j++ {
			if f.runes[j] == '：' {
				return j, true
			}
		}
	}
	return 0, false
}
