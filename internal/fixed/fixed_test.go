package fixed

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	max128 = "340282366920938463463374607431768211455" // 2^128-1
	max64  = "18446744073709551615"                    // 2^64-1
)

// parse reads a decimal literal, or "coef@exp" for exponents that
// decimal.NewFromString refuses.
func parse(t testing.TB, s string) Num {
	t.Helper()
	if c, e, ok := strings.Cut(s, "@"); ok {
		coef, good := new(big.Int).SetString(c, 10)
		require.True(t, good, s)
		exp, err := strconv.ParseInt(e, 10, 32)
		require.NoError(t, err, s)
		n, fits := FromDecimal(decimal.NewFromBigInt(coef, int32(exp)))
		require.True(t, fits, s)
		return n
	}
	n, fits := FromDecimal(decimal.RequireFromString(s))
	require.True(t, fits, s)
	return n
}

type opRow struct {
	reason string
	op     string
	a, b   string
	arg    int32  // places or precision
	want   string // String() of the result; unused when !ok
	exp    int32  // exponent of the result
	ok     bool
	noRef  bool // shopspring would need a 10^(2^31)-sized number
}

// run applies row.op with the fast package and with shopspring.
func (row opRow) run(a, b Num) (Num, bool, func() decimal.Decimal) {
	da, db, arg := a.Decimal(), b.Decimal(), row.arg
	switch row.op {
	case "add":
		r, ok := Add(a, b)
		return r, ok, func() decimal.Decimal { return da.Add(db) }
	case "sub":
		r, ok := Sub(a, b)
		return r, ok, func() decimal.Decimal { return da.Sub(db) }
	case "mul":
		r, ok := Mul(a, b)
		return r, ok, func() decimal.Decimal { return da.Mul(db) }
	case "div":
		r, ok := DivRound(a, b, arg)
		return r, ok, func() decimal.Decimal { return da.DivRound(db, arg) }
	case "mod":
		r, ok := Mod(a, b)
		return r, ok, func() decimal.Decimal { return da.Mod(db) }
	case "round":
		r, ok := Round(a, arg)
		return r, ok, func() decimal.Decimal { return da.Round(arg) }
	case "rfloor":
		r, ok := RoundFloor(a, arg)
		return r, ok, func() decimal.Decimal { return da.RoundFloor(arg) }
	case "rceil":
		r, ok := RoundCeil(a, arg)
		return r, ok, func() decimal.Decimal { return da.RoundCeil(arg) }
	case "floor":
		r, ok := Floor(a)
		return r, ok, da.Floor
	case "ceil":
		r, ok := Ceil(a)
		return r, ok, da.Ceil
	}
	panic("unknown op " + row.op)
}

