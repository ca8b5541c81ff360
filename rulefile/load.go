package rulefile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/internal/textpos"
	"github.com/jixiao-go/jixiao/rules"

	goccy "github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	yaml "go.yaml.in/yaml/v3"

	"github.com/jixiao-go/jixiao/amount"
)

// MaxFileSize bounds a rule file; a larger one is refused before it is parsed.
const MaxFileSize = 1 << 20

// draft is a rule file as read, before what it extends is merged and it is compiled.
type draft struct {
	broken    bool // the file has problems of its own: compiled only to report more of them
	file      *yamlFile
	hash      string
	id        string
	title     string
	version   string
	source    string
	extends   string
	extPos    rules.Pos
	effective time.Time
	until     time.Time
	idPos     rules.Pos
	effPos    rules.Pos
	inputs    []rules.Input
	inputPos  map[string]rules.Pos
	params    []Param
	formulas  []rules.Formula
	tables    []rules.Table
	tests     []testDraft
	results   []string // every formula and table name written, even those with problems
}

// loader reads one file, collecting every problem instead of stopping at the first.
type loader struct {
	f    *yamlFile
	errs rules.ErrorList
	d    *draft
}

func (l *loader) fail(p rules.Pos, code rules.Code, rule, format string, args ...any) {
	l.errs = append(l.errs, &rules.Error{Code: code, Msg: fmt.Sprintf(format, args...), File: p.File,
		Line: max(p.Line, 1), Col: max(p.Col, 1), Offset: p.Offset, End: p.Offset, RuleID: rule})
}

// readDraft parses a rule file. It never panics, whatever the bytes.
func readDraft(name string, data []byte) (d *draft, errs rules.ErrorList) {
	if len(data) > MaxFileSize {
		return nil, rules.ErrorList{{Code: rules.ErrFileLimit, File: name, Line: 1, Col: 1,
			Msg: fmt.Sprintf("文件过大：%d 字节，上限 %d 字节", len(data), MaxFileSize)}}
	}
	if off, ok := textpos.FirstInvalid(string(data)); !ok {
		p := newYAMLFile(name, data).posAt(off)
		return nil, rules.ErrorList{{Code: rules.ErrFileSyntax, File: name, Line: p.Line, Col: p.Col, Offset: off,
			Msg: "文件不是有效的 UTF-8 编码，请用 UTF-8 保存（Excel 另存为时选择 UTF-8）"}}
	}
	f := newYAMLFile(name, data)
	var root yaml.Node
	if err := safeUnmarshal(data, &root); err != nil {
		return nil, rules.ErrorList{yamlError(f, data, err)}
	}
	sum := sha256.Sum256(data)
	l := &loader{f: f, d: &draft{file: f, hash: hex.EncodeToString(sum[:]), inputPos: map[string]rules.Pos{}}}
	if root.Kind == 0 || len(root.Content) == 0 || root.Content[0].Tag == "!!null" {
		l.fail(f.pos(nil), rules.ErrFileMissing, "", "文件为空：规则文件至少要有 ruleset 和 effective")
		return nil, l.errs
	}
	l.noAliases(&root)
	l.top(root.Content[0])
	return l.d, l.errs
}

// safeUnmarshal parses YAML into a node tree, turning a parser panic into an error.
func safeUnmarshal(data []byte, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return yaml.Unmarshal(data, n)
}

// yamlError turns the YAML parser's message into a positioned Chinese one. yaml.v3 names only
// a line, often the line where the enclosing block starts; goccy/go-yaml, asked to parse the
// same bytes, points at the character, so its position is used when it also finds an error.
func yamlError(f *yamlFile, data []byte, err error) *rules.Error {
	msg := err.Error()
	line, col := 1, 1
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &line)
	}
	if l, c, ok := goccyPosition(data); ok {
		line, col = l, c
	}
	detail := msg
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		detail = msg[i+2:]
	}
	text := "YAML 格式错误：" + translateYAML(detail)
	switch {
	case strings.Contains(detail, "mapping values are not allowed"):
		line, col = secondColon(f, line, col)
	case strings.Contains(detail, "did not find expected ',' or '}'"):
		line, col = unclosed(f, line, col, '{', '}')
	case strings.Contains(detail, "did not find expected ',' or ']'"):
		line, col = unclosed(f, line, col, '[', ']')
	}
	if l, c, ok := fullWidthColon(f); ok {
		line, col = l, c
		text = "YAML 格式错误：这里用了全角冒号“：”，键后面要用半角冒号和空格“: ”"
	}
	p := f.posAt(f.offset(line, col))
	return &rules.Error{Code: rules.ErrFileSyntax, File: f.name, Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset, Msg: text}
}

