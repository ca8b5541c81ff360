package rulefile_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// TestLibraryMisuse: a nil or zero Library, RuleSet or Staged answers with an error of code
// ErrMisuse (or a zero value where the method has no error), never a panic.
func TestLibraryMisuse(t *testing.T) {
	var nilLib *rulefile.Library
	zeroLib := new(rulefile.Library)
	var nilSet *rulefile.RuleSet
	at := ldDay(2024, 8, 31)
	src := ldFile("a.yaml", "ruleset: a\neffective: 2024-01-01\nformulas:\n  y: 1\n")
	rows := []struct {
		name   string
		call   func() error
		reason string
	}{
		{"nil Get", func() error { _, err := nilLib.Get("a", at); return err }, "a nil Library holds nothing"},
		{"zero Get", func() error { _, err := zeroLib.Get("a", at); return err }, "the zero Library was not made by NewLibrary"},
		{"zero Evaluate", func() error { _, err := zeroLib.Evaluate("a", at, nil); return err }, "the zero Library was not made by NewLibrary"},
		{"nil LoadBytes", func() error { _, err := nilLib.LoadBytes(src); return err }, "nothing to load into"},
		{"zero LoadBytes", func() error { _, err := zeroLib.LoadBytes(src); return err }, "the zero Library has no options and no contents"},
		{"zero LoadEach", func() error { _, err := zeroLib.LoadEach(src); return err }, "the zero Library has no options and no contents"},
		{"zero LoadFiles", func() error { _, err := zeroLib.LoadFiles("."); return err }, "refused before any file is read"},
		{"zero LoadFS", func() error { _, err := zeroLib.LoadFS(nil, "."); return err }, "refused before any file is read"},
		{"nil fs", func() error { _, err := rulefile.NewLibrary().LoadFS(nil, "."); return err }, "no file system to read"},
		{"zero Stage", func() error { _, err := zeroLib.Stage(src); return err }, "the zero Library has no options and no contents"},
		{"nil Commit", func() error { return (*rulefile.Staged)(nil).Commit() }, "nothing staged"},
		{"zero Commit", func() error { return new(rulefile.Staged).Commit() }, "not made by Stage"},
		{"nil RuleSet Program", func() error { _, err := nilSet.Program(at); return err }, "a nil RuleSet has no program"},
		{"nil RuleSet Evaluate", func() error { _, err := nilSet.Evaluate(at, nil); return err }, "a nil RuleSet has no program"},
		{"zero RuleSet Explain", func() error { _, err := new(rulefile.RuleSet).Explain(at, nil); return err }, "a RuleSet not loaded by a Library has no program"},
	}
	for _, r := range rows {
		ldReason(t, r.name, r.reason)
		var err error
		require.NotPanics(t, func() { err = r.call() }, r.name)
		assert.True(t, errors.Is(err, rules.ErrMisuse), "%s: %v", r.name, err)
	}
	require.NotPanics(t, func() {
		assert.Nil(t, nilLib.RuleSets())
		assert.Nil(t, zeroLib.RuleSets())
		assert.Nil(t, (*rulefile.Staged)(nil).RuleSets())
		assert.Equal(t, "", nilSet.ID())
		assert.False(t, nilSet.InForce(at))
		assert.Empty(t, nilSet.RunTests())
		assert.Empty(t, nilSet.Params())
		ev := nilSet.Evaluation(at, nil)
		assert.Equal(t, "2024-08-31", ev.At)
	})
}

// TestDatesNeverMeanAbsent: 0001-01-01 is a day like any other. An until of that day is
// kept, an effective of that day names the version, a since of that day dates a value; a
// year before 1 is refused where it is written.
func TestDatesNeverMeanAbsent(t *testing.T) {
	_, sets := ldMust(t, ldFile("old.yaml",
		"ruleset: old\neffective: 0001-01-01\nuntil: 0001-01-01\nparams:\n  k:\n    - since: 0001-01-01\n      value: 2\nformulas:\n  y: k\n"))
	rs := sets[0]
	assert.Equal(t, "0001-01-01", rs.Version(), "the audit record names the version by its effective date")
	assert.True(t, rs.HasUntil(), "until 0001-01-01 was given")
	assert.True(t, rs.InForce(ldDay(1, 1, 1)))
	assert.False(t, rs.InForce(ldDay(1, 1, 2)), "until 0001-01-01 ends it that day")
	ev, err := rs.Evaluate(ldDay(1, 1, 1), nil)
	require.NoError(t, err)
	assert.Equal(t, "2", ldGet(t, ev, "y").String())
	j, err := rs.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(j), `"until":"0001-01-01"`)

	for _, text := range []string{
		"ruleset: y0\neffective: 0000-12-31\nformulas:\n  y: 1\n",
		"ruleset: y0\neffective: 2024-01-01\nformulas:\n  y: 1\ntests:\n  - name: t\n    at: 0000-01-01\n    expect: {y: 1}\n",
	} {
		_, err := rulefile.NewLibrary().LoadBytes(ldFile("y0.yaml", text))
		require.Error(t, err, text)
		assert.ErrorIs(t, err, rules.ErrFileValue)
		assert.Contains(t, err.Error(), "0001-01-01 到 9999-12-31")
	}
}

// TestParamLimits: a param or a table outcome holds the same numbers a literal may; 41
// decimal places is refused in a file as it is in an expression.
func TestParamLimits(t *testing.T) {
	places := "0." + "0000000000000000000000000000000000000000" + "1" // 41 places
	for _, text := range []string{
		"ruleset: p\neffective: 2024-01-01\nparams:\n  k: " + places + "\nformulas:\n  y: k\n",
		"ruleset: p\neffective: 2024-01-01\ntables:\n  t:\n    - else: " + places + "\n",
	} {
		_, err := rulefile.NewLibrary().LoadBytes(ldFile("p.yaml", text))
		require.Error(t, err, text)
		assert.ErrorIs(t, err, rules.ErrLimit, text)
		list := rules.Errors(err)
		assert.Positive(t, list[0].Line, "positioned where the value is written: %v", err)
	}
}
