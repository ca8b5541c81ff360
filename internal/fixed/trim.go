package fixed

// trimSteps are the powers of ten TrimZeros divides by, largest first, so a quotient padded
// with up to 38 zeros is trimmed in a handful of divisions rather than one per zero.
var trimSteps = [...]struct {
	k   int32
	pow uint64
}{{16, 1e16}, {16, 1e16}, {8, 1e8}, {4, 1e4}, {2, 100}, {1, 10}}

// TrimZeros drops trailing zeros after the decimal point: 0.25000 becomes 0.25 and 2.000
// becomes 2, never raising the exponent above 0. The value is unchanged; only the scale it
// prints with is. Division uses it so a quotient carries the places it needs, not the
// division precision (decimal.DivRound pads 1/4 to 0.25000000000000000000).
func TrimZeros(n Num) Num {
	m := n.mag()
	if m.isZero() {
		return Num{}
	}
	exp := n.exp
	for _, s := range trimSteps {
		if exp > -s.k || m.lo&1 != 0 {
			continue
		}
		if q, r := div128by64(m, s.pow); r == 0 {
			m, exp = q, exp+s.k
		}
	}
	return mk(m, exp, n.neg)
}
