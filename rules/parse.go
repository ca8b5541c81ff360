package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// predicateNames are names expr's parser would read as predicate built-ins (all, map, ...);
// declaring them as functions makes the parser read them as plain calls, which the checker
// then accepts or rejects by our own rules.
var predicateNames = []string{"all", "none", "any", "one", "filter", "map", "count", "sum", "find",
	"findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce"}

// parserConfig turns off every expr built-in, so each call reaches our checker as a CallNode.
func parserConfig(maxNodes int) *conf.Config {
	c := conf.CreateNew()
	c.MaxNodes = uint(maxNodes)
	for _, f := range builtin.Builtins {
		c.Disabled[f.Name] = true
	}
	for _, n := range predicateNames {
		c.Functions[n] = &builtin.Function{Name: n}
	}
	return c
}

// parse pre-lexes and parses one expression.
func parse(e Expr, ruleID string, lim limits) (*source, ast.Node, ErrorList) {
	src, errs := prelex(e, ruleID, lim)
	if src.norm == "" && len(errs) > 0 {
		return src, nil, errs
	}
	tree, err := parser.ParseWithConfig(src.norm, parserConfig(lim.maxNodes))
	if err != nil {
		if len(errs) > 0 {
			// the pre-lexer's message names the real cause; expr's would only echo it
			return src, nil, errs
		}
		return src, nil, ErrorList{translateParseError(src, err)}
	}
	return src, tree.Node, errs
}

var (
	reUnexpected = regexp.MustCompile(`^unexpected token (\w+)(?:\("(.*)"\))?$`)
	reUnknownCh  = regexp.MustCompile(`^unrecognized character: (U\+[0-9A-F]+)(?: '(.*)')?$`)
)

// translateParseError turns expr's English parser message into the staff's words.
func translateParseError(src *source, err error) *Error {
	fe, ok := err.(*file.Error)
	if !ok {
		return src.errAt(ErrSyntax, 0, 0, "语法错误")
	}
	from := min(max(fe.From, 0), src.runes)
	msg := fe.Message
	code := ErrSyntax
	switch m := reUnexpected.FindStringSubmatch(msg); {
	case m != nil && m[1] == "EOF":
		msg = "表达式不完整：结尾缺少内容（是否少了右括号、操作数或参数？）"
		from = src.runes
	case m != nil:
		tok := m[2]
		if lit, ok := src.lits[from]; ok {
			tok = lit // the parser saw our blank "0"; the author wrote this number
		}
		msg = unexpectedToken(tok)
	case strings.Contains(msg, "maximum allowed nodes"):
		code, msg = ErrLimit, "表达式过于复杂：节点数超过上限"
	case strings.HasPrefix(msg, "unexpected end"):
		msg, from = "表达式不完整：结尾缺少内容", src.runes
	case strings.HasPrefix(msg, "literal not terminated"):
		msg = "文本缺少结束引号"
	case strings.HasPrefix(msg, "unclosed comment"):
		msg = "注释 /* 没有结束的 */"
	case reUnknownCh.MatchString(msg):
		m := reUnknownCh.FindStringSubmatch(msg)
		code, msg = ErrChar, fmt.Sprintf("无法识别的字符 %s", m[2])
		if m[2] == "" {
			msg = fmt.Sprintf("表达式中有看不见的字符 %s，请删除", m[1])
		}
	case strings.HasPrefix(msg, "invalid char escape"):
		msg = "文本中的反斜杠 \\ 写法无效：要写反斜杠本身请写两个 \\\\"
	case strings.HasPrefix(msg, "expected name"), strings.Contains(msg, "map key"):
		msg = "语法错误：此处缺少名称"
	case strings.Contains(msg, "coalesce"):
		code, msg = ErrUnsupported, "不支持 ?? 运算"
	default:
		msg = "语法错误（" + msg + "）"
	}
	return src.errAt(code, from, from+1, msg)
}

func unexpectedToken(tok string) string {
	switch tok {
	case ")", "]", "}":
		return fmt.Sprintf("语法错误：多余的 %s，或前面缺少内容", tok)
	case ",":
		return "语法错误：此处不应出现逗号（参数只能写在函数括号里）"
	case "=":
		return "语法错误：比较相等请写 ==，不是 ="
	case "":
		return "语法错误：此处不应出现这个符号"
	}
	return fmt.Sprintf("语法错误：此处不应出现 %s", tok)
}
