package amount

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needReason refuses a table row that does not say why it is there.
func needReason(t *testing.T, name, reason string) {
	t.Helper()
	if strings.TrimSpace(reason) == "" {
		t.Fatalf("row %q has no reason: every row must say why it is there", name)
	}
}

// sameDigits checks value, coefficient and exponent: "0.20" and "0.2" differ.
func sameDigits(t *testing.T, want string, got decimal.Decimal) {
	t.Helper()
	w := decimal.RequireFromString(want)
	assert.Equal(t, w.Coefficient().String(), got.Coefficient().String(), "coefficient of %s", want)
	assert.Equal(t, w.Exponent(), got.Exponent(), "exponent of %s", want)
}

// wantParseError checks an error's code and offset and that it behaves as the package promises.
func wantParseError(t *testing.T, err error, code string, offset int) *ParseError {
	t.Helper()
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "want *ParseError, got %v", err)
	assert.Equal(t, code, pe.Code, "code; message: %s", err)
	assert.Equal(t, offset, pe.Offset, "offset; message: %s", err)
	assert.ErrorIs(t, err, ErrSyntax)
	assert.True(t, strings.HasPrefix(err.Error(), "无法识别的"), "message: %s", err)
	assert.NotEmpty(t, pe.Msg)
	return pe
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