var yamlHints = []struct{ en, zh string }{
	{"mapping values are not allowed in this context", "此处不能再写“键: 值”：检查缩进，或给含冒号的值加引号"},
	{"did not find expected key", "缩进不一致或缺少键，请检查本行与上一行的缩进"},
	{"found character that cannot start any token", "出现了不能作为开头的字符（例如制表符 Tab，YAML 只能用空格缩进；或 ! @ ` 开头的值要加引号）"},
	{"did not find expected ',' or ']'", "方括号 [ ] 没有闭合"},
	{"did not find expected ',' or '}'", "花括号 { } 没有闭合"},
	{"found unexpected end of stream", "文件意外结束：引号或括号没有闭合"},
	{"did not find expected '-' indicator", "列表项缩进不一致：每个 - 应对齐"},
	{"could not find expected ':'", "缺少冒号：每个键后面要有“: ”"},
	{"did not find expected whitespace or line break", "标记后面缺少空格（以 ! & * 开头的值请加引号）"},
	{"found undefined tag handle", "值以 ! 开头会被当作 YAML 标签，请给这个值加引号"},
	{"found a tab character", "YAML 只能用空格缩进，不能用制表符 Tab"},
	{"did not find expected node content", "这里缺少内容：检查是否多了或少了 - 或 :"},
	{"found unknown escape character", "双引号里的反斜杠 \\ 写法无效，请改用单引号或去掉反斜杠"},
	{"invalid leading UTF-8 octet", "文件不是有效的 UTF-8 编码"},
	{"control characters are not allowed", "文件中有不可见的控制字符，请删除"},
}

func translateYAML(detail string) string {
	for _, h := range yamlHints {
		if strings.Contains(detail, h.en) {
			return h.zh
		}
	}
	return "无法读取（" + detail + "）"
}

// goccyPosition asks goccy/go-yaml where the syntax error is.
func goccyPosition(data []byte) (line, col int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := goccy.ParseBytes(data, 0)
	var te interface{ GetToken() *token.Token }
	if err == nil || !errors.As(err, &te) || te.GetToken() == nil || te.GetToken().Position == nil {
		return 0, 0, false
	}
	p := te.GetToken().Position
	return p.Line, p.Column, p.Line >= 1
}

// fullWidthColon finds a key written with a full-width colon (预算数：100), a mistake a
// Chinese input method makes that YAML reports only as some later confusion.
func fullWidthColon(f *yamlFile) (line, col int, ok bool) {
	for i, start := range f.lines {
		end := len(f.runes)
		if i+1 < len(f.lines) {
			end = f.lines[i+1]
		}
		text := strings.TrimSpace(string(f.runes[start:end]))
		if strings.HasPrefix(text, "#") || strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
			continue
		}
		if k := indexRune(f.runes[start:end], '：'); k >= 0 {
			return i + 1, k + 1, true
		}
	}
	return 0, 0, false
}

// lineRunes is line n (1-based) of the file without its line break.
func (f *yamlFile) lineRunes(n int) []rune {
	if n < 1 || n > len(f.lines) {
		return nil
	}
	end := len(f.runes)
	if n < len(f.lines) {
		end = f.lines[n]
	}
	return []rune(strings.TrimRight(string(f.runes[f.lines[n-1]:end]), "\r\n"))
}

// secondColon points at a second "key: " on a line, the usual cause of "mapping values are
// not allowed" (标题: 监控规则: 2024).
func secondColon(f *yamlFile, line, col int) (int, int) {
	rs := f.lineRunes(line)
	seen := 0
	for i, r := range rs {
		if r == ':' && (i+1 == len(rs) || rs[i+1] == ' ') {
			if seen++; seen == 2 {
				return line, i + 1
			}
		}
	}
	return line, col
}

