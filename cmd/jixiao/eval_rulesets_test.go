package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// evalRawLine is one line of eval's JSON output, its values kept raw to be read by type.
type evalRawLine struct {
	Row     int                        `json:"row"`
	Values  map[string]json.RawMessage `json:"values"`
	Error   string                     `json:"error"`
	Summary *struct {
		Rows, Evaluated, Rejected int
	} `json:"summary"`
}

// TestEvalEveryRuleSet runs jixiao eval over a table made of each embedded rule set's own
// test cases — one row per case, its given values written as cells (dates, 是/否, lists, whole
// numbers as they print), inputs with defaults left out where the case leaves them out, every
// column headed by the input's name and again by its last alias — and checks every row
// against the case's expectations: a row is either evaluated with the values the rule file's
// own test expects, or rejected with a reason.
func TestEvalEveryRuleSet(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	for _, rs := range lib.RuleSets() {
		for _, alias := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/alias=%v", rs.ID(), alias), func(t *testing.T) {
				for i, tc := range rs.Tests() {
					checkEvalCase(t, rs, tc, alias, i)
				}
			})
		}
	}
}

func checkEvalCase(t *testing.T, rs *rulefile.RuleSet, tc rulefile.TestCase, alias bool, i int) {
	t.Helper()
	header, cells, empty := caseRow(rs, tc, alias)
	path := filepath.Join(t.TempDir(), fmt.Sprintf("case%d.csv", i))
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(header, ",")+"\n"+strings.Join(cells, ",")+"\n"), 0o600))
	at := tc.At
	if at.IsZero() {
		at = rs.Effective()
	}
	stdout, stderr, code := runCLI("eval", "--rules", rs.ID(), "--at", at.Format(dayLayout), "--format", "json", path)
	require.Equal(t, exitOK, code, "%s: %s", tc.Name, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 2, "%s: one row and the summary", tc.Name)
	var row, sum evalRawLine
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &row))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &sum))
	require.NotNil(t, sum.Summary)
	assert.Equal(t, 1, sum.Summary.Rows, "%s: the row is counted", tc.Name)
	assert.Equal(t, sum.Summary.Rows, sum.Summary.Evaluated+sum.Summary.Rejected, "%s: rows in = evaluated + rejected", tc.Name)
	if empty != "" {
		assert.Equal(t, fmt.Sprintf("%s为空（列“%s”）", empty, headerOf(rs, empty, alias)), row.Error,
			"%s: an empty cell for an input without a default is rejected with its column named", tc.Name)
		return
	}
	require.Empty(t, row.Error, "%s: the case's inputs evaluate", tc.Name)
	prog, err := rs.Program(at)
	require.NoError(t, err)
	for _, want := range tc.Expect {
		raw, ok := row.Values[want.Name]
		require.True(t, ok, "%s: %s is among the results", tc.Name, want.Name)
		got := jsonValue(t, raw, prog.Type(want.Name))
		assert.True(t, want.Value.Equal(got), "%s: %s is %s as the rule file's test expects, not %s", tc.Name, want.Name, want.Value, got)
	}
}

// caseRow is the table a test case's given values make, and the first input given as empty
// text (a cell that reads as empty), if any.
func caseRow(rs *rulefile.RuleSet, tc rulefile.TestCase, alias bool) (header, cells []string, empty string) {
	given := map[string]rules.Value{}
	for _, g := range tc.Given {
		given[g.Name] = g.Value
	}
	for _, in := range rs.Inputs() {
		v, ok := given[in.Name]
		if !ok {
			continue // an input with a default the case leaves to it
		}
		text := v.String()
		if v.Type() == rules.TypeBool {
			text = map[bool]string{true: "是", false: "否"}[v.Bool()] // as staff write it
		}
		if text == "" && empty == "" {
			if _, def := rs.Default(in.Name, tc.At); !def {
				empty = in.Name
			}
		}
		header = append(header, headerOf(rs, in.Name, alias))
		cells = append(cells, `"`+strings.ReplaceAll(text, `"`, `""`)+`"`)
	}
	return header, cells, empty
}

// headerOf is the column heading used for an input: its name, or its last alias.
func headerOf(rs *rulefile.RuleSet, name string, alias bool) string {
	for _, in := range rs.Inputs() {
		if in.Name == name && alias && len(in.Aliases) > 0 {
			return in.Aliases[len(in.Aliases)-1]
		}
	}
	return name
}

// jsonValue reads a result as eval's JSON writes it: numbers, texts and dates as strings,
// bools as JSON bools, lists as arrays of number strings.
func jsonValue(t *testing.T, raw json.RawMessage, typ rules.Type) rules.Value {
	t.Helper()
	var s string
	switch typ {
	case rules.TypeBool:
		var b bool
		require.NoError(t, json.Unmarshal(raw, &b))
		return rules.BoolOf(b)
	case rules.TypeList:
		s = string(raw)
	default:
		require.NoError(t, json.Unmarshal(raw, &s))
	}
	v, ok := rules.ParseValue(typ, s)
	require.True(t, ok, "%s reads as %s", raw, typ)
	return v
}
