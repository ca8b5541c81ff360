package rules

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

// Value is one result or input: a number, text, a truth value, a date or a list of numbers.
// Numbers are exact; a number that came from the fast path stays in its 128-bit form until
// it is read, so producing a Value allocates nothing. The zero Value has type TypeInvalid.
type Value struct {
	typ  Type
	num  fixed.Num       // a number that fits 128 bits
	dec  decimal.Decimal // a number that did not (big is true)
	big  bool
	str  string
	b    bool
	days int32 // a date, as days since 1970-01-01
	list []decimal.Decimal
}

// NumberOf makes a number Value.
func NumberOf(d decimal.Decimal) Value {
	if n, ok := fixed.FromDecimal(d); ok {
		return Value{typ: TypeDecimal, num: n}
	}
	return Value{typ: TypeDecimal, dec: d, big: true}
}

// TextOf makes a text Value.
func TextOf(s string) Value { return Value{typ: TypeString, str: s} }

// BoolOf makes a truth Value.
func BoolOf(b bool) Value { return Value{typ: TypeBool, b: b} }

// DateOf makes a date Value from the calendar day of t (its time and zone are ignored). A day
// outside years 1 to 9999 makes a date Value every Program refuses as an input (ErrInputValue).
func DateOf(t time.Time) Value {
	y, m, d := t.Date()
	return Value{typ: TypeDate, days: civilDays(y, m, d)}
}

// ListOf makes a list Value from a copy of ds: a Value never changes.
func ListOf(ds []decimal.Decimal) Value { return listValue(append([]decimal.Decimal(nil), ds...)) }

// listValue makes a list Value that shares ds, for lists the engine owns and never changes.
func listValue(ds []decimal.Decimal) Value { return Value{typ: TypeList, list: ds} }

func fastValue(n fixed.Num) Value { return Value{typ: TypeDecimal, num: n} }
func dateValue(days int32) Value  { return Value{typ: TypeDate, days: days} }

// Type is the Value's type: TypeDecimal, TypeString, TypeBool, TypeDate or TypeList
// (TypeInvalid for the zero Value). A number is always TypeDecimal, even from a TypeInt input.
func (v Value) Type() Type { return v.typ }

// IsValid reports whether v holds a value.
func (v Value) IsValid() bool { return v.typ != TypeInvalid }

// Decimal returns a number as a decimal.Decimal (zero for other types).
func (v Value) Decimal() decimal.Decimal {
	if v.big {
		return v.dec
	}
	return v.num.Decimal()
}

// Text returns text (empty for other types).
func (v Value) Text() string { return v.str }

// Bool returns a truth value (false for other types).
func (v Value) Bool() bool { return v.b }

// Time returns a date as midnight UTC (1970-01-01 for other types).
func (v Value) Time() time.Time { return daysToDate(v.days) }

// List returns a copy of a list of numbers (nil for other types): a Value never changes.
func (v Value) List() []decimal.Decimal { return append([]decimal.Decimal(nil), v.list...) }

// String formats the value as jixiao prints it: numbers in plain notation (never an exponent)
// with the scale the rule gave them (round(1, 2) is 1.00, 0.70 stays 0.70), true/false, dates as 2006-01-02, lists as [1, 2].
func (v Value) String() string { return string(v.AppendText(nil)) }

// AppendText appends the printed form of v to dst.
func (v Value) AppendText(dst []byte) []byte {
	switch v.typ {
	case TypeDecimal, TypeInt:
		if v.big {
			return append(dst, plainString(v.dec)...)
		}
		return v.num.AppendScaled(dst)
	case TypeString:
		return append(dst, v.str...)
	case TypeBool:
		return strconv.AppendBool(dst, v.b)
	case TypeDate:
		return v.Time().AppendFormat(dst, "2006-01-02")
	case TypeList:
		dst = append(dst, '[')
		for i, d := range v.list {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = append(dst, plainString(d)...)
		}
		return append(dst, ']')
	}
	return dst
}

// plainString prints a decimal without an exponent and with its scale: round(1, 2) is 1.00
// and 0.70 stays 0.70, so a report shows what the rule computed. Quotients carry only the
// places they need (see trimZeros), so 1/4 is 0.25.
func plainString(d decimal.Decimal) string {
	return d.StringFixed(max(0, -d.Exponent()))
}

// MarshalJSON writes numbers and dates as strings (exact, never a JSON float), text as a
// string, booleans as true/false and lists as arrays of strings.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.typ {
	case TypeBool:
		return strconv.AppendBool(nil, v.b), nil
	case TypeList:
		ss := make([]string, len(v.list))
		for i, d := range v.list {
			ss[i] = plainString(d)
		}
		return json.Marshal(ss)
	case TypeInvalid:
		return []byte("null"), nil
	}
	return jsonString(v.String())
}

// jsonString encodes s as a JSON string without escaping <, > and &: the output is read by
// people as well as programs.
func jsonString(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Cmp compares two numbers (-1, 0, 1) without converting them, so sorting allocates nothing;
// values of other types compare as equal.
func (v Value) Cmp(w Value) int {
	if v.typ.kind() != TypeDecimal || w.typ.kind() != TypeDecimal {
		return 0
	}
	if !v.big && !w.big {
		return fixed.Cmp(v.num, w.num)
	}
	return v.Decimal().Cmp(w.Decimal())
}

// Equal reports whether two values are the same: numbers compare by value (1.0 equals 1).
func (v Value) Equal(w Value) bool {
	if v.typ.kind() != w.typ.kind() {
		return false
	}
	switch v.typ.kind() {
	case TypeDecimal:
		if !v.big && !w.big {
			return fixed.Cmp(v.num, w.num) == 0
		}
		return v.Decimal().Equal(w.Decimal())
	case TypeString:
		return v.str == w.str
	case TypeBool:
		return v.b == w.b
	case TypeDate:
		return v.days == w.days
	case TypeList:
		if len(v.list) != len(w.list) {
			return false
		}
		for i := range v.list {
			if !v.list[i].Equal(w.list[i]) {
				return false
			}
		}
		return true
	}
	return true
}

// A date is a day of years 1 to 9999, held as days since 1970-01-01. A day outside them
// (time.Time reaches far further) is held as badDay, which every entrance of a Program
// refuses: an int32 of days would otherwise wrap around silently.
const (
	minDay int32 = -719162       // 0001-01-01
	maxDay int32 = 2932896       // 9999-12-31
	badDay int32 = math.MinInt32 // outside minDay..maxDay
)

// dateRange is how messages state the range.
const dateRange = "0001-01-01 到 9999-12-31"

func validDay(d int32) bool { return d >= minDay && d <= maxDay }

// dayOf is validDay for a count of days that may be far outside int32.
func dayOf(days int64) int32 {
	if days < int64(minDay) || days > int64(maxDay) {
		return badDay
	}
	return int32(days) //nolint:gosec // G115: checked against minDay..maxDay just above
}

func civilDays(y int, m time.Month, d int) int32 {
	return dayOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