// unclosed points at the last bracket opened before line that is never closed.
func unclosed(f *yamlFile, line, col int, open, close rune) (int, int) {
	type at struct{ line, col int }
	var stack []at
	for n := 1; n <= min(line, len(f.lines)); n++ {
		rs := f.lineRunes(n)
	scan:
		for i, r := range rs {
			switch {
			case r == '#' && (i == 0 || rs[i-1] == ' '):
				break scan // a comment
			case r == open:
				stack = append(stack, at{n, i + 1})
			case r == close && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return line, col
	}
	top := stack[len(stack)-1]
	return top.line, top.col
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// noAliases refuses anchors and aliases: rule files do not need them, and refusing them
// rules out alias bombs.
func (l *loader) noAliases(n *yaml.Node) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		l.fail(l.f.pos(n), rules.ErrFileSyntax, "", "规则文件不支持 YAML 锚点和别名（& 和 *），请直接写出内容")
		return
	}
	for _, c := range n.Content {
		l.noAliases(c)
	}
}

// pair is one key and value of a mapping.
type pair struct {
	key   string
	kn    *yaml.Node
	value *yaml.Node
}

// mapping reads a mapping, reporting duplicate keys (YAML would silently keep the last).
func (l *loader) mapping(n *yaml.Node, what, rule string) ([]pair, bool) {
	if n.Kind == yaml.AliasNode {
		return nil, false // reported once by noAliases
	}
	if n.Kind != yaml.MappingNode {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为“键: 值”的映射，这里是%s", what, kindName(n))
		return nil, false
	}
	seen := map[string]bool{}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			l.fail(l.f.pos(k), rules.ErrDuplicate, rule, "%s 中的 %s 重复出现", what, k.Value)
			continue
		}
		seen[k.Value] = true
		out = append(out, pair{k.Value, k, v})
	}
	return out, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "映射"
	case yaml.SequenceNode:
		return "列表"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "空值"
		}
		return "单个值 " + n.Value
	}
	return "其他内容"
}

// unknownKey reports a key that is not part of the format, with the closest known key, and
// a hint when a flow-style row {…} was cut by a comma inside an expression.
func (l *loader) unknownKey(p pair, parent *yaml.Node, allowed []string, where, rule string) {
	if parent.Style&yaml.FlowStyle != 0 {
		l.fail(l.f.pos(p.kn), rules.ErrFileKey, rule,
			"%s中出现了未知的键 %q：多半是 {…} 写法中表达式里的逗号把它截断了。请改用块式写法（每个键单独一行），或给表达式加引号", where, p.key)
		return
	}
	if best := suggest.Closest(p.key, append([]string(nil), allowed...)); best != "" {
		l.fail(l.f.pos(p.kn), rules.ErrFileKey, rule, "%s中有未知的键 %s，是否为 %s？", where, p.key, best)
		return
	}
	l.fail(l.f.pos(p.kn), rules.ErrFileKey, rule, "%s中有未知的键 %s（可用的键：%s）", where, p.key, strings.Join(allowed, "、"))
}

