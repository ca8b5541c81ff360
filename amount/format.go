package amount

import (
	"strings"

	"github.com/shopspring/decimal"
)

// MaxPlaces bounds the places argument of the rounding and formatting functions, so that a wrong
// argument cannot allocate a number with a billion digits. Places beyond ±MaxPlaces are treated as ±MaxPlaces.
const MaxPlaces = 100

// RoundHalfUp rounds to places decimal places, halves away from zero (四舍五入):
// 2.675 → 2.68, -2.675 → -2.68. The result has exactly places decimal places (for places ≥ 0).
// A negative places rounds to tens, hundreds and so on.
func RoundHalfUp(d decimal.Decimal, places int32) decimal.Decimal {
	places = clampPlaces(places)
	return d.Round(places) // shopspring's Round is half away from zero
}

// FormatDecimal rounds half-up to places and prints the digits, never an exponent: "9993.67".
func FormatDecimal(d decimal.Decimal, places int32) string {
	places = clampPlaces(places)
	return RoundHalfUp(d, places).StringFixed(places)
}

// FormatGrouped is FormatDecimal with thousands separators: "10,113.65".
func FormatGrouped(d decimal.Decimal, places int32) string {
	return groupThousands(FormatDecimal(d, places))
}

// FormatPercent prints a ratio as a percentage rounded half-up to places: 0.98776 → "98.78%".
func FormatPercent(ratio decimal.Decimal, places int32) string {
	return FormatDecimal(ratio.Shift(2), places) + "%"
}

// clampPlaces keeps places within ±MaxPlaces: formatting never panics and never allocates
// a hundred-thousand-digit string for a mistyped argument.
func clampPlaces(places int32) int32 {
	return min(max(places, -MaxPlaces), MaxPlaces)
}

// exactString prints d with all the digits of its coefficient, keeping trailing zeros: 100.00 stays
// "100.00". It does not depend on shopspring's global TrimTrailingZeros or UseScientificNotation.
func exactString(d decimal.Decimal) string {
	if d.Exponent() >= 0 {
		return d.StringFixed(0)
	}
	return d.StringFixed(-d.Exponent())
}

// groupThousands inserts a comma every three digits of the integer part of a plain number.
func groupThousands(s string) string {
	sign, digits := "", s
	if strings.HasPrefix(s, "-") {
		sign, digits = "-", s[1:]
	}
	intPart, frac := digits, ""
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		intPart, frac = digits[:i], digits[i:]
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3)
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteString(frac)
	return b.String()
}
