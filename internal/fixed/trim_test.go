package fixed

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrimZeros(t *testing.T) {
	tests := []struct {
		reason, in, want string
	}{
		{"a padded quotient keeps only the places it needs", "0.25000000000000000000", "0.25"},
		{"a whole quotient loses its point", "2.00000000000000000000", "2"},
		{"zeros before the point stay: the exponent never goes above 0", "1200", "1200"},
		{"an odd last digit is already trimmed", "0.33333333333333333333", "0.33333333333333333333"},
		{"a negative keeps its sign", "-1.50", "-1.5"},
		{"zero at any scale is plain 0", "0.0000", "0"},
		{"38 padded zeros need both 10^16 steps", "1.00000000000000000000000000000000000000", "1"},
		{"a zero inside the digits is not trailing", "10.05000", "10.05"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			d := decimal.RequireFromString(tt.in)
			n, ok := FromDecimal(d)
			require.True(t, ok)
			got := TrimZeros(n)
			assert.True(t, got.Decimal().Equal(d), "the value must not change")
			assert.Equal(t, tt.want, got.Decimal().StringFixed(max(0, -got.Exp())))
		})
	}
}

func FuzzTrimZeros(f *testing.F) {
	f.Add(int64(250000), int32(-6))
	f.Add(int64(-7), int32(3))
	f.Fuzz(func(t *testing.T, coef int64, exp int32) {
		n := New(coef, exp)
		got := TrimZeros(n)
		if !got.Decimal().Equal(n.Decimal()) {
			t.Fatalf("TrimZeros(%s) = %s changed the value", n, got)
		}
		if got.Exp() < 0 && got.lo%10 == 0 && !got.IsZero() {
			t.Fatalf("TrimZeros(%s) = %s left a trailing zero", n, got)
		}
		if got.Exp() > max(n.Exp(), 0) {
			t.Fatalf("TrimZeros(%s) raised the exponent to %d", n, got.Exp())
		}
	})
}
