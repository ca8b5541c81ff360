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

// yrHead is a rule file's required keys, so a row can show just what it is about.
const yrHead = "ruleset: yaml-read\neffective: 2024-01-01\n"

// yrProblems loads one file and returns its problems.
func yrProblems(t *testing.T, src string) rules.ErrorList {
	t.Helper()
	var err error
	require.NotPanics(t, func() { _, err = rulefile.NewLibrary().LoadBytes(ldFile("y.yaml", src)) })
	return rules.Errors(err)
}

// TestLoadPositionsInYAML: an expression's error points at the character the author typed,
// however YAML wrote the expression: columns count characters, a tab is one, a
// byte-order mark none; escapes and folded lines in quotes do not shift what follows.
func TestLoadPositionsInYAML(t *testing.T) {
	rows := []struct {
		name   string
		src    string
		at     string // line:col of the one problem
		offset int    // its rune offset in the file (-1: not checked)
		reason string
	}{
		{name: "键后的 Tab", src: yrHead + "formulas:\n  a:\t未知 + 1\n", at: "4:6", offset: -1,
			reason: "goccy/go-yaml 的列号不数键后的 Tab；位置按文件里的字符算"},
		{name: "花括号里的 Tab", src: yrHead + "formulas: {a:\t1 +\t未知}\n", at: "3:19", offset: -1,
			reason: "{…} 写法里的 Tab 也各算一列"},
		{name: "BOM 后的第一行", src: "\uFEFFruleset: a b\neffective: 2024-01-01\nformulas:\n  x: 1\n", at: "1:10", offset: 10,
			reason: "Excel 存的 BOM 不占列，但偏移量按文件里的字符算"},
		{name: "\\u 代理对", src: yrHead + "formulas:\n  a: \"\\\"\\ud83d\\ude00\\\" + 未知\"\n", at: "4:26", offset: -1,
			reason: "\\ud83d\\ude00 是一个字，占文件里的十二列"},
		{name: "单引号折行", src: yrHead + "formulas:\n  a: '1 +\n    未知'\n", at: "5:5", offset: -1,
			reason: "单引号里折行：错误在第二行，按文件里的缩进算列"},
		{name: "双引号里 \\ 续行", src: yrHead + "formulas:\n  a: \"1 + \\\n    未知\"\n", at: "5:5", offset: -1,
			reason: "行尾的 \\ 把两行连起来：错误仍在第二行它所在的列"},
		{name: "> 折叠块的第三行", src: yrHead + "formulas:\n  a: >\n    1 +\n    2 +\n      未知\n", at: "7:7", offset: -1,
			reason: "> 把换行折成空格；错误仍指向第三行"},
		{name: "| 块标记后的注释", src: yrHead + "formulas:\n  a: |  # 说明\n    1 +\n    2\n  b: 3 + 未知\n", at: "7:10", offset: -1,
			reason: "块标记后有注释时，goccy/go-yaml 的偏移量从此错位；位置不受影响"},
		{name: "块之后的键", src: yrHead + "formulas:\n  a: |\n    1\n  b: 未知\n", at: "6:6", offset: -1,
			reason: "| 块之后的公式位置照常"},
		{name: "空值", src: yrHead + "formulas:\n  a:\n", at: "4:5", offset: -1,
			reason: "什么都没写的值，指向冒号之后（与原 YAML 读取器相同）"},
		{name: "CRLF 折行", src: strings.ReplaceAll(yrHead+"formulas:\n  a: 1 +\n    未知\n", "\n", "\r\n"), at: "5:5", offset: -1,
			reason: "Windows 换行 \\r\\n 算一个换行"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			list := yrProblems(t, r.src)
			require.Len(t, list, 1, "%s\n%v", r.reason, list)
			e := list[0]
			assert.Equal(t, r.at, fmt.Sprintf("%d:%d", e.Line, e.Col), "%s\n%v", r.reason, e)
			if r.offset >= 0 {
				assert.Equal(t, r.offset, e.Offset, r.reason)
			}
		})
	}
}

