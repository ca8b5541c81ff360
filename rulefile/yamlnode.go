package rulefile

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The shapes a rule file's values take, as goccy/go-yaml's nodes show them. Anchors and
// tags are refused (see yamlstrict.go) but looked through, so that what they wrap is still
// read and its own mistakes reported in the same run.

// unwrap is the node an anchor or tag stands in front of.
func unwrap(n ast.Node) ast.Node {
	for {
		switch w := n.(type) {
		case *ast.AnchorNode:
			n = w.Value
		case *ast.TagNode:
			n = w.Value
		case *ast.MappingKeyNode: // ? key
			n = w.Value
		default:
			return n
		}
	}
}

func isAlias(n ast.Node) bool {
	_, ok := unwrap(n).(*ast.AliasNode)
	return ok
}

// asMapping and asSequence give a node as a mapping or a list, if it is one.
func asMapping(n ast.Node) (*ast.MappingNode, bool) {
	m, ok := unwrap(n).(*ast.MappingNode)
	return m, ok && m != nil
}

func asSequence(n ast.Node) (*ast.SequenceNode, bool) {
	s, ok := unwrap(n).(*ast.SequenceNode)
	return s, ok && s != nil
}

// isScalar reports whether n is a single value: plain, quoted or a block (| or >),
// empty (null) included.
func isScalar(n ast.Node) bool {
	switch unwrap(n).(type) {
	case *ast.StringNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode,
		*ast.InfinityNode, *ast.NanNode, *ast.LiteralNode:
		return true
	}
	return false
}

// isNull reports whether n is YAML's empty value: nothing, ~ or null.
func isNull(n ast.Node) bool {
	switch unwrap(n).(type) {
	case nil, *ast.NullNode:
		return true
	}
	return false
}

// isQuoted reports whether n is written in quotes: always text, never a number.
func isQuoted(n ast.Node) bool {
	n = unwrap(n)
	if n == nil {
		return false
	}
	tk := n.GetToken()
	return tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType)
}

// scalarText is a single value's text as YAML reads it: a plain value as written (line
// breaks folded), a quoted one decoded, a block one's content, "" for an empty value.
func scalarText(n ast.Node) string {
	switch s := unwrap(n).(type) {
	case nil:
		return ""
	case *ast.LiteralNode:
		if s.Value == nil {
			return ""
		}
		return s.Value.Value
	case *ast.NullNode:
		if s.Token == nil || s.Token.Type == token.ImplicitNullType {
			return ""
		}
		return s.Token.Value
	case *ast.StringNode:
		return s.Value
	case ast.ScalarNode:
		if tk := s.GetToken(); tk != nil {
			return tk.Value // a number or bool as written: 0x1F, 1.50, True
		}
	}
	return ""
}

// kindName says what a node is, for "应为…，这里是…" messages.
func kindName(n ast.Node) string {
	switch {
	case isNull(n):
		return "空值"
	case isAlias(n):
		return "别名"
	case isScalar(n) && scalarText(n) == "":
		return "空文本 \"\"" // expect: "": nothing to show after the words
	case isScalar(n):
		return "单个值 " + excerpt(scalarText(n))
	}
	if _, ok := asMapping(n); ok {
		return "映射"
	}
	if _, ok := asSequence(n); ok {
		return "列表"
	}
	return "其他内容"
}
