package rulefile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	goccy "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// goccyError is goccy/go-yaml's own message for src and the token it names ("", nil if it
// parses).
func goccyError(t *testing.T, src string) (string, *token.Token) {
	t.Helper()
	_, err := parser.ParseBytes([]byte(src), 0, parser.AllowDuplicateMapKey())
	if err == nil {
		return "", nil
	}
	var se *goccy.SyntaxError
	require.True(t, errors.As(err, &se), "%T: %v", err, err)
	return se.Message, se.Token
}

// TestYAMLHints feeds every entry of yamlHints a file that makes goccy/go-yaml say it, and
// checks the Chinese hint is what the author reads, at the place the entry says. When an
// upgrade of goccy rewords a message, its row fails here instead of English reaching staff.
func TestYAMLHints(t *testing.T) {
	rows := []struct {
		en     string // the entry of yamlHints
		only   bool   // whether the entry has a condition on the token
		src    string
		at     string // line:col of the error
		reason string
	}{
		{en: "mapping value is not allowed in this context", src: "ruleset: x\ntitle: 监控规则: 2024 年版\n", at: "2:12",
			reason: "值里又有“: ”：指向第二个冒号，不是值的开头"},
		{en: "value is not allowed in this context", src: "inputs:\n  a: {type: int}\n   b: {type: int}\n", at: "3:4",
			reason: "多缩进了一格的键"},
		{en: "value is not allowed in this context", only: true, src: "tests:\n  - name: 甲\n - name: 乙\n", at: "3:2",
			reason: "第二个 - 少缩进了一格"},
		{en: "non-map value is specified", src: "ruleset: x\ntitle\neffective: 2024-01-01\n", at: "2:1",
			reason: "一行只写了键，漏了冒号"},
		{en: "non-map value is specified", only: true, src: "tables:\n  等级: 1\n  - else: 优\n", at: "3:3",
			reason: "列表项与上面的键缩进相同"},
		{en: "unexpected key name", src: "title\neffective: 2024-01-01\n", at: "1:1",
			reason: "漏了冒号的一行与下一行连成了一个键"},
		{en: "block sequence entries are not allowed in this context", src: "tests: - name: a\n", at: "1:8",
			reason: "列表项 - 写在了键的同一行"},
		{en: "found an invalid key for this map", src: "[a, b]: 1\n", at: "1:7",
			reason: "列表当作键"},
		{en: "cannot start any token", src: "inputs:\n\t预算数: {type: decimal}\n", at: "2:1",
			reason: "行首的 Tab"},
		{en: "tab character", src: "\truleset: x\n", at: "1:1",
			reason: "键前的 Tab：指向 Tab，不是后面的键"},
		{en: "is a reserved character", src: "title: @民丰\n", at: "1:8",
			reason: "@ 开头的值要加引号"},
		{en: "could not find end character of", src: "title: \"民丰县\neffective: 2024-01-01\n", at: "1:8",
			reason: "没有闭合的双引号：指向开头的引号"},
		{en: "escape", src: "formulas:\n  a: \"x\\qy\"\n", at: "2:8",
			reason: "双引号里无效的 \\q：指向反斜杠"},
		{en: "surrogate", src: "formulas:\n  a: \"\\ud800\\u0041\"\n", at: "2:7",
			reason: "\\u 写出的 UTF-16 高位代理后面不是低位代理"},
		{en: "',' or ']' must be specified", src: "params:\n  p: [1, 2\nformulas: {}\n", at: "2:6",
			reason: "没有闭合的 [：指向它，而不是下一行"},
		{en: "sequence end token ']' not found", src: "params:\n  p: [\n", at: "2:6",
			reason: "文件在 [ 之后结束"},
		{en: "',' or '}' must be specified", src: "inputs:\n  得分: {type: decimal\nformulas:\n  加倍: 得分 * 2\n", at: "2:7",
			reason: "没有闭合的 {：指向它，而不是下一行"},
		{en: "could not find flow mapping end token '}'", src: "inputs:\n  得分: {\n", at: "2:7",
			reason: "文件在 { 之后结束"},
		{en: "could not find '[' character corresponding to ']'", src: "title: ]\n", at: "1:8",
			reason: "多出的 ]"},
		{en: "expected sequence element, but found ','", src: "params:\n  p: [, 1]\n", at: "2:7",
			reason: "[ 后面紧跟逗号"},
		{en: "could not find flow map content", src: "inputs:\n  a: {type: int,, unit: 元}\n", at: "2:17",
			reason: "{ } 里连着两个逗号"},
		{en: "could not find map value", src: "inputs:\n  a: {type:\n", at: "2:11",
			reason: "{ } 里的键后面没有值，文件就结束了：指向冒号"},
		{en: "invalid header option", src: "formulas:\n  a: |说明\n    1\n", at: "2:6",
			reason: "| 后面写了说明文字"},
		{en: "number of indent", src: "formulas:\n  a: |4\n    1\n", at: "3:5",
			reason: "|4 说要缩进四格，内容只比键多缩进两格"},
		{en: "could not find multi-line content", src: "|\nruleset: x\n", at: "2:1",
			reason: "| 之后没有缩进的内容"},
		{en: "anchor", src: "title: &\n", at: "1:8",
			reason: "只有 & 没有锚点名"},
		{en: "alias", src: "title: *\n", at: "1:8",
			reason: "只有 * 没有别名"},
		{en: "tag", src: "title: !{民丰}\n", at: "1:9",
			reason: "! 开头的值被当作 YAML 标签"},
		{en: "document separator", src: "title: \"民丰\n---\n\"\n", at: "2:1",
			reason: "引号里的文字跨过了 --- 分隔行"},
		{en: "unexpected end content", src: "ruleset: x\n... 其余\n", at: "2:5",
			reason: "... 结束标记之后还有内容"},
		{en: "directive", only: true, src: "ruleset: x\nversion: %1\n", at: "2:10",
			reason: "值以 % 开头，被当成了 YAML 指令"},
		{en: "directive", src: "%YAML 1.2\n%TAG ! tag:x\nruleset: x\n", at: "1:1",
			reason: "以 % 开头的 YAML 指令"},
	}
	covered := map[int]bool{}
	for _, r := range rows {
		t.Run(r.en, func(t *testing.T) {
			require.NotEmpty(t, strings.TrimSpace(r.reason), "row %q has no reason", r.en)
			msg, tk := goccyError(t, r.src)
			require.Contains(t, msg, r.en, "goccy/go-yaml no longer says this for %q (%s): translate what it says now", r.src, r.reason)
			i := findHint(msg, tk)
			require.GreaterOrEqual(t, i, 0)
			require.Equal(t, r.en, yamlHints[i].en, "an earlier entry catches %q", msg)
			require.Equal(t, r.only, yamlHints[i].only != nil, "an earlier entry catches %q", msg)
			covered[i] = true
			_, _, errs := parseYAML("hint.yaml", []byte(r.src), defaultMaxFileSize)
			require.Len(t, errs, 1, "%v", errs)
			e := errs[0]
			assert.Equal(t, rules.ErrFileSyntax, e.Code, r.reason)
			assert.Equal(t, "YAML 格式错误："+yamlHints[i].zh, e.Msg, r.reason)
			assert.Equal(t, r.at, fmt.Sprintf("%d:%d", e.Line, e.Col), "%s: %v", r.reason, e)
		})
	}
	for i, h := range yamlHints {
		assert.True(t, covered[i], "yamlHints entry %d (%q) has no row here", i, h.en)
	}
}

// TestYAMLHintFallback: a goccy message the table does not know is still a Chinese sentence,
// with goccy's words kept so the problem can be looked up.
func TestYAMLHintFallback(t *testing.T) {
	src := "params:\n  p: [1,, 2]\n"
	msg, tk := goccyError(t, src)
	require.NotEmpty(t, msg)
	require.Less(t, findHint(msg, tk), 0, "the table now knows %q: pick another example", msg)
	_, _, errs := parseYAML("odd.yaml", []byte(src), defaultMaxFileSize)
	require.Len(t, errs, 1)
	assert.Equal(t, "YAML 格式错误：无法读取这里的写法（"+msg+"）", errs[0].Msg)
	assert.Equal(t, "2:9", fmt.Sprintf("%d:%d", errs[0].Line, errs[0].Col), "the second comma")
}
