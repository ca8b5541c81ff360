package fixed

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzOps runs every operation on fuzzer-chosen operands and compares with
// shopspring. Exponents are int8 so shopspring's reference stays cheap.
func FuzzOps(f *testing.F) {
	f.Add(uint64(123456789), uint64(0), int8(-2), false, uint64(37), uint64(0), int8(-1), false, int8(2), int8(20))
	f.Add(^uint64(0), ^uint64(0), int8(0), true, uint64(3), uint64(0), int8(-20), false, int8(-38), int8(20))
	f.Add(uint64(2345), uint64(0), int8(-3), true, uint64(8), uint64(0), int8(0), true, int8(2), int8(2))
	f.Fuzz(func(t *testing.T, alo, ahi uint64, aexp int8, aneg bool, blo, bhi uint64, bexp int8, bneg bool, places, prec int8) {
		a := mk(u128{alo, ahi}, int32(aexp), aneg)
		b := mk(u128{blo, bhi}, int32(bexp), bneg)
		if msg := checkPair(a, b, int32(places), int32(prec)); msg != "" {
			require.Fail(t, msg)
		}
	})
}
