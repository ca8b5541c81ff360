package scoring_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

var day = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func dec(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	d, err := amount.ParseDecimal(s)
	require.NoError(t, err)
	return d
}

func defaults(t testing.TB) *rulefile.Library {
	t.Helper()
	lib, err := rulesets.Library()
	require.NoError(t, err)
	return lib
}

func scorer(t testing.TB, p scoring.Profile) *scoring.Scorer {
	t.Helper()
	s, err := scoring.New(defaults(t), p, day)
	require.NoError(t, err)
	return s
}
