package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jixiao-go/jixiao/rules"
)

// Exit codes, as DESIGN.md fixes them for every jixiao command.
const (
	exitOK       = 0 // the command did its job
	exitFindings = 1 // an invalid expression or rule file, an evaluation error
	exitUsage    = 2 // an unknown flag, a missing argument, unusable input
)

// run is the whole program: main only passes it the process's arguments and streams, so
// tests call it directly. It returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if args == nil {
		args = []string{} // a nil slice would make cobra read os.Args
	}
	var helpErr error
	root := newRootCmd(&helpErr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)

	cmd, err := root.ExecuteC()
	if err == nil {
		err = helpErr // --help: the command's output is the help
	}
	if err == nil {
		return exitOK
	}
	var found *findingsError
	if errors.As(err, &found) {
		if found.msg != "" {
			writeMessage(stderr, found.msg+"\n")
		}
		return exitFindings
	}
	var usage *usageError
	if errors.As(err, &usage) {
		cmd = usage.cmd
	}
	if cmd == nil {
		cmd = root
	}
	// Anything else came from cobra itself: it is about the command line too.
	printUsageError(stderr, cmd, err)
	return exitUsage
}

// usageError is a mistake in the command line: exit code 2, with a pointer to the help.
type usageError struct {
	cmd *cobra.Command
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usagef(cmd *cobra.Command, format string, a ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, a...)}
}

// findingsError ends a command with exit code 1. Its problems have already been printed
// when msg is empty.
type findingsError struct{ msg string }

func (e *findingsError) Error() string { return e.msg }

// printUsageError writes the message and then, for a subcommand, its usage line and where to
// read more; for jixiao itself, the whole help, which lists the subcommands.
func printUsageError(w io.Writer, cmd *cobra.Command, err error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %v\n", cmd.CommandPath(), err)
	if !cmd.HasParent() {
		b.WriteString("\n")
		b.WriteString(helpText(cmd))
	} else {
		fmt.Fprintf(&b, "用法：%s\n运行 %s --help 查看说明。\n", cmd.UseLine(), cmd.CommandPath())
	}
	writeMessage(w, b.String())
}

// writeMessage prints a message on stderr for a command that ends with a non-zero exit code
// whatever happens to the message. A failed write is dropped on purpose: the exit code already
// says the command failed, and stderr, where the failure would be reported, is what failed.
func writeMessage(w io.Writer, s string) {
	_, _ = io.WriteString(w, s)
}

// newRootCmd builds the jixiao command. Cobra's help function cannot return an error, so a
// failed write of the help that --help asks for is stored in *helpErr for run to report.
func newRootCmd(helpErr *error) *cobra.Command {
	root := &cobra.Command{
		Use:   "jixiao",
		Short: "预算绩效规则计算",
		Long: `jixiao（绩效）按规则计算预算绩效：执行率、监控偏差分级、指标打分、评价等级。
规则写成财政人员能读、能改的表达式，数字都是精确小数。`,
		Args:                  cobra.ArbitraryArgs,
		SilenceErrors:         true,
		SilenceUsage:          true,
		DisableFlagsInUseLine: true,
		CompletionOptions:     cobra.CompletionOptions{DisableDefaultCmd: true},
		RunE: func(c *cobra.Command, args []string) error {
			if v, _ := c.Flags().GetBool("version"); v {
				return writeVersion(c)
			}
			if len(args) == 0 {
				return usagef(c, "缺少子命令")
			}
			return unknownCommand(c, args[0])
		},
	}
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助")
	root.Flags().Bool("version", false, "显示版本")
	root.SetFlagErrorFunc(flagError)
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		*helpErr = writeHelp(c.OutOrStdout(), c)
	})
	root.SetHelpCommand(newHelpCmd())
	root.AddCommand(newCheckCmd(), newTestCmd(), newExplainCmd(), newExprCmd(), newDemoCmd(), newEvalCmd(), newMonitorCmd(), newScoreCmd(), newVersionCmd())
	root.InitDefaultHelpCmd() // adds help now, so the help text lists it before Execute runs
	for _, c := range root.Commands() {
		c.DisableFlagsInUseLine = true
	}
	return root
}

