package rulefile

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/rules"
)

// A rule file is read more strictly than goccy/go-yaml reads YAML. What goccy accepts but
// YAML (and the reader before it) refused is refused here too, where it is almost always a
// slip: a tab in the indentation, a flow-style value that swallowed the next key, a value
// that starts with a YAML indicator. And what YAML allows but rule files do not need is
// refused: anchors and aliases (which also rule out alias bombs), merge keys, every tag but
// the four plain ones (!!str, !!int, !!bool, !!null, checked against their value), and
// .inf and .nan, which no exact decimal can hold.

const (
	hintTab       = "YAML 只能用空格缩进，不能用制表符 Tab"
	hintAnchor    = "规则文件不支持 YAML 锚点和别名（& 和 *），请直接写出内容"
	hintTag       = "值以 ! 开头会被当作 YAML 标签，请给这个值加引号"
	hintMergeKey  = "规则文件不支持 YAML 合并键 <<，请直接写出内容"
	hintTags      = "规则文件只接受 !!str、!!int、!!bool、!!null 这四种 YAML 标签"
	hintInf       = "规则文件中的数都是精确小数，没有 %s（无穷大或非数）；确是文字请加引号"
	hintFlowColon = "{…} 写法中的值里出现了“: ”：各项之间是否少了逗号？值里确有冒号时请给值加引号"
	hintLeadComma = "花括号 { } 里开头多了一个逗号"
)

// strictTokens refuses tabs where YAML refuses them but goccy does not: in the indentation
// of a line in block style, and between a block - or ? and what follows it on the line.
func (f *yamlFile) strictTokens() rules.ErrorList {
	var errs rules.ErrorList
	flow, prevEnd := 0, f.bom
	var prev *token.Token
	for _, tk := range f.tokens {
		s, ok := f.spans[tk]
		if !ok {
			break
		}
		if flow == 0 && s.start > prevEnd {
			gap := f.runes[prevEnd:s.start]
			indent := 0 // where the last line of the gap starts
			for i, r := range gap {
				if r == '\n' || r == '\r' {
					indent = i + 1
				}
			}
			lineStart := indent > 0 || prev == nil
			afterEntry := prev != nil && (prev.Type == token.SequenceEntryType || prev.Type == token.MappingKeyType)
			if lineStart || afterEntry {
				if i := indexRune(gap[indent:], '\t'); i >= 0 {
					errs = append(errs, f.yamlError(prevEnd+indent+i, hintTab))
				}
			}
		}
		switch tk.Type {
		case token.MappingStartType, token.SequenceStartType:
			flow++
		case token.MappingEndType, token.SequenceEndType:
			flow = max(flow-1, 0)
		}
		prev, prevEnd = tk, s.end
	}
	return errs
}

// strictNodes refuses the YAML constructs rule files do without, and the values goccy
// reads more leniently than YAML, anywhere under n.
func (f *yamlFile) strictNodes(n ast.Node) rules.ErrorList {
	var errs rules.ErrorList
	f.strictNode(n, false, &errs)
	return errs
}

func (f *yamlFile) strictNode(n ast.Node, flow bool, errs *rules.ErrorList) {
	fail := func(off int, msg string) { *errs = append(*errs, f.yamlError(off, msg)) }
	unsupported := func(tk *token.Token, msg string) { // not a YAML mistake: a rule-file rule
		e := f.yamlError(f.tokenStart(tk), "")
		e.Msg = msg
		*errs = append(*errs, e)
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		unsupported(n.Start, hintAnchor) // once for all it holds (an alias bomb holds thousands)
	case *ast.AliasNode:
		unsupported(n.Start, hintAnchor)
	case *ast.TagNode:
		if msg := tagProblem(n); msg != "" {
			fail(f.tokenStart(n.Start), msg)
			f.refused[unwrap(n)] = true
		}
		f.strictNode(n.Value, flow, errs)
	case *ast.InfinityNode, *ast.NanNode:
		tk := n.GetToken()
		unsupported(tk, fmt.Sprintf(hintInf, tk.Value))
		f.refused[n] = true
	case *ast.MergeKeyNode:
		unsupported(n.Token, hintMergeKey)
	case *ast.MappingKeyNode:
		f.strictNode(n.Value, flow, errs)
	case *ast.MappingNode:
		if n.IsFlowStyle && len(n.Values) > 0 && n.Values[0].CollectEntry != nil {
			fail(f.tokenStart(n.Values[0].CollectEntry), hintLeadComma)
		}
		for _, v := range n.Values {
			f.strictNode(v.Key, flow || n.IsFlowStyle, errs)
			f.strictNode(v.Value, flow || n.IsFlowStyle, errs)
		}
	case *ast.SequenceNode:
		for _, v := range n.Values {
			f.strictNode(v, flow || n.IsFlowStyle, errs)
		}
	case ast.ScalarNode:
		if f.fullWidth[n.GetToken()] {
			f.refused[n] = true // reported by fullWidthTokens
			return
		}
		if s, ok := f.plainSpan(n); ok && !f.strictPlain(s, flow, fail) {
			f.refused[n] = true
		}
	}
}