func TestOps(t *testing.T) {
	rows := []opRow{
		// Add
		{reason: "zero plus zero", op: "add", a: "0", b: "0", want: "0", exp: 0, ok: true},
		{reason: "a zero still lowers the exponent", op: "add", a: "0.00", b: "3", want: "3", exp: -2, ok: true},
		{reason: "exponent mismatch", op: "add", a: "1.5", b: "2.25", want: "3.75", exp: -2, ok: true},
		{reason: "cancel to zero without a sign", op: "add", a: "-1.50", b: "1.5", want: "0", exp: -2, ok: true},
		{reason: "negative plus negative", op: "add", a: "-1", b: "-2.5", want: "-3.5", exp: -1, ok: true},
		{reason: "larger negative wins the sign", op: "add", a: "1", b: "-2.5", want: "-1.5", exp: -1, ok: true},
		{reason: "carry into the high limb", op: "add", a: max64, b: "1", want: "18446744073709551616", exp: 0, ok: true},
		{reason: "adding 0.0 rescales 2^128-1 by 10", op: "add", a: max128, b: "0.0", ok: false},
		{reason: "2^128 overflows", op: "add", a: max128, b: "1", ok: false},
		{reason: "negative overflow", op: "add", a: "-" + max128, b: "-1", ok: false},
		{reason: "rescaled side exceeds 128 bits but the difference fits", op: "add", a: "4e38", b: "-" + max128,
			want: "59717633079061536536625392568231788545", exp: 0, ok: true},
		{reason: "1e-30 + 1e30 needs 10^60", op: "add", a: "1e-30", b: "1e30", ok: false},
		{reason: "zero with a huge exponent rescales freely", op: "add", a: "0e30", b: "1e-30",
			want: "0.000000000000000000000000000001", exp: -30, ok: true},
		{reason: "exponent gap of 2e9 around a zero", op: "add", a: "0@2000000000", b: "7@-20",
			want: "0.00000000000000000007", exp: -20, ok: true, noRef: true},
		// Sub
		{reason: "same value, other exponent", op: "sub", a: "1.10", b: "1.1", want: "0", exp: -2, ok: true},
		{reason: "minus a negative", op: "sub", a: "5", b: "-5", want: "10", exp: 0, ok: true},
		{reason: "below MinInt64", op: "sub", a: "-9223372036854775808", b: "1", want: "-9223372036854775809", exp: 0, ok: true},
		{reason: "negative overflow", op: "sub", a: "-" + max128, b: "1", ok: false},
		{reason: "2^128-1 minus itself", op: "sub", a: max128, b: max128, want: "0", exp: 0, ok: true},
		// Mul
		{reason: "exponents add", op: "mul", a: "1.5", b: "1.5", want: "2.25", exp: -2, ok: true},
		{reason: "zero keeps the exponent sum", op: "mul", a: "0.00", b: "5.5", want: "0", exp: -3, ok: true},
		{reason: "negative times zero has no sign", op: "mul", a: "-5", b: "0", want: "0", exp: 0, ok: true},
		{reason: "(2^64-1)^2 fits", op: "mul", a: max64, b: "-" + max64, want: "-340282366920938463426481119284349108225", exp: 0, ok: true},
		{reason: "2^64 squared is 2^128", op: "mul", a: "18446744073709551616", b: "18446744073709551616", ok: false},
		{reason: "2^127 × 2", op: "mul", a: "170141183460469231731687303715884105728", b: "2", ok: false},
		{reason: "exponent leaves int32 (decimal panics)", op: "mul", a: "1@2147483647", b: "1e1", ok: false},
		// DivRound
		{reason: "2/3 to 20 places", op: "div", a: "2", b: "3", arg: 20, want: "0.66666666666666666667", exp: -20, ok: true},
		{reason: "negative quotient rounds away from zero", op: "div", a: "-2", b: "3", arg: 20, want: "-0.66666666666666666667", exp: -20, ok: true},
		{reason: "tie rounds up", op: "div", a: "1", b: "8", arg: 2, want: "0.13", exp: -2, ok: true},
		{reason: "negative tie rounds down", op: "div", a: "1", b: "-8", arg: 2, want: "-0.13", exp: -2, ok: true},
		{reason: "just below a tie", op: "div", a: "1249999", b: "10000000", arg: 1, want: "0.1", exp: -1, ok: true},
		{reason: "exact quotient keeps prec places", op: "div", a: "10", b: "4", arg: 2, want: "2.5", exp: -2, ok: true},
		{reason: "negative precision", op: "div", a: "12351", b: "1", arg: -2, want: "12400", exp: 2, ok: true},
		{reason: "zero dividend", op: "div", a: "0", b: "7", arg: 3, want: "0", exp: -3, ok: true},
		{reason: "numerator 1234567890.12×10^38 needs 256 bits", op: "div", a: "1234567890.12", b: "0.66666666666666666667", arg: 20,
			want: "1851851835.17999999999074074082", exp: -20, ok: true},
		{reason: "divide by a 20-place quotient, negative", op: "div", a: "-99999999.9999", b: "0.33333333333333333333", arg: 20,
			want: "-299999999.999700000003", exp: -20, ok: true},
		{reason: "40-digit quotient overflows", op: "div", a: "12345678901234567890", b: "0.66666666666666666667", arg: 20, ok: false},
		{reason: "quotient needs 129 bits", op: "div", a: max128, b: "0.5", arg: 0, ok: false},
		{reason: "rounding carries the quotient to 2^128", op: "div", a: "340282366920938463463374607431768211449",
			b: "99999999999999999999999999999999999998", arg: 38, ok: false},
		{reason: "divisor beyond 128 bits, 2|a| >= it: rounds to 1", op: "div", a: max128, b: "4e38", arg: 0, want: "1", exp: 0, ok: true},
		{reason: "divisor beyond 128 bits, negative: rounds to -1", op: "div", a: "-" + max128, b: "4e38", arg: 0, want: "-1", exp: 0, ok: true},
		{reason: "divisor beyond 128 bits: rounds to 0", op: "div", a: max128, b: "7e38", arg: 0, want: "0", exp: 0, ok: true},
		{reason: "divisor beyond 256 bits", op: "div", a: max128, b: "1e80", arg: 0, want: "0", exp: 0, ok: true},
		{reason: "numerator beyond 256 bits", op: "div", a: "1", b: "1", arg: 80, ok: false},
		{reason: "scale exponent leaves int32 (decimal panics)", op: "div", a: "1@2147483647", b: "1e-1", arg: 0, ok: false},
		{reason: "precision MinInt32 (decimal panics)", op: "div", a: "1", b: "1", arg: math.MinInt32, ok: false},
		{reason: "division by zero (decimal panics)", op: "div", a: "1", b: "0", arg: 2, ok: false},
		// Round
		{reason: "tie rounds up", op: "round", a: "2.345", arg: 2, want: "2.35", exp: -2, ok: true},
		{reason: "negative tie rounds away from zero", op: "round", a: "-2.345", arg: 2, want: "-2.35", exp: -2, ok: true},
		{reason: "below the tie", op: "round", a: "2.3449999", arg: 2, want: "2.34", exp: -2, ok: true},
		{reason: "more places than the scale pads zeros", op: "round", a: "5", arg: 2, want: "5", exp: -2, ok: true},
		{reason: "negative places", op: "round", a: "1250", arg: -2, want: "1300", exp: 2, ok: true},
		{reason: "negative places, negative tie", op: "round", a: "-1250", arg: -2, want: "-1300", exp: 2, ok: true},
		{reason: "rounding to zero drops the sign", op: "round", a: "-0.004", arg: 2, want: "0", exp: -2, ok: true},
		{reason: "same exponent is returned as is", op: "round", a: "1.23", arg: 2, want: "1.23", exp: -2, ok: true},
		{reason: "tie just under 2^64 units", op: "round", a: "1844674407370955161.5", arg: 0, want: "1844674407370955162", exp: 0, ok: true},
		{reason: "20-digit tie", op: "round", a: "-12345678901234567890.5", arg: 0, want: "-12345678901234567891", exp: 0, ok: true},
		{reason: "39-digit value rounded at 10^38", op: "round", a: max128, arg: -38, want: "300000000000000000000000000000000000000", exp: 38, ok: true},
		{reason: "beyond 38 digits rounds to zero", op: "round", a: max128, arg: -39, want: "0", exp: 39, ok: true},
		{reason: "padding 2^128-1 overflows", op: "round", a: max128, arg: 1, ok: false},
		{reason: "padding to 10^38 still fits", op: "round", a: "1", arg: 38, want: "1", exp: -38, ok: true},
		{reason: "places MinInt32: exponent 2^31", op: "round", a: "1", arg: math.MinInt32, ok: false, noRef: true},
		// RoundFloor / RoundCeil
		{reason: "ceil drops digits upward", op: "rceil", a: "1.1001", arg: 2, want: "1.11", exp: -2, ok: true},
		{reason: "ceil of a negative truncates", op: "rceil", a: "-1.454", arg: 1, want: "-1.4", exp: -1, ok: true},
		{reason: "ceil to hundreds", op: "rceil", a: "545", arg: -2, want: "600", exp: 2, ok: true},
		{reason: "ceil of an exact hundred", op: "rceil", a: "500", arg: -2, want: "500", exp: 2, ok: true},
		{reason: "ceil of a tiny positive far left", op: "rceil", a: "0.001", arg: -50, want: "1" + strings.Repeat("0", 50), exp: 50, ok: true},
		{reason: "ceil of a small negative to zero", op: "rceil", a: "-0.001", arg: 0, want: "0", exp: 0, ok: true},
		{reason: "floor of a negative", op: "rfloor", a: "-1.454", arg: 1, want: "-1.5", exp: -1, ok: true},
		{reason: "floor of a positive", op: "rfloor", a: "1.1001", arg: 2, want: "1.1", exp: -2, ok: true},
		{reason: "floor of a tiny negative far left", op: "rfloor", a: "-0.001", arg: -50, want: "-1" + strings.Repeat("0", 50), exp: 50, ok: true},
		{reason: "floor pads zeros", op: "rfloor", a: "-7", arg: 3, want: "-7", exp: -3, ok: true},
		{reason: "floor padding overflows", op: "rfloor", a: max128, arg: 1, ok: false},
		// Floor / Ceil
		{reason: "floor of a negative", op: "floor", a: "-1.5", want: "-2", exp: 0, ok: true},
		{reason: "ceil of a negative", op: "ceil", a: "-1.5", want: "-1", exp: 0, ok: true},
		{reason: "floor keeps a positive exponent", op: "floor", a: "5e3", want: "5000", exp: 3, ok: true},
		{reason: "ceil keeps a positive exponent", op: "ceil", a: "-5e3", want: "-5000", exp: 3, ok: true},
		{reason: "ceil of a tiny positive", op: "ceil", a: "0.0001", want: "1", exp: 0, ok: true},
		{reason: "floor of a tiny negative", op: "floor", a: "-0.0001", want: "-1", exp: 0, ok: true},
		{reason: "floor of an exact value", op: "floor", a: "-3.000", want: "-3", exp: 0, ok: true},
		{reason: "floor of a 39-digit fraction", op: "floor", a: "-3402823669209384634.63374607431768211455", want: "-3402823669209384635", exp: 0, ok: true},
		// Mod
		{reason: "positive", op: "mod", a: "7", b: "3", want: "1", exp: 0, ok: true},
		{reason: "sign follows the dividend", op: "mod", a: "-7", b: "3", want: "-1", exp: 0, ok: true},
		{reason: "negative divisor", op: "mod", a: "7", b: "-3", want: "1", exp: 0, ok: true},
		{reason: "fractional dividend keeps its exponent", op: "mod", a: "7.5", b: "2", want: "1.5", exp: -1, ok: true},
		{reason: "fractional divisor gives its exponent", op: "mod", a: "7", b: "0.3", want: "0.1", exp: -1, ok: true},
		{reason: "exact division leaves a signless zero", op: "mod", a: "-6", b: "0.3", want: "0", exp: -1, ok: true},
		{reason: "exponent gap of 100 (modular power)", op: "mod", a: "7e100", b: "3", want: "1", exp: 0, ok: true},
		{reason: "exponent gap of 100, 128-bit divisor", op: "mod", a: "-7e100", b: max128, want: "-77965172087567306188488802628509967185", exp: 0, ok: true},
		{reason: "divisor far larger than the dividend", op: "mod", a: "-5", b: "1e60", want: "-5", exp: 0, ok: true},
		{reason: "exponent gap leaves int32 (decimal panics)", op: "mod", a: "1@2147483647", b: "1@-2147483648", ok: false},
		{reason: "zero divisor (decimal panics)", op: "mod", a: "1", b: "0", ok: false},
	}
	for _, row := range rows {
		t.Run(row.op+"/"+row.reason, func(t *testing.T) {
			a := parse(t, row.a)
			b := Num{}
			if row.b != "" {
				b = parse(t, row.b)
			}
			got, ok, ref := row.run(a, b)
			require.Equal(t, row.ok, ok)
			if ok {
				assert.Equal(t, row.want, got.String())
				assert.Equal(t, row.exp, got.Exp())
			}
			if !row.noRef {
				assert.Empty(t, verify(row.op, got, ok, ref))
			}
		})
	}
}

