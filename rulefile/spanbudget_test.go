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

// datedDense is a rule file whose one param changes every month of 2024 and whose formulas
// each hold about 1,400 syntax nodes (months spans): small on disk, but every month is compiled again.
func datedDense(formulas, months int) string {
	var b strings.Builder
	b.WriteString("ruleset: w\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nparams:\n  p:\n")
	for m := 1; m <= months; m++ {
		fmt.Fprintf(&b, "    - since: 2024-%02d-01\n      value: %d\n", m, m)
	}
	b.WriteString("formulas:\n")
	for i := 0; i < formulas; i++ {
		fmt.Fprintf(&b, "  d%d: p+%s\n", i, strings.TrimSuffix(strings.Repeat("x*2+", 350), "+"))
	}
	return b.String()
}

// TestDatedSpansCompileWithinBudget: what dated params cost is bounded by the nodes
// compiled, not by the file's size: a 100 KB file whose twelve spans would compile 600,000
// nodes (most of a gigabyte) is refused at the param, before the other spans are compiled;
// the same formulas with a param that never changes load.
func TestDatedSpansCompileWithinBudget(t *testing.T) {
	src := datedDense(30, 12)
	require.Less(t, len(src), 200<<10)
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("dated.yaml", src))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, rules.ErrFileLimit, list[0].Code)
	assert.Equal(t, 6, list[0].Line, "placed at the param that splits the rule set: %v", list[0])
	assert.Contains(t, list[0].Msg, "参数按日期分为 12 段")

	_, err = rulefile.NewLibrary().LoadBytes(ldFile("undated.yaml", datedDense(30, 1)))
	assert.NoError(t, err, "one span of the same formulas is within budget")
	_, err = rulefile.NewLibrary().LoadBytes(ldFile("two.yaml", datedDense(30, 2)))
	assert.NoError(t, err, "a second span of 42,000 nodes is within budget")
}

// TestTotalNodesRefusedBeforeCompiling: a file under the size limit whose expressions
// together exceed the language's MaxTotalNodes is a positioned E007 at the formula that
// crosses it, and a platform can lower the bound.
func TestTotalNodesRefusedBeforeCompiling(t *testing.T) {
	var b strings.Builder
	b.WriteString("ruleset: big\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "  f%d: %s\n", i, strings.TrimSuffix(strings.Repeat("x*2+", 400), "+"))
	}
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("big.yaml", b.String()))
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, rules.ErrLimit, list[0].Code)
	assert.Equal(t, "f31", list[0].RuleID, "31 formulas of 1,599 nodes fit in 50,000; the 32nd does not")

	_, err = rulefile.NewLibrary(rulefile.RuleOptions(rules.MaxTotalNodes(2000))).LoadBytes(ldFile("big.yaml", b.String()))
	list = rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, "f1", list[0].RuleID)
}