// TestLoadStrictYAML: what YAML (and the reader before goccy/go-yaml) refused, and what
// rule files do without, is refused with a Chinese reason at its place, the rest of the
// file still read.
func TestLoadStrictYAML(t *testing.T) {
	rows := []struct {
		name   string
		src    string
		at     string
		code   rules.Code
		msg    string
		reason string
	}{
		{name: "缩进里的 Tab", src: yrHead + "inputs:\n  \t预算数: {type: decimal}\n", at: "4:3", code: rules.ErrFileSyntax, msg: "制表符 Tab",
			reason: "空格之后的 Tab 缩进，goccy/go-yaml 会当作缩进接受"},
		{name: "- 之后的 Tab", src: yrHead + "formulas:\n  a: 1\ntests:\n  -\tname: 甲\n    expect: {a: 1}\n", at: "6:4", code: rules.ErrFileSyntax, msg: "制表符 Tab",
			reason: "列表项 - 之后用 Tab 分隔"},
		{name: "YAML 标签", src: yrHead + "title: !!binary 民丰\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: "YAML 标签",
			reason: "只接受 !!str、!!int、!!bool、!!null；!!binary 不是"},
		{name: "Python 标签", src: yrHead + "formulas:\n  a: !!python/object:os.system 1\n", at: "4:6", code: rules.ErrFileSyntax, msg: "YAML 标签",
			reason: "其他程序的标签一律拒绝，指向标签本身"},
		{name: "自定标签", src: yrHead + "title: !民丰\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: "加引号",
			reason: "! 开头的值被当作 YAML 标签"},
		{name: "标签与值不符", src: yrHead + "title: !!int 1.5\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: "不符",
			reason: "!!int 后面不是整数"},
		{name: "无穷大", src: yrHead + "title: -.inf\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: ".inf",
			reason: "精确小数没有无穷大，不能当作文字 .inf 读进来"},
		{name: "非数", src: yrHead + "title: .NaN\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: "非数",
			reason: "精确小数没有非数"},
		{name: "合并键", src: yrHead + "formulas:\n  <<: {a: 1}\n", at: "4:3", code: rules.ErrFileSyntax, msg: "合并键",
			reason: "<< 合并键"},
		{name: "花括号里漏了逗号", src: yrHead + "inputs:\n  a: {type: decimal unit: 元}\nformulas:\n  b: a\n", at: "4:25", code: rules.ErrFileSyntax, msg: "少了逗号",
			reason: "{…} 里漏了逗号，goccy/go-yaml 会把后一项并进值里"},
		{name: "花括号里的全角逗号", src: yrHead + "inputs:\n  a: {type: decimal，unit: 元}\nformulas:\n  b: a\n", at: "4:20", code: rules.ErrFullWidth, msg: "全角逗号“，”，请改为半角逗号“,”",
			reason: "输入法打出的全角逗号"},
		{name: "以 } 开头的值", src: yrHead + "title: }民丰\nformulas:\n  a: 1\n", at: "3:8", code: rules.ErrFileSyntax, msg: "开头",
			reason: "YAML 的值不能以 } 开头"},
		{name: "花括号开头的逗号", src: yrHead + "inputs: {, a: {type: int}}\nformulas:\n  b: a\n", at: "3:10", code: rules.ErrFileSyntax, msg: "逗号",
			reason: "{ 之后紧跟逗号"},
		{name: "第二份文档", src: yrHead + "formulas:\n  a: 1\n---\nformulas:\n  b: 2\n", at: "5:1", code: rules.ErrFileSyntax, msg: "只能有一份内容",
			reason: "--- 之后的第二份内容不会被读取，不能默默丢掉"},
		{name: "控制字符", src: yrHead + "title: 民丰\x01\nformulas:\n  a: 1\n", at: "3:10", code: rules.ErrFileSyntax, msg: "控制字符",
			reason: "看不见的控制字符，指向它"},
		{name: "全角冒号", src: yrHead + "title：民丰县\nformulas:\n  a: 1\n", at: "3:6", code: rules.ErrFullWidth, msg: "全角冒号",
			reason: "输入法打出的全角冒号，YAML 只会报告下一行的混乱；指向冒号本身"},
		{name: "值里的全角冒号不算", src: yrHead + "title: 说明：第一: 二\nformulas:\n  a: 1\n", at: "3:13", code: rules.ErrFileSyntax, msg: "此处不能再写",
			reason: "同一行已有“: ”，全角冒号只是值里的文字；错的是第二个“: ”"},
		{name: "键里的全角冒号", src: yrHead + "inputs:\n  a: {type：decimal}\nformulas:\n  b: 1\n", at: "4:11", code: rules.ErrFullWidth, msg: "全角冒号",
			reason: "{…} 里 type 后面用了全角冒号，整项成了一个键"},
		{name: "嵌套过深", src: yrHead + "params:\n  p: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", at: "4:104", code: rules.ErrFileLimit, msg: "嵌套",
			reason: "goccy/go-yaml 的耗费随嵌套深度平方增长，先拒绝"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			list := yrProblems(t, r.src)
			require.NotEmpty(t, list, r.reason)
			e := list[0]
			assert.Equal(t, r.code, e.Code, "%s\n%v", r.reason, list)
			assert.Contains(t, e.Msg, r.msg, r.reason)
			assert.Equal(t, r.at, fmt.Sprintf("%d:%d", e.Line, e.Col), "%s\n%v", r.reason, list)
			assert.Len(t, list, 1, "one mistake, one problem: %s\n%v", r.reason, list)
		})
	}
}