// tagProblem says what is wrong with an explicit tag: one other than the four plain ones, or
// one its value does not fit (!!int 1.5, !!bool yes); "" when it is fine.
func tagProblem(n *ast.TagNode) string {
	tag := n.Start.Value
	v := unwrap(n.Value)
	fits := false
	switch tag {
	case "!!str":
		fits = isScalar(v)
	case "!!int":
		_, fits = v.(*ast.IntegerNode)
	case "!!bool":
		_, fits = v.(*ast.BoolNode)
	case "!!null":
		fits = isNull(v)
	default:
		if strings.HasPrefix(tag, "!!") {
			return hintTags + "，这里是 " + excerpt(tag)
		}
		return hintTag
	}
	if !fits {
		return fmt.Sprintf("标签 %s 与后面的值 %s 不符", tag, excerpt(scalarText(v)))
	}
	return ""
}

// excerpt cuts text echoed into a message short.
func excerpt(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

// strictPlain refuses a plain value YAML would not read as one: one that starts with an
// indicator (, } ] %), and in flow style one holding ": ", which goccy takes as part of the
// value where YAML stops (often a missing comma: {预算数: 120 执行数: 80}; a full-width one
// is fullWidthTokens' to report).
// It reports whether the value is fine.
func (f *yamlFile) strictPlain(s span, flow bool, fail func(int, string)) bool {
	text := f.runes[s.start:s.end]
	if len(text) == 0 {
		return true
	}
	if strings.ContainsRune(",}]%", text[0]) {
		fail(s.start, fmt.Sprintf("值不能以“%c”开头，请给这个值加引号", text[0]))
		return false
	}
	if !flow {
		return true
	}
	for i, r := range text {
		if r == ':' && (i+1 == len(text) || isBlank(text[i+1])) {
			fail(s.start+i, hintFlowColon) // a full-width comma before it was reported already
			return false
		}
	}
	return true
}

// plainSpan is where a plain (unquoted, not block) scalar's characters are.
func (f *yamlFile) plainSpan(n ast.ScalarNode) (span, bool) {
	tk := n.GetToken()
	if tk == nil || tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType ||
		tk.Type == token.ImplicitNullType {
		return span{}, false
	}
	if _, ok := n.(*ast.LiteralNode); ok {
		return span{}, false
	}
	s, ok := f.spans[tk]
	return s, ok
}

// placeImplicitNulls places the empty values goccy makes up (title: with nothing after it)
// just after the colon or - they follow, where YAML placed them.
func (f *yamlFile) placeImplicitNulls(n ast.Node) {
	place := func(v ast.Node, after *token.Token) {
		null, ok := v.(*ast.NullNode)
		if !ok || null.Token == nil || null.Token.Type != token.ImplicitNullType {
			return
		}
		if s, ok := f.spans[after]; ok {
			f.spans[null.Token] = span{s.end, s.end, s.index}
		}
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, v := range n.Values {
			place(v.Value, v.Start)
			f.placeImplicitNulls(v.Key)
			f.placeImplicitNulls(v.Value)
		}
	case *ast.SequenceNode:
		for i, v := range n.Values {
			if i < len(n.Entries) && n.Entries[i] != nil {
				place(v, n.Entries[i].Start)
			}
			f.placeImplicitNulls(v)
		}
	case *ast.AnchorNode:
		f.placeImplicitNulls(n.Value)
	case *ast.TagNode:
		f.placeImplicitNulls(n.Value)
	case *ast.MappingKeyNode:
		f.placeImplicitNulls(n.Value)
	}
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}
