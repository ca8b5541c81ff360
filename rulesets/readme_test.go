package rulesets_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

// TestReadmeRuleFile keeps the README's rule-file example true: it loads on top of the
// defaults it extends and its own tests pass.
func TestReadmeRuleFile(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(readme, -1)
	require.NotEmpty(t, blocks, "the README shows a rule file")
	for _, b := range blocks {
		lib, err := rulesets.Library()
		require.NoError(t, err)
		sets, err := lib.LoadBytes(rulefile.Source{Name: "README.md", Data: b[1]})
		require.NoError(t, err)
		for _, rs := range sets {
			results := rs.RunTests()
			require.NotEmpty(t, results)
			for _, r := range results {
				assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
			}
		}
	}
}