// scalar reads a single value.
func (l *loader) scalar(n *yaml.Node, what, rule string) (string, bool) {
	if n.Kind == yaml.AliasNode {
		return "", false // reported once by noAliases
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为单个值，这里是%s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (l *loader) date(n *yaml.Node, what, rule string) (time.Time, bool) {
	s, ok := l.scalar(n, what, rule)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为日期，写作 2024-01-01，这里是 %q", what, s)
		return time.Time{}, false
	}
	return t, true
}

var topKeys = []string{"ruleset", "title", "version", "effective", "until", "source", "extends", "desc",
	"inputs", "params", "formulas", "tables", "tests"}

func (l *loader) top(n *yaml.Node) {
	pairs, ok := l.mapping(n, "规则文件", "")
	if !ok {
		return
	}
	d := l.d
	has := map[string]bool{}
	for _, p := range pairs {
		has[p.key] = true
		switch p.key {
		case "ruleset":
			d.id, _ = l.scalar(p.value, "ruleset", "")
			d.idPos = l.f.pos(p.value)
			if msg := checkID(d.id); msg != "" && d.id != "" {
				l.fail(d.idPos, rules.ErrFileValue, d.id, "ruleset %s", msg)
			}
		case "title":
			d.title, _ = l.scalar(p.value, "title", d.id)
		case "version":
			d.version, _ = l.scalar(p.value, "version", d.id)
		case "source":
			d.source, _ = l.scalar(p.value, "source", d.id)
		case "desc":
			l.scalar(p.value, "desc", d.id)
		case "extends":
			d.extends, _ = l.scalar(p.value, "extends", d.id)
			d.extPos = l.f.pos(p.value)
		case "effective":
			d.effective, _ = l.date(p.value, "effective", d.id)
			d.effPos = l.f.pos(p.value)
		case "until":
			d.until, _ = l.date(p.value, "until", d.id)
		case "inputs":
			l.inputs(p.value)
		case "params":
			l.params(p.value)
		case "formulas":
			l.formulas(p.value)
		case "tables":
			l.tables(p.value)
		case "tests":
			l.tests(p.value)
		default:
			l.unknownKey(p, n, topKeys, "规则文件", d.id)
		}
	}
	for _, k := range []string{"ruleset", "effective"} {
		if !has[k] {
			l.fail(l.f.pos(n), rules.ErrFileMissing, d.id, "规则文件缺少必填的键 %s", k)
		}
	}
	if !d.until.IsZero() && !d.effective.IsZero() && d.until.Before(d.effective) {
		l.fail(d.effPos, rules.ErrFileVersion, d.id, "until（%s）早于 effective（%s）", d.until.Format("2006-01-02"), d.effective.Format("2006-01-02"))
	}
	if d.version == "" && !d.effective.IsZero() {
		d.version = d.effective.Format("2006-01-02")
	}
}

// checkID says why s cannot be a rule-set id ("" if it can).
func checkID(s string) string {
	if strings.ContainsAny(s, " \t\n/\\:") {
		return fmt.Sprintf("%q 不能含空格、斜杠或冒号", s)
	}
	return ""
}

var inputKeys = []string{"type", "unit", "desc"}

func (l *loader) inputs(n *yaml.Node) {
	pairs, ok := l.mapping(n, "inputs", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		pos := l.f.pos(p.kn)
		in := rules.Input{Name: p.key, Pos: pos} // Build checks the name and reports it here
		typeNode := p.value
		if p.value.Kind == yaml.AliasNode {
			// reported once; declare it so its uses raise no second error (the file is refused)
			l.d.inputs = append(l.d.inputs, rules.Input{Name: p.key, Type: rules.TypeDecimal})
			continue
		}
		if p.value.Kind == yaml.MappingNode {
			typeNode = nil
			fields, _ := l.mapping(p.value, "输入 "+p.key, l.d.id)
			for _, f := range fields {
				switch f.key {
				case "type":
					typeNode = f.value
				case "unit":
					in.Unit, _ = l.scalar(f.value, "unit", l.d.id)
				case "desc":
					in.Desc, _ = l.scalar(f.value, "desc", l.d.id)
				default:
					l.unknownKey(f, p.value, inputKeys, "输入 "+p.key, l.d.id)
				}
			}
			if typeNode == nil {
				l.fail(pos, rules.ErrFileMissing, l.d.id, "输入 %s 缺少 type（可选：decimal、int、string、bool、date、list）", p.key)
				continue
			}
		}
		s, ok := l.scalar(typeNode, "输入 "+p.key+" 的 type", l.d.id)
		if !ok {
			continue
		}
		t, ok := rules.ParseType(s)
		if !ok {
			l.fail(l.f.pos(typeNode), rules.ErrFileValue, l.d.id, "输入 %s 的类型 %s 无效（可选：decimal、int、string、bool、date、list）", p.key, s)
			continue
		}
		in.Type = t
		l.d.inputs = append(l.d.inputs, in)
		l.d.inputPos[in.Name] = pos
	}
}

var paramValueKeys = []string{"since", "value", "reference", "desc"}

func (l *loader) params(n *yaml.Node) {
	pairs, ok := l.mapping(n, "params", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		prm := Param{Name: p.key, Pos: l.f.pos(p.kn)}
		switch p.value.Kind {
		case yaml.ScalarNode:
			prm.Values = []ParamValue{{Value: l.literal(p.value), Pos: l.f.pos(p.value)}}
		case yaml.MappingNode:
			if v, ok := l.paramValue(p.value, p.key, false); ok {
				prm.Values = []ParamValue{v}
			}
		case yaml.SequenceNode:
			for _, item := range p.value.Content {
				if v, ok := l.paramValue(item, p.key, true); ok {
					prm.Values = append(prm.Values, v)
				}
			}
			l.checkSince(prm)
		default:
			l.fail(prm.Pos, rules.ErrFileValue, l.d.id, "参数 %s 应为一个值，或带 since 的列表", p.key)
		}
		if len(prm.Values) > 0 {
			l.d.params = append(l.d.params, prm)
		}
	}
}

func (l *loader) paramValue(n *yaml.Node, name string, dated bool) (ParamValue, bool) {
	fields, ok := l.mapping(n, "参数 "+name+" 的取值", l.d.id)
	if !ok {
		return ParamValue{}, false
	}
	v := ParamValue{Pos: l.f.pos(n)}
	hasValue := false
	for _, f := range fields {
		switch f.key {
		case "since":
			v.Since, _ = l.date(f.value, "since", l.d.id)
			v.SincePos = l.f.pos(f.value)
		case "value":
			v.Value, v.Pos, hasValue = l.literal(f.value), l.f.pos(f.value), true
		case "reference":
			v.Reference, _ = l.scalar(f.value, "reference", l.d.id)
		case "desc":
		default:
			l.unknownKey(f, n, paramValueKeys, "参数 "+name, l.d.id)
		}
	}
	if !hasValue {
		l.fail(l.f.pos(n), rules.ErrFileMissing, l.d.id, "参数 %s 的取值缺少 value", name)
		return v, false
	}
	if dated && v.Since.IsZero() && len(fields) > 0 {
		l.fail(l.f.pos(n), rules.ErrFileMissing, l.d.id, "参数 %s 的分段取值缺少 since（从哪天起生效）", name)
		return v, false
	}
	return v, true
}

// checkSince requires dated values in increasing order of date, each date once.
func (l *loader) checkSince(p Param) {
	for i := 1; i < len(p.Values); i++ {
		if !p.Values[i].Since.After(p.Values[i-1].Since) {
			l.fail(p.Values[i].SincePos, rules.ErrFileVersion, l.d.id, "参数 %s 的 since 日期应从早到晚排列且不重复", p.Name)
		}
	}
}

// literal reads a plain value: true/false, a number if it reads as one (exactly, from its
// text), a date written 2024-01-01, otherwise text. A quoted value is always text.
func (l *loader) literal(n *yaml.Node) rules.Value {
	if n.Kind != yaml.ScalarNode {
		l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "这里应为单个值，这里是%s", kindName(n))
		return rules.Value{}
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return rules.TextOf(n.Value)
	}
	v := plainLiteral(n.Value, n.Tag)
	if v.Type() == rules.TypeString && startsLikeNumber(n.Value) {
		return l.constExpr(n)
	}
	return v
}

