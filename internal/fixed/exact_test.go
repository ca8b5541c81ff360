package fixed

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// gen produces operands mixing the shapes the evaluator sees (money, 20-place
// quotients) with arbitrary and deliberately awkward coefficients.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))} }

var maxU128 = u128{^uint64(0), ^uint64(0)}

// boundaries are magnitudes around the 64- and 128-bit and power-of-ten edges.
var boundaries = func() []u128 {
	b := []u128{
		{}, {lo: 1}, {lo: 5}, {lo: 15}, {lo: 45}, {lo: 99},
		{lo: 1<<63 - 1}, {lo: 1 << 63}, {lo: 1<<63 + 1},
		{lo: ^uint64(0) - 1}, {lo: ^uint64(0)}, {hi: 1}, {lo: 1, hi: 1},
		{lo: ^uint64(0), hi: 1<<63 - 1}, {hi: 1 << 63}, {lo: 1, hi: 1 << 63},
		{lo: ^uint64(0) - 1, hi: ^uint64(0)}, maxU128,
		{lo: 1 << 32}, {lo: ^uint64(0), hi: ^uint64(0) >> 1},
	}
	for _, k := range []int{18, 19, 20, 37, 38} {
		p := pow10[k]
		b = append(b, p, sub128(p, u128{lo: 1}), inc128(p))
		h, _ := mul128(pow10[k-1], u128{lo: 5}) // 5×10^(k-1): a tie
		b = append(b, h, inc128(h), sub128(h, u128{lo: 1}))
	}
	q, _ := div128(maxU128, u128{lo: 10})
	return append(b, q, inc128(q))
}()

// digitsN returns a uniformly random coefficient with exactly d digits (1..38).
func (g *gen) digitsN(d int) u128 {
	if d <= 19 {
		lo := pow10x64[d-1]
		if d == 1 {
			lo = 0
		}
		return u128{lo: lo + g.r.Uint64N(pow10x64[d]-lo)}
	}
	top := pow10x64[d-20] + g.r.Uint64N(pow10x64[d-19]-pow10x64[d-20])
	m, _ := mul128(u128{lo: top}, pow10[19])
	m, _ = add128(m, u128{lo: g.r.Uint64N(pow10x64[19])})
	return m
}

func (g *gen) sign(m u128, exp int32) Num { return mk(m, exp, g.r.IntN(2) == 0) }

func (g *gen) money() Num {
	units := g.r.Int64N(1_000_000_000)
	if g.r.IntN(4) == 0 {
		units = g.r.Int64N(1000)
	}
	return g.sign(u128{lo: uint64(units)}, -int32(g.r.IntN(5)))
}

func (g *gen) num() Num {
	switch g.r.IntN(12) {
	case 0, 1, 2:
		return g.money()
	case 3, 4: // a 20-place quotient, as DivRound(x, y, 20) results are
		x, y := g.money(), g.money()
		if y.IsZero() {
			y = FromInt64(7)
		}
		n, _ := FromDecimal(x.Decimal().DivRound(y.Decimal(), 20))
		return n
	case 5, 6:
		return g.sign(g.digitsN(1+g.r.IntN(38)), int32(g.r.IntN(61))-40)
	case 7:
		return g.sign(u128{g.r.Uint64(), g.r.Uint64() >> g.r.UintN(64)}, int32(g.r.IntN(61))-40)
	case 8, 9:
		return g.sign(boundaries[g.r.IntN(len(boundaries))], int32(g.r.IntN(41))-20)
	case 10: // a half-way digit: …d5 followed by zeros, a tie for Round
		m, _ := mul128(g.digitsN(1+g.r.IntN(15)), u128{lo: 10})
		m, _ = add128(m, u128{lo: 5})
		m, _ = mulPow10(m, int64(g.r.IntN(4)))
		return g.sign(m, -int32(g.r.IntN(25)))
	default:
		return g.sign(u128{lo: g.r.Uint64N(11)}, int32(g.r.IntN(41))-20)
	}
}

