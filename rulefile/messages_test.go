package rulefile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// msgLoad loads one file and returns its problems.
func msgLoad(t *testing.T, src string) rules.ErrorList {
	t.Helper()
	_, err := rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "m.yaml", Data: []byte(src)})
	require.Error(t, err)
	return rules.Errors(err)
}

// TestMessagesEchoAnExcerpt: a message quotes at most a short excerpt of what the file holds;
// a 200 KB file that is not a rule file does not come back whole.
func TestMessagesEchoAnExcerpt(t *testing.T) {
	rows := []struct {
		name   string
		src    string
		reason string
	}{
		{"one long value", strings.Repeat("x", 200000), "the whole file is one plain value"},
		{"long date", "ruleset: a\neffective: " + strings.Repeat("9", 100000) + "\nformulas:\n  y: 1\n", "a date that is not one"},
		{"long key", "ruleset: a\neffective: 2024-01-01\n" + strings.Repeat("键", 50000) + ": 1\nformulas:\n  y: 1\n", "an unknown key"},
	}
	for _, r := range rows {
		ldReason(t, r.name, r.reason)
		list := msgLoad(t, r.src)
		for _, e := range list {
			assert.Less(t, len(e.Msg), 1000, "%s: %d bytes of message", r.name, len(e.Msg))
		}
	}
}

// TestEscapedControlsRefused: an escape in a double-quoted value that stands for a control
// character or a bidirectional-text control is refused at the escape itself, as the typed
// character is refused where it stands.
func TestEscapedControlsRefused(t *testing.T) {
	head := "ruleset: a\neffective: 2024-01-01\n"
	rows := []struct {
		name   string
		src    string
		at     string
		reason string
	}{
		{"escaped RLO in a title", head + "title: \"ab\\u202ecd\"\nformulas:\n  y: 1\n", "3:11", "U+202E turns the text around"},
		{"escaped RLO in an expression", head + "formulas:\n  y: \"\\\"ab\\u202Ecd\\\"\"\n", "4:11", "inside the text of a formula"},
		{"escaped NUL", head + "formulas:\n  y: \"1 + \\0\"\n", "4:11", "\\0 is NUL"},
		{"escaped C0", head + "title: \"a\\x01\"\nformulas:\n  y: 1\n", "3:10", "\\x01 is a control character"},
		{"escaped C1", head + "title: \"a\\u0090\"\nformulas:\n  y: 1\n", "3:10", "U+0090 is a control character"},
		{"typed RLO", head + "title: ab\u202ecd\nformulas:\n  y: 1\n", "3:10", "typed, it is refused too"},
		{"typed NUL", head + "formulas:\n  y: 1\n  z: 2\x00\n", "5:7", "a NUL at its own line and column, not 1:1"},
	}
	for _, r := range rows {
		ldReason(t, r.name, r.reason)
		list := msgLoad(t, r.src)
		assert.Equal(t, r.at, fmt.Sprintf("%d:%d", list[0].Line, list[0].Col), "%s: %v", r.name, list)
		assert.Equal(t, rules.ErrFileSyntax, list[0].Code, "%s: %v", r.name, list)
	}
	// what an escape may still write
	_, sets := ldMust(t, ldFile("ok.yaml", head+"title: \"a\\tb\\nc \\u90e8\\ud83d\\ude00\"\nformulas:\n  y: 1\n"))
	assert.Equal(t, "a\tb\nc 部😀", sets[0].Title())
}

