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

// fwHead declares what the rows' tests use, so each row shows only its own lines.
const fwHead = "ruleset: fw\neffective: 2024-01-01\ninputs:\n  预算数: {type: decimal}\n  执行数: {type: decimal}\n  分数: {type: list}\n" +
	"formulas:\n  执行率: 执行数 / 预算数\n  合计: sum(分数)\ntests:\n  - name: a\n"

// TestFullWidthStructure: each full-width character an input method types for YAML's
// structure is reported once, at its own line and column, named, with the ASCII to type;
// and nothing else is reported about the value it spoiled.
func TestFullWidthStructure(t *testing.T) {
	rows := []struct {
		name   string
		src    string   // the lines after fwHead
		want   []string // line:col 说明 of each problem, in order
		reason string
	}{
		{name: "逗号", src: "    given: {预算数: 120， 执行数: 80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:21 全角逗号“，”，请改为半角逗号“,”"},
			reason: "the issue's mistake: a full-width comma between two items of {…}"},
		{name: "行末的逗号", src: "    given: {预算数: 120，\n      执行数: 80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:21 全角逗号“，”，请改为半角逗号“,”"},
			reason: "the issue's case: reported at the comma, not a line early as an unclosed brace"},
		{name: "嵌套的逗号", src: "    given: {预算数: 120, 执行数: 80}\n  - {name: b， given: {预算数: 1, 执行数: 1}, expect: {执行率: 1}}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"13:13 全角逗号“，”，请改为半角逗号“,”"},
			reason: "a comma after which a key with a nested {…} follows"},
		{name: "末尾多余的逗号", src: "    given: {预算数: 120, 执行数: 80，}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:30 全角逗号“，”，请改为半角逗号“,”"},
			reason: "a comma with nothing after it is a separator too, not a part of the number"},
		{name: "逗号和冒号", src: "    given: {预算数: 120，执行数：80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:21 全角逗号“，”，请改为半角逗号“,”", "12:25 全角冒号“：”，请改为半角冒号“:”（冒号后面再空一格）"},
			reason: "both characters of the one slip are named, each where it is"},
		{name: "键后的冒号", src: "    given: {预算数：120, 执行数: 80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:16 全角冒号“：”，请改为半角冒号“:”（冒号后面再空一格）"},
			reason: "键：值 in {…}: YAML made one key of it"},
		{name: "块式的冒号", src: "    given:\n      预算数：120\n    expect: {执行率: 0.6667}\n",
			want:   []string{"13:10 全角冒号“：”，请改为半角冒号“:”（冒号后面再空一格）"},
			reason: "键：值 on its own line where a mapping goes"},
		{name: "花括号", src: "    given: ｛预算数: 120, 执行数: 80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:12 全角左花括号“｛”，请改为半角左花括号“{”"},
			reason: "a full-width opening brace"},
		{name: "右花括号", src: "    given: {预算数: 120, 执行数: 80}\n    expect: {执行率: 0.6667｝\n",
			want:   []string{"13:25 全角右花括号“｝”，请改为半角右花括号“}”"},
			reason: "a full-width closing brace, which left the { unclosed"},
		{name: "方括号", src: "    given: {预算数: 120, 执行数: 80}\n    expect: {执行率: 0.6667}\n  - name: b\n    given: {分数: ［1, 2］, 执行数: 1}\n    expect: {执行率: 1}\n",
			want:   []string{"15:17 全角左方括号“［”，请改为半角左方括号“[”", "15:22 全角右方括号“］”，请改为半角右方括号“]”"},
			reason: "a list typed with full-width brackets"},
		{name: "列表里的逗号", src: "    given: {分数: [1，2], 执行数: 1}\n    expect: {合计: 3}\n",
			want:   []string{"12:19 全角逗号“，”，请改为半角逗号“,”"},
			reason: "in […] a full-width comma between numbers separates them"},
		{name: "花括号里的全角空格", src: "    given: {预算数: 120,　执行数: 80}\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:22 全角空格“　”，请改为半角空格（YAML 的缩进和分隔只认半角空格）"},
			reason: "an ideographic space after a comma made the next key 　执行数"},
		{name: "全角空格缩进", src: "    given:\n    　预算数: 120\n      执行数: 80\n    expect: {执行率: 0.6667}\n",
			want:   []string{"13:5 全角空格“　”，请改为半角空格（YAML 的缩进和分隔只认半角空格）"},
			reason: "indentation typed as an ideographic space"},
		{name: "横线后的全角空格", src: "    given: {预算数: 120, 执行数: 80}\n    expect: {执行率: 0.6667}\n  -　name: b\n    given: {预算数: 1, 执行数: 1}\n    expect: {执行率: 1}\n",
			want:   []string{"14:4 全角空格“　”，请改为半角空格（YAML 的缩进和分隔只认半角空格）"},
			reason: "-　项: the space after a list's dash typed full-width"},
		{name: "块式的方括号", src: "    given:\n      分数: ［1, 2］\n      预算数: 1\n      执行数: 1\n    expect: {执行率: 1}\n",
			want:   []string{"13:11 全角左方括号“［”，请改为半角左方括号“[”", "13:16 全角右方括号“］”，请改为半角右方括号“]”"},
			reason: "a list typed ［…］ in block style: both brackets"},
		{name: "键后的全角空格", src: "    given: {预算数　: 1, 执行数: 1}\n    expect: {执行率: 1}\n",
			want:   []string{"12:16 全角空格“　”，请改为半角空格（YAML 的缩进和分隔只认半角空格）"},
			reason: "a full-width space between a key and its colon made it another name"},
		{name: "一对全角花括号", src: "    given: ｛预算数: 120, 执行数: 80｝\n    expect: {执行率: 0.6667}\n",
			want:   []string{"12:12 全角左花括号“｛”，请改为半角左花括号“{”", "12:30 全角右花括号“｝”，请改为半角右花括号“}”"},
			reason: "｛…｝ typed for {…}: YAML split it into values; the ｝ that closes it is named too, not only the ｛"},
		{name: "冒号后的全角空格", src: "    given: {预算数: 120, 执行数: 80}\n    expect: {执行率:　0.6667}\n",
			want:   []string{"13:18 全角空格“　”，请改为半角空格（YAML 的缩进和分隔只认半角空格）"},
			reason: "键:　值: the space after the colon typed full-width"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			list := yrProblems(t, fwHead+r.src)
			var got []string
			for _, e := range list {
				got = append(got, fmt.Sprintf("%d:%d %s", e.Line, e.Col, e.Msg))
				assert.Equal(t, rules.ErrFullWidth, e.Code, "%s: %v", r.reason, e)
			}
			assert.Equal(t, r.want, got, r.reason)
		})
	}
}

