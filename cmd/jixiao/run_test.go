package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cliCase is one command line and everything it must produce.
type cliCase struct {
	name   string
	args   []string
	stdout string
	stderr string
	code   int
	reason string // why this row exists; a row without one is refused
}

func runCases(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason, "每一行都要写明 reason")
			stdout, stderr, code := runCLI(tc.args...)
			assert.Equal(t, tc.stdout, stdout, "stdout")
			assert.Equal(t, tc.stderr, stderr, "stderr")
			assert.Equal(t, tc.code, code, "exit code")
		})
	}
}

func runCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// usageErr is what a usage error of a subcommand prints on stderr.
func usageErr(cmd, use, msg string) string {
	return "jixiao " + cmd + ": " + msg + "\n" +
		"用法：jixiao " + use + "\n" +
		"运行 jixiao " + cmd + " --help 查看说明。\n"
}

const exprUse = "expr [--set 名称=值]... [--format text|json] [--] 表达式"

const rootHelp = `jixiao（绩效）按规则计算预算绩效：执行率、监控偏差分级、指标打分、评价等级。
规则写成财政人员能读、能改的表达式，数字都是精确小数。

用法：
  jixiao <子命令> [选项] [参数]

子命令：
  check    检查规则文件，列出所有错误
  demo     复核民丰县 2023 年重点评价和项目支出评价的数字
  eval     用任一规则集计算一张表的每一行
  explain  用规则集计算一条记录，逐步说明每个结果的来历
  expr     计算一个表达式
  help     显示子命令的说明
  monitor  绩效运行监控：按规则给每个项目分级，挂红标，按等级汇总
  score    评价打分：单位自评表、重点评价表或部门整体支出评价表，算执行率、指标得分、总分、等级和结果应用
  test     运行规则文件中的测试
  version  显示 jixiao 的版本

运行 jixiao help <子命令> 或 jixiao <子命令> --help 查看子命令的说明。
`

func TestRunRoot(t *testing.T) {
	help := rootHelp
	runCases(t, []cliCase{
		{name: "无子命令", args: nil, stderr: "jixiao: 缺少子命令\n\n" + help, code: exitUsage,
			reason: "只敲 jixiao 是用法错误：说明打到 stderr，退出码 2"},
		{name: "帮助", args: []string{"--help"}, stdout: help, code: exitOK,
			reason: "明确要帮助时说明打到 stdout，退出码 0"},
		{name: "帮助短选项", args: []string{"-h"}, stdout: help, code: exitOK,
			reason: "-h 与 --help 相同"},
		{name: "help 子命令", args: []string{"help"}, stdout: help, code: exitOK,
			reason: "jixiao help 与 jixiao --help 相同"},
		{name: "未知子命令", args: []string{"foo"}, stderr: "jixiao: 未知子命令 \"foo\"\n\n" + help, code: exitUsage,
			reason: "未知子命令是用法错误，并列出有哪些子命令"},
		{name: "拼错子命令", args: []string{"exp", "1"}, stderr: "jixiao: 未知子命令 \"exp\"，你是不是想用 expr？\n\n" + help,
			code: exitUsage, reason: "拼错的子命令给出最相近的一个"},
		{name: "少打一个字母", args: []string{"chek", "a.yaml"}, stderr: "jixiao: 未知子命令 \"chek\"，你是不是想用 check？\n\n" + help,
			code: exitUsage, reason: "issue 7 的例子：chek 是 check"},
		{name: "中文子命令", args: []string{"检查", "a.yaml"}, stderr: "jixiao: 未知子命令 \"检查\"，你是不是想用 check？\n\n" + help,
			code: exitUsage, reason: "子命令是英文的；写成中文的“检查”时指出对应的 check"},
		{name: "中文解释", args: []string{"解释"}, stderr: "jixiao: 未知子命令 \"解释\"，你是不是想用 explain？\n\n" + help,
			code: exitUsage, reason: "“解释”对应 explain，与拼写无关，不能靠编辑距离找"},
		{name: "大小写", args: []string{"Test"}, stderr: "jixiao: 未知子命令 \"Test\"，你是不是想用 test？\n\n" + help,
			code: exitUsage, reason: "子命令区分大小写，但建议不区分"},
		{name: "未知全局选项", args: []string{"--verbose"}, stderr: "jixiao: 未知选项 --verbose\n\n" + help,
			code: exitUsage, reason: "cobra 的英文错误换成中文"},
		{name: "help 未知子命令", args: []string{"help", "nope"},
			stderr: usageErr("help", "help [子命令]", "没有子命令 \"nope\""), code: exitUsage,
			reason: "help 后面跟不存在的子命令是用法错误"},
	})
}

