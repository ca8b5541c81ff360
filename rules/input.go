package rules

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/internal/fixed"
)

// inputErr positions an input problem at the input's first use in the rule text. An input
// the rules never read has no such place, and its problem no position.
func (p *Program) inputErr(s *symbol, code Code, msg string) *Error {
	if first := p.missing[s]; first != nil {
		e := *first
		e.Code, e.Msg = code, msg
		return &e
	}
	return &Error{Code: code, Msg: msg}
}

// loadMap writes named inputs into the frame. Every input the program reads must be present;
// all missing ones are reported together, each at its first use.
func (p *Program) loadMap(f *frame, vars map[string]any) error {
	var errs ErrorList
	for _, s := range p.inputs {
		v, ok := vars[s.name]
		if !ok {
			if first := p.missing[s]; first != nil {
				e := *first
				errs = append(errs, &e)
			}
			continue
		}
		if err := p.setAny(f, s, v); err != nil {
			errs = append(errs, err)
		}
	}
	return errs.Err()
}

// setAny converts one Go value to the input's declared type.
func (p *Program) setAny(f *frame, s *symbol, v any) *Error {
	if val, ok := v.(Value); ok {
		return p.setValue(f, s, val)
	}
	switch s.typ {
	case TypeDecimal, TypeInt:
		d, err := toDecimal(v)
		if err != "" {
			return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s %s", s.name, err))
		}
		return p.setNum(f, s, d)
	case TypeString:
		if t, ok := v.(string); ok {
			f.strs[s.slot] = t
			return nil
		}
	case TypeBool:
		switch t := v.(type) {
		case bool:
			f.bools[s.slot] = t
			return nil
		case string:
			if b, ok := parseBool(t); ok {
				f.bools[s.slot] = b
				return nil
			}
		}
	case TypeDate:
		switch t := v.(type) {
		case time.Time:
			return p.setDate(f, s, DateOf(t).days)
		case string:
			if d, ok := parseDate(t); ok {
				f.dates[s.slot] = d
				return nil
			}
			if _, err := time.Parse("2006-01-02", strings.TrimSpace(t)); err == nil {
				return p.setDate(f, s, badDay) // year 0000
			}
		}
	case TypeList:
		if ds, ok := v.([]decimal.Decimal); ok {
			return p.setList(f, s, ds)
		}
	}
	return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 应为%s，收到 %s", s.name, s.typ, describeGo(v)))
}

func (p *Program) setValue(f *frame, s *symbol, v Value) *Error {
	if v.typ.kind() != s.typ.kind() {
		return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 应为%s，收到%s %s", s.name, s.typ, v.typ, v.String()))
	}
	switch s.typ.kind() {
	case TypeDecimal:
		return p.setNum(f, s, v.Decimal())
	case TypeString:
		f.strs[s.slot] = v.str
	case TypeBool:
		f.bools[s.slot] = v.b
	case TypeDate:
		return p.setDate(f, s, v.days)
	case TypeList:
		return p.setList(f, s, v.list)
	}
	return nil
}

// setDate stores a date within years 1 to 9999 and refuses any other.
func (p *Program) setDate(f *frame, s *symbol, days int32) *Error {
	if !validDay(days) {
		return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 的日期超出 %s 的范围", s.name, dateRange))
	}
	f.dates[s.slot] = days
	return nil
}

// setNum stores a number in both representations; a number beyond 128 bits sends the
// record to the decimal.Decimal path.
func (p *Program) setNum(f *frame, s *symbol, d decimal.Decimal) *Error {
	n, fits := fixed.FromDecimal(d)
	if fits && p.fitsLimits(n) && s.typ != TypeInt {
		f.fast[s.slot], f.slow[s.slot], f.lazy[s.slot] = n, d, false // the common case, checked on 128 bits
		return nil
	}
	if msg := p.checkNum(d); msg != "" {
		return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 的值 %s%s", s.name, shortText(d), msg))
	}
	if s.typ == TypeInt && !d.IsInteger() {
		return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 应为整数，收到 %s", s.name, d.String()))
	}
	if !fits {
		f.overflow = true
	}
	f.fast[s.slot], f.slow[s.slot], f.lazy[s.slot] = n, d, false
	return nil
}

// fitsLimits applies checkNum's limits to a number that fits 128 bits, without touching
// its decimal.Decimal (whose digit count is costly).
func (p *Program) fitsLimits(n fixed.Num) bool { return p.lim.fits(n) }

// fits is numLimit's test for a number that fits 128 bits, allocating nothing.
func (l limits) fits(n fixed.Num) bool {
	e := int64(n.Exp())
	return e >= -int64(l.maxScale) && e <= int64(l.maxDigits)+int64(l.maxScale) &&
		(l.maxDigits >= 39 || n.Digits() <= l.maxDigits)
}

// setInt stores a whole number without making a decimal.Decimal (which would allocate);
// the slow path converts it only if it runs.
func (p *Program) setInt(f *frame, s *symbol, v int64) *Error {
	if p.lim.maxDigits < 19 {
		return p.setNum(f, s, decimal.NewFromInt(v))
	}
	f.fast[s.slot], f.lazy[s.slot] = fixed.FromInt64(v), true
	return nil
}

// checkNum applies the digit and exponent limits to a value coming in.
func (p *Program) checkNum(d decimal.Decimal) string { return p.lim.numLimit(d) }

