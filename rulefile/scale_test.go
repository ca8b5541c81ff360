package rulefile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExpectComparesNumbers: a value keeps the scale its rule gave it (round(9.9, 2) is 9.90),
// and an expect compares numbers, so expect 9.9 still matches; a failure shows both as written.
func TestExpectComparesNumbers(t *testing.T) {
	_, sets := ldMust(t, ldFile("位数.yaml", "ruleset: 位数\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\n"+
		"formulas:\n  得分: round(x, 2)\n"+
		"tests:\n  - name: 少写零\n    given: {x: 9.9}\n    expect: {得分: 9.9}\n"+
		"  - name: 多写零\n    given: {x: 9.9}\n    expect: {得分: 9.900}\n"+
		"  - name: 不相符\n    given: {x: 9.91}\n    expect: {得分: 9.9}\n"))
	ev, err := sets[0].Evaluate(sets[0].Effective(), map[string]any{"x": "9.9"})
	require.NoError(t, err)
	v, _ := ev.Values.Get("得分")
	assert.Equal(t, "9.90", v.String(), "the figure keeps the two places round gave it")
	results := sets[0].RunTests()
	require.Len(t, results, 3)
	assert.True(t, results[0].Passed(), "9.9 matches 9.90")
	assert.True(t, results[1].Passed(), "9.900 matches 9.90")
	require.False(t, results[2].Passed(), "9.91 is not 9.9")
	require.NotEmpty(t, results[2].Failures)
	assert.Contains(t, results[2].Failures[0].Got.String(), "9.91")
}
