package rulefile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// blBase is a base rule set a county file extends: 倍数 follows the param 系数.
const blBase = "ruleset: bl-base\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\nparams:\n  线: 60\n  系数: 1\n" +
	"formulas:\n  倍数: 系数\n  总分: 分 * 倍数\ntables:\n  及格:\n    - when: 总分 >= 线\n      then: 是\n    - else: 否\n" +
	"tests:\n  - given: {分: 70}\n    expect: {及格: 是}\n"

// TestBlameOverride: a problem in the base file caused by an override points at the override,
// in the file that changed, and names the base rule it breaks with its place.
func TestBlameOverride(t *testing.T) {
	rows := []struct {
		name   string
		child  string // the extending file, after its header
		at     string // file:line:col of the one problem
		rule   string
		base   string // the base rule's place, in the message
		reason string
	}{
		{name: "参数类型", child: "params:\n  线: \"60\"\n", at: "child.yaml:5:6", rule: "线",
			base: "规则 及格（base.yaml:13:16）", reason: "text where the base compares a number: the quoted value is to fix"},
		{name: "经过公式", child: "params:\n  系数: 是\n", at: "child.yaml:5:7", rule: "系数",
			base: "规则 总分（base.yaml:10:11）", reason: "总分 reads 倍数, which reads the overridden 系数: blamed through the chain"},
		{name: "覆盖公式", child: "formulas:\n  总分: 分 > 1\n", at: "child.yaml:5:3", rule: "总分",
			base: "规则 及格（base.yaml:13:16）", reason: "an overridden formula of another type breaks the base table"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			ldReason(t, r.name, r.reason)
			dir := t.TempDir()
			child := "ruleset: bl-child\nextends: bl-base\neffective: 2024-01-01\n" + r.child +
				"tests:\n  - given: {分: 70}\n    expect: {及格: 是}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "base.yaml"), []byte(blBase), 0o600))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "child.yaml"), []byte(child), 0o600))
			_, err := rulefile.NewLibrary().LoadFiles(filepath.Join(dir, "base.yaml"), filepath.Join(dir, "child.yaml"))
			list := rules.Errors(err)
			require.Len(t, list, 1, "%s: %v", r.reason, err)
			e := list[0]
			assert.Equal(t, r.at, fmt.Sprintf("%s:%d:%d", filepath.Base(e.File), e.Line, e.Col), r.reason)
			assert.Equal(t, r.rule, e.RuleID, r.reason)
			base := strings.Replace(r.base, "base.yaml", filepath.Join(dir, "base.yaml"), 1)
			assert.Contains(t, e.Msg, "这里覆盖了 "+r.rule+"，继承来的"+base+"因此出错：", r.reason)
			assert.Equal(t, rules.ErrType, e.Code, "the base problem's code is kept: %s", r.reason)
		})
	}
}

// TestBlameOverrideEmbedded: the case, a county file over a built-in rule set.
func TestBlameOverrideEmbedded(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	_, err = lib.LoadBytes(ldFile("县.yaml", "ruleset: 县监控\nextends: minfeng-monitor\neffective: 2024-01-01\nparams:\n  良上限: \"15%\"\n"))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Contains(t, list[0].Error(), "县.yaml:5:8: 规则 良上限：这里覆盖了 良上限，继承来的规则 等级（rulesets/national-monitor.yaml:29:16）因此出错："+
		"比较 <= 两边的类型不同", "the override's place first, the built-in rule it breaks second")
}

// TestBlameLeavesOwnProblems: a problem in the extending file itself stays where it is.
func TestBlameLeavesOwnProblems(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(ldFile("base.yaml", blBase),
		ldFile("child.yaml", "ruleset: bl-child\nextends: bl-base\neffective: 2024-01-01\nformulas:\n  新: 分 + 未知\n"))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, "child.yaml:5:10: 规则 新：未知名称 未知", list[0].Error())
}