// numLimit applies the digit and exponent limits to a number from outside the rule text:
// its message (after the number's name), or "" when it is within them.
func (l limits) numLimit(d decimal.Decimal) string {
	e := int64(d.Exponent())
	lim := int64(l.maxDigits) + int64(l.maxScale)
	if e < -int64(l.maxScale) {
		return fmt.Sprintf(" 的小数位数超过上限 %d", l.maxScale)
	}
	if e > lim || d.NumDigits() > l.maxDigits {
		return fmt.Sprintf(" 的位数超过上限 %d", l.maxDigits)
	}
	return ""
}

// valueLimit applies to any value from outside the rule text (a vendor function's result,
// a Spec constant, a table outcome) the limits a literal or an input meets, so that a value
// never exceeds them however it came in: digits and decimal places of a number and of each
// element of a list, the length of a text, the range of a date.
func (l limits) valueLimit(v Value) string {
	switch v.typ.kind() {
	case TypeDecimal:
		if !v.big && l.fits(v.num) {
			return "" // the common case, without making a decimal.Decimal
		}
		return l.numLimit(v.Decimal())
	case TypeList:
		for i, d := range v.list {
			if m := l.numLimit(d); m != "" {
				return fmt.Sprintf(" 的第 %d 个元素%s", i+1, m)
			}
		}
	case TypeString:
		if len(v.str) > l.maxText {
			return fmt.Sprintf(" 的长度超过上限 %d 字节", l.maxText)
		}
	case TypeDate:
		if !validDay(v.days) {
			return " 的日期超出 " + dateRange + " 的范围"
		}
	}
	return ""
}

func (p *Program) setList(f *frame, s *symbol, ds []decimal.Decimal) *Error {
	for i, d := range ds {
		if msg := p.checkNum(d); msg != "" {
			return p.inputErr(s, ErrInputValue, fmt.Sprintf("输入 %s 的第 %d 个元素%s", s.name, i+1, msg))
		}
	}
	f.lists[s.slot] = ds
	return nil
}

func shortText(d decimal.Decimal) string {
	if d.NumDigits() > 30 {
		return fmt.Sprintf("（%d 位数字）", d.NumDigits())
	}
	return d.String()
}

// toDecimal reads a Go value as an exact decimal. float64 is refused: a binary fraction
// is not the amount the record holds.
func toDecimal(v any) (decimal.Decimal, string) {
	switch t := v.(type) {
	case decimal.Decimal:
		return t, ""
	case *decimal.Decimal:
		if t != nil {
			return *t, ""
		}
	case int:
		return decimal.NewFromInt(int64(t)), ""
	case int8:
		return decimal.NewFromInt(int64(t)), ""
	case int16:
		return decimal.NewFromInt(int64(t)), ""
	case int32:
		return decimal.NewFromInt(int64(t)), ""
	case int64:
		return decimal.NewFromInt(t), ""
	case uint:
		return decimal.NewFromUint64(uint64(t)), ""
	case uint8:
		return decimal.NewFromUint64(uint64(t)), ""
	case uint16:
		return decimal.NewFromUint64(uint64(t)), ""
	case uint32:
		return decimal.NewFromUint64(uint64(t)), ""
	case uint64:
		return decimal.NewFromUint64(t), ""
	case *big.Int:
		if t != nil {
			return decimal.NewFromBigInt(t, 0), ""
		}
	case string:
		return parseNumberText(t)
	case json.Number:
		return parseNumberText(string(t))
	case float32, float64:
		return decimal.Decimal{}, "不接受浮点数（float），请传入 decimal.Decimal 或数字文本，以免产生二进制误差"
	}
	return decimal.Decimal{}, "应为数值，收到 " + describeGo(v)
}

func parseNumberText(s string) (decimal.Decimal, string) {
	d, err := amount.ParseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, "不是有效的数字：" + err.Error()
	}
	return d, ""
}

func describeGo(v any) string {
	if v == nil {
		return "空值 nil"
	}
	s := fmt.Sprintf("%v", v)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return fmt.Sprintf("%T %s", v, s)
}

// ParseValue reads text as a value of type t the way a Program reads an input given as text:
// a number through amount.ParseDecimal (10,113.65, 20%, full-width digits), which for Int must
// be whole; true/false, 是/否 or 真/假 for Bool; 2024-05-31, 2024/05/31 or 2024年5月31日 for Date; text as it
// is for String. A List is not read from text. ok is false when s is not a value of type t.
func ParseValue(t Type, s string) (v Value, ok bool) {
	switch t {
	case TypeDecimal, TypeInt:
		d, err := amount.ParseDecimal(s)
		if err != nil || (t == TypeInt && !d.IsInteger()) {
			return Value{}, false
		}
		return NumberOf(d), true
	case TypeString:
		return TextOf(s), true
	case TypeBool:
		if b, ok := parseBool(s); ok {
			return BoolOf(b), true
		}
	case TypeDate:
		if d, ok := parseDate(s); ok {
			return dateValue(d), true
		}
	}
	return Value{}, false
}

func parseBool(s string) (bool, bool) {
	switch strings.TrimSpace(s) {
	case "true", "是", "真":
		return true, true
	case "false", "否", "假":
		return false, true
	}
	return false, false
}

// parseDate reads 2024-05-31, 2024/05/31 or 2024年5月31日 (months and days in one or two
// digits): the ways staff write a date in a test and on a command line, as a table's date
// column is read too.
func parseDate(s string) (int32, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006-1-2", "2006/1/2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			d := DateOf(t).days
			return d, validDay(d)
		}
	}
	return 0, false
}
