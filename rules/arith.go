package rules

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// arithmetic is one number representation the closure compiler can target. fastOps computes
// in 128-bit fixed point; decOps in decimal.Decimal. Both follow shopspring's scale rules, so
// their digits are identical; an operation returns false when its result does not fit
// (fast: recompute the record with decOps; dec: the result breaks a limit). A quotient is the
// one exception to shopspring's scale: it drops the zeros DivRound pads it with.
type arithmetic[N any] interface {
	slots(f *frame) []N
	fromDec(d decimal.Decimal) (N, bool)
	value(n N) Value
	fromValue(v Value) (N, bool)
	add(a, b N) (N, bool)
	sub(a, b N) (N, bool)
	mul(a, b N) (N, bool)
	div(a, b N, places int32) (N, bool)
	mod(a, b N) (N, bool)
	round(a N, places int32) (N, bool)
	roundFloor(a N, places int32) (N, bool)
	roundCeil(a N, places int32) (N, bool)
	neg(a N) N
	abs(a N) N
	cmp(a, b N) int
	sign(a N) int
	whole(a N) (int64, bool) // the value as an int64, if it is whole and fits
	fromInt(v int64) N
	// short handles an operation that returned false at node n.
	short(f *frame, n *node)
}

// fastOps is the 128-bit fixed-point representation.
type fastOps struct {
	maxDigits int // checked only when below what 128 bits can hold
	maxExp    int32
}

func (fastOps) slots(f *frame) []fixed.Num                  { return f.fast }
func (fastOps) fromDec(d decimal.Decimal) (fixed.Num, bool) { return fixed.FromDecimal(d) }
func (fastOps) value(n fixed.Num) Value                     { return fastValue(n) }
func (fastOps) fromValue(v Value) (fixed.Num, bool) {
	if v.big {
		return fixed.FromDecimal(v.dec)
	}
	return v.num, true
}
func (o fastOps) ok(n fixed.Num, ok bool) (fixed.Num, bool) {
	if !ok || (o.maxDigits < 39 && n.Digits() > o.maxDigits) {
		return n, false
	}
	return n, true
}
func (o fastOps) add(a, b fixed.Num) (fixed.Num, bool) { return o.ok(fixed.Add(a, b)) }
func (o fastOps) sub(a, b fixed.Num) (fixed.Num, bool) { return o.ok(fixed.Sub(a, b)) }
func (o fastOps) mul(a, b fixed.Num) (fixed.Num, bool) {
	n, ok := o.ok(fixed.Mul(a, b))
	if e := n.Exp(); e < -o.maxExp || e > o.maxExp {
		return n, false
	}
	return n, ok
}
func (o fastOps) div(a, b fixed.Num, p int32) (fixed.Num, bool) {
	q, ok := fixed.DivRound(a, b, p)
	return o.ok(fixed.TrimZeros(q), ok)
}
func (o fastOps) mod(a, b fixed.Num) (fixed.Num, bool)         { return o.ok(fixed.Mod(a, b)) }
func (o fastOps) round(a fixed.Num, p int32) (fixed.Num, bool) { return o.ok(fixed.Round(a, p)) }
func (o fastOps) roundFloor(a fixed.Num, p int32) (fixed.Num, bool) {
	return o.ok(fixed.RoundFloor(a, p))
}
func (o fastOps) roundCeil(a fixed.Num, p int32) (fixed.Num, bool) {
	return o.ok(fixed.RoundCeil(a, p))
}
func (fastOps) neg(a fixed.Num) fixed.Num       { return a.Neg() }
func (fastOps) abs(a fixed.Num) fixed.Num       { return a.Abs() }
func (fastOps) cmp(a, b fixed.Num) int          { return fixed.Cmp(a, b) }
func (fastOps) sign(a fixed.Num) int            { return a.Sign() }
func (fastOps) fromInt(v int64) fixed.Num       { return fixed.FromInt64(v) }
func (fastOps) short(f *frame, _ *node)         { f.overflow = true }
func (fastOps) whole(a fixed.Num) (int64, bool) { return a.Int64() }

// decOps is decimal.Decimal, bounded: every result must stay within the digit and exponent
// limits, so staff text can never make it allocate without bound.
type decOps struct {
	maxDigits int
	maxExp    int32
}

func (decOps) slots(f *frame) []decimal.Decimal { return f.slow }
func (o decOps) fromDec(d decimal.Decimal) (decimal.Decimal, bool) {
	return o.ok(d)
}
func (decOps) value(d decimal.Decimal) Value { return NumberOf(d) }
func (o decOps) fromValue(v Value) (decimal.Decimal, bool) {
	return o.ok(v.Decimal())
}
func (o decOps) ok(d decimal.Decimal) (decimal.Decimal, bool) {
	e := d.Exponent()
	if e < -o.maxExp || e > o.maxExp || d.NumDigits() > o.maxDigits {
		return d, false
	}
	return d, true
}
func (o decOps) add(a, b decimal.Decimal) (decimal.Decimal, bool) { return o.ok(a.Add(b)) }
func (o decOps) sub(a, b decimal.Decimal) (decimal.Decimal, bool) { return o.ok(a.Sub(b)) }
func (o decOps) mul(a, b decimal.Decimal) (decimal.Decimal, bool) { return o.ok(a.Mul(b)) }
func (o decOps) div(a, b decimal.Decimal, p int32) (decimal.Decimal, bool) {
	return o.ok(trimZeros(a.DivRound(b, p)))
}
func (o decOps) mod(a, b decimal.Decimal) (decimal.Decimal, bool) { return o.ok(a.Mod(b)) }
func (o decOps) round(a decimal.Decimal, p int32) (decimal.Decimal, bool) {
	return o.ok(a.Round(p))
}
func (o decOps) roundFloor(a decimal.Decimal, p int32) (decimal.Decimal, bool) {
	return o.ok(a.RoundFloor(p))
}
func (o decOps) roundCeil(a decimal.Decimal, p int32) (decimal.Decimal, bool) {
	return o.ok(a.RoundCeil(p))
}
func (decOps) neg(a decimal.Decimal) decimal.Decimal { return a.Neg() }
func (decOps) abs(a decimal.Decimal) decimal.Decimal { return a.Abs() }
func (decOps) cmp(a, b decimal.Decimal) int          { return a.Cmp(b) }
func (decOps) sign(a decimal.Decimal) int            { return a.Sign() }
func (decOps) fromInt(v int64) decimal.Decimal       { return decimal.NewFromInt(v) }
func (decOps) whole(a decimal.Decimal) (int64, bool) {
	if !a.IsInteger() {
		return 0, false
	}
	i := a.BigInt() // 12/4 is 3 with 20 places: more than 18 digits, still whole
	if !i.IsInt64() {
		return 0, false
	}
	return i.Int64(), true
}
func (o decOps) short(f *frame, n *node) {
	f.fail(n, ErrRuntimeLimit, "计算结果超出限制（数字位数或小数位数过多）")
}

// trimZeros is fixed.TrimZeros for decimal.Decimal: a quotient keeps only the places it
// needs, so 1/4 prints 0.25, as it did before values kept their scale. The loop is bounded by
// the digit limit every decOps result is held to.
func trimZeros(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	e := d.Exponent()
	if e >= 0 {
		return d
	}
	c := d.Coefficient()
	ten, q, r := big.NewInt(10), new(big.Int), new(big.Int)
	for e < 0 {
		q.QuoRem(c, ten, r)
		if r.Sign() != 0 {
			break
		}
		c, q = q, c
		e++
	}
	return decimal.NewFromBigInt(c, e)
}