func TestCmp(t *testing.T) {
	rows := []struct {
		reason string
		a, b   string
		want   int
	}{
		{"equal values, different exponents", "1.0", "1", 0},
		{"zero against negative zero scale", "0", "-0.00", 0},
		{"signs decide", "-1", "0.5", -1},
		{"two negatives", "-1.5", "-1.25", -1},
		{"39 digits against 10^39", max128, "1e39", -1},
		{"scaling would overflow", "4e38", max128, 1},
		{"huge exponent gap", "1@-2147483648", "1@2147483647", -1},
		{"huge gap, negatives", "-1@-2147483648", "-1@2147483647", 1},
		{"near 2^64", max64, "18446744073709551.616e3", -1},
	}
	for _, row := range rows {
		t.Run(row.reason, func(t *testing.T) {
			a, b := parse(t, row.a), parse(t, row.b)
			assert.Equal(t, row.want, Cmp(a, b))
			assert.Equal(t, -row.want, Cmp(b, a))
		})
	}
}

func TestString(t *testing.T) {
	rows := []struct {
		reason string
		n      Num
		want   string
	}{
		{"zero value", Num{}, "0"},
		{"zero with a positive exponent", New(0, 5), "0"},
		{"zero with a negative exponent", New(0, -3), "0"},
		{"trailing zeros trimmed", New(1500, -3), "1.5"},
		{"leading fractional zeros", New(-1, -3), "-0.001"},
		{"positive exponent appends zeros", New(12, 3), "12000"},
		{"MinInt64", New(math.MinInt64, -2), "-92233720368547758.08"},
		{"2^128-1 fraction", mk(maxU128, -40, false), "0.0340282366920938463463374607431768211455"},
		{"2^128-1 negative", mk(maxU128, 0, true), "-" + max128},
		{"2^64 boundary", mk(u128{hi: 1}, -1, false), "1844674407370955161.6"},
	}
	for _, row := range rows {
		t.Run(row.reason, func(t *testing.T) {
			assert.Equal(t, row.want, row.n.String())
			assert.Equal(t, row.n.Decimal().String(), row.n.String())
			assert.Equal(t, "x="+row.want, string(row.n.AppendString([]byte("x="))))
		})
	}
}

