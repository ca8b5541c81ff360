package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestZeroResult: a Result not made by Program.NewResult belongs to no program, so an
// evaluation into it is a misuse error and reading it finds nothing, as its doc says.
func TestZeroResult(t *testing.T) {
	p, err := rules.Compile("x + 1", rules.WithInput("x", rules.TypeDecimal))
	require.NoError(t, err)
	var res rules.Result
	err = p.EvalInto(map[string]any{"x": "1"}, &res)
	hasCode(t, err, rules.ErrMisuse)
	_, ok := res.Get("x")
	assert.False(t, ok)
	assert.Equal(t, 0, res.Len())
}
