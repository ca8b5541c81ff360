package rules

import (
	"errors"
	"testing"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseMessages makes expr's parser produce every message parseMessages translates, and
// checks the entry that caught it and the Chinese it became. When an upgrade of expr rewords
// a message, the row fails here instead of staff reading English.
func TestParseMessages(t *testing.T) {
	rows := []struct {
		entry    string // the parseMessages entry that must catch expr's message
		text     string // what expr's parser reads
		maxNodes int    // 0: the default limit
		code     Code
		msg      string
		col      int
		reason   string
	}{
		{entry: "eof", text: "1 +", code: ErrSyntax, col: 4,
			msg:    "表达式不完整：结尾缺少内容（是否少了右括号、操作数或参数？）",
			reason: "a missing operand is reported just past the end, where it should have been"},
		{entry: "eof", text: "round(1, 2", code: ErrSyntax, col: 11,
			msg:    "表达式不完整：结尾缺少内容（是否少了右括号、操作数或参数？）",
			reason: "an unclosed call ends the text too soon as well"},
		{entry: "extra-closer", text: "1 + 2)", code: ErrSyntax, col: 6,
			msg: "语法错误：多余的 )，或前面缺少内容", reason: "an extra ) is named"},
		{entry: "extra-closer", text: "[1, 2]]", code: ErrSyntax, col: 7,
			msg: "语法错误：多余的 ]，或前面缺少内容", reason: "an extra ] is named too"},
		{entry: "comma", text: "1, 2", code: ErrSyntax, col: 2,
			msg: "语法错误：此处不应出现逗号（参数只能写在函数括号里）", reason: "a comma outside a call"},
		{entry: "single-equals", text: "执行率 = 1", code: ErrSyntax, col: 5,
			msg: "语法错误：比较相等请写 ==，不是 =", reason: "= typed for =="},
		{entry: "empty-token", text: `1 ""`, code: ErrSyntax, col: 3,
			msg: "语法错误：此处不应出现这个符号", reason: "expr prints a token without text by its kind alone"},
		{entry: "token", text: "1 + * 2", code: ErrSyntax, col: 5,
			msg: "语法错误：此处不应出现 *", reason: "an operator where an operand belongs"},
		{entry: "token", text: "1 23.50", code: ErrSyntax, col: 3,
			msg: "语法错误：此处不应出现 23.50", reason: "a number is named as the author wrote it, not as the parser read it"},
		{entry: "nodes", text: "1 + 2 + 3 + 4", maxNodes: 3, code: ErrLimit, col: 11,
			msg: "表达式过于复杂：节点数超过上限", reason: "MaxNodes bounds the tree expr builds"},
		{entry: "end", text: "部门.", code: ErrSyntax, col: 4,
			msg: "表达式不完整：结尾缺少内容", reason: "a dot with nothing after it"},
		{entry: "unterminated", text: `"财政`, code: ErrSyntax, col: 4,
			msg: "文本缺少结束引号", reason: "the pre-lexer reports this first in Compile; the entry stays for text it lets through"},
		{entry: "comment", text: "1 /* 说明", code: ErrSyntax, col: 8,
			msg: "注释 /* 没有结束的 */", reason: "an unclosed block comment"},
		{entry: "char", text: "1 @ 2", code: ErrChar, col: 3,
			msg: "无法识别的字符 @", reason: "a visible character the language does not know is shown"},
		{entry: "invisible-char", text: "1 \x01 2", code: ErrChar, col: 3,
			msg: "表达式中有看不见的字符 U+0001，请删除", reason: "an invisible character is named by its code point"},
		{entry: "escape", text: `"\q"`, code: ErrSyntax, col: 3,
			msg: `文本中的反斜杠 \ 写法无效：要写反斜杠本身请写两个 \\`, reason: "a backslash that escapes nothing"},
		{entry: "name", text: "部门.+", code: ErrSyntax, col: 4,
			msg: "语法错误：此处缺少名称", reason: "a dot must be followed by a name"},
		{entry: "map-key", text: "{[: 1}", code: ErrSyntax, col: 2,
			msg: "语法错误：此处缺少名称", reason: "a map key that is not a name"},
		{entry: "coalesce", text: "a ?? b + 1", code: ErrUnsupported, col: 8,
			msg: "不支持 ?? 运算", reason: "?? mixed with another operator fails in the parser, not the checker"},
	}
	tested := map[string]bool{}
	for _, r := range rows {
		t.Run(r.entry+"/"+r.text, func(t *testing.T) {
			require.NotEmpty(t, r.reason, "every row says why")
			tested[r.entry] = true
			lim := defaultLimits()
			if r.maxNodes > 0 {
				lim.maxNodes = r.maxNodes
			}
			src, lexed := prelex(Expr{Text: r.text}, "", lim)
			_, err := parser.ParseWithConfig(r.text, parserConfig(lim.maxNodes))
			var fe *file.Error
			require.ErrorAs(t, err, &fe, "expr must reject %q", r.text)
			assert.Equal(t, r.entry, catching(fe.Message), "which entry translates expr's %q", fe.Message)
			e := translateParseError(src, err)
			assert.Equal(t, r.code, e.Code, "code")
			assert.Equal(t, r.msg, e.Msg, "message")
			assert.Equal(t, [2]int{1, r.col}, [2]int{e.Line, e.Col}, "position")
			if len(lexed) == 0 { // Compile reaches expr's parser with the same text: same report
				_, err := Compile(r.text, MaxNodes(lim.maxNodes))
				if list := Errors(err); assert.Len(t, list, 1, "%v", err) {
					assert.Equal(t, *e, *list[0], "Compile reports what the table gives")
				}
			}
		})
	}
	for _, pm := range parseMessages {
		assert.True(t, tested[pm.name], "entry %s has no row that makes expr produce its message", pm.name)
	}
}

// catching names the first entry of parseMessages that matches msg, or "".
func catching(msg string) string {
	for _, pm := range parseMessages {
		if pm.re.MatchString(msg) {
			return pm.name
		}
	}
	return ""
}

// TestParseMessageFallback: a message no entry knows, or an error that is not expr's, still
// reaches staff in Chinese, positioned and coded as a syntax error.
func TestParseMessageFallback(t *testing.T) {
	src, _ := prelex(Expr{Text: "1 + 2"}, "", defaultLimits())
	for _, c := range []struct {
		err    error
		msg    string
		col    int
		reason string
	}{
		{&file.Error{Location: file.Location{From: 2}, Message: "a message expr has not written yet"},
			"语法错误（a message expr has not written yet）", 3,
			"an unknown message keeps expr's words in brackets after Chinese, at expr's place"},
		{errors.New("not a file.Error"), "语法错误", 1, "an error without a place points at the start"},
	} {
		t.Run(c.msg, func(t *testing.T) {
			require.NotEmpty(t, c.reason, "every row says why")
			assert.Equal(t, "", catching(c.err.Error()), "no entry may catch it")
			e := translateParseError(src, c.err)
			assert.Equal(t, ErrSyntax, e.Code)
			assert.Equal(t, c.msg, e.Msg)
			assert.Equal(t, [2]int{1, c.col}, [2]int{e.Line, e.Col})
		})
	}
}