func TestHelpIsChinese(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"expr", "--help"}, {"demo", "--help"}, {"help", "expr"},
		{"check", "--help"}, {"test", "--help"}, {"explain", "--help"}, {"help", "explain"}} {
		stdout, stderr, code := runCLI(args...)
		assert.Equal(t, exitOK, code, args)
		assert.Empty(t, stderr, args)
		for _, english := range []string{"Usage:", "Flags:", "Available Commands", "help for", "[flags]"} {
			assert.NotContains(t, stdout, english, "%v 的帮助里不该有 cobra 的英文", args)
		}
	}
	viaHelp, _, _ := runCLI("help", "expr")
	viaFlag, _, _ := runCLI("expr", "--help")
	assert.Equal(t, viaFlag, viaHelp, "jixiao help expr 与 jixiao expr --help 相同")
	assert.Contains(t, viaFlag, "用法：\n  jixiao "+exprUse+"\n")
}

func TestRunNilArgsDoesNotReadOSArgs(t *testing.T) {
	// cobra falls back to os.Args when given nil; under go test those are test flags.
	_, stderr, code := runCLI()
	assert.Equal(t, exitUsage, code)
	assert.True(t, strings.HasPrefix(stderr, "jixiao: 缺少子命令\n"), stderr)
}

type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("管道已关闭") }

func TestRunWriteFailure(t *testing.T) {
	for _, args := range [][]string{{"expr", "1"}, {"demo"}, {"test", "testdata/good"},
		append([]string{"explain", "minfeng-monitor"}, niya...), {"check", "--format", "json", "testdata/good"}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), brokenWriter{}, &errb)
		assert.Equal(t, exitFindings, code, "%v: 结果写不出去不能算成功", args)
		assert.Equal(t, "无法写出结果：管道已关闭\n", errb.String(), args)
	}
}

// TestHelpWriteFailure: help asked for is the command's output, so a help that cannot be
// written fails like any other result, whether it was asked for by flag or by subcommand.
func TestHelpWriteFailure(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "expr"}, {"expr", "--help"}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), brokenWriter{}, &errb)
		assert.Equal(t, exitFindings, code, "%v: 帮助写不出去不能算成功", args)
		assert.Equal(t, "无法写出结果：管道已关闭\n", errb.String(), args)
	}
}

// TestCheckSummaryWriteFailure: in text mode check's whole output is its summary on stderr;
// when that cannot be written, the check does not report success.
func TestCheckSummaryWriteFailure(t *testing.T) {
	var out bytes.Buffer
	code := run([]string{"check", "testdata/good"}, strings.NewReader(""), &out, brokenWriter{})
	assert.Equal(t, exitFindings, code, "检查通过写不出去不能算成功")
	assert.Empty(t, out.String())
}

// TestStderrFailureKeepsExitCode: a message on stderr for a command that fails anyway cannot
// be reported when stderr is broken; the exit code is still the one the failure calls for.
func TestStderrFailureKeepsExitCode(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"expr", "1 +"}, exitFindings},
		{[]string{"check", "testdata/nope"}, exitUsage},
		{[]string{"nope"}, exitUsage},
		{[]string{"expr", "--nope", "1"}, exitUsage},
	} {
		var out bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &out, brokenWriter{})
		assert.Equal(t, tc.code, code, tc.args)
	}
}
