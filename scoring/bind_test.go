package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

// TestVendorInputWithDefault: a vendor's execution rule set that reads an input the
// mechanism does not pass, declared with a default, cannot be bound to the record; it is
// evaluated through RuleSet.Evaluate, and its default applies.
func TestVendorInputWithDefault(t *testing.T) {
	for _, tc := range []struct {
		name, def, shown string
		reason           string
	}{
		{"默认为零", "0", "0.9", "with 结转数 defaulting to 0 the rate is the national one: 90 ÷ 100"},
		{"默认为五", "5", "0.95", "the default is applied on the map path: (90 + 5) ÷ 100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := rulefile.NewLibrary()
			_, err := rulesets.Load(lib)
			require.NoError(t, err)
			_, err = lib.LoadBytes(rulefile.Source{Name: "某县执行率.yaml", Data: []byte(`ruleset: county-execution
extends: national-execution
effective: 2020-01-01
inputs:
  结转数: {type: decimal, default: ` + tc.def + `}
formulas:
  执行率: (执行数 + 结转数) / 预算数
`)})
			require.NoError(t, err)
			s, err := scoring.New(lib, scoring.Profile{Execution: "county-execution"}, day)
			require.NoError(t, err)
			e, err := s.Execution(decimal.NewNullDecimal(dec(t, "100")), dec(t, "90"))
			require.NoError(t, err, tc.reason)
			assert.True(t, dec(t, tc.shown).Equal(e.Shown), "%s: %s", tc.reason, e.Shown)
		})
	}
}

// TestBoundOutputTypes: a rule set whose result has the wrong type is refused when the
// Scorer is made, not on the first record.
func TestBoundOutputTypes(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := rulesets.Load(lib)
	require.NoError(t, err)
	_, err = lib.LoadBytes(rulefile.Source{Name: "等级.yaml", Data: []byte(`ruleset: county-grade
effective: 2020-01-01
inputs:
  总分: {type: decimal}
formulas:
  显示总分: round(总分, 2)
  等级: 显示总分 >= 90
`)})
	require.NoError(t, err)
	_, err = scoring.New(lib, scoring.Profile{Grade: "county-grade"}, day)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "规则集 county-grade（等级.yaml）的 等级 应为", "a true/false 等级 cannot be 优/良/中/差")
}
