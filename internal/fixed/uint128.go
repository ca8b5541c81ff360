package fixed

import "math/bits"

// u128 is an unsigned 128-bit magnitude.
type u128 struct{ lo, hi uint64 }

// u256 is an unsigned 256-bit integer, least significant limb first.
type u256 [4]uint64

// maxPow is the largest k with 10^k < 2^128.
const maxPow = 38

// pow10 holds 10^0..10^38; pow10x64 the ones that fit a uint64.
var (
	pow10x64 = func() (t [20]uint64) {
		t[0] = 1
		for i := 1; i < len(t); i++ {
			t[i] = t[i-1] * 10
		}
		return t
	}()
	pow10 = func() (t [maxPow + 1]u128) {
		t[0] = u128{lo: 1}
		for i := 1; i < len(t); i++ {
			t[i], _ = mul128(t[i-1], u128{lo: 10})
		}
		return t
	}()
)

func (x u128) isZero() bool { return x.lo|x.hi == 0 }

func cmp128(x, y u128) int {
	switch {
	case x.hi < y.hi:
		return -1
	case x.hi > y.hi:
		return 1
	case x.lo < y.lo:
		return -1
	case x.lo > y.lo:
		return 1
	}
	return 0
}

// add128 returns x+y and false on carry out of 128 bits.
func add128(x, y u128) (u128, bool) {
	lo, c := bits.Add64(x.lo, y.lo, 0)
	hi, c := bits.Add64(x.hi, y.hi, c)
	return u128{lo, hi}, c == 0
}

// sub128 returns x-y; the caller guarantees x >= y.
func sub128(x, y u128) u128 {
	lo, b := bits.Sub64(x.lo, y.lo, 0)
	hi, _ := bits.Sub64(x.hi, y.hi, b)
	return u128{lo, hi}
}

// inc128 returns x+1; callers only use it where x+1 cannot wrap.
func inc128(x u128) u128 {
	lo, c := bits.Add64(x.lo, 1, 0)
	return u128{lo, x.hi + c}
}

// mul128 returns x*y and false if the product needs more than 128 bits.
func mul128(x, y u128) (u128, bool) {
	if x.hi != 0 {
		if y.hi != 0 {
			return u128{}, false
		}
		x, y = y, x
	}
	h0, l0 := bits.Mul64(x.lo, y.lo)
	h1, l1 := bits.Mul64(x.lo, y.hi)
	hi, c := bits.Add64(h0, l1, 0)
	return u128{l0, hi}, h1 == 0 && c == 0
}

// mul128full returns the full 256-bit product x*y.
func mul128full(x, y u128) u256 {
	h00, l00 := bits.Mul64(x.lo, y.lo)
	h01, l01 := bits.Mul64(x.lo, y.hi)
	h10, l10 := bits.Mul64(x.hi, y.lo)
	h11, l11 := bits.Mul64(x.hi, y.hi)
	w1, c1 := bits.Add64(h00, l01, 0)
	w1, c2 := bits.Add64(w1, l10, 0)
	w2, c3 := bits.Add64(h01, h10, c1)
	w2, c4 := bits.Add64(w2, l11, c2)
	return u256{l00, w1, w2, h11 + c3 + c4}
}

// mul256x64 returns w*m and false if the product needs more than 256 bits.
func mul256x64(w u256, m uint64) (u256, bool) {
	var r u256
	var carry uint64
	for i := range w {
		h, l := bits.Mul64(w[i], m)
		var c uint64
		r[i], c = bits.Add64(l, carry, 0)
		carry = h + c
	}
	return r, carry == 0
}

// mulPow10Wide returns x*10^k as 256 bits, false if that does not fit.
func mulPow10Wide(x u128, k int64) (u256, bool) {
	switch {
	case x.isZero():
		return u256{}, true
	case k <= maxPow:
		return mul128full(x, pow10[k]), true
	case k > 77: // 10^78 > 2^256
		return u256{}, false
	}
	w := u256{x.lo, x.hi}
	for k > 0 {
		s := min(k, 19)
		var ok bool
		if w, ok = mul256x64(w, pow10x64[s]); !ok {
			return u256{}, false
		}
		k -= s
	}
	return w, true
}

// mulPow10 returns x*10^k, false if it needs more than 128 bits.
func mulPow10(x u128, k int64) (u128, bool) {
	if x.isZero() {
		return x, true
	}
	if k > maxPow {
		return u128{}, false
	}
	return mul128(x, pow10[k])
}

