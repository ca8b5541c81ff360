package rulefile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// exChain is n rule sets, each extending the one before: s1 extends s0, and so on.
func exChain(n int) []rulefile.Source {
	files := make([]rulefile.Source, n)
	for i := range files {
		ext := ""
		if i > 0 {
			ext = fmt.Sprintf("extends: s%d\n", i-1)
		}
		files[i] = ldFile(fmt.Sprintf("s%d.yaml", i),
			fmt.Sprintf("ruleset: s%d\neffective: 2024-01-01\n%sparams:\n  k: 1\nformulas:\n  y%d: k\n", i, ext, i))
	}
	return files
}

// TestExtendsDepthBounded: a rule set holds every formula of the chain it extends, so a
// chain of n files would cost n² to compile. Chains deeper than eight extends are refused
// where the extends is written, and the rest of the chain is reported, not compiled.
func TestExtendsDepthBounded(t *testing.T) {
	_, sets := ldMust(t, exChain(9)...)
	assert.Len(t, sets, 9, "eight extends deep is allowed")

	_, err := rulefile.NewLibrary().LoadBytes(exChain(10)...)
	list := rules.Errors(err)
	require.NotEmpty(t, list)
	assert.Equal(t, rules.ErrFileLimit, list[len(list)-1].Code, "%v", err)
	assert.Equal(t, "s9.yaml", list[len(list)-1].File)
	assert.Equal(t, 3, list[len(list)-1].Line, "at the extends")

	sets, err = rulefile.NewLibrary().LoadEach(exChain(1000)...)
	assert.Len(t, sets, 9, "the first nine load")
	assert.Len(t, rules.Errors(err), 991, "each file past them is reported once")
}

// TestLoadEachRefusesABaseThatBreaksItsRegions: a partial load never leaves a regional rule
// set compiled on a base it no longer compiles with. The new base is refused, with the
// region's problem, and the library keeps the old base and the region as they were.
func TestLoadEachRefusesABaseThatBreaksItsRegions(t *testing.T) {
	lib, _ := ldMust(t,
		ldFile("a.yaml", "ruleset: a\neffective: 2024-01-01\nparams:\n  k: 1\nformulas:\n  y_a: k\n"),
		ldFile("b.yaml", "ruleset: b\neffective: 2024-01-01\nextends: a\nformulas:\n  y_b: y_a * 10\n"))
	sets, err := lib.LoadEach(
		ldFile("a2.yaml", "ruleset: a\neffective: 2024-01-01\nparams:\n  k: 2\nformulas:\n  z_a: k\n"),
		ldFile("c.yaml", "ruleset: c\neffective: 2024-01-01\nformulas:\n  y_c: 3\n"))
	require.Error(t, err)
	assert.ErrorIs(t, err, rules.ErrUnknownName, "b no longer compiles: y_a is gone")
	assert.Contains(t, err.Error(), "a2.yaml:1:10: 规则 a：规则集 a 未载入")
	require.Len(t, sets, 1, "the file that does not break anything loads")
	assert.Equal(t, "c", sets[0].ID())
	ev, err := lib.Evaluate("b", ldDay(2024, 6, 1), nil)
	require.NoError(t, err)
	assert.Equal(t, "10", ldGet(t, ev, "y_b").String(), "b still computes on the a it was compiled with")
	a, err := lib.Get("a", ldDay(2024, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, "a.yaml", a.File(), "the old a stays")
}

// TestExtendsMissingBaseHint: a county file checked without the city file it extends is told
// to load them together; a base that is loaded but not yet in force gets no such hint, as
// loading it again would not help.
func TestExtendsMissingBaseHint(t *testing.T) {
	county := "ruleset: 某县\nextends: 某市\neffective: 2024-01-01\nformulas:\n  y: 1\ntests:\n  - given: {}\n    expect: {y: 1}\n"
	city := "ruleset: 某市\neffective: 2025-01-01\nformulas:\n  x: 1\ntests:\n  - given: {}\n    expect: {x: 1}\n"
	for _, r := range []struct {
		name   string
		files  []rulefile.Source
		hinted bool
		reason string
	}{
		{name: "只给县", files: []rulefile.Source{ldFile("县.yaml", county)}, hinted: true,
			reason: "the city file exists only on the officer's disk"},
		{name: "市尚未生效", files: []rulefile.Source{ldFile("县.yaml", county), ldFile("市.yaml", city)}, hinted: false,
			reason: "the city is loaded, only not in force on 2024-01-01: the dates are the mistake"},
	} {
		ldReason(t, r.name, r.reason)
		_, err := rulefile.NewLibrary().LoadBytes(r.files...)
		list := rules.Errors(err)
		require.Len(t, list, 1, "%s: %v", r.reason, err)
		assert.Equal(t, rules.ErrFileReference, list[0].Code, r.reason)
		assert.Equal(t, r.hinted, strings.Contains(list[0].Msg, "要和本文件一起检查和加载"), "%s: %s", r.reason, list[0].Msg)
	}
}
