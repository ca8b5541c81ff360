package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const explainUse = "explain [--at 日期] [--ruleset 规则集] [--set 名称=值]... [--format text|json] 文件"

// niya is the seed's 尼雅镇农村污水处理项目 at the August checkpoint (amounts in 万元).
var niya = []string{"--at", "2024-08-31", "--set", "预算数=631.46", "--set", "执行数=520.22", "--set", "月份=8"}

func explainArgs(source string, extra ...string) []string {
	return append(append([]string{"explain", source}, niya...), extra...)
}

func TestExplainGolden(t *testing.T) {
	stdout, stderr, code := runCLI(explainArgs("minfeng-monitor")...)
	require.Equal(t, exitOK, code, stderr)
	require.Empty(t, stderr)

	golden := filepath.Join("testdata", "explain.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/jixiao -update to create it")
	assert.Equal(t, string(want), stdout, "explain output changed; review and run go test ./cmd/jixiao -update")

	again, _, _ := runCLI(explainArgs("minfeng-monitor")...)
	assert.Equal(t, stdout, again, "the same record gives the same bytes")
}

func TestExplainSources(t *testing.T) {
	byID, _, _ := runCLI(explainArgs("minfeng-monitor")...)
	for _, tc := range []struct {
		name   string
		args   []string
		reason string
	}{
		{"文件路径", explainArgs("../../rulesets/minfeng-monitor.yaml"),
			"给出文件时用文件中的规则集，继承的公式仍来自内置的 national-monitor"},
		{"目录加 --ruleset", explainArgs("../../rulesets", "--ruleset", "minfeng-monitor"),
			"目录中有多个规则集时用 --ruleset 选"},
		{"金额带单位", []string{"explain", "minfeng-monitor", "--at", "2024-08-31",
			"--set", "预算数=6,314,600元", "--set", "执行数=0.0520220亿元", "--set", "月份=8"},
			"输入的单位是万元时，带单位的金额精确换算"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			stdout, stderr, code := runCLI(tc.args...)
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, sameScale(resultsOf(byID)), sameScale(resultsOf(stdout)), "同一条记录，结果一样")
		})
	}
}

// resultsOf is the explanation without the header, which names the file, and with the
// rule files named as the embedded defaults name them (rulesets/<name>.yaml).
// trailingZeros matches the zeros after a number's last significant decimal digit.
var trailingZeros = regexp.MustCompile(`(\d\.\d*?)0+\b|(\d)\.0+\b`)

// sameScale drops trailing decimal zeros, so values compare by what they are: an amount typed
// in 元 keeps the places of 元 when read in 万元 (6,314,600元 is 631.4600万元).
func sameScale(s string) string { return trailingZeros.ReplaceAllString(s, "$1$2") }

func resultsOf(out string) string {
	_, results, _ := strings.Cut(out, "\n结果：\n")
	return strings.ReplaceAll(results, "../../rulesets/", "rulesets/")
}

func TestExplainTrace(t *testing.T) {
	stdout, stderr, code := runCLI("explain", "minfeng-monitor", "--at", "2024-08-31",
		"--set", "预算数=631.46", "--set", "执行数=300", "--set", "月份=8")
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{
		"计算日期：2024-08-31\n",
		"  偏差 = 0.2874\n",
		"      ✗ 第 1 行 偏差 == 0\n          偏差 = 0.2874\n",
		"      ✗ 第 2 行 偏差 <= 良上限\n          偏差 = 0.2874\n          良上限 = 0.20（参数）\n",
		"      ✓ 第 3 行 else → 差\n",
		"  红标 = true\n",
		"  整改期限天数 = 30\n",
	} {
		assert.Contains(t, stdout, want)
	}

	stdout, stderr, code = runCLI("explain", "testdata/good/project-score.yaml", "--set", "预算数=940", "--set", "执行数=928.56")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "计算日期：2024-01-01\n", "--at 默认是规则集的生效日期")
	assert.Contains(t, stdout, "      ✓ 第 2 行 else → 9.88\n          显示执行率 = 0.9878\n"+
		"          分值 = 10（参数）\n          显示执行率 * 分值 = 9.8780\n",
		"算出的结果写出计算步骤")
}