// startsLikeNumber reports whether an unquoted value begins like a number (8/12, 20万, 1e3):
// staff mean a number there, so it must not silently become text.
func startsLikeNumber(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "-+－＋")
	for _, r := range s {
		return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
	}
	return false
}

// constExpr reads a value written as a constant expression such as 8/12; if it is not one,
// the expression's own errors say why, with a hint to quote real text.
func (l *loader) constExpr(n *yaml.Node) rules.Value {
	e := l.f.exprOf(n)
	p, err := rules.Build(rules.Spec{Formulas: []rules.Formula{{Expr: e}}}, rules.MaxNodes(200))
	if err == nil {
		if v, err := p.EvalValue(nil); err == nil && v.Type() == rules.TypeDecimal {
			return v
		}
	}
	for _, x := range rules.Errors(err) {
		c := *x
		c.RuleID = l.d.id
		c.Msg += "（如果这是文本，请加引号）"
		l.errs = append(l.errs, &c)
	}
	if err == nil {
		l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "值 %s 应为数字（如果这是文本，请加引号）", n.Value)
	}
	return rules.Value{}
}

func plainLiteral(s, tag string) rules.Value {
	switch {
	case tag == "!!bool" && (s == "true" || s == "false"):
		return rules.BoolOf(s == "true")
	case tag == "!!null":
		return rules.Value{}
	}
	if d, err := amount.ParseDecimal(s); err == nil {
		return rules.NumberOf(d)
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return rules.DateOf(t)
	}
	return rules.TextOf(s)
}

var formulaKeys = []string{"expr", "desc"}

