package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

const testHelp = `选项：
  -v, --verbose   通过的测试也各打印一行：ok  规则集 测试名称
  -h, --help      显示本说明。

运行给出的规则文件中 tests 下的每个测试（内置规则集的测试不运行，除非给出了它们的文件）。
未通过的测试在标准输出上逐项列出：
  文件:行:列: 测试 名称：结果 期望 值，实际 值
计算出错的测试列出错误。不能编译的文件像 jixiao check 一样在标准错误上列出问题，其中的测试不运行。
标准输出的最后一行总是 N passed, M failed（所有文件的测试合计）。

示例：
  jixiao test 民丰县监控.yaml
  jixiao test -v 规则/

退出码：0 所有测试通过；1 有测试未通过或有文件有误；2 用法错误、文件或目录不存在。`

type testOptions struct {
	verbose bool
}

func newTestCmd() *cobra.Command {
	o := &testOptions{}
	c := &cobra.Command{
		Use:     "test [-v] 文件或目录...",
		Short:   "运行规则文件中的测试",
		Long:    "运行规则文件中 tests 下的测试，逐项列出未通过的测试，最后一行是合计。",
		Example: testHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "通过的测试也打印")
	return c
}

func (o *testOptions) run(c *cobra.Command, args []string) error {
	files, err := readRuleFiles(c, args)
	if err != nil {
		return err
	}
	l, err := loadRuleFiles(files)
	if err != nil {
		return err
	}
	if len(l.problems) > 0 {
		l.writeProblems(c.ErrOrStderr())
	}
	var b strings.Builder
	passed, failed := 0, 0
	for _, rs := range l.sets {
		for _, r := range rs.RunTests() {
			if r.Passed() {
				passed++
				if o.verbose {
					fmt.Fprintf(&b, "ok  %s %s\n", rs.ID(), r.Name)
				}
				continue
			}
			failed++
			writeTestResult(&b, r)
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", passed, failed)
	if err := write(c.OutOrStdout(), []byte(b.String())); err != nil {
		return err
	}
	if failed > 0 || len(l.problems) > 0 {
		return &findingsError{}
	}
	return nil
}

// writeTestResult prints what went wrong in one test: each expected value that did not come
// out, or the error that stopped the evaluation, every line positioned in the rule file.
func writeTestResult(b *strings.Builder, r rulefile.TestResult) {
	if r.Err != nil {
		fmt.Fprintf(b, "%s: 测试 %s：计算出错\n", position(r.Pos.File, r.Pos.Line, r.Pos.Col), r.Name)
		list := rules.Errors(r.Err)
		if len(list) == 0 {
			fmt.Fprintf(b, "    %v\n", r.Err)
		}
		for _, e := range list {
			fmt.Fprintf(b, "    %s\n", e.Error())
		}
		return
	}
	// Each failure is a positioned error whose message reads 测试 名称：结果 期望 x，实际 y.
	for _, e := range r.Errors() {
		fmt.Fprintf(b, "%s: %s\n", position(e.File, e.Line, e.Col), e.Msg)
	}
}

// position is FILE:LINE:COL, the start of every line that points into a rule file.
func position(file string, line, col int) string {
	if file == "" {
		file = "<expr>"
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}
