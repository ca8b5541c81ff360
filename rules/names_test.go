package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestNamesWithDecimalPoints: staff name indicators PM2.5浓度; a point between two digits
// inside a name is part of it, everywhere a name is read, while member access stays refused.
func TestNamesWithDecimalPoints(t *testing.T) {
	spec := rules.Spec{
		Inputs: []rules.Input{{Name: "PM2.5浓度", Type: rules.TypeDecimal}, {Name: "GDP增速", Type: rules.TypeDecimal}},
		Formulas: []rules.Formula{ // declared before what it reads: the dependency must still be found
			{Name: "达标", Expr: rules.Expr{Text: "PM2.5超标 == false and GDP增速 >= 5%"}},
			{Name: "PM2.5超标", Expr: rules.Expr{Text: "PM2.5浓度 > 35"}},
		},
	}
	p, err := rules.Build(spec)
	require.NoError(t, err)
	res, err := p.EvalResult(map[string]any{"PM2.5浓度": "30.5", "GDP增速": "6%"})
	require.NoError(t, err)
	v, _ := res.Get("达标")
	assert.True(t, v.Bool(), "30.5 is under 35 and 6% is over 5%")

	for _, r := range []struct {
		text, want string
		code       rules.Code
		reason     string
	}{
		{"PM2.6浓度 > 1", "未知名称 PM2.6浓度，是否为 PM2.5浓度？", rules.ErrUnknownName, "a misspelt indicator is named as written, with the suggestion"},
		{"PM2.5浓度.x", "不支持用 . 访问成员或方法（名称中不能有点号）", rules.ErrUnsupported, "a point before a letter is member access, still refused"},
		{"PM2.5浓度 + 1.5", "", "", "a number after the name is still a number"},
	} {
		_, err := rules.Compile(r.text, rules.WithInput("PM2.5浓度", rules.TypeDecimal))
		if r.code == "" {
			assert.NoError(t, err, r.reason)
			continue
		}
		list := rules.Errors(err)
		require.NotEmpty(t, list, r.reason)
		assert.Equal(t, r.code, list[0].Code, r.reason)
		assert.Equal(t, r.want, list[0].Msg, r.reason)
	}

	for _, r := range []struct {
		name, reason string
	}{
		{"a.b", "a point between letters is member access"},
		{"PM2.", "a point at the end"},
		{"x.5", "a point after a letter"},
		{"2.5浓度", "a name cannot start with a digit"},
	} {
		_, err := rules.Compile("1", rules.WithInput(r.name, rules.TypeDecimal))
		assert.ErrorIs(t, err, rules.ErrDeclaration, r.reason)
	}
}

// TestBadNameMessages: a name that cannot be used is quoted the way staff read text, and a
// space, invisible between quotes, is named.
func TestBadNameMessages(t *testing.T) {
	for _, r := range []struct {
		name, want, reason string
	}{
		{"执行 数", "输入名称 “执行 数”含有不能用于名称的空格（名称由文字、字母、数字和下划线组成，不以数字开头）", "a space typed inside a name"},
		{"执行　数", "输入名称 “执行　数”含有不能用于名称的全角空格（名称由文字、字母、数字和下划线组成，不以数字开头）", "an IME's ideographic space"},
		{"2号指标", "输入名称 “2号指标”含有不能用于名称的字符“2”（名称由文字、字母、数字和下划线组成，不以数字开头）", "a leading digit"},
		{"let", "输入名称 “let”是保留字", "a reserved word"},
	} {
		require.NotEmpty(t, r.reason)
		_, err := rules.Build(rules.Spec{Inputs: []rules.Input{{Name: r.name, Type: rules.TypeDecimal}},
			Formulas: []rules.Formula{{Name: "甲", Expr: rules.Expr{Text: "1"}}}})
		list := rules.Errors(err)
		require.NotEmpty(t, list, r.reason)
		assert.Equal(t, r.want, list[0].Msg, r.reason)
		assert.Equal(t, rules.ErrDeclaration, list[0].Code, r.reason)
	}
}
