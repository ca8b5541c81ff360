package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckNoFalseWarnings: rule files a vendor or a county really writes, each reading
// every name it declares in a way other than a plain formula, check clean with no W001 or
// W002, also under --strict.
func TestCheckNoFalseWarnings(t *testing.T) {
	rows := []struct {
		name, src, reason string
	}{
		{name: "县里继承民丰", src: "ruleset: 某县-监控\nextends: minfeng-monitor\neffective: 2024-01-01\nparams:\n  良上限: 15%\n  整改天数: 20\n  红标月份: 5\n" +
			"tests:\n  - at: 2024-05-31\n    given: {预算数: 120, 执行数: 20, 月份: 5}\n    expect: {等级: 差, 红标: true}\n",
			reason: "a county overriding a few params of minfeng-monitor: each is read by a formula or table of the base"},
		{name: "只在决策表中", src: "ruleset: 只在表中\neffective: 2024-01-01\ninputs:\n  总分: {type: decimal}\n  类别: {type: string}\n  系数: {type: decimal}\nparams:\n  优线: 90\n" +
			"tables:\n  分值:\n    - when: 类别 == \"债务\" and 总分 >= 优线\n      then: {expr: 系数}\n    - else: 0\n" +
			"tests:\n  - given: {总分: 95, 类别: 债务, 系数: 2}\n    expect: {分值: 2}\n",
			reason: "inputs and params read only in a row's when, or only in a computed then, are read"},
		{name: "分段参数", src: "ruleset: 分段\neffective: 2024-01-01\ninputs:\n  总分: {type: decimal}\nparams:\n  优线:\n    - since: 2024-01-01\n      value: 90\n    - since: 2024-07-01\n      value: 92\n" +
			"formulas:\n  优: 总分 >= 优线\ntests:\n  - at: 2024-08-01\n    given: {总分: 91}\n    expect: {优: false}\n",
			reason: "a param with dated values is one param, read whatever the span"},
		{name: "有默认值的输入", src: "ruleset: 默认值\neffective: 2024-01-01\ninputs:\n  总分: {type: decimal}\n  下限: {type: decimal, default: 60}\n  日期: {type: date, default: 评价日期}\n" +
			"formulas:\n  及格: 总分 >= 下限\n  年: year(日期)\ntests:\n  - given: {总分: 95}\n    expect: {及格: true, 年: 2024}\n",
			reason: "inputs with a default that no test gives are still read by the formulas"},
		{name: "文字参数", src: "ruleset: 颜色\neffective: 2024-01-01\ninputs:\n  总分: {type: decimal}\nparams:\n  颜色_优: 绿\n  颜色_差: 红\n" +
			"tables:\n  等级:\n    - when: 总分 >= 90\n      then: 优\n    - else: 差\ntests:\n  - given: {总分: 95}\n    expect: {等级: 优}\n",
			reason: "text params are labels the platform reads (a monitor's colours), as the handbook says"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			require.NotEmpty(t, r.reason, "row %q has no reason", r.name)
			path := filepath.Join(t.TempDir(), "规则.yaml")
			require.NoError(t, os.WriteFile(path, []byte(r.src), 0o644))
			stdout, stderr, code := runCLI("check", "--strict", "--format", "json", path)
			assert.Equal(t, exitOK, code, "%s\n%s", r.reason, stderr)
			assert.Equal(t, `{"summary":{"files":1,"rulesets":1,"problems":0,"warnings":0}}`+"\n", stdout, r.reason)
		})
	}
}

// TestCheckWarningsJSON: warnings in --format json are lines of the same schema as errors,
// positioned at the declaration and spanning its name; they leave the exit code 0, and
// --strict makes it 1 in either format.
func TestCheckWarningsJSON(t *testing.T) {
	src := "ruleset: 有警告\neffective: 2024-01-01\ninputs:\n  执行数: {type: decimal}\n  项目名称: {type: string}\nparams:\n  良上限: 20%\n" +
		"formulas:\n  两倍: 执行数 * 2\ntests:\n  - given: {执行数: 1, 项目名称: 甲}\n    expect: {两倍: 2}\n"
	path := filepath.Join(t.TempDir(), "w.yaml")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))

	stdout, _, code := runCLI("check", "--format", "json", path)
	assert.Equal(t, exitOK, code, "warnings alone do not fail a check")
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 3, stdout)
	var w map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &w))
	offset := float64(len([]rune(src[:strings.Index(src, "项目名称")]))) // offsets count characters
	assert.Equal(t, map[string]any{"code": "W001", "message": w["message"], "file": path, "line": 5.0, "col": 3.0,
		"offset": offset, "end": offset + 4, "rule": "有警告"}, w, "the keys of rules.Error; end spans the name 项目名称")
	assert.Contains(t, lines[1], `"code":"W002"`)
	assert.Contains(t, lines[1], `"line":7,"col":3`)
	assert.Equal(t, `{"summary":{"files":1,"rulesets":1,"problems":0,"warnings":2}}`, lines[2])

	for _, format := range []string{"text", "json"} {
		_, stderr, code := runCLI("check", "--strict", "--format", format, path)
		assert.Equal(t, exitFindings, code, "--strict with %s: warnings count as findings", format)
		assert.Contains(t, stderr, "发现 2 个警告（--strict：警告也算问题）", format)
	}
}
