package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/rules"
)

const checkHelp = `选项：
  --format 格式   text（默认）只在标准错误上说明；json 另在标准输出上每个问题打印一行
                  {"code":"E002","message":"未知名称 执形率，是否为 执行率？","file":"a.yaml",
                  "line":11,"col":24,"offset":…,"end":…,"rule":"偏差"}，
                  警告也各占一行，code 以 W 开头；最后一行是汇总
                  {"summary":{"files":1,"rulesets":0,"problems":1,"warnings":0}}。
  --strict        有警告时也以退出码 1 结束（用于 CI）。
  -h, --help      显示本说明。

警告（W 开头的代码）指出规则能算、但多半不是作者本意的地方：声明了却没有任何公式或决策表用到的
输入和参数（只在测试里给出不算用到；值为文本的参数常由平台读取，不算），以及没有测试的规则集。
警告只针对给出的文件，打印在问题之后，不影响退出码，除非加 --strict。

给出目录时，检查其中所有 .yaml 和 .yml 文件（按文件名顺序，跳过以 . 开头的目录）。
内置的全国默认和民丰县规则集先行载入，规则文件可以用 extends 继承它们。
一次报告所有文件的所有问题，每个问题一行：文件:行:列: 说明。

示例：
  jixiao check 民丰县监控.yaml
  jixiao check 规则/

退出码：0 全部文件有效（可以有警告）；1 有文件有误，或 --strict 时有警告；2 用法错误、文件或目录不存在。`

type checkOptions struct {
	format string
	strict bool
}

func newCheckCmd() *cobra.Command {
	o := &checkOptions{}
	c := &cobra.Command{
		Use:     "check [--format text|json] [--strict] 文件或目录...",
		Short:   "检查规则文件，列出所有错误",
		Long:    "检查规则文件能否编译：YAML 格式、键、表达式、名称、类型、决策表、测试的写法。",
		Example: checkHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().StringVar(&o.format, "format", "text", "输出格式：text 或 json")
	c.Flags().BoolVar(&o.strict, "strict", false, "有警告时也以退出码 1 结束")
	return c
}

func (o *checkOptions) run(c *cobra.Command, args []string) error {
	if err := checkFormat(c, o.format); err != nil {
		return err
	}
	files, err := readRuleFiles(c, args)
	if err != nil {
		return err
	}
	l, err := loadRuleFiles(files)
	if err != nil {
		return err
	}
	warnings := l.warnings()
	if o.format == "json" {
		if err := o.writeJSON(c, l, warnings); err != nil {
			return err
		}
	}
	if len(l.problems) > 0 {
		l.writeProblems(c.ErrOrStderr(), warnings...)
		return &findingsError{}
	}
	var b bytes.Buffer
	writeWarnings(&b, warnings)
	if o.strict && len(warnings) > 0 {
		fmt.Fprintf(&b, "发现 %d 个警告（--strict：警告也算问题）\n", len(warnings))
		writeMessage(c.ErrOrStderr(), b.String())
		return &findingsError{}
	}
	fmt.Fprintf(&b, "检查通过：%d 个文件，%d 个规则集", len(l.files), len(l.sets))
	if len(warnings) > 0 {
		fmt.Fprintf(&b, "；%d 个警告", len(warnings))
	}
	b.WriteByte('\n')
	// The summary is all that check prints when the files are fine: losing it is a failed write.
	return write(c.ErrOrStderr(), b.Bytes())
}

// writeWarnings prints each warning as FILE:LINE:COL: 警告 W001：说明.
func writeWarnings(b *bytes.Buffer, warnings rules.ErrorList) {
	for _, w := range warnings {
		fmt.Fprintf(b, "%s: 警告 %s：%s\n", position(w.File, w.Line, w.Col), string(w.Code), w.Msg)
	}
}

// writeJSON prints one JSON line per problem, then per warning (its code starts with W),
// and a summary line.
func (o *checkOptions) writeJSON(c *cobra.Command, l *loaded, warnings rules.ErrorList) error {
	var buf bytes.Buffer
	for _, e := range append(append(rules.ErrorList(nil), l.problems...), warnings...) {
		line, err := jsonLine(e)
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		buf.Write(line)
	}
	type summary struct {
		Files    int `json:"files"`
		RuleSets int `json:"rulesets"`
		Problems int `json:"problems"`
		Warnings int `json:"warnings"`
	}
	line, err := jsonLine(struct {
		Summary summary `json:"summary"`
	}{summary{len(l.files), len(l.sets), len(l.problems), len(warnings)}})
	if err != nil {
		return &findingsError{msg: "无法输出结果：" + err.Error()}
	}
	buf.Write(line)
	return write(c.OutOrStdout(), buf.Bytes())
}

// checkFormat accepts the two output formats.
func checkFormat(c *cobra.Command, format string) error {
	if format != "text" && format != "json" {
		return usagef(c, "--format 只能是 text 或 json，这里是 %q", format)
	}
	return nil
}
