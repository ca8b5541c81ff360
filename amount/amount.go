package amount

import "github.com/shopspring/decimal"

// Amount is an exact sum of money in a unit: 928.56万元. It is an immutable value; the zero value is 0元.
// Methods never round: converting, adding and comparing are exact whatever the units.
// Compare amounts with Cmp, not ==, which compares the decimal's internals and ignores units.
type Amount struct {
	value decimal.Decimal
	unit  Unit
}

// New returns v in unit u. It panics if u is not Yuan, Wan or Yi (see Unit.Valid).
func New(v decimal.Decimal, u Unit) Amount {
	u.mustValid()
	return Amount{value: v, unit: u}
}

// Value is the number as written in Unit: 928.56 for 928.56万元.
func (a Amount) Value() decimal.Decimal { return a.value }

// Unit is the unit Value is counted in.
func (a Amount) Unit() Unit { return a.unit }

// In converts exactly by moving the decimal point: 1亿元 = 10000万元 = 100000000元.
// The digits are kept, so 13.304271亿元 becomes 133042.71万元. It panics if u is not valid.
func (a Amount) In(u Unit) Amount {
	u.mustValid()
	if u == a.unit {
		return a
	}
	return Amount{value: a.value.Shift(a.unit.exponent() - u.exponent()), unit: u}
}

// Add returns a + b in the finer of the two units (万元 + 元 gives 元), exactly. Like shopspring's Add,
// the result keeps the more decimal places of the two; to total 亿元 figures start from
// New(decimal.Zero, Yi) rather than the zero Amount, whose unit is 元.
func (a Amount) Add(b Amount) Amount {
	u := finer(a.unit, b.unit)
	return Amount{value: a.In(u).value.Add(b.In(u).value), unit: u}
}

// Sub returns a - b in the finer of the two units, exactly.
func (a Amount) Sub(b Amount) Amount {
	u := finer(a.unit, b.unit)
	return Amount{value: a.In(u).value.Sub(b.In(u).value), unit: u}
}

// Cmp compares the sums of money, whatever their units: -1 if a < b, 0 if equal, +1 if a > b.
// 1万元 and 10000元 compare equal.
func (a Amount) Cmp(b Amount) int {
	u := finer(a.unit, b.unit)
	return a.In(u).value.Cmp(b.In(u).value)
}

// String gives the exact value with the digits it has and its unit, never rounded and never with an
// exponent: "928.56万元", "100.00元", "133042.71万元".
func (a Amount) String() string {
	return exactString(a.value) + a.unit.String()
}

// Format converts to u, rounds half-up (四舍五入) to places and groups thousands: "10,113.65万元".
// It panics if u is not valid or places is outside ±MaxPlaces.
func (a Amount) Format(places int32, u Unit) string {
	return FormatGrouped(a.In(u).value, places) + u.String()
}