// div128by64 returns x/d and x%d for d != 0.
func div128by64(x u128, d uint64) (u128, uint64) {
	var q u128
	var r uint64
	if x.hi < d {
		q.lo, r = bits.Div64(x.hi, x.lo, d)
		return q, r
	}
	q.hi, r = x.hi/d, x.hi%d
	q.lo, r = bits.Div64(r, x.lo, d)
	return q, r
}

// div128 returns x/v and x%v for v != 0.
func div128(x, v u128) (q, r u128) {
	if v.hi == 0 {
		q, r.lo = div128by64(x, v.lo)
		return q, r
	}
	if cmp128(x, v) < 0 {
		return u128{}, x
	}
	return div256(u256{x.lo, x.hi}, v)
}

// div256 returns u/v and u%v. It requires v != 0 and the high 128 bits
// of u to be below v, so that the quotient fits 128 bits. This is Knuth's
// algorithm D specialised to a two-limb divisor: two 3-by-2 limb steps.
func div256(u u256, v u128) (q, r u128) {
	if v.hi == 0 {
		var rem uint64
		q.hi, rem = bits.Div64(u[2], u[1], v.lo)
		q.lo, rem = bits.Div64(rem, u[0], v.lo)
		return q, u128{lo: rem}
	}
	// Normalise so the divisor's top bit is set; u's top limb after the
	// shift is zero because u < v*2^128.
	s := uint(bits.LeadingZeros64(v.hi))
	d1 := v.hi<<s | v.lo>>(64-s)
	d0 := v.lo << s
	u3 := u[3]<<s | u[2]>>(64-s)
	u2 := u[2]<<s | u[1]>>(64-s)
	u1 := u[1]<<s | u[0]>>(64-s)
	u0 := u[0] << s
	var r1, r0 uint64
	q.hi, r1, r0 = div3by2(u3, u2, u1, d1, d0)
	q.lo, r1, r0 = div3by2(r1, r0, u0, d1, d0)
	return q, u128{r0>>s | r1<<(64-s), r1 >> s}
}

// div3by2 divides u2:u1:u0 by d1:d0, which must be normalised (top bit
// set) with u2:u1 < d1:d0; it returns the one-limb quotient and the
// two-limb remainder.
func div3by2(u2, u1, u0, d1, d0 uint64) (q, r1, r0 uint64) {
	var rhat uint64
	var over bool // rhat has overflowed 64 bits
	if u2 >= d1 { // u2 == d1: Div64 would overflow
		q = ^uint64(0)
		var c uint64
		rhat, c = bits.Add64(u1, d1, 0)
		over = c != 0
	} else {
		q, rhat = bits.Div64(u2, u1, d1)
	}
	// With a two-limb divisor this test compares q*d against u exactly,
	// so q is correct once it passes.
	for !over {
		ph, pl := bits.Mul64(q, d0)
		if ph < rhat || (ph == rhat && pl <= u0) {
			break
		}
		q--
		var c uint64
		rhat, c = bits.Add64(rhat, d1, 0)
		over = c != 0
	}
	// The remainder is below d, so only the low two limbs of u-q*d matter.
	h0, l0 := bits.Mul64(q, d0)
	_, l1 := bits.Mul64(q, d1)
	p1, _ := bits.Add64(l1, h0, 0)
	var b uint64
	r0, b = bits.Sub64(u0, l0, 0)
	r1, _ = bits.Sub64(u1, p1, b)
	return q, r1, r0
}

// mulMod returns x*y mod m for x < m (so the product's high half is < m).
func mulMod(x, y, m u128) u128 {
	_, r := div256(mul128full(x, y), m)
	return r
}

// pow10Mod returns 10^k mod m by square-and-multiply, so a huge k is cheap.
func pow10Mod(k int64, m u128) u128 {
	_, base := div128(u128{lo: 10}, m)
	_, acc := div128(u128{lo: 1}, m)
	for ; k > 0; k >>= 1 {
		if k&1 != 0 {
			acc = mulMod(acc, base, m)
		}
		base = mulMod(base, base, m)
	}
	return acc
}

// digits returns the number of decimal digits of x (1 for zero).
func (x u128) digits() int {
	if x.hi == 0 {
		if x.lo == 0 {
			return 1
		}
		// Len*1233>>12 is floor(log10(2^Len)): the count or one less.
		n := bits.Len64(x.lo) * 1233 >> 12
		if x.lo >= pow10x64[n] {
			n++
		}
		return n
	}
	n := (64 + bits.Len64(x.hi)) * 1233 >> 12
	if n <= maxPow && cmp128(x, pow10[n]) >= 0 {
		n++
	}
	return n
}
