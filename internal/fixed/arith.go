package fixed

import (
	"math"
	"math/bits"
)

// fitsExp reports whether e is a valid int32 exponent.
func fitsExp(e int64) bool { return e >= math.MinInt32 && e <= math.MaxInt32 }

// Add returns a+b with exponent min(a.exp, b.exp), as decimal.Add;
// false on overflow.
func Add(a, b Num) (Num, bool) { return add(a, b.mag(), b.exp, b.neg) }

// Sub returns a-b with exponent min(a.exp, b.exp), as decimal.Sub;
// false on overflow.
func Sub(a, b Num) (Num, bool) { return add(a, b.mag(), b.exp, !b.neg) }

// add returns a + (±bm × 10^bexp).
func add(a Num, bm u128, bexp int32, bneg bool) (Num, bool) {
	am, exp := a.mag(), a.exp
	// Like decimal's rescale: bring the larger exponent down to the smaller.
	if a.exp > bexp {
		k := int64(a.exp) - int64(bexp)
		s, ok := mulPow10(am, k)
		if !ok {
			return addWide(am, k, a.neg, bm, bexp, bneg)
		}
		am, exp = s, bexp
	} else if bexp > a.exp {
		k := int64(bexp) - int64(a.exp)
		s, ok := mulPow10(bm, k)
		if !ok {
			return addWide(bm, k, bneg, am, a.exp, a.neg)
		}
		bm = s
	}
	if a.neg == bneg {
		s, ok := add128(am, bm)
		if !ok {
			return Num{}, false
		}
		return mk(s, exp, bneg), true
	}
	if cmp128(am, bm) >= 0 {
		return mk(sub128(am, bm), exp, a.neg), true
	}
	return mk(sub128(bm, am), exp, bneg), true
}

// addWide returns ±x×10^k ± y (exponent exp) when x×10^k overflows 128
// bits: with opposite signs the result may still fit.
func addWide(x u128, k int64, xneg bool, y u128, exp int32, yneg bool) (Num, bool) {
	if xneg == yneg || k > maxPow { // |result| > 10^39 - 2^128 > 2^128
		return Num{}, false
	}
	w := mul128full(x, pow10[k])
	lo, b := bits.Sub64(w[0], y.lo, 0)
	hi, b := bits.Sub64(w[1], y.hi, b)
	w2, b := bits.Sub64(w[2], 0, b)
	w3, _ := bits.Sub64(w[3], 0, b)
	if w2|w3 != 0 {
		return Num{}, false
	}
	return mk(u128{lo, hi}, exp, xneg), true
}

// Mul returns a×b with exponent a.exp+b.exp, as decimal.Mul; false if the
// coefficient overflows or the exponent leaves int32 (where decimal panics).
func Mul(a, b Num) (Num, bool) {
	e := int64(a.exp) + int64(b.exp)
	if !fitsExp(e) {
		return Num{}, false
	}
	m, ok := mul128(a.mag(), b.mag())
	if !ok {
		return Num{}, false
	}
	return mk(m, int32(e), a.neg != b.neg), true //nolint:gosec // G115: fitsExp(e) above keeps e in int32
}

// DivRound returns a/b rounded half away from zero to exactly prec decimal
// places (exponent -prec), as decimal.DivRound. b must be non-zero;
// false if the quotient overflows or the exponents leave int32.
func DivRound(a, b Num, prec int32) (Num, bool) {
	if b.IsZero() || prec == math.MinInt32 {
		return Num{}, false
	}
	// As decimal.quoRem: the quotient is a×10^e / b, or a / (b×10^-e).
	e := int64(a.exp) - int64(b.exp) + int64(prec)
	if !fitsExp(e) {
		return Num{}, false
	}
	exp, neg := -prec, a.neg != b.neg
	am, bm := a.mag(), b.mag()
	if am.isZero() {
		return Num{exp: exp}, true
	}
	var q, r, d u128 // d: the divisor in units of the remainder
	if e >= 0 {
		n, ok := mulPow10Wide(am, e)
		// Beyond 256 bits, or high half >= b, the quotient exceeds 128 bits.
		if !ok || cmp128(u128{n[2], n[3]}, bm) >= 0 {
			return Num{}, false
		}
		q, r = div256(n, bm)
		d = bm
	} else {
		w, ok := mulPow10Wide(bm, -e)
		if !ok || w[2]|w[3] != 0 {
			// The divisor is >= 2^128 > |a|: quotient 0, and it rounds to 1
			// only if 2|a| >= divisor.
			if ok && w[3] == 0 && cmp3(am.hi>>63, am.hi<<1|am.lo>>63, am.lo<<1, w[2], w[1], w[0]) >= 0 {
				return mk(u128{lo: 1}, exp, neg), true
			}
			return Num{exp: exp}, true
		}
		d = u128{w[0], w[1]}
		q, r = div128(am, d)
	}
	// Round up when 2r >= d, tested as r >= d-r to stay within 128 bits.
	if cmp128(r, sub128(d, r)) >= 0 {
		var ok bool
		if q, ok = add128(q, u128{lo: 1}); !ok {
			return Num{}, false
		}
	}
	return mk(q, exp, neg), true
}

