package rules

import (
	"fmt"
	"regexp"

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

// parseMessage translates one message of expr's parser into the staff's words. expr's
// English is not an API: every entry has a test that makes expr produce the message, so an
// upgrade that rewords one fails a test instead of showing staff English.
type parseMessage struct {
	name  string         // names the entry in tests
	re    *regexp.Regexp // matches expr's message; submatches go to msg
	code  Code
	atEnd bool // the problem is that the text ends too soon: point past its end
	msg   func(src *source, from int, m []string) string
}

// says is a message builder for a fixed message.
func says(msg string) func(*source, int, []string) string {
	return func(*source, int, []string) string { return msg }
}

// parseMessages is tried in order; the first entry that matches translates the message.
var parseMessages = []parseMessage{
	{name: "eof", re: regexp.MustCompile(`^unexpected token EOF$`), code: ErrSyntax, atEnd: true,
		msg: says("表达式不完整：结尾缺少内容（是否少了右括号、操作数或参数？）")},
	{name: "extra-closer", re: regexp.MustCompile(`^unexpected token \w+\("([)\]}])"\)$`), code: ErrSyntax,
		msg: func(_ *source, _ int, m []string) string {
			return fmt.Sprintf("语法错误：多余的 %s，或前面缺少内容", m[1])
		}},
	{name: "comma", re: regexp.MustCompile(`^unexpected token \w+\(","\)$`), code: ErrSyntax,
		msg: says("语法错误：此处不应出现逗号（参数只能写在函数括号里）")},
	{name: "single-equals", re: regexp.MustCompile(`^unexpected token \w+\("="\)$`), code: ErrSyntax,
		msg: says("语法错误：比较相等请写 ==，不是 =")},
	{name: "empty-token", re: regexp.MustCompile(`^unexpected token \w+$`), code: ErrSyntax,
		msg: says("语法错误：此处不应出现这个符号")},
	{name: "token", re: regexp.MustCompile(`^unexpected token \w+\("(.*)"\)$`), code: ErrSyntax,
		msg: func(src *source, from int, m []string) string {
			tok := m[1]
			if lit, ok := src.lits[from]; ok {
				tok = lit // the parser saw our blank "0"; the author wrote this number
			}
			return fmt.Sprintf("语法错误：此处不应出现 %s", tok)
		}},
	{name: "nodes", re: regexp.MustCompile(`maximum allowed nodes`), code: ErrLimit,
		msg: says("表达式过于复杂：节点数超过上限")},
	{name: "end", re: regexp.MustCompile(`^unexpected end`), code: ErrSyntax, atEnd: true,
		msg: says("表达式不完整：结尾缺少内容")},
	{name: "unterminated", re: regexp.MustCompile(`^literal not terminated`), code: ErrSyntax,
		msg: says("文本缺少结束引号")},
	{name: "comment", re: regexp.MustCompile(`^unclosed comment`), code: ErrSyntax,
		msg: says("注释 /* 没有结束的 */")},
	{name: "char", re: regexp.MustCompile(`^unrecognized character: U\+[0-9A-F]+ '(.*)'$`), code: ErrChar,
		msg: func(_ *source, _ int, m []string) string { return fmt.Sprintf("无法识别的字符 %s", m[1]) }},
	{name: "invisible-char", re: regexp.MustCompile(`^unrecognized character: (U\+[0-9A-F]+)$`), code: ErrChar,
		msg: func(_ *source, _ int, m []string) string {
			return fmt.Sprintf("表达式中有看不见的字符 %s，请删除", m[1])
		}},
	{name: "escape", re: regexp.MustCompile(`^invalid char escape`), code: ErrSyntax,
		msg: says("文本中的反斜杠 \\ 写法无效：要写反斜杠本身请写两个 \\\\")},
	{name: "name", re: regexp.MustCompile(`^expected name`), code: ErrSyntax,
		msg: says("语法错误：此处缺少名称")},
	{name: "map-key", re: regexp.MustCompile(`map key`), code: ErrSyntax,
		msg: says("语法错误：此处缺少名称")},
	{name: "coalesce", re: regexp.MustCompile(`coalesce`), code: ErrUnsupported,
		msg: says("不支持 ?? 运算")},
}

// translateParseError turns expr's English parser message into the staff's words, through
// parseMessages. A message no entry knows is still reported in Chinese, with expr's words
// in brackets for whoever maintains the table.
func translateParseError(src *source, err error) *Error {
	fe, ok := err.(*file.Error)
	if !ok {
		return src.errAt(ErrSyntax, 0, 0, "语法错误")
	}
	from := min(max(fe.From, 0), src.runes)
	for _, pm := range parseMessages {
		m := pm.re.FindStringSubmatch(fe.Message)
		if m == nil {
			continue
		}
		if pm.atEnd {
			from = src.runes
		}
		return src.errAt(pm.code, from, from+1, pm.msg(src, from, m))
	}
	return src.errAt(ErrSyntax, from, from+1, "语法错误（"+fe.Message+"）")
}
