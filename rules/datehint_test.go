package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// TestDateWrittenAsSubtraction: 2024-10-01 in an expression is 2013, so comparing a date with
// it is a type error that says how a date is written; other mismatches get no such hint.
func TestDateWrittenAsSubtraction(t *testing.T) {
	rows := []struct {
		expr, hint, reason string
	}{
		{"完成日 == 2024-10-01", "make_date(2024, 10, 1)", "the officer's mistake: a date typed as in a rule file's params"},
		{"2024-9-30 >= 完成日", "make_date(2024, 9, 30)", "on the left, with one-digit parts"},
		{"完成日 == 2024", "", "a plain number is not a date written as a subtraction"},
		{"完成日 == 2024-10", "", "two parts are not a date"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := rules.Compile(tt.expr, rules.WithInput("完成日", rules.TypeDate))
			require.Error(t, err)
			hasCode(t, err, rules.ErrType)
			if tt.hint == "" {
				assert.NotContains(t, err.Error(), "make_date")
				return
			}
			assert.Contains(t, err.Error(), tt.hint)
		})
	}
}
