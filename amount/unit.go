package amount

import (
	"strconv"
	"strings"
)

// Unit is the unit an amount is written in. The zero value is Yuan.
// Only Yuan, Wan and Yi are valid; see Valid.
type Unit int

// The units amounts are written in.
const (
	Yuan Unit = iota // 元
	Wan              // 万元, 10^4 元
	Yi               // 亿元, 10^8 元
)

// String gives 元, 万元 or 亿元, and Unit(n) for an invalid unit.
func (u Unit) String() string {
	switch u {
	case Yuan:
		return "元"
	case Wan:
		return "万元"
	case Yi:
		return "亿元"
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

// Valid reports whether u is Yuan, Wan or Yi.
func (u Unit) Valid() bool { return u == Yuan || u == Wan || u == Yi }

// exponent is the power of ten of one u in 元.
func (u Unit) exponent() int32 {
	switch u {
	case Wan:
		return 4
	case Yi:
		return 8
	}
	return 0
}

// mustValid panics on an invalid unit: a Unit made by conversion from a wrong int is a programming error,
// while text goes through ParseUnit, which returns an error.
func (u Unit) mustValid() {
	if !u.Valid() {
		panic("amount: invalid " + u.String() + "; use Yuan, Wan or Yi, or ParseUnit")
	}
}

// finer returns the smaller of two units, the one both amounts convert to exactly.
func finer(a, b Unit) Unit {
	if a.exponent() <= b.exponent() {
		return a
	}
	return b
}

// ParseUnit reads 元, 万元 or 亿元; 万 and 亿 alone are accepted too. Surrounding blanks are ignored.
func ParseUnit(s string) (Unit, error) {
	text := strings.TrimFunc(s, isBlank)
	if u, ok := unitOf(text); ok {
		return u, nil
	}
	code, msg := CodeUnknownUnit, "可用的单位为 元、万元、亿元"
	if text == "" {
		code, msg = CodeEmpty, "内容为空，可用的单位为 元、万元、亿元"
	}
	offset := leadingBlanks(s)
	return Yuan, &ParseError{Input: s, Offset: offset, Code: code, Msg: msg, subject: subjectUnit}
}

// unitOf maps exact unit text to a Unit.
func unitOf(text string) (Unit, bool) {
	switch text {
	case "元":
		return Yuan, true
	case "万", "万元":
		return Wan, true
	case "亿", "亿元":
		return Yi, true
	}
	return Yuan, false
}