// pair returns operands, sometimes related so results land on edges.
func (g *gen) pair() (a, b Num, prec int32) {
	a = g.num()
	prec = 20
	if g.r.IntN(3) == 0 {
		prec = int32(g.r.IntN(36)) - 4
	}
	switch g.r.IntN(16) {
	case 0: // same value, other exponent: Cmp 0, Sub 0
		k := int32(g.r.IntN(5))
		b = a
		if m, ok := mulPow10(a.mag(), int64(k)); ok {
			b = mk(m, a.exp-k, a.neg)
		}
	case 1:
		b = a.Neg()
	case 2: // b just around (2^128-1)/a: Mul at the overflow edge
		if a.IsZero() {
			a = FromInt64(3)
		}
		q, _ := div128(maxU128, a.mag())
		if g.r.IntN(2) == 0 {
			q = inc128(q)
		}
		b = g.sign(q, int32(g.r.IntN(11))-5)
	case 3: // b = 2^128-1-a (+1): Add at the overflow edge
		m := sub128(maxU128, a.mag())
		if g.r.IntN(2) == 0 {
			m = inc128(m)
		}
		b = mk(m, a.exp, a.neg)
	case 4: // a = (2q+1)×m, b = 2m: the quotient ends in exactly …5 at prec
		m := g.digitsN(1 + g.r.IntN(12))
		q := g.digitsN(1 + g.r.IntN(12))
		x, _ := mul128(m, inc128(u128{q.lo << 1, 0}))
		a = g.sign(x, int32(g.r.IntN(11))-5)
		b = g.sign(u128{lo: m.lo << 1}, int32(g.r.IntN(11))-5)
		prec = b.exp - a.exp
	case 5: // a/(10b) near 0.5 with 10b >= 2^128: DivRound's wide-divisor rounding
		x := g.digitsN(38)
		x, _ = add128(x, u128{hi: 1 << 63})
		if cmp128(x, maxU128) > 0 || x.hi < 1<<63 {
			x = maxU128
		}
		y, _ := div128(x, u128{lo: 2 + g.r.Uint64N(9)})
		a = g.sign(x, int32(g.r.IntN(11))-5)
		b = g.sign(y, int32(g.r.IntN(11))-5)
		prec = b.exp - a.exp - 1
	default:
		b = g.num()
	}
	return a, b, prec
}

func (g *gen) places(a Num) int32 {
	switch g.r.IntN(4) {
	case 0, 1: // the digit just below the last kept one is the tie digit
		return -a.exp - 1 - int32(g.r.IntN(3))
	case 2:
		return int32(g.r.IntN(9))
	}
	return int32(g.r.IntN(46)) - 6
}

// TestExactRandom compares every operation with shopspring on 1,000,000
// generated pairs (100,000 with -short), in parallel shards.
func TestExactRandom(t *testing.T) {
	total := 1_000_000
	if testing.Short() {
		total = 100_000
	}
	const shards = 4
	for s := 0; s < shards; s++ {
		seed := uint64(s)
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			g := newGen(seed)
			for i := 0; i < total/shards; i++ {
				a, b, prec := g.pair()
				if msg := checkPair(a, b, g.places(a), prec); msg != "" {
					require.Fail(t, msg, "pair %d of shard %d", i, seed)
				}
			}
		})
	}
}

// TestGenerator makes sure the generator really produces the awkward cases.
func TestGenerator(t *testing.T) {
	g := newGen(99)
	var ties, overflows, wide int
	for i := 0; i < 20000; i++ {
		a, b, prec := g.pair()
		if _, ok := Mul(a, b); !ok {
			overflows++
		}
		if a.hi != 0 {
			wide++
		}
		if !b.IsZero() {
			_, r := a.Decimal().QuoRem(b.Decimal(), prec)
			if r.Abs().Mul(decimal.New(2, 0)).Equal(b.Decimal().Abs().Shift(-prec)) {
				ties++
			}
		}
	}
	require.Greater(t, ties, 100, "DivRound ties")
	require.Greater(t, overflows, 500, "Mul overflows")
	require.Greater(t, wide, 2000, "coefficients beyond 64 bits")
}
