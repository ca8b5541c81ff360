package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckMistakes runs jixiao on rule files with the mistakes issue 7 is about, each kind
// in its own file under testdata/mistakes, and compares what a policy officer sees (the
// command, its standard output then its standard error, its exit code) with a golden file beside it.
// go test ./cmd/jixiao -run CheckMistakes -update rewrites them; review the diff.
func TestCheckMistakes(t *testing.T) {
	const dir = "testdata/mistakes"
	rows := []struct {
		golden string
		args   []string
		reason string
	}{
		{golden: "comment", args: []string{"check", dir + "/comment.yaml"},
			reason: "// and /* */ in an expression are refused at the slash; // inside quotes is text"},
		{golden: "fullwidth-comma", args: []string{"check", dir + "/fullwidth-comma.yaml"},
			reason: "a full-width comma in {…}, on one line and at a line's end, named at its own column"},
		{golden: "fullwidth-structure", args: []string{"check", dir + "/fullwidth-structure.yaml"},
			reason: "full-width braces, brackets, colon and an ideographic indentation, each named"},
		{golden: "extends-param", args: []string{"check", dir + "/extends-param.yaml"},
			reason: "an override of a built-in rule set is blamed in the officer's own file, naming the built-in rule"},
		{golden: "extends-disk", args: []string{"check", dir + "/extends-disk"},
			reason: "the same for a base file on disk"},
		{golden: "empty-expect", args: []string{"check", dir + "/empty-expect.yaml"},
			reason: "a test with an empty expect would pass whatever the rules compute"},
		{golden: "ambiguous-list", args: []string{"check", dir + "/ambiguous-list.yaml"},
			reason: "1,000, 2 could be two numbers or three"},
		{golden: "warnings", args: []string{"check", dir + "/warnings.yaml"},
			reason: "unused input and param, no tests: warnings, exit 0"},
		{golden: "warnings-strict", args: []string{"check", "--strict", dir + "/warnings.yaml"},
			reason: "--strict makes the warnings fail the check"},
		{golden: "warnings-json", args: []string{"check", "--format", "json", dir + "/warnings.yaml"},
			reason: "warnings are JSON lines too, with their W codes"},
		{golden: "explain-no-match", args: []string{"explain", dir + "/no-match.yaml", "--set", "得分=3"},
			reason: "explain shows the trace up to a table with no matching row, then the error"},
		{golden: "expr-list", args: []string{"expr", "--set", "各项=[1, 2.5]", "--", "sum(各项)"},
			reason: "--set 名=[…] gives a list"},
		{golden: "expr-list-ambiguous", args: []string{"expr", "--set", "各项=[1,000, 2]", "--", "sum(各项)"},
			reason: "a list --set with a thousands separator is refused as ambiguous"},
		{golden: "dated-spans", args: []string{"check", dir + "/dated-spans.yaml"},
			reason: "a row dead only from the second dated span is reported though the first span already has a gap; the gap once"},
		{golden: "formula-gap", args: []string{"check", dir + "/formula-gap.yaml"},
			reason: "a gap over round(执行数 / 预算数, 4) is reported at check time; over min(…) it is not claimed"},
		{golden: "guard-param", args: []string{"check", dir + "/guard-param.yaml"},
			reason: "序时口径: 按周 leaves minfeng-monitor's guard table no row: blamed at the officer's param"},
		{golden: "fullwidth-key-colon", args: []string{"check", dir + "/fullwidth-key-colon.yaml"},
			reason: "a full-width colon after a key stops YAML; every other full-width character is still named"},
		{golden: "number-once", args: []string{"check", dir + "/number-once.yaml"},
			reason: "1e-100, 1.5.2 and 20%% are one message each; 数字 and 文字 as types get the type meant"},
		{golden: "value-comment", args: []string{"check", dir + "/value-comment.yaml"},
			reason: "// and /* */ after a plain param or then value would become part of the text: refused at the slashes"},
		{golden: "explain-row-error", args: []string{"explain", dir + "/row-error.yaml", "--set", "a=2", "--set", "b=0"},
			reason: "a row whose condition fails (b = 0) is marked 计算出错; no bogus a / b = 0, no else row taken after it"},
		{golden: "expr-list-unclosed", args: []string{"expr", "--set", "各项=[1, 2", "--", "sum(各项)"},
			reason: "a list --set missing its ] is refused, not taken as the text \"[1, 2\""},
		{golden: "command-chinese", args: []string{"检查", dir + "/formula-gap.yaml"},
			reason: "a subcommand typed in Chinese names the English one"},
	}
	for _, r := range rows {
		t.Run(r.golden, func(t *testing.T) {
			require.NotEmpty(t, r.reason, "每一行都要写明 reason")
			stdout, stderr, code := runCLI(r.args...)
			got := "$ jixiao " + strings.Join(r.args, " ") + "\n" + stdout + stderr + "exit " + string(rune('0'+code)) + "\n"
			path := filepath.Join(dir, r.golden+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o600))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./cmd/jixiao -run CheckMistakes -update to create it")
			assert.Equal(t, string(want), got, "%s; review and run go test ./cmd/jixiao -run CheckMistakes -update", r.reason)
		})
	}
}
