package rulefile_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

const logicBase = `ruleset: 示例-等级
effective: 2024-01-01
inputs:
  总分: {type: decimal}
tables:
  等级:
    - when: 总分 >= 90
      then: 优
    - when: 总分 >= 80
      then: 良
    - else: 差
formulas:
  需要关注: 等级 == "良"
tests:
  - given: {总分: 85}
    expect: {等级: 良, 需要关注: true}
`

// TestVocabularyAcrossExtends: a regional file that renames an outcome (良 → 良好) breaks a
// comparison in the base file; the load fails loudly, at the literal, with the override's
// outcome as the cause.
func TestVocabularyAcrossExtends(t *testing.T) {
	_, _ = ldMust(t, ldFile("base.yaml", logicBase)) // the base alone is right
	regional := `ruleset: 示例-等级-地区
extends: 示例-等级
effective: 2024-01-01
tables:
  等级:
    - when: 总分 >= 90
      then: 优
    - when: 总分 >= 80
      then: 良好
    - else: 差
tests:
  - given: {总分: 95}
    expect: {等级: 优}
`
	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(ldFile("base.yaml", logicBase), ldFile("regional.yaml", regional))
	require.Error(t, err)
	var e *rules.Error
	for _, x := range rules.Errors(err) {
		if x.Code == rules.ErrTextNever {
			e = x
		}
	}
	require.NotNil(t, e, "an E016 among %v", err)
	assert.Contains(t, e.Msg, `不会等于 "良"`)
	assert.Contains(t, e.Msg, `是否想写 "良好"`)
	if e.File == "regional.yaml" { // blamed on the override (rulefile/extends.go): the base's literal is named second
		assert.Contains(t, e.Msg, "base.yaml:13:15")
		return
	}
	assert.Equal(t, "base.yaml", e.File)
	assert.Equal(t, 13, e.Line)
	assert.Equal(t, 15, e.Col, `at "良"`)
	var origin *rules.Error
	require.True(t, errors.As(errors.Unwrap(e), &origin), "the cause is the outcome that changed")
	assert.Equal(t, "regional.yaml", origin.File)
	assert.Equal(t, 9, origin.Line, "then: 良好")
}

// TestTableLogicPerDatedSpan: params are analysed with the value in force on each span of
// dates; a table right under the first value and wrong under the second is reported once,
// naming the value.
func TestTableLogicPerDatedSpan(t *testing.T) {
	file := func(second string) string {
		return `ruleset: 分段
effective: 2024-01-01
inputs:
  总分: {type: decimal}
params:
  优下限: 90
  良下限:
    - since: 2024-01-01
      value: 80
    - since: 2024-07-01
      value: ` + second + `
tables:
  等级:
    - when: 总分 >= 优下限
      then: 优
    - when: 总分 >= 良下限
      then: 良
    - else: 差
tests:
  - given: {总分: 85}
    expect: {等级: 良}
`
	}
	_, _ = ldMust(t, ldFile("ok.yaml", file("82")))
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("bad.yaml", file("95")))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	e := list[0]
	assert.Equal(t, rules.ErrRowUnreachable, e.Code)
	assert.Equal(t, 16, e.Line, "the 良 row")
	assert.Contains(t, e.Msg, "良下限 = 95", "names the dated value that makes it wrong")
}

// TestOneMistakeOneMessageInFiles: each broken declaration is reported once; nothing that
// reads it adds a message, and the file's other mistakes are still reported.
func TestOneMistakeOneMessageInFiles(t *testing.T) {
	cases := []struct {
		name   string
		decl   string
		want   []rules.Code
		reason string
	}{
		{"类型拼错", "inputs:\n  总分: {type: decmial}\n  实际: decimal\n", []rules.Code{rules.ErrFileValue},
			"a misspelt type is one message, not one more per use of 总分"},
		{"缺少类型", "inputs:\n  总分: {unit: 分}\n  实际: decimal\n", []rules.Code{rules.ErrFileMissing},
			"a missing type is one message"},
		{"名称有空格", "inputs:\n  总 分: decimal\n  实际: decimal\n", []rules.Code{rules.ErrDeclaration},
			"总分 is 总 分 without its space: not unknown again, in a formula or in a test's given"},
		{"type 拼错成键", "inputs:\n  总分: {tpye: decimal}\n  实际: decimal\n", []rules.Code{rules.ErrFileKey},
			"a misspelt key type is one message; 总分 is still declared"},
		{"参数写成列表", "inputs:\n  总分: decimal\n  实际: decimal\nparams:\n  下限: [1, 2]\n", []rules.Code{rules.ErrFileValue},
			"a list where one value goes is one message, not one per item, and no unknown name"},
		{"参数没有值", "inputs:\n  总分: decimal\n  实际: decimal\nparams:\n  下限: {value: }\n", []rules.Code{rules.ErrFileValue},
			"an empty param is one message"},
		{"参数是文本", "inputs:\n  总分: decimal\n  实际: decimal\nparams:\n  下限: \"80\"\n", []rules.Code{rules.ErrType},
			"a text param read as a number in two formulas is one message"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ldReason(t, c.name, c.reason)
			text := "ruleset: 一错一报\neffective: 2024-01-01\n" + c.decl +
				"formulas:\n  甲: 总分 * 2 + 实际\n  乙: 总分 >= 下限\n  丙: 实际 > 下限\n" +
				"tests:\n  - given: {总分: 1, 实际: 2}\n    expect: {甲: 4}\n"
			if !strings.Contains(c.decl, "params:") {
				text = strings.Replace(text, "formulas:", "params:\n  下限: 60\nformulas:", 1)
			}
			_, err := rulefile.NewLibrary().LoadBytes(ldFile("f.yaml", text))
			var got []rules.Code
			for _, e := range rules.Errors(err) {
				got = append(got, e.Code)
			}
			assert.Equal(t, c.want, got, "%v\n%s", err, c.reason)
		})
	}
	t.Run("其他错误照样报告", func(t *testing.T) {
		text := "ruleset: 一错一报\neffective: 2024-01-01\ninputs:\n  总分: {type: decmial}\nparams:\n  下限: {value: }\n" +
			"formulas:\n  甲: 总分 * 2\n  乙: 总分 >= 下限\n  丙: 执形率 + 1\n"
		_, err := rulefile.NewLibrary().LoadBytes(ldFile("f.yaml", text))
		var got []rules.Code
		for _, e := range rules.Errors(err) {
			got = append(got, e.Code)
		}
		assert.Equal(t, []rules.Code{rules.ErrFileValue, rules.ErrFileValue, rules.ErrUnknownName}, got,
			"the bad type and the empty param once each, and the unrelated unknown name too: %v", err)
	})
}
