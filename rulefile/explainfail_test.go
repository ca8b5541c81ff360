package rulefile_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestExplainKeepsTraceOnFailure: a record that fails at run time still shows how far the
// rules got: the other results' steps, what the failed rule read and the rows it tried; but
// nothing the failed rule computed after it failed (no made-up 0).
func TestExplainKeepsTraceOnFailure(t *testing.T) {
	_, sets := ldMust(t, ldFile("f.yaml", "ruleset: f\neffective: 2024-01-01\ninputs:\n  预算数: {type: decimal}\n  执行数: {type: decimal}\n"+
		"formulas:\n  差额: 预算数 - 执行数\n  执行率: round(执行数 / 预算数, 4)\ntests:\n  - given: {预算数: 2, 执行数: 1}\n    expect: {执行率: 0.5}\n"))
	ev, err := sets[0].Explain(ldDay(2024, 1, 1), map[string]any{"预算数": "0", "执行数": "1"})
	require.Error(t, err)
	assert.True(t, errors.Is(err, rules.ErrDivByZero))
	require.NotNil(t, ev, "the trace comes with the error")
	assert.Nil(t, ev.Values, "no results: the record failed")
	var kinds []string
	for _, s := range ev.Trace {
		if s.Rule != "执行率" {
			continue
		}
		kinds = append(kinds, s.Kind+" "+s.Text+"="+s.Value.String())
	}
	assert.Equal(t, []string{"value 执行数=1", "value 预算数=0", "formula round(执行数 / 预算数, 4)="}, kinds,
		"the values read stay; the division and the round, never computed, are gone; the formula keeps its place without a value")
	var other bool
	for _, s := range ev.Trace {
		other = other || s.Rule == "差额" && s.Kind == "formula" && s.Value.String() == "-1"
	}
	assert.True(t, other, "a result computed before the failure keeps its value")
}