// TestLoadTooManyTokens: a file within MaxFileSize but with more keys and values than any
// rule file needs is refused before goccy/go-yaml parses it (its cost grows with the square
// of the keys in one mapping).
func TestLoadTooManyTokens(t *testing.T) {
	var b strings.Builder
	b.WriteString(yrHead + "params:\n")
	for i := 0; i < 20_000; i++ {
		fmt.Fprintf(&b, "  p%d: %d\n", i, i)
	}
	require.Less(t, b.Len(), defaultFileLimit)
	list := yrProblems(t, b.String())
	require.Len(t, list, 1, "%v", list)
	assert.Equal(t, rules.ErrFileLimit, list[0].Code)
	assert.Contains(t, list[0].Msg, "文件内容过多")
	assert.Greater(t, list[0].Line, 1, "placed at the token over the limit: %v", list[0])
}

// TestLoadYAML12Values: YAML 1.2's booleans in every spelling are booleans, the four plain
// tags say what they say (!!str 12 is text), and a quoted value stays text; a test's given
// is read by the input's declared type, True included.
func TestLoadYAML12Values(t *testing.T) {
	src := yrHead + "inputs:\n  开关: {type: bool}\nparams:\n  甲: True\n  乙: FALSE\n  丙: !!str 12\n  丁: !!int 3\n  戊: !!bool TRUE\n  己: \"True\"\n" +
		"formulas:\n  与: 甲 and not 乙 and 戊 and 开关\n  文: 丙 + 己\n  数: 丁 + 1\n" +
		"tests:\n  - name: 大写的真\n    given: {开关: True}\n    expect: {与: TRUE, 文: \"12True\", 数: 4}\n"
	_, sets := ldMust(t, ldFile("y.yaml", src))
	rs := sets[0]
	for _, r := range rs.RunTests() {
		assert.True(t, r.Passed(), "%s: %v", r.Name, r.Errors())
	}
	want := map[string]string{"甲": "true", "乙": "false", "丙": "12", "丁": "3", "戊": "true", "己": "True"}
	types := map[string]rules.Type{"甲": rules.TypeBool, "乙": rules.TypeBool, "丙": rules.TypeString,
		"丁": rules.TypeDecimal, "戊": rules.TypeBool, "己": rules.TypeString}
	for _, p := range rs.Params() {
		assert.Equal(t, want[p.Name], p.Values[0].Value.String(), p.Name)
		assert.Equal(t, types[p.Name], p.Values[0].Value.Type(), p.Name)
	}
}