func TestStringFixed(t *testing.T) {
	rows := []struct {
		reason string
		n      string
		places int32
		want   string
	}{
		{"pads an integer", "5", 2, "5.00"},
		{"zero", "0", 2, "0.00"},
		{"zero, no places", "0", 0, "0"},
		{"tie away from zero", "5.45", 1, "5.5"},
		{"negative tie away from zero", "-5.45", 1, "-5.5"},
		{"negative places", "545", -1, "550"},
		{"rounds to an unsigned zero", "-0.004", 2, "0.00"},
		{"padding beyond 128 bits falls back to decimal", max128, 5, max128 + ".00000"},
		{"keeps trailing zeros", "1.5000", 4, "1.5000"},
	}
	for _, row := range rows {
		t.Run(row.reason, func(t *testing.T) {
			n := parse(t, row.n)
			assert.Equal(t, row.want, n.StringFixed(row.places))
			assert.Equal(t, n.Decimal().StringFixed(row.places), n.StringFixed(row.places))
		})
	}
}

// TestStringOptions mirrors decimal's package-level formatting switches.
// Not parallel: it flips shopspring's globals.
func TestStringOptions(t *testing.T) {
	defer func(trim, sci bool) { decimal.TrimTrailingZeros, decimal.UseScientificNotation = trim, sci }(
		decimal.TrimTrailingZeros, decimal.UseScientificNotation)
	ns := []Num{New(1500, -3), New(0, -3), New(0, 3), New(12, 3), New(-7, 4), New(5, 0), New(-120, -1),
		mk(maxU128, 2, true), New(3, -5)}
	for _, trim := range []bool{true, false} {
		for _, sci := range []bool{true, false} {
			decimal.TrimTrailingZeros, decimal.UseScientificNotation = trim, sci
			for _, n := range ns {
				assert.Equal(t, n.Decimal().String(), n.String(), "trim=%v sci=%v %+v", trim, sci, n)
			}
		}
	}
	decimal.TrimTrailingZeros, decimal.UseScientificNotation = false, true
	assert.Equal(t, "1.500", New(1500, -3).String())
	assert.Equal(t, "-1.20E4", New(-120, 2).String())
	assert.Equal(t, "5E3", New(5, 3).String())
}