// TestMixedScriptNames: a name mixing Latin with Cyrillic or Greek letters is refused with
// both characters shown; Chinese with Latin letters and digits is a name like any other.
func TestMixedScriptNames(t *testing.T) {
	head := "ruleset: a\neffective: 2024-01-01\n"
	list := msgLoad(t, head+"inputs:\n  pаy: {type: decimal}\nformulas:\n  y: 1\n") // Cyrillic а
	assert.Equal(t, rules.ErrDeclaration, list[0].Code, "%v", list)
	assert.Contains(t, list[0].Msg, "拉丁字母“p”")
	assert.Contains(t, list[0].Msg, "西里尔字母“а”")
	list = msgLoad(t, head+"inputs:\n  pay: {type: decimal}\nformulas:\n  y: pаy + 1\n")
	assert.Equal(t, rules.ErrChar, list[0].Code, "a use that mixes scripts: %v", list)
	assert.Equal(t, "6:6", fmt.Sprintf("%d:%d", list[0].Line, list[0].Col))
	list = msgLoad(t, head+"formulas:\n  αb: 1\n")
	assert.Contains(t, list[0].Msg, "希腊字母“α”", "Greek with Latin: %v", list)

	_, sets := ldMust(t, ldFile("ok.yaml", head+"inputs:\n  PM25浓度: {type: decimal}\n  GDP增速: {type: decimal}\n  Ω值: {type: decimal}\n"+
		"formulas:\n  y: PM25浓度 + GDP增速 + Ω值\n"))
	ev, err := sets[0].Evaluate(ldDay(2024, 1, 1), map[string]any{"PM25浓度": "1", "GDP增速": "2", "Ω值": "3"})
	require.NoError(t, err, "Chinese with Latin, or with Greek, is no look-alike mix")
	assert.Equal(t, "6", ldGet(t, ev, "y").String())
}

// TestMessagesNameWhatIsThere: "应为…，这里是…" names what the file holds, an empty text too,
// with nothing dangling after the words.
func TestMessagesNameWhatIsThere(t *testing.T) {
	rows := []struct {
		expect, want, reason string
	}{
		{`""`, `这里是空文本 ""`, `expect: "" is an empty text, said so, not "单个值 " with nothing after it`},
		{"[]", "这里是列表", "a list where the expected results go"},
		{"90", "这里是单个值 90", "a single value is quoted"},
	}
	for _, r := range rows {
		ldReason(t, r.expect, r.reason)
		list := msgLoad(t, "ruleset: a\neffective: 2024-01-01\ninputs:\n  x: decimal\nformulas:\n  y: x\ntests:\n  - given: {x: 1}\n    expect: "+r.expect+"\n")
		require.Len(t, list, 1, "%v", list)
		assert.True(t, strings.HasSuffix(list[0].Msg, r.want), "%s: %s", r.reason, list[0].Msg)
	}
}

// TestCommentInValue: // or /* written as a comment after a plain param or then value is
// refused at the slashes (E017), as in an expression; where it is part of the text (a URL, a
// quoted value, a fraction) it stays.
func TestCommentInValue(t *testing.T) {
	rows := []struct {
		param, then string
		col         int // of the reported slashes; 0: accepted
		reason      string
	}{
		{"红色 // 预警颜色", "优", 9, "a text param with a // comment after it"},
		{"见文件 /* 2024 */", "优", 10, "a text param with a /* */ comment"},
		{"红色", "优 // 最高档", 0, "a then value with a // comment: reported in the table (column checked below)"},
		{"http://x.gov.cn/a", "优", 0, "a URL's // follows a colon: text, accepted"},
		{`"红色 // 预警颜色"`, "优", 0, "quoted: the author means the slashes"},
		{"8/12", "优", 0, "a fraction is a constant expression, not a comment"},
		{"红//色", "优", 0, "// inside a word is not a comment"},
	}
	for _, r := range rows {
		ldReason(t, r.param, r.reason)
		src := "ruleset: a\neffective: 2024-01-01\ninputs:\n  x: decimal\nparams:\n  p: " + r.param +
			"\ntables:\n  t:\n    - when: x > 1\n      then: " + r.then + "\n    - else: 差\nformulas:\n  y: p\n" +
			"tests:\n  - given: {x: 2}\n    expect: {t: 优}\n"
		_, err := rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "c.yaml", Data: []byte(src)})
		list := rules.Errors(err)
		switch {
		case strings.Contains(r.then, "//"):
			require.Len(t, list, 1, "%s: %v", r.reason, err)
			assert.Equal(t, rules.ErrComment, list[0].Code)
			assert.Equal(t, 10, list[0].Line, "at the then value")
			assert.Equal(t, 15, list[0].Col, "at the slashes")
		case r.col > 0:
			require.Len(t, list, 1, "%s: %v", r.reason, err)
			assert.Equal(t, rules.ErrComment, list[0].Code, r.reason)
			assert.Equal(t, 6, list[0].Line, r.reason)
			assert.Equal(t, r.col, list[0].Col, "%s: at the slashes", r.reason)
			assert.Contains(t, list[0].Msg, "# 开头", r.reason)
		default:
			assert.NoError(t, err, r.reason)
		}
	}
}
