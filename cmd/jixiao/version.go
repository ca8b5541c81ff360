package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/internal/suggest"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "显示 jixiao 的版本",
		Long:  "显示 jixiao 的版本（从源代码编译时是 (devel)）和编译它的 Go 版本；jixiao --version 相同。",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(c, "version 不需要参数，这里给了 %d 个", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error {
			return writeVersion(c)
		},
	}
}

// writeVersion prints the module's version as the build recorded it, and the Go version.
func writeVersion(c *cobra.Command) error {
	info, ok := debug.ReadBuildInfo()
	return write(c.OutOrStdout(), []byte(versionLine(info, ok)))
}

// versionLine is what jixiao version prints: the module version go install recorded, or
// (devel) for a build from a source tree (and for a binary without build information).
func versionLine(info *debug.BuildInfo, ok bool) string {
	version, goVersion := "(devel)", runtime.Version()
	if ok && info != nil {
		if v := info.Main.Version; v != "" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
	}
	return fmt.Sprintf("jixiao %s（%s %s/%s）\n", version, goVersion, runtime.GOOS, runtime.GOARCH)
}

// unknownCommand refuses a word that is no subcommand, naming the closest one when the word
// looks like a typo of it (chek → check).
func unknownCommand(c *cobra.Command, name string) error {
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			names = append(names, sub.Name())
		}
	}
	msg := fmt.Sprintf("未知子命令 %q", name)
	best := suggest.Closest(strings.ToLower(name), names)
	if meant, ok := commandWords[name]; ok && indexString(names, meant) {
		best = meant
	}
	if best != "" {
		msg += fmt.Sprintf("，你是不是想用 %s？", best)
	}
	return usagef(c, "%s", msg)
}

// commandWords are the Chinese words staff type for a subcommand (子命令的名字是英文的).
var commandWords = map[string]string{
	"检查": "check", "校验": "check", "测试": "test", "解释": "explain", "说明": "explain",
	"计算": "expr", "表达式": "expr", "监控": "monitor", "打分": "score", "评分": "score",
	"版本": "version", "帮助": "help", "演示": "demo",
}

func indexString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
