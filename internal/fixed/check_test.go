package fixed

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Shared by the table, randomized and fuzz tests: run every operation on
// (a, b) both ways and describe the first disagreement with shopspring.

// refCall runs a shopspring operation, turning its panics (exponent
// overflow) into panicked=true.
func refCall(f func() decimal.Decimal) (d decimal.Decimal, panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	return f(), false
}

// verify compares a fast result with shopspring's. ok=true must mean the
// same coefficient, exponent and String; ok=false must mean shopspring
// panicked or its coefficient needs more than 128 bits.
func verify(op string, got Num, ok bool, f func() decimal.Decimal) string {
	want, panicked := refCall(f)
	if panicked {
		if ok {
			return fmt.Sprintf("%s: fast gave %s (exp %d) but decimal panicked", op, got, got.exp)
		}
		return ""
	}
	wn, fits := FromDecimal(want)
	if !ok {
		if fits {
			return fmt.Sprintf("%s: fast reported overflow but decimal's %s (coef %s exp %d) fits 128 bits",
				op, want, want.Coefficient(), want.Exponent())
		}
		return ""
	}
	if !fits || got != wn || got.Exp() != want.Exponent() {
		return fmt.Sprintf("%s: coefficient/exponent: fast %s exp %d (%+v), decimal %s exp %d",
			op, got.Decimal().Coefficient(), got.Exp(), got, want.Coefficient(), want.Exponent())
	}
	if gs, ws := got.String(), want.String(); gs != ws {
		return fmt.Sprintf("%s: String: fast %q, decimal %q", op, gs, ws)
	}
	return ""
}

// checkPair exercises every operation on a and b (places and prec feed the
// rounding operations) and returns the first mismatch, or "".
func checkPair(a, b Num, places, prec int32) string {
	da, db := a.Decimal(), b.Decimal()
	ctx := fmt.Sprintf(" [a=%s(exp %d) b=%s(exp %d) places=%d prec=%d]", da, a.exp, db, b.exp, places, prec)
	fail := func(s string) string { return s + ctx }

	for _, x := range [...]struct {
		n Num
		d decimal.Decimal
	}{{a, da}, {b, db}} {
		if s := verify("String", x.n, true, func() decimal.Decimal { return x.d }); s != "" {
			return fail(s)
		}
		if back, ok := FromDecimal(x.d); !ok || back != x.n {
			return fail(fmt.Sprintf("FromDecimal(Decimal()) = %+v, %v; want %+v", back, ok, x.n))
		}
		if g, w := x.n.Digits(), x.d.NumDigits(); g != w {
			return fail(fmt.Sprintf("Digits = %d, NumDigits = %d", g, w))
		}
		if g, w := x.n.Sign(), x.d.Sign(); g != w || x.n.IsZero() != x.d.IsZero() {
			return fail(fmt.Sprintf("Sign = %d, decimal %d", g, w))
		}
	}
	if g, w := Cmp(a, b), da.Cmp(db); g != w {
		return fail(fmt.Sprintf("Cmp = %d, decimal %d", g, w))
	}
	if g, w := Cmp(b, a), db.Cmp(da); g != w {
		return fail(fmt.Sprintf("Cmp(b,a) = %d, decimal %d", g, w))
	}
	if s := verify("Neg", a.Neg(), true, da.Neg); s != "" {
		return fail(s)
	}
	if s := verify("Abs", a.Abs(), true, da.Abs); s != "" {
		return fail(s)
	}

	r, ok := Add(a, b)
	if s := verify("Add", r, ok, func() decimal.Decimal { return da.Add(db) }); s != "" {
		return fail(s)
	}
	r, ok = Sub(a, b)
	if s := verify("Sub", r, ok, func() decimal.Decimal { return da.Sub(db) }); s != "" {
		return fail(s)
	}
	r, ok = Mul(a, b)
	if s := verify("Mul", r, ok, func() decimal.Decimal { return da.Mul(db) }); s != "" {
		return fail(s)
	}
	if !b.IsZero() {
		r, ok = DivRound(a, b, prec)
		if s := verify("DivRound", r, ok, func() decimal.Decimal { return da.DivRound(db, prec) }); s != "" {
			return fail(s)
		}
		r, ok = Mod(a, b)
		if s := verify("Mod", r, ok, func() decimal.Decimal { return da.Mod(db) }); s != "" {
			return fail(s)
		}
	}
	r, ok = Round(a, places)
	if s := verify("Round", r, ok, func() decimal.Decimal { return da.Round(places) }); s != "" {
		return fail(s)
	}
	r, ok = RoundFloor(a, places)
	if s := verify("RoundFloor", r, ok, func() decimal.Decimal { return da.RoundFloor(places) }); s != "" {
		return fail(s)
	}
	r, ok = RoundCeil(a, places)
	if s := verify("RoundCeil", r, ok, func() decimal.Decimal { return da.RoundCeil(places) }); s != "" {
		return fail(s)
	}
	r, ok = Floor(a)
	if s := verify("Floor", r, ok, da.Floor); s != "" {
		return fail(s)
	}
	r, ok = Ceil(a)
	if s := verify("Ceil", r, ok, da.Ceil); s != "" {
		return fail(s)
	}
	if g, w := a.StringFixed(places), da.StringFixed(places); g != w {
		return fail(fmt.Sprintf("StringFixed: fast %q, decimal %q", g, w))
	}
	return ""
}
