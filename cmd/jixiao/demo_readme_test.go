package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeCommand is one `$ jixiao …` example of the README's command-line section with the
// lines printed under it (stdout and stderr, as a terminal shows them).
type readmeCommand struct {
	args []string
	want []string
}

// readmeCommands reads the examples of the README's "## Command line" block.
func readmeCommands(t *testing.T) []readmeCommand {
	t.Helper()
	text, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	section := string(text)[strings.Index(string(text), "## Command line"):]
	block := section[strings.Index(section, "```\n")+4:]
	block = block[:strings.Index(block, "```")]
	var cmds []readmeCommand
	for _, line := range strings.Split(block, "\n") {
		switch {
		case strings.HasPrefix(line, "$ jixiao "):
			cmds = append(cmds, readmeCommand{args: shellWords(t, strings.TrimPrefix(line, "$ jixiao "))})
		case line != "" && len(cmds) > 0:
			cmds[len(cmds)-1].want = append(cmds[len(cmds)-1].want, line)
		}
	}
	return cmds
}

// shellWords splits a command line as sh does for the README's examples: spaces separate
// words, single quotes keep them.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
			}
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	require.False(t, quoted, "unbalanced quote in README example %q", s)
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestReadmeCommandsRun runs every command-line example of the README, from the repository's
// root as a reader would, and compares what it prints: every line, or, where the README
// elides lines with …, the lines it shows, in order.
func TestReadmeCommandsRun(t *testing.T) {
	cmds := readmeCommands(t)
	require.GreaterOrEqual(t, len(cmds), 6, "the README's command-line block lost its examples")
	for _, c := range cmds {
		args := make([]string, len(c.args))
		for i, a := range c.args {
			if _, err := os.Stat("../../" + a); err == nil && strings.Contains(a, "/") {
				a = "../../" + a // a path in the repository, as run from its root
			}
			args[i] = a
		}
		stdout, stderr, _ := runCLI(args...)
		got := strings.Split(strings.TrimRight(strings.ReplaceAll(stdout+stderr, "../../", ""), "\n"), "\n")
		name := strings.Join(c.args, " ")
		if !containsLine(c.want, "…") {
			assert.Equal(t, c.want, got, "README example jixiao %s", name)
			continue
		}
		at := 0
		for _, w := range c.want {
			if w == "…" {
				continue
			}
			for at < len(got) && got[at] != w {
				at++
			}
			if !assert.Less(t, at, len(got), "README example jixiao %s: line %q not printed (in order)", name, w) {
				break
			}
			at++
		}
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestReadmeListsEveryPackage keeps the README's package table complete: every directory of
// the module holding Go code (outside testdata) has a row, so a newcomer finds each one.
func TestReadmeListsEveryPackage(t *testing.T) {
	text, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	root := filepath.Join("..", "..")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		dir, err := filepath.Rel(root, filepath.Dir(path))
		require.NoError(t, err)
		if dir != "." {
			assert.True(t, strings.Contains(string(text), "| `"+filepath.ToSlash(dir)+"` |"), "README's package table has no row for %s", dir)
		}
		return nil
	})
	require.NoError(t, err)
}
