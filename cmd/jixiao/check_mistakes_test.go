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
