package rules_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLanguageOnly keeps the language package the language only: it builds without any YAML
// library and without the rule-file package, whatever is added to the module later.
func TestLanguageOnly(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command(goCmd, "list", "-deps", ".").Output()
	require.NoError(t, err)
	for _, dep := range strings.Fields(string(out)) {
		assert.NotContains(t, strings.ToLower(dep), "yaml", "rules 不应依赖 YAML 库")
		assert.NotContains(t, dep, "jixiao/rulefile", "rules 不应依赖规则文件包")
		assert.NotContains(t, dep, "jixiao/rulesets", "rules 不应依赖内置规则")
	}
}
