package main

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// appendDecimal appends d exactly as decimal.Decimal.String writes it (no exponent, no
// trailing zeros after the point). Output writes three numbers a row, a million rows a run:
// a coefficient of up to 18 digits is written through strconv without big.Int's allocations,
// and anything else through String.
func appendDecimal(dst []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	if exp > 0 || exp < -18 || d.NumDigits() > 18 {
		return append(dst, d.String()...)
	}
	coef := d.CoefficientInt64()
	if coef == 0 {
		return append(dst, '0')
	}
	if coef < 0 {
		dst = append(dst, '-')
		coef = -coef
	}
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], coef, 10)
	scale := int(-exp)
	if scale == 0 {
		return append(dst, digits...)
	}
	var intPart, frac []byte
	if len(digits) <= scale {
		intPart = []byte{'0'}
		frac = append(make([]byte, 0, scale), zeros[:scale-len(digits)]...)
		frac = append(frac, digits...)
	} else {
		intPart, frac = digits[:len(digits)-scale], digits[len(digits)-scale:]
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	dst = append(dst, intPart...)
	if len(frac) > 0 {
		dst = append(append(dst, '.'), frac...)
	}
	return dst
}

var zeros = []byte("000000000000000000000000")

// decimalText is appendDecimal as a string.
func decimalText(d decimal.Decimal) string { return string(appendDecimal(nil, d)) }

// appendScaled appends a rule's result in plain notation with the scale the rule gave it
// (round(x, 4) of 0.2 is 0.2000), through the writer rules.Value prints numbers with: what
// staff see is what was computed. Amounts summed by the command go through appendDecimal.
func appendScaled(dst []byte, d decimal.Decimal) []byte {
	if n, ok := fixed.FromDecimal(d); ok {
		return n.AppendScaled(dst)
	}
	return append(dst, d.StringFixed(max(0, -d.Exponent()))...)
}

// scaledText is appendScaled as a string.
func scaledText(d decimal.Decimal) string { return string(appendScaled(nil, d)) }
