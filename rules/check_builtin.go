package rules

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// builtin checks a built-in call's arguments and gives its result type.
func (c *checker) builtin(b builtinSpec, kids []*node, from, to int) *node {
	out := &node{op: opCall, bi: b.id, name: b.name, kids: kids}
	arity := func(lo, hi int) bool {
		if len(kids) >= lo && (hi < 0 || len(kids) <= hi) {
			return true
		}
		want := fmt.Sprintf(" %d ", lo)
		switch {
		case hi < 0:
			want = fmt.Sprintf("至少 %d ", lo)
		case hi != lo:
			want = fmt.Sprintf(" %d 到 %d ", lo, hi)
		}
		c.fail(ErrArgs, from, to, "函数 %s 需要%s个参数，这里给了 %d 个（用法：%s）", b.name, want, len(kids), b.sig)
		return false
	}
	args := func(t Type) bool {
		for i, k := range kids {
			if !c.want(k, t, fmt.Sprintf("函数 %s 的第 %d 个参数", b.name, i+1)) {
				return false
			}
		}
		return true
	}
	ok := false
	switch b.id {
	case biRound, biFloor, biCeil:
		ok = arity(1, 2) && args(TypeDecimal) && c.places(b, kids)
		out.typ = TypeDecimal
	case biAbs:
		ok, out.typ = arity(1, 1) && args(TypeDecimal), TypeDecimal
	case biClamp:
		ok, out.typ = arity(3, 3) && args(TypeDecimal), TypeDecimal
	case biMod:
		ok, out.typ = arity(2, 2) && args(TypeDecimal), TypeDecimal
		if ok && kids[1].isConst() && kids[1].litDec.IsZero() {
			c.fail(ErrDivByZero, kids[1].from, kids[1].to, "除数为零：mod 不能除以 0")
			ok = false
		}
	case biMin, biMax, biSum, biAvg:
		ok, out.typ = c.aggregate(b, kids, arity), TypeDecimal
	case biCount:
		ok, out.typ = arity(1, 1) && args(TypeList), TypeDecimal
	case biDaysBetween:
		ok, out.typ = arity(2, 2) && args(TypeDate), TypeDecimal
	case biYear, biMonth, biDay:
		ok, out.typ = arity(1, 1) && args(TypeDate), TypeDecimal
	case biAddDays:
		ok = arity(2, 2) && c.want(kids[0], TypeDate, "函数 add_days 的第 1 个参数") && c.want(kids[1], TypeDecimal, "函数 add_days 的第 2 个参数")
		out.typ = TypeDate
	case biMakeDate:
		ok, out.typ = arity(3, 3) && args(TypeDecimal), TypeDate
	}
	if !ok {
		return bad(from, to)
	}
	return out
}

// aggregate accepts either one list or one or more numbers (min and max want two numbers).
func (c *checker) aggregate(b builtinSpec, kids []*node, arity func(int, int) bool) bool {
	if len(kids) == 1 && kids[0].typ == TypeList {
		return true
	}
	lo := 1
	if b.id == biMin || b.id == biMax {
		lo = 2
		if len(kids) == 1 {
			return c.want(kids[0], TypeList, fmt.Sprintf("函数 %s 只有一个参数时", b.name))
		}
	}
	if !arity(lo, -1) {
		return false
	}
	for i, k := range kids {
		if !c.want(k, TypeDecimal, fmt.Sprintf("函数 %s 的第 %d 个参数", b.name, i+1)) {
			return false
		}
	}
	return true
}

// places checks a constant number of decimal places at compile time, so round(1, 999999999)
// is a compile error, not an allocation. A computed number of places is checked per record.
func (c *checker) places(b builtinSpec, kids []*node) bool {
	if len(kids) < 2 || !kids[1].isConst() {
		return true
	}
	p := kids[1].litDec
	lim := int64(c.lim.maxScale)
	if !p.IsInteger() || p.Abs().Cmp(decimal.NewFromInt(lim)) > 0 {
		c.fail(ErrLimit, kids[1].from, kids[1].to, "函数 %s 的小数位数必须是 -%d 到 %d 之间的整数，这里是 %s", b.name, lim, lim, p.String())
		return false
	}
	return true
}