func TestExplainJSON(t *testing.T) {
	stdout, stderr, code := runCLI(explainArgs("minfeng-monitor", "--format", "json")...)
	require.Equal(t, exitOK, code, stderr)
	require.Equal(t, 1, strings.Count(stdout, "\n"), "one line of JSON")
	var ev struct {
		RuleSet, Version, Effective, Hash, At string
		Values                                map[string]any
		Trace                                 []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ev))
	assert.Equal(t, "minfeng-monitor", ev.RuleSet)
	assert.Equal(t, "2024-08-31", ev.At)
	assert.Len(t, ev.Hash, 64)
	assert.Equal(t, "0.82383682260158996611", ev.Values["执行率"], "numbers are exact strings")
	assert.Equal(t, "优", ev.Values["等级"])
	assert.NotEmpty(t, ev.Trace)
	assert.Contains(t, stdout, `"进度比 < 黄色下限"`, "< is not escaped")
}

func TestExplainErrors(t *testing.T) {
	runCases(t, []cliCase{
		{name: "缺少输入", args: []string{"explain", "minfeng-monitor", "--set", "预算数=631.46"},
			stderr: "rulesets/minfeng-monitor.yaml:32:80: 规则 序时进度：缺少输入 月份\n" +
				"rulesets/national-monitor.yaml:17:8: 规则 执行率：缺少输入 执行数\n" +
				"提示：用 --set 名称=值 给出输入（规则集 minfeng-monitor 的输入：预算数、执行数、月份、监控日期、计划进度）\n",
			code: exitFindings, reason: "缺少输入是计算出错，退出码 1，每个缺少的输入指向它第一次被用到的地方"},
		{name: "除数为零", args: []string{"explain", "testdata/good/project-score.yaml", "--set", "预算数=0", "--set", "执行数=1"},
			stdout: "规则集：project-score（项目预算执行率得分）\n版本：2024-01-01\n生效日期：2024-01-01\nhash：5fed7c65f03c\n" +
				"计算日期：2024-01-01\n文件：testdata/good/project-score.yaml\n\n输入：\n  预算数 = 0 万元\n  执行数 = 1 万元\n\n" +
				"结果：\n  显示执行率：计算出错，见下面的错误\n    testdata/good/project-score.yaml:11:10: round(执行数 / 预算数, 4)\n" +
				"      执行数 = 1\n      预算数 = 0\n",
			stderr: "testdata/good/project-score.yaml:11:22: 规则 显示执行率：除数为零：预算数 的值为 0\n",
			code:   exitFindings, reason: "计算错误指向规则文件中的位置；出错前读到的值照样列出，出错的那一步不给假的值"},
		{name: "文件有误", args: []string{"explain", "testdata/bad/two-mistakes.yaml"},
			stderr: twoMistakes + "发现 2 个问题（1 个文件有误，共 1 个文件）\n", code: exitFindings,
			reason: "文件不能编译时像 check 一样列出问题"},
		{name: "JSON 模式的错误", args: []string{"explain", "testdata/good/project-score.yaml", "--format", "json",
			"--set", "预算数=0", "--set", "执行数=1"},
			stdout: `{"errors":[{"code":"R001","message":"除数为零：预算数 的值为 0","file":"testdata/good/project-score.yaml",` +
				`"line":11,"col":22,"offset":212,"end":215,"rule":"显示执行率","ruleset":"project-score"}],` +
				`"trace":[{"rule":"显示执行率","kind":"value","file":"testdata/good/project-score.yaml","text":"执行数","line":11,"col":16,"value":"1"},` +
				`{"rule":"显示执行率","kind":"value","file":"testdata/good/project-score.yaml","text":"预算数","line":11,"col":22,"value":"0"},` +
				`{"rule":"显示执行率","kind":"formula","file":"testdata/good/project-score.yaml","text":"round(执行数 / 预算数, 4)","line":11,"col":10,"value":null}]}` + "\n",
			stderr: "testdata/good/project-score.yaml:11:22: 规则 显示执行率：除数为零：预算数 的值为 0\n",
			code:   exitFindings, reason: "JSON 模式下错误也结构化输出到标准输出，与 expr 相同；出错前的每一步在 trace 中，出错的公式没有值（null）"},
	})
}