func TestConversions(t *testing.T) {
	for _, s := range []string{"0", "-1", "9223372036854775807", "-9223372036854775808", "999999999999999999",
		"-1000000000000000000", max64, "-" + max64, max128, "-" + max128, "1.000", "-0.00000000000000000001"} {
		d := decimal.RequireFromString(s)
		n, ok := FromDecimal(d)
		require.True(t, ok, s)
		assert.Equal(t, d.String(), n.String(), s)
		assert.Equal(t, d.Exponent(), n.Exp(), s)
		assert.Equal(t, 0, d.Coefficient().Cmp(n.Decimal().Coefficient()), s)
		assert.Equal(t, d.NumDigits(), n.Digits(), s)
	}
	_, ok := FromDecimal(decimal.RequireFromString("340282366920938463463374607431768211456"))
	assert.False(t, ok, "2^128 does not fit")
	_, ok = FromDecimal(decimal.RequireFromString("-340282366920938463463374607431768211456.5"))
	assert.False(t, ok, "-2^128 does not fit either")

	assert.Equal(t, "-9223372036854775808", FromInt64(math.MinInt64).String())
	assert.Equal(t, Num{}, New(0, 0))
	assert.Equal(t, 0, New(0, 7).Neg().Sign(), "zero never carries a sign")
	assert.Equal(t, int32(7), New(0, 7).Neg().Exp())
	assert.True(t, New(0, -9).IsZero())
}

// TestDigits checks the digit count across every power of two and ten.
func TestDigits(t *testing.T) {
	check := func(m u128) {
		want := len(mk(m, 0, false).Decimal().Coefficient().String())
		require.Equal(t, want, m.digits(), "%+v", m)
	}
	check(u128{})
	for k := 0; k <= maxPow; k++ {
		check(pow10[k])
		check(inc128(pow10[k]))
		if k > 0 {
			check(sub128(pow10[k], u128{lo: 1}))
		}
	}
	for i := 0; i < 128; i++ {
		p := u128{lo: 1 << i}
		if i >= 64 {
			p = u128{hi: 1 << (i - 64)}
		}
		check(p)
		check(inc128(p))
		check(sub128(p, u128{lo: 1}))
	}
	check(maxU128)
}