func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "help [子命令]",
		Short:                 "显示子命令的说明",
		Long:                  "显示 jixiao 或它的一个子命令的说明。",
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usagef(c, "没有子命令 %q", strings.Join(args, " "))
			}
			return writeHelp(c.OutOrStdout(), target)
		},
	}
}

// writeHelp prints a command's help (see helpText) as the command's output.
func writeHelp(w io.Writer, c *cobra.Command) error {
	return write(w, []byte(helpText(c)))
}

// helpText is a command's help: its description, usage line, subcommands and the help text
// its Example field holds (options, examples, exit codes).
func helpText(c *cobra.Command) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(c.Long))
	b.WriteString("\n\n用法：\n  ")
	if c.HasParent() {
		b.WriteString(c.UseLine())
	} else {
		b.WriteString("jixiao <子命令> [选项] [参数]")
	}
	b.WriteString("\n")
	if c.HasAvailableSubCommands() {
		b.WriteString("\n子命令：\n")
		var subs []*cobra.Command
		width := 0
		for _, sub := range c.Commands() { // sorted by name
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				subs = append(subs, sub)
				width = max(width, len(sub.Name()))
			}
		}
		for _, sub := range subs {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, sub.Name(), sub.Short)
		}
		b.WriteString("\n运行 jixiao help <子命令> 或 jixiao <子命令> --help 查看子命令的说明。\n")
	}
	if c.Example != "" {
		b.WriteString("\n")
		b.WriteString(strings.TrimSpace(c.Example))
		b.WriteString("\n")
	}
	return b.String()
}

// flagError turns pflag's English parse errors into Chinese usage errors.
func flagError(c *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		return unknownFlag(c, notExist)
	case errors.As(err, &noValue):
		name := noValue.GetSpecifiedName()
		if noValue.GetSpecifiedShortnames() != "" {
			return usagef(c, "选项 -%s 需要一个值", name)
		}
		return usagef(c, "选项 --%s 需要一个值", name)
	case errors.As(err, &badValue):
		return usagef(c, "选项 --%s 的值 %q 无效", badValue.GetFlag().Name, badValue.GetValue())
	case errors.As(err, &syntax):
		return usagef(c, "选项写法有误：%s", syntax.GetSpecifiedFlag())
	}
	return usagef(c, "选项有误：%v", err)
}

// unknownFlag explains an unknown flag. On a command that takes an expression, text such as
// -5 + 3 is read as flags unless -- comes first; the message says so.
func unknownFlag(c *cobra.Command, e *pflag.NotExistError) error {
	// pflag names an unknown short flag by one byte, which garbles a Chinese character:
	// quote the whole argument instead.
	var msg string
	looksLikeExpr := true
	if group := e.GetSpecifiedShortnames(); group != "" {
		msg = "未知选项 -" + group
	} else {
		name := e.GetSpecifiedName()
		msg = "未知选项 --" + name
		looksLikeExpr = !startsWithLetter(name)
	}
	if looksLikeExpr && c.Annotations[annotationTakesExpr] == "true" {
		msg += "；表达式以 - 开头时，请先写 -- 再写表达式，例如 jixiao expr -- '-5 + 3'"
	}
	return usagef(c, "%s", msg)
}

// annotationTakesExpr marks a command whose argument is an expression.
const annotationTakesExpr = "jixiao/takes-expression"

func startsWithLetter(s string) bool {
	for _, r := range s {
		return r < unicode.MaxASCII && unicode.IsLetter(r)
	}
	return false
}

// exactlyOne accepts one positional argument; missing and many (with %d for the count) are
// the usage errors for none and for several.
func exactlyOne(missing, many string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch len(args) {
		case 1:
			return nil
		case 0:
			return usagef(c, "%s", missing)
		}
		return usagef(c, many, len(args))
	}
}

// findings ends a command with exit code 1 after its problems were printed on stderr; in
// JSON mode it also prints them as one line {"errors":[...]} on stdout.
func findings(c *cobra.Command, format string, list rules.ErrorList) error {
	if format == "json" {
		out, err := jsonLine(struct {
			Errors rules.ErrorList `json:"errors"`
		}{list})
		if err != nil {
			return &findingsError{msg: "无法输出错误：" + err.Error()}
		}
		if err := write(c.OutOrStdout(), out); err != nil {
			return err
		}
	}
	return &findingsError{}
}