// cmp3 compares the three-limb numbers x2:x1:x0 and y2:y1:y0.
func cmp3(x2, x1, x0, y2, y1, y0 uint64) int {
	if c := cmp128(u128{x1, x2}, u128{y1, y2}); c != 0 {
		return c
	}
	return cmp128(u128{lo: x0}, u128{lo: y0})
}

// Round rounds half away from zero to places decimal places, as
// decimal.Round: the exponent becomes -places even when that adds zeros
// (Round(5, 2) is 5.00). Negative places round left of the point.
func Round(a Num, places int32) (Num, bool) {
	if places == math.MinInt32 {
		return Num{}, false
	}
	t := -places
	if a.exp == t {
		return a, true
	}
	m := a.mag()
	if t < a.exp {
		m, ok := mulPow10(m, int64(a.exp)-int64(t))
		return mk(m, t, a.neg), ok
	}
	k := int64(t) - int64(a.exp)
	if k > maxPow { // 2|a| < 2^129 < 10^39: rounds to zero
		return Num{exp: t}, true
	}
	q, r := div128(m, pow10[k])
	if cmp128(r, sub128(pow10[k], r)) >= 0 {
		q = inc128(q) // q <= m/10, so no overflow
	}
	return mk(q, t, a.neg), true
}

// RoundFloor rounds towards -infinity to places decimal places, as
// decimal.RoundFloor (exponent -places).
func RoundFloor(a Num, places int32) (Num, bool) { return roundDir(a, places, a.neg) }

// RoundCeil rounds towards +infinity to places decimal places, as
// decimal.RoundCeil (exponent -places).
func RoundCeil(a Num, places int32) (Num, bool) { return roundDir(a, places, !a.neg) }

// roundDir truncates a to places decimal places, then adds one unit to the
// magnitude if away is set and digits were dropped.
func roundDir(a Num, places int32, away bool) (Num, bool) {
	if places == math.MinInt32 {
		return Num{}, false
	}
	t := -places
	m := a.mag()
	if a.exp >= t {
		m, ok := mulPow10(m, int64(a.exp)-int64(t))
		return mk(m, t, a.neg), ok
	}
	k := int64(t) - int64(a.exp)
	var q, r u128
	if k > maxPow {
		r = m
	} else {
		q, r = div128(m, pow10[k])
	}
	if away && !r.isZero() {
		q = inc128(q)
	}
	return mk(q, t, a.neg), true
}

// Floor returns the nearest integer <= a, as decimal.Floor: a itself if
// its exponent is >= 0, otherwise with exponent 0.
func Floor(a Num) (Num, bool) {
	if a.exp >= 0 {
		return a, true
	}
	return roundDir(a, 0, a.neg)
}

// Ceil returns the nearest integer >= a, as decimal.Ceil: a itself if its
// exponent is >= 0, otherwise with exponent 0.
func Ceil(a Num) (Num, bool) {
	if a.exp >= 0 {
		return a, true
	}
	return roundDir(a, 0, !a.neg)
}

// Mod returns the remainder of a/b truncated to an integer, as decimal.Mod
// (QuoRem(b, 0)): it has a's sign and the exponent of a if a.exp < b.exp,
// else of b. b must be non-zero; false only if the exponents leave int32.
func Mod(a, b Num) (Num, bool) {
	if b.IsZero() {
		return Num{}, false
	}
	e := int64(a.exp) - int64(b.exp)
	if !fitsExp(e) {
		return Num{}, false
	}
	am, bm := a.mag(), b.mag()
	if e < 0 {
		w, ok := mulPow10Wide(bm, -e)
		if !ok || w[2]|w[3] != 0 {
			return a, true // divisor >= 2^128 > |a|
		}
		_, r := div128(am, u128{w[0], w[1]})
		return mk(r, a.exp, a.neg), true
	}
	// (a×10^e) mod b = ((a mod b) × (10^e mod b)) mod b, so the exponent
	// gap never overflows.
	_, r := div128(am, bm)
	if e <= maxPow {
		r = mulMod(r, pow10[e], bm)
	} else {
		r = mulMod(r, pow10Mod(e, bm), bm)
	}
	return mk(r, b.exp, a.neg), true
}