func TestExplainUsage(t *testing.T) {
	u := func(msg string) string { return usageErr("explain", explainUse, msg) }
	runCases(t, []cliCase{
		{name: "缺少文件", args: []string{"explain"}, stderr: u("缺少规则文件"), code: exitUsage,
			reason: "要解释哪个规则集必须给出"},
		{name: "多个文件", args: []string{"explain", "a.yaml", "b.yaml"},
			stderr: u("只能解释一个规则文件，这里给了 2 个参数"), code: exitUsage, reason: "一次解释一个规则集"},
		{name: "文件不存在", args: []string{"explain", "nope.yaml"},
			stderr: u("找不到规则文件或目录 nope.yaml"), code: exitUsage, reason: "不存在的文件退出码 2"},
		{name: "内置名称写错", args: []string{"explain", "minfeng-montor"},
			stderr: u("找不到规则文件 minfeng-montor，也没有叫这个名字的内置规则集，是否为 minfeng-monitor？"),
			code:   exitUsage, reason: "既不是文件也不是内置规则集时给出相近的名称"},
		{name: "未知输入", args: []string{"explain", "minfeng-monitor", "--set", "执形数=1"},
			stderr: u("--set 执形数：规则集 minfeng-monitor 没有输入 执形数，是否为 执行数？（输入有：预算数、执行数、月份、监控日期、计划进度）"),
			code:   exitUsage, reason: "写错的输入名是用法错误，给出相近的名称和所有输入"},
		{name: "参数不能设置", args: []string{"explain", "minfeng-monitor", "--set", "良上限=30%"},
			stderr: u("--set 良上限：良上限 是规则集 minfeng-monitor 的参数，不是输入，不能用 --set 改变（输入有：预算数、执行数、月份、监控日期、计划进度）"),
			code:   exitUsage, reason: "参数是政策，不能在命令行上悄悄改变"},
		{name: "结果不能设置", args: []string{"explain", "minfeng-monitor", "--set", "等级=优"},
			stderr: u("--set 等级：等级 是决策表，由规则算出，不是输入（输入有：预算数、执行数、月份、监控日期、计划进度）"),
			code:   exitUsage, reason: "算出的结果不能当输入"},
		{name: "整数输入", args: []string{"explain", "minfeng-monitor", "--set", "月份=8.5"},
			stderr: u("--set 月份 的值有误：月份 应为整数，这里是 8.5"), code: exitUsage,
			reason: "值按声明的类型读取，整数不接受小数"},
		{name: "数值读不出", args: []string{"explain", "testdata/failing/wrong-expect.yaml", "--set", "预算数=1e5"},
			stderr: u("--set 预算数 的值有误：无法识别的数字 \"1e5\"：第2个字符处：不接受科学计数法，请写出完整数字（如 100000，而不是 1e5）"),
			code:   exitUsage, reason: "数值经 amount.ParseDecimal 精确读取，读不出时说明原因"},
		{name: "日期有误", args: []string{"explain", "minfeng-monitor", "--at", "2024-13-01"},
			stderr: u(`--at 应为日期，如 2024-08-31，这里是 "2024-13-01"`), code: exitUsage,
			reason: "--at 必须是日期"},
		{name: "不在生效期", args: []string{"explain", "minfeng-monitor", "--at", "2023-12-31"},
			stderr: u("规则集 minfeng-monitor 在 2023-12-31 不生效（生效期：2024-01-01 起）"), code: exitUsage,
			reason: "命令行给的日期不在规则集的生效期内"},
		{name: "多个规则集", args: []string{"explain", "testdata/good"},
			stderr: u("testdata/good 中有 2 个规则集（hotan-monitor、project-score），请用 --ruleset 选一个"),
			code:   exitUsage, reason: "不替用户猜要解释哪个规则集"},
		{name: "没有这个规则集", args: []string{"explain", "testdata/good", "--ruleset", "hotan-monitr"},
			stderr: u("testdata/good 中没有规则集 hotan-monitr，是否为 hotan-monitor？（有：hotan-monitor、project-score）"),
			code:   exitUsage, reason: "--ruleset 写错时给出相近的名称"},
	})
}

// TestExplainPicksVersionInForce: of two versions without until, the later one is in force
// from its effective date on, as rulefile.Library.Get decides.
func TestExplainPicksVersionInForce(t *testing.T) {
	dir := t.TempDir()
	file := func(name, effective, line string) {
		text := "ruleset: 等级线\neffective: " + effective + "\ninputs:\n  总分: {type: decimal}\n" +
			"tables:\n  等级:\n    - when: 总分 >= " + line + "\n      then: 优\n    - else: 良\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	file("2023.yaml", "2023-01-01", "90")
	file("2024.yaml", "2024-01-01", "95")
	for _, tc := range []struct {
		at, version, grade, reason string
	}{
		{"2023-06-30", "2023-01-01", "优", "2024 版还没生效"},
		{"2024-06-30", "2024-01-01", "良", "2023 版没有 until，到 2024 版生效时为止"},
	} {
		stdout, stderr, code := runCLI("explain", dir, "--at", tc.at, "--set", "总分=90")
		require.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stdout, "版本："+tc.version+"\n", tc.reason)
		assert.Contains(t, stdout, "  等级 = "+tc.grade+"\n", tc.reason)
	}
}
