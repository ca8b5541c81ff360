package rulefile_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// The -update flag rewrites testdata/golden from the current output:
//
//	go test ./rulefile -run Golden -update
//
// Review the diff by hand: every line:col must point at the character that is wrong.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/ from the current output")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const (
	brokenDir = "testdata/broken"
	goldenDir = "testdata/golden"
)

// goldenCase is one broken rule file (or a folder of files loaded together) and what a
// policy officer must see for it.
type goldenCase struct {
	name string
	load func(lib *rulefile.Library) ([]*rulefile.RuleSet, error)
}

// brokenCases lists testdata/broken: each file is loaded on its own, each folder as one
// load (for mistakes that need two files, such as overlapping versions), plus inputs too
// big or too odd to commit.
func brokenCases(t *testing.T) []goldenCase {
	t.Helper()
	entries, err := os.ReadDir(brokenDir)
	require.NoError(t, err)
	var out []goldenCase
	for _, e := range entries {
		p := filepath.ToSlash(filepath.Join(brokenDir, e.Name()))
		name := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		out = append(out, goldenCase{name: name, load: func(lib *rulefile.Library) ([]*rulefile.RuleSet, error) {
			return lib.LoadFiles(p)
		}})
	}
	out = append(out, goldenCase{name: "generated-too-large", load: func(lib *rulefile.Library) ([]*rulefile.RuleSet, error) {
		return lib.LoadBytes(rulefile.Source{Name: "generated/too-large.yaml", Data: oversizedRuleFile()})
	}})
	return out
}

// defaultFileLimit is MaxFileSize's documented default.
const defaultFileLimit = 1 << 20

// oversizedRuleFile is a valid rule file just over the 1 MiB limit: a long comment block
// such as a pasted policy document.
func oversizedRuleFile() []byte {
	var b bytes.Buffer
	b.WriteString("ruleset: too-large\neffective: 2024-01-01\ninputs:\n  得分: {type: decimal}\nformulas:\n  加倍: 得分 * 2\n")
	line := "# 政策原文：预算绩效管理是政府绩效管理的重要组成部分，是推进国家治理体系和治理能力现代化的内在要求。\n"
	for b.Len() <= defaultFileLimit {
		b.WriteString(line)
	}
	return b.Bytes()
}

// positioned is the shape of every line a policy officer reads: FILE:LINE:COL: 说明; or
// FILE: 说明 for a problem with the file as a whole (too large to read), which has no line.
var (
	positioned = regexp.MustCompile(`^[^\n]+:[1-9][0-9]*:[1-9][0-9]*: \S`)
	wholeFile  = regexp.MustCompile(`^[^\n:]+: \S`)
)

// report is what `jixiao check` and `jixiao test` would print for a load: every load error,
// or, when the files load, every failing test (run-time errors and wrong values).
func report(t *testing.T, sets []*rulefile.RuleSet, err error) string {
	t.Helper()
	var lines []string
	if err != nil {
		list := rules.Errors(err)
		require.NotEmpty(t, list, "load error without positions: %v", err)
		for _, e := range list {
			requireWellPlaced(t, e)
			lines = append(lines, e.Error())
		}
		return strings.Join(lines, "\n") + "\n"
	}
	for _, rs := range sets {
		for _, r := range rs.RunTests() {
			if r.Err != nil {
				for _, e := range rules.Errors(r.Err) {
					requireWellPlaced(t, e)
					lines = append(lines, e.Error())
				}
				if len(rules.Errors(r.Err)) == 0 {
					lines = append(lines, r.Err.Error())
				}
			}
			for _, f := range r.Failures {
				lines = append(lines, f.String())
			}
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// requireWellPlaced checks the structured side of an error: a published code, a 1-based
// position in a named file (or none at all, 0:0, for the file as a whole), a message.
func requireWellPlaced(t *testing.T, e *rules.Error) {
	t.Helper()
	assert.Contains(t, rules.Codes(), e.Code, "unpublished code in %v", e)
	if e.Line == 0 {
		assert.Equal(t, rules.ErrFileLimit, e.Code, "only a file too large to read has no line: %v", e)
		assert.Equal(t, 0, e.Col, "col of %v", e)
	} else {
		assert.GreaterOrEqual(t, e.Line, 1, "line of %v", e)
		assert.GreaterOrEqual(t, e.Col, 1, "col of %v", e)
	}
	assert.NotEmpty(t, e.Msg, "message of %v", e)
	assert.NotEmpty(t, e.File, "an error in a rule file must name the file: %v", e)
}

// TestGoldenBrokenFiles loads every broken rule file and compares everything a policy
// officer is told with testdata/golden/<name>.txt.
func TestGoldenBrokenFiles(t *testing.T) {
	cases := brokenCases(t)
	require.GreaterOrEqual(t, len(cases), 15)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var sets []*rulefile.RuleSet
			var err error
			require.NotPanics(t, func() { sets, err = c.load(rulefile.NewLibrary()) })
			got := report(t, sets, err)
			require.NotEqual(t, "\n", got, "a broken file loaded and passed all its tests")
			for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				assert.True(t, positioned.MatchString(line) || wholeFile.MatchString(line),
					"every line reads FILE:LINE:COL: 说明 (or FILE: 说明 for the whole file): %s", line)
			}
			golden := filepath.Join(goldenDir, c.name+".txt")
			if updating() {
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden file; run go test ./rulefile -run Golden -update and review it")
			assert.Equal(t, string(want), got)
		})
	}
}

// TestGoldenNoStrays fails on a golden file whose broken file was removed or renamed.
func TestGoldenNoStrays(t *testing.T) {
	var names []string
	for _, c := range brokenCases(t) {
		names = append(names, c.name+".txt")
	}
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, slices.Contains(names, e.Name()), "golden file %s has no broken file", e.Name())
	}
}

// TestGoldenStable loads each broken file twice and gets the same text: reports are diffed
// month to month, so no map order may leak into them.
func TestGoldenStable(t *testing.T) {
	for _, c := range brokenCases(t) {
		_, err1 := c.load(rulefile.NewLibrary())
		_, err2 := c.load(rulefile.NewLibrary())
		if err1 != nil && err2 != nil {
			assert.Equal(t, err1.Error(), err2.Error(), c.name)
		}
	}
}
