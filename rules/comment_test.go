package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestCommentInExpression: expr reads // and /* */ as comments, so 执行数 // 预算数 would
// silently compute 执行数. Each is refused at its own column; a // inside quotes is text.
func TestCommentInExpression(t *testing.T) {
	decl := []rules.Option{rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal),
		rules.WithInput("网址", rules.TypeString)}
	rows := []struct {
		name   string
		text   string
		col    int // 0: the text compiles
		msg    string
		reason string
	}{
		{name: "double-slash", text: "执行数 // 预算数", col: 5,
			msg:    "表达式中不能写注释 //：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）；除法只写一个 /",
			reason: "the mistake of the issue: expr would compute 执行数 and pass"},
		{name: "block", text: "执行数 /* 万元 */ / 预算数", col: 5,
			msg:    "表达式中不能写注释 /*：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）",
			reason: "a closed block comment is refused too, without the division hint"},
		{name: "unclosed-block", text: "执行数 / 预算数 /* 说明", col: 11,
			msg:    "表达式中不能写注释 /*：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）",
			reason: "one message, not expr's unclosed-comment one as well"},
		{name: "full-width", text: "执行数 ／／ 预算数", col: 5,
			msg:    "表达式中不能写注释 //：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）；除法只写一个 /",
			reason: "full-width slashes are normalised first, so they are a comment too"},
		{name: "second-line", text: "执行数\n  // 预算数", col: 3,
			msg:    "表达式中不能写注释 //：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）；除法只写一个 /",
			reason: "the column is the comment's own, on its own line"},
		{name: "hash", text: "执行数 / 预算数# 万元", col: 10,
			msg:    "表达式中的 # 没有被当作注释：YAML 只把前面有空格、又不在引号或 | 块里的 # 当作注释，请把说明移到表达式之外",
			reason: "YAML keeps a # with no blank before it in the value; expr would say only that # is unexpected"},
		{name: "hash-in-block", text: "round(执行数 / 预算数, 4)\n  # 显示到 0.01%\n", col: 3,
			msg:    "表达式中的 # 没有被当作注释：YAML 只把前面有空格、又不在引号或 | 块里的 # 当作注释，请把说明移到表达式之外",
			reason: "a | block has no comments: the line is part of the expression"},
		{name: "hash-after-number", text: "执行数 / 12#万元", col: 9,
			msg:    "表达式中的 # 没有被当作注释：YAML 只把前面有空格、又不在引号或 | 块里的 # 当作注释，请把说明移到表达式之外",
			reason: "after a number too"},
		{name: "hash-in-string", text: `网址 == "#1"`, reason: "a # in quotes is text"},
		{name: "in-string", text: `网址 == "http://a/*b"`,
			reason: "inside quotes // and /* are text"},
		{name: "division", text: "执行数 / 预算数 / 2",
			reason: "single slashes are division"},
		{name: "divide-by-negative", text: "执行数 /-预算数",
			reason: "a slash followed by a minus is division"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			needReason(t, r.name, r.reason)
			_, err := rules.Compile(r.text, decl...)
			if r.col == 0 {
				require.NoError(t, err, r.reason)
				return
			}
			list := rules.Errors(err)
			require.Len(t, list, 1, r.reason)
			assert.Equal(t, rules.ErrComment, list[0].Code, r.reason)
			assert.Equal(t, r.col, list[0].Col, r.reason)
			assert.Equal(t, r.msg, list[0].Msg, r.reason)
		})
	}
}
