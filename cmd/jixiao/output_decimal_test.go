package main

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// TestAppendDecimalIsString checks the fast writer gives String's digits for every shape of
// decimal: integers, fractions, leading and trailing zeros, negatives, 18 and 19 digits.
func TestAppendDecimalIsString(t *testing.T) {
	tests := []struct {
		d      string
		reason string
	}{
		{"0", "zero"}, {"0.000", "zero with places"}, {"-0.50", "a negative fraction with a trailing zero"},
		{"1000.5", "thousands"}, {"0.0001", "leading zeros after the point"}, {"100", "an integer"},
		{"123456789012345678", "18 digits"}, {"1234567890123456789", "19 digits: through String"},
		{"0.123456789012345678", "18 places"}, {"1e3", "a positive exponent: through String"},
		{"-999999999999999999.9", "19 digits negative"},
	}
	for _, tt := range tests {
		d := decimal.RequireFromString(tt.d)
		assert.Equal(t, d.String(), decimalText(d), tt.reason)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 100_000; i++ {
		d := decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -rng.Int32N(22))
		if !assert.Equal(t, d.String(), decimalText(d), "random decimal %d", i) {
			return
		}
	}
}

// TestAppendScaled checks a rule's result is written with its own scale, as StringFixed at
// that scale writes it.
func TestAppendScaled(t *testing.T) {
	for _, tt := range []struct{ d, reason string }{
		{"0.0000", "round(0, 4): the report shows 0.00%"}, {"0.2000", "exactly 20%, shown as 20.00%"},
		{"-1.50", "a negative keeps its zero"}, {"12", "a whole number"}, {"1e3", "a positive exponent"},
		{"0.1234567890123456789", "19 places: through StringFixed"},
	} {
		d := decimal.RequireFromString(tt.d)
		assert.Equal(t, d.StringFixed(max(0, -d.Exponent())), scaledText(d), tt.reason)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 100_000; i++ {
		d := decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -rng.Int32N(22))
		if !assert.Equal(t, d.StringFixed(max(0, -d.Exponent())), scaledText(d), "random decimal %d", i) {
			return
		}
	}
}
