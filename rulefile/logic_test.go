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

// TestTableLogicEveryDatedSpan: a span that is wrong after an earlier span already failed
// is still reported; a mistake every span shares is reported once.
func TestTableLogicEveryDatedSpan(t *testing.T) {
	text := `ruleset: 分段两错
effective: 2024-01-01
inputs:
  总分: {type: decimal}
  月份: {type: int}
params:
  优线:
    - since: 2024-01-01
      value: 90
    - since: 2024-07-01
      value: 85
  良线: 88
tables:
  等级:
    - when: 总分 >= 优线
      then: 优
    - when: 总分 >= 良线
      then: 良
    - else: 差
  季度:
    - when: 月份 in [1, 2, 3]
      then: 一季度
    - when: 月份 >= 4 and 月份 <= 12
      then: 其后
tests:
  - given: {总分: 95, 月份: 3}
    expect: {等级: 优}
`
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("two.yaml", text))
	list := rules.Errors(err)
	require.Len(t, list, 2, "the first span's gap once, and the second span's dead row: %v", err)
	byLine := map[int]*rules.Error{}
	for _, e := range list {
		byLine[e.Line] = e
	}
	require.Contains(t, byLine, 17, "the 良 row, dead only from 2024-07-01 when 优线 drops to 85: %v", err)
	assert.Equal(t, rules.ErrRowUnreachable, byLine[17].Code)
	assert.Contains(t, byLine[17].Msg, "（2024-07-01 起，参数 优线 = 85，良线 = 88）", "says from which day the row is dead, with the values")
	assert.NotContains(t, byLine[20].Msg, "起", "the gap holds from the file's own effective date: no day to name")
	require.Contains(t, byLine, 20, "the 季度 gap (月份 <= 0), the same in both spans, said once: %v", err)
	assert.Equal(t, rules.ErrTableGap, byLine[20].Code)
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
		{"参数多打一个百分号", "inputs:\n  总分: decimal\n  实际: decimal\nparams:\n  下限: 20%%\n", []rules.Code{rules.ErrUnsupported},
			"20%% is reported at its second %; the param is not also 的值为空 at its start"},
		{"参数写成科学计数法", "inputs:\n  总分: decimal\n  实际: decimal\nparams:\n  下限: 1e-100\n", []rules.Code{rules.ErrNumber},
			"1e-100 is one mistake: not also over the places limit, nor 的值为空"},
		{"类型写成中文近义词", "inputs:\n  总分: {type: 数字}\n  实际: decimal\n", []rules.Code{rules.ErrFileValue},
			"数字 for 数值 is one message (with a hint), not one more per use"},
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