func (l *loader) formulas(n *yaml.Node) {
	pairs, ok := l.mapping(n, "formulas", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		l.d.results = append(l.d.results, p.key)
		e, ok := l.exprNode(p.value, "公式 "+p.key, p.key)
		if ok {
			l.d.formulas = append(l.d.formulas, rules.Formula{Name: p.key, Expr: e, Pos: l.f.pos(p.kn)})
		}
	}
}

// exprNode reads an expression written as a plain value or as {expr: …, desc: …}.
func (l *loader) exprNode(n *yaml.Node, what, rule string) (rules.Expr, bool) {
	if n.Kind == yaml.MappingNode {
		fields, _ := l.mapping(n, what, rule)
		var e *yaml.Node
		for _, f := range fields {
			switch f.key {
			case "expr":
				e = f.value
			case "desc":
			default:
				l.unknownKey(f, n, formulaKeys, what, rule)
			}
		}
		if e == nil {
			l.fail(l.f.pos(n), rules.ErrFileMissing, rule, "%s 缺少 expr", what)
			return rules.Expr{}, false
		}
		n = e
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为一个表达式，这里是%s", what, kindName(n))
		return rules.Expr{}, false
	}
	return l.f.exprOf(n), true
}

var rowKeys = []string{"when", "then", "else", "desc"}

func (l *loader) tables(n *yaml.Node) {
	pairs, ok := l.mapping(n, "tables", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		l.d.results = append(l.d.results, p.key)
		t := rules.Table{Name: p.key, Pos: l.f.pos(p.kn)}
		if p.value.Kind != yaml.SequenceNode {
			l.fail(l.f.pos(p.value), rules.ErrFileValue, p.key, "决策表 %s 应为行的列表（每行以 - 开头）", p.key)
			continue
		}
		okAll := true
		for i, rn := range p.value.Content {
			r, ok := l.row(rn, p.key, i+1)
			okAll = okAll && ok
			t.Rows = append(t.Rows, r)
		}
		if okAll {
			l.d.tables = append(l.d.tables, t)
		}
	}
}

func (l *loader) row(n *yaml.Node, table string, num int) (rules.Row, bool) {
	r := rules.Row{Pos: l.f.pos(n)}
	fields, ok := l.mapping(n, fmt.Sprintf("决策表 %s 第 %d 行", table, num), table)
	if !ok {
		return r, false
	}
	var when, then, els *yaml.Node
	okAll := true
	for _, f := range fields {
		switch f.key {
		case "when":
			when = f.value
		case "then":
			then = f.value
		case "else":
			els = f.value
		case "desc":
		default:
			l.unknownKey(f, n, rowKeys, fmt.Sprintf("决策表 %s 第 %d 行", table, num), table)
			okAll = false
		}
	}
	switch {
	case els != nil && (when != nil || then != nil):
		l.fail(r.Pos, rules.ErrFileValue, table, "决策表 %s 第 %d 行：else 行只写 else: 结果，不能再有 when 或 then", table, num)
		return r, false
	case els != nil:
		r.Else = true
		then = els
	case when == nil || then == nil:
		l.fail(r.Pos, rules.ErrFileMissing, table, "决策表 %s 第 %d 行需要 when 和 then（或只写 else）", table, num)
		return r, false
	default:
		e, ok := l.exprNode(when, fmt.Sprintf("决策表 %s 第 %d 行的 when", table, num), table)
		r.When, okAll = e, okAll && ok
	}
	out, ok := l.outcome(then, table, num)
	r.Then = out
	return r, okAll && ok
}

// outcome reads then: a plain value is a literal; {expr: …} is computed.
func (l *loader) outcome(n *yaml.Node, table string, num int) (rules.Outcome, bool) {
	if n.Kind == yaml.MappingNode {
		e, ok := l.exprNode(n, fmt.Sprintf("决策表 %s 第 %d 行的结果", table, num), table)
		return rules.Outcome{Expr: &e, Pos: l.f.pos(n)}, ok
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.fail(l.f.pos(n), rules.ErrFileValue, table, "决策表 %s 第 %d 行的结果应为一个值，或 {expr: 表达式}", table, num)
		return rules.Outcome{}, false
	}
	return rules.Outcome{Value: l.literal(n), Pos: l.f.pos(n)}, true
}
