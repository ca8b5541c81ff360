// Package fixed is an exact decimal with a 128-bit coefficient, the fast
// path for decimal.Decimal (github.com/shopspring/decimal v1.6.0).
//
// A Num is coefficient × 10^exp with a 128-bit magnitude and a sign, held
// by value. Its zero value is 0 with exponent 0.
//
// Every operation gives the same coefficient and exponent, and so the same
// digits, as the matching decimal.Decimal method, without allocating and
// without math/big. When a result would need more than 128 bits or an
// exponent outside int32, the operation reports ok=false instead of a
// wrong value, and the caller redoes it with decimal.Decimal.
package fixed

import (
	"encoding/binary"
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// Num is coefficient × 10^Exp with a 128-bit magnitude and a sign.
// The zero value is 0 (exp 0).
type Num struct {
	lo, hi uint64
	exp    int32
	neg    bool // never true for a zero magnitude
}

func (n Num) mag() u128 { return u128{n.lo, n.hi} }

// mk builds a Num, clearing the sign of a zero magnitude as big.Int does.
func mk(m u128, exp int32, neg bool) Num {
	return Num{lo: m.lo, hi: m.hi, exp: exp, neg: neg && !m.isZero()}
}

// FromInt64 returns v × 10^0.
func FromInt64(v int64) Num { return New(v, 0) }

// New returns coef × 10^exp, like decimal.New.
func New(coef int64, exp int32) Num {
	u := uint64(coef) //nolint:gosec // G115: two's-complement bits on purpose; negated below into the magnitude
	if coef < 0 {
		u = -u // also right for math.MinInt64
	}
	return Num{lo: u, exp: exp, neg: coef < 0}
}

// FromDecimal converts d exactly; false if its coefficient needs more than
// 128 bits. It allocates only for coefficients of 19 or more digits.
func FromDecimal(d decimal.Decimal) (Num, bool) {
	if d.NumDigits() <= 18 {
		return New(d.CoefficientInt64(), d.Exponent()), true
	}
	c := d.Coefficient()
	if c.BitLen() > 128 {
		return Num{}, false
	}
	var buf [16]byte
	c.FillBytes(buf[:]) // big-endian magnitude
	m := u128{lo: binary.BigEndian.Uint64(buf[8:]), hi: binary.BigEndian.Uint64(buf[:8])}
	return mk(m, d.Exponent(), c.Sign() < 0), true
}

// Decimal returns the decimal.Decimal with the same coefficient and exponent.
func (n Num) Decimal() decimal.Decimal {
	if n.hi == 0 && n.lo <= math.MaxInt64 {
		v := int64(n.lo)
		if n.neg {
			v = -v
		}
		return decimal.New(v, n.exp)
	}
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], n.hi)
	binary.BigEndian.PutUint64(buf[8:], n.lo)
	c := new(big.Int).SetBytes(buf[:])
	if n.neg {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, n.exp)
}

// Exp returns the exponent.
func (n Num) Exp() int32 { return n.exp }

// Sign returns -1, 0 or 1.
func (n Num) Sign() int {
	switch {
	case n.neg:
		return -1
	case n.lo|n.hi == 0:
		return 0
	}
	return 1
}

// IsZero reports whether n is 0, whatever its exponent.
func (n Num) IsZero() bool { return n.lo|n.hi == 0 }

// Neg returns -n with the same exponent.
func (n Num) Neg() Num { return mk(n.mag(), n.exp, !n.neg) }

// Abs returns |n| with the same exponent.
func (n Num) Abs() Num { n.neg = false; return n }

// Digits returns the number of decimal digits of the coefficient (1 for zero).
func (n Num) Digits() int { return n.mag().digits() }

// Cmp compares a and b numerically, whatever their exponents (1.0 == 1):
// -1 if a < b, 0 if equal, 1 if a > b.
func Cmp(a, b Num) int {
	sa, sb := a.Sign(), b.Sign()
	switch {
	case sa < sb:
		return -1
	case sa > sb:
		return 1
	case sa == 0:
		return 0
	}
	c := cmpMag(a, b)
	if sa < 0 {
		return -c
	}
	return c
}

// cmpMag compares |a| and |b|, both non-zero.
func cmpMag(a, b Num) int {
	am, bm := a.mag(), b.mag()
	switch {
	case a.exp == b.exp:
		return cmp128(am, bm)
	case a.exp > b.exp:
		// Scale a down to b's exponent; if that overflows (or needs more
		// than 10^38) |a| is at least 2^128 units of b, so it is larger.
		s, ok := mulPow10(am, int64(a.exp)-int64(b.exp))
		if !ok {
			return 1
		}
		return cmp128(s, bm)
	default:
		s, ok := mulPow10(bm, int64(b.exp)-int64(a.exp))
		if !ok {
			return -1
		}
		return cmp128(am, s)
	}
}

// Int64 returns the value as an int64 when it is a whole number that fits, without
// allocating (a rule's computed number of places or days goes through it per record).
func (n Num) Int64() (int64, bool) {
	m := n.mag()
	if n.exp < 0 {
		w, ok := RoundFloor(n, 0)
		if !ok || Cmp(w, n) != 0 {
			return 0, false
		}
		m = w.mag()
	} else if n.exp > 0 && !m.isZero() {
		var ok bool
		if m, ok = mulPow10(m, int64(n.exp)); !ok {
			return 0, false
		}
	}
	if m.hi != 0 || m.lo > 1<<63 || (m.lo == 1<<63 && !n.neg) {
		return 0, false
	}
	if n.neg {
		return -int64(m.lo), true //nolint:gosec // G115: m.lo <= 2^63 (checked above), and int64(2^63) = MinInt64 negates to itself, the right value
	}
	return int64(m.lo), true //nolint:gosec // G115: m.lo < 2^63 when not negative (checked above)
}
