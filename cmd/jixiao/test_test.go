package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const testUse = "test [-v] 文件或目录..."

const wrongExpect = "testdata/failing/wrong-expect.yaml:19:21: 测试 期望写错：显示执行率 期望 0.9879，实际 0.9878\n" +
	"testdata/failing/wrong-expect.yaml:19:33: 测试 期望写错：等级 期望 “差”，实际 “优”\n" +
	"testdata/failing/wrong-expect.yaml:20:5: 测试 预算数为零：计算出错\n" +
	"    testdata/failing/wrong-expect.yaml:7:22: 规则 显示执行率：除数为零：预算数 的值为 0\n"

func TestTestCommand(t *testing.T) {
	runCases(t, []cliCase{
		{name: "故意写错的测试", args: []string{"test", "../../rulefile/testdata/rulesets/monitor.yaml"},
			stdout: "../../rulefile/testdata/rulesets/monitor.yaml:41:18: 测试 故意写错：等级 期望 “良”，实际 “差”\n" +
				"2 passed, 1 failed\n",
			code:   exitFindings,
			reason: "未通过的测试指向写期望的位置，文本加引号；最后一行是英文合计"},
		{name: "内置规则集全部通过", args: []string{"test", "../../rulesets"},
			stdout: "107 passed, 0 failed\n",
			reason: "随程序发布的规则文件的测试都通过；通过的测试不打印"},
		{name: "继承内置规则集", args: []string{"test", "testdata/good"},
			stdout: "4 passed, 0 failed\n",
			reason: "文件 extends 内置的 national-monitor；只运行给出的文件中的测试，不运行内置的"},
		{name: "详细输出", args: []string{"test", "-v", "testdata/good"},
			stdout: "ok  hotan-monitor 落后百分之十五为良\n" +
				"ok  hotan-monitor 落后百分之二十为差\n" +
				"ok  project-score 民政局困难群众救助资金\n" +
				"ok  project-score 超额执行\n" +
				"4 passed, 0 failed\n",
			reason: "-v 时通过的测试也各打印一行，按文件和测试的顺序"},
		{name: "期望不符与计算出错", args: []string{"test", "testdata/failing"},
			stdout: wrongExpect + "1 passed, 2 failed\n", code: exitFindings,
			reason: "每个不符的结果一行；计算出错的测试列出错误，缩进在测试之下"},
		{name: "有文件不能编译", args: []string{"test", "testdata/bad", "testdata/failing", "testdata/good"},
			stdout: wrongExpect + "5 passed, 2 failed\n",
			stderr: twoMistakes + "发现 2 个问题（1 个文件有误，共 4 个文件）\n", code: exitFindings,
			reason: "不能编译的文件像 check 一样报在标准错误上，其余文件的测试照常运行并计入合计"},
		{name: "只有不能编译的文件", args: []string{"test", "testdata/bad"},
			stdout: "0 passed, 0 failed\n",
			stderr: twoMistakes + "发现 2 个问题（1 个文件有误，共 1 个文件）\n", code: exitFindings,
			reason: "没有测试失败，但文件有误，退出码仍是 1"},
		{name: "缺少参数", args: []string{"test"},
			stderr: usageErr("test", testUse, "缺少规则文件或目录"), code: exitUsage,
			reason: "不给文件是用法错误"},
		{name: "文件不存在", args: []string{"test", "nope"},
			stderr: usageErr("test", testUse, "找不到规则文件或目录 nope"), code: exitUsage,
			reason: "不存在的路径退出码 2"},
	})
}

func TestTestLastLine(t *testing.T) {
	for _, args := range [][]string{
		{"test", "-v", "../../rulesets", "../../rulefile/testdata/rulesets/monitor.yaml"},
		{"test", "testdata/bad"},
	} {
		stdout, _, _ := runCLI(args...)
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		assert.Regexp(t, `^[0-9]+ passed, [0-9]+ failed$`, lines[len(lines)-1], "%v: 最后一行是合计", args)
		assert.True(t, strings.HasSuffix(stdout, "\n"), args)
	}
}