// TestFullWidthAccepted: what was accepted before stays accepted: full-width punctuation in
// quoted values, in text values (in {…} too), in comments, and full-width digits, commas and
// parentheses in expressions.
func TestFullWidthAccepted(t *testing.T) {
	rows := []struct {
		name, src, reason string
	}{
		{name: "说明里的逗号和冒号", src: "inputs:\n  月份: {type: int, desc: 监控时点所在月份，1–12}\n  等级: {type: string, desc: 评价等级：优、良、中、差}\n",
			reason: "the embedded rule sets write their descriptions so"},
		{name: "块式说明", src: "title: 说明：第一，第二\nsource: ｛附件｝［一］\n",
			reason: "a block value is text whatever it holds"},
		{name: "引号里", src: "params:\n  标签: \"{甲，乙：丙}\"\n  另一个: '［一］，　二'\n",
			reason: "quoted text is the author's"},
		{name: "注释里", src: "params:  # 说明：单位，万元｛｝\n  线: 60   # ，：｛｝［］　\n",
			reason: "comments are not read"},
		{name: "表达式里", src: "formulas:\n  显示: round（执行数 ／ 预算数， ４）\n  另一: {expr: max（执行数， 预算数）, desc: 取大者，说明}\n",
			reason: "an input method's parentheses, commas and digits in an expression are normalised by the language"},
		{name: "括号开头的文字", src: "source: ［2024］1号文件\ntitle: ［1］号\ninputs:\n  备注: {type: string, desc: 见附件［一］，另见｛注｝}\n  另: {type: string, desc: 甲，乙，}\n",
			reason: "full-width brackets and a trailing comma in text, in {…} too, are text"},
		{name: "文字里的冒号和全角空格", src: "title: 注意:　事项\n",
			reason: "a colon and an ideographic space inside a sentence are not a key"},
		{name: "块里的段首空格", src: "source: |\n  　　第一段，说明：\n  　　第二段\n",
			reason: "a | block's lines may start with the ideographic spaces of a Chinese paragraph"},
		{name: "下一行的说明", src: "inputs:\n  备注:\n    type: string\n    desc:\n      说明：这是文字\n",
			reason: "a text on the line after its key holds a full-width colon as text"},
	}
	base := "ruleset: fw-ok\neffective: 2024-01-01\n"
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			src := base + r.src
			if !strings.Contains(src, "formulas:") {
				src += "formulas:\n  执行率: 执行数 / 预算数\n"
			}
			const decl = "  预算数: {type: decimal}\n  执行数: {type: decimal}\n"
			if strings.Contains(src, "inputs:\n") {
				src = strings.Replace(src, "inputs:\n", "inputs:\n"+decl, 1)
			} else {
				src += "inputs:\n" + decl
			}
			list := yrProblems(t, src)
			require.Empty(t, list, "%s\n%s", r.reason, src)
		})
	}
}

// TestFullWidthColonInDeclaration: 预算数：{type: decimal} makes the name and half its
// declaration one key. The colon is reported once, and the formulas reading 预算数 say
// nothing more (one mistake, one message).
func TestFullWidthColonInDeclaration(t *testing.T) {
	src := "ruleset: fw\neffective: 2024-01-01\ninputs:\n  预算数：{type: decimal}\n  执行数: {type: decimal}\n" +
		"formulas:\n  执行率: 执行数 / 预算数\n"
	_, err := rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "fw.yaml", Data: []byte(src)})
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, 4, list[0].Line)
	assert.Equal(t, 6, list[0].Col, "at the colon itself")
	assert.Contains(t, list[0].Msg, "全角冒号")
}

// TestFullWidthAfterKeyColon: a key written with a full-width colon stops YAML, and is
// reported; the other full-width characters further down the file are reported with it,
// each at its own place, so the officer fixes them all in one go.
func TestFullWidthAfterKeyColon(t *testing.T) {
	text := "ruleset: 县-全角\neffective：2024-01-01\ninputs:\n  预算数: ｛type: decimal｝\n  执行数:　{type: decimal}\n" +
		"　月份: {type: int}\nformulas:\n  执行率: 执行数 / 预算数\ntests:\n  - given: {预算数: 10, 执行数: 9, 月份: 1}\n    expect: {执行率: 0.9}\n"
	list := yrProblems(t, text)
	var got []string
	for _, e := range list {
		got = append(got, fmt.Sprintf("%d:%d %s", e.Line, e.Col, string(e.Code)))
	}
	assert.Equal(t, []string{"2:10 F010", "4:8 F010", "4:22 F010", "5:7 F010", "6:1 F010"}, got,
		"the key's colon first (where YAML stopped), then every other full-width character once, in order")
}
