package fixed

import (
	"strconv"

	"github.com/shopspring/decimal"
)

const zeros = "0000000000000000000000000000000000000000000000000000000000000000"

// String formats n exactly as decimal.Decimal.String does, honouring
// decimal.TrimTrailingZeros and decimal.UseScientificNotation.
func (n Num) String() string {
	var buf [64]byte
	return string(n.AppendString(buf[:0]))
}

// AppendString appends String() to dst without allocating beyond dst's growth.
func (n Num) AppendString(dst []byte) []byte {
	return n.appendString(dst, decimal.TrimTrailingZeros, decimal.UseScientificNotation)
}

// StringFixed formats n rounded half away from zero to places decimal
// places, as decimal.StringFixed: trailing zeros kept, never scientific.
func (n Num) StringFixed(places int32) string {
	r, ok := Round(n, places)
	if !ok {
		// Only huge paddings overflow; let decimal produce them.
		return n.Decimal().StringFixed(places)
	}
	var buf [64]byte
	return string(r.appendString(buf[:0], false, false))
}

// appendString mirrors decimal's string(trimTrailingZeros, useScientificNotation).
func (n Num) appendString(dst []byte, trim, sci bool) []byte {
	var buf [40]byte
	digits := buf[n.mag().format(&buf):]
	if n.exp > 0 && sci {
		return appendSci(dst, digits, int64(n.exp), n.neg)
	}
	if n.neg {
		dst = append(dst, '-')
	}
	switch {
	case n.exp == 0:
		return append(dst, digits...)
	case n.exp > 0:
		dst = append(dst, digits...)
		if n.IsZero() {
			return dst
		}
		return appendZeros(dst, int64(n.exp))
	}
	scale := -int64(n.exp)
	var lead int64
	frac := digits
	if int64(len(digits)) > scale {
		split := int64(len(digits)) - scale
		dst = append(dst, digits[:split]...)
		frac = digits[split:]
	} else {
		dst = append(dst, '0')
		lead = scale - int64(len(digits))
	}
	if trim {
		i := len(frac)
		for i > 0 && frac[i-1] == '0' {
			i--
		}
		frac = frac[:i]
		if len(frac) == 0 {
			lead = 0
		}
	}
	if lead+int64(len(frac)) > 0 {
		dst = append(dst, '.')
		dst = appendZeros(dst, lead)
		dst = append(dst, frac...)
	}
	return dst
}

// appendSci mirrors decimal.ScientificNotationString: d.ddd…E<exp>, no
// trailing-zero trimming, plain "0" for zero.
func appendSci(dst, digits []byte, exp int64, neg bool) []byte {
	if len(digits) == 1 && digits[0] == '0' {
		return append(dst, '0')
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, digits[0])
	if len(digits) > 1 {
		dst = append(dst, '.')
		dst = append(dst, digits[1:]...)
		exp += int64(len(digits)) - 1
	}
	dst = append(dst, 'E')
	return strconv.AppendInt(dst, exp, 10)
}

func appendZeros(dst []byte, k int64) []byte {
	for k > 0 {
		c := min(k, int64(len(zeros)))
		dst = append(dst, zeros[:c]...)
		k -= c
	}
	return dst
}

// format writes x's decimal digits at the end of buf and returns where
// they start.
func (x u128) format(buf *[40]byte) int {
	i := len(buf)
	for x.hi != 0 {
		var r uint64
		x, r = div128by64(x, pow10x64[19])
		for j := 0; j < 19; j++ {
			i--
			buf[i] = byte('0' + r%10)
			r /= 10
		}
	}
	v := x.lo
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return i
		}
	}
}

// AppendScaled appends n in plain notation with its scale kept: 1.00 stays 1.00 (String would
// print 1), and a positive exponent is written out as zeros. It is decimal's
// StringFixed(-exp) without the allocation.
func (n Num) AppendScaled(dst []byte) []byte { return n.appendString(dst, false, false) }
