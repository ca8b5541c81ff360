package rules

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

type decimalT = decimal.Decimal

// numCall compiles a number-valued built-in call.
func (b *compiler[N, A]) numCall(n *node) func(*frame) N {
	ops := b.ops
	switch n.bi {
	case biRound, biFloor, biCeil:
		return b.rounding(n)
	case biAbs:
		x := b.num(n.kids[0])
		return func(f *frame) N { return ops.abs(x(f)) }
	case biMin, biMax:
		return b.extreme(n)
	case biClamp:
		return b.clamp(n)
	case biSum:
		return b.sum(n)
	case biAvg:
		return b.avg(n)
	case biCount:
		list := b.listOf(n.kids[0])
		return func(f *frame) N { return ops.fromInt(int64(len(list(f)))) }
	case biMod:
		l, r := b.num(n.kids[0]), b.num(n.kids[1])
		return func(f *frame) N {
			x, d := l(f), r(f)
			if ops.sign(d) == 0 {
				f.fail(n, ErrDivByZero, "mod 的除数为零")
				return b.zero()
			}
			v, ok := ops.mod(x, d)
			return b.ok(f, n, v, ok)
		}
	case biDaysBetween:
		x, y := b.date(n.kids[0]), b.date(n.kids[1])
		return func(f *frame) N { return ops.fromInt(int64(y(f)) - int64(x(f))) }
	case biYear, biMonth, biDay:
		x, which := b.date(n.kids[0]), n.bi
		return func(f *frame) N {
			y, m, d := daysToDate(x(f)).Date()
			switch which {
			case biYear:
				return ops.fromInt(int64(y))
			case biMonth:
				return ops.fromInt(int64(m))
			}
			return ops.fromInt(int64(d))
		}
	}
	panic(fmt.Sprintf("rules: number built-in %s", n.name))
}

// rounding compiles round, floor and ceil. Constant places were checked at compile time;
// computed places are checked here against the same limit.
func (b *compiler[N, A]) rounding(n *node) func(*frame) N {
	ops := b.ops
	fn := ops.round
	switch n.bi {
	case biFloor:
		fn = ops.roundFloor
	case biCeil:
		fn = ops.roundCeil
	}
	x := b.num(n.kids[0])
	apply := func(f *frame, v N, p int32) N {
		r, ok := fn(v, p)
		return b.ok(f, n, r, ok)
	}
	if len(n.kids) == 1 || n.kids[1].isConst() {
		var p int32
		if len(n.kids) == 2 {
			p = int32(n.kids[1].litDec.IntPart()) //nolint:gosec // G115: the checker refused places beyond ±MaxScale (≤ 1000)
		}
		return func(f *frame) N { return apply(f, x(f), p) }
	}
	pf, limit := b.num(n.kids[1]), int64(b.lim.maxScale)
	return func(f *frame) N {
		v := x(f)
		p, ok := ops.whole(pf(f))
		if !ok || p > limit || p < -limit {
			f.fail(n.kids[1], ErrRuntimeLimit, fmt.Sprintf("%s 的小数位数必须是 -%d 到 %d 之间的整数", n.name, limit, limit))
			return b.zero()
		}
		return apply(f, v, int32(p)) //nolint:gosec // G115: p was checked to lie within ±MaxScale just above
	}
}

// each compiles the elements of an aggregate's arguments: either several numbers or one list.
// It returns the closures for literal elements, or a list closure.
func (b *compiler[N, A]) each(n *node) ([]func(*frame) N, func(*frame) []decimalT) {
	if len(n.kids) == 1 && n.kids[0].typ == TypeList && n.kids[0].op != opList {
		return nil, b.listOf(n.kids[0])
	}
	kids := n.kids
	if len(kids) == 1 && kids[0].op == opList {
		kids = kids[0].kids
	}
	fns := make([]func(*frame) N, len(kids))
	for i, k := range kids {
		fns[i] = b.num(k)
	}
	return fns, nil
}

// reduce folds the elements with combine, in order; it also reports how many there were.
// combine holds no state of its own, so the compiled closure is safe for concurrent records.
func (b *compiler[N, A]) reduce(n *node, fns []func(*frame) N, list func(*frame) []decimalT, combine func(f *frame, acc, v N) N) func(*frame) (N, int) {
	ops := b.ops
	if list == nil {
		return func(f *frame) (N, int) {
			if len(fns) == 0 {
				return b.zero(), 0
			}
			acc := fns[0](f)
			for _, g := range fns[1:] {
				acc = combine(f, acc, g(f))
			}
			return acc, len(fns)
		}
	}
	return func(f *frame) (N, int) {
		ds := list(f)
		var acc N
		for i, d := range ds {
			v, ok := ops.fromDec(d)
			if !ok {
				ops.short(f, n)
			}
			if i == 0 {
				acc = v
			} else {
				acc = combine(f, acc, v)
			}
		}
		return acc, len(ds)
	}
}

// extreme compiles min and max; on a tie the earlier argument wins, as in shopspring's Min/Max
// (the exponent of 1.0 and 1 differs, so which one is kept shows in the result's digits).
func (b *compiler[N, A]) extreme(n *node) func(*frame) N {
	ops := b.ops
	want := -1
	if n.bi == biMax {
		want = 1
	}
	fns, list := b.each(n)
	if list == nil && len(fns) == 2 { // the common case, without the fold machinery
		x, y := fns[0], fns[1]
		return func(f *frame) N {
			a, c := x(f), y(f)
			if ops.cmp(c, a) == want {
				return c
			}
			return a
		}
	}
	r := b.reduce(n, fns, list, func(_ *frame, acc, v N) N {
		if ops.cmp(v, acc) == want {
			return v
		}
		return acc
	})
	return func(f *frame) N {
		v, cnt := r(f)
		if cnt == 0 {
			f.fail(n, ErrInputValue, fmt.Sprintf("%s 的列表为空", n.name))
		}
		return v
	}
}

func (b *compiler[N, A]) clamp(n *node) func(*frame) N {
	ops := b.ops
	x, lo, hi := b.num(n.kids[0]), b.num(n.kids[1]), b.num(n.kids[2])
	return func(f *frame) N {
		v, l, h := x(f), lo(f), hi(f)
		switch {
		case ops.cmp(l, h) > 0:
			f.fail(n, ErrInputValue, "clamp 的下限大于上限")
			return v
		case ops.cmp(v, l) < 0:
			return l
		case ops.cmp(v, h) > 0:
			return h
		}
		return v
	}
}

func (b *compiler[N, A]) sumOf(n *node) func(*frame) (N, int) {
	ops := b.ops
	fns, list := b.each(n)
	return b.reduce(n, fns, list, func(f *frame, acc, v N) N {
		s, ok := ops.add(acc, v)
		return b.ok(f, n, s, ok)
	})
}

func (b *compiler[N, A]) sum(n *node) func(*frame) N {
	s := b.sumOf(n)
	return func(f *frame) N { v, _ := s(f); return v }
}

func (b *compiler[N, A]) avg(n *node) func(*frame) N {
	ops := b.ops
	s, places := b.sumOf(n), b.lim.divPlaces
	return func(f *frame) N {
		v, cnt := s(f)
		if cnt == 0 {
			f.fail(n, ErrInputValue, "avg 的列表为空，无法求平均值")
			return b.zero()
		}
		r, ok := ops.div(v, ops.fromInt(int64(cnt)), places)
		return b.ok(f, n, r, ok)
	}
}

// dateCall compiles add_days and make_date.
func (b *compiler[N, A]) dateCall(n *node) dateFn {
	ops := b.ops
	whole := func(f *frame, k int, x func(*frame) N, lo, hi int64) (int64, bool) {
		v, ok := ops.whole(x(f))
		if !ok || v < lo || v > hi {
			f.fail(n.kids[k], ErrInputValue, fmt.Sprintf("%s 的第 %d 个参数应为 %d 到 %d 之间的整数", n.name, k+1, lo, hi))
			return 0, false
		}
		return v, true
	}
	if n.bi == biAddDays {
		d, x := b.date(n.kids[0]), b.num(n.kids[1])
		return func(f *frame) int32 {
			k, ok := whole(f, 1, x, -1000000, 1000000)
			if !ok {
				return 0
			}
			day := dayOf(int64(d(f)) + k)
			if day == badDay {
				f.fail(n, ErrRuntimeLimit, fmt.Sprintf("add_days 的结果超出 %s 的范围", dateRange))
				return 0
			}
			return day
		}
	}
	y, m, d := b.num(n.kids[0]), b.num(n.kids[1]), b.num(n.kids[2])
	return func(f *frame) int32 {
		yy, ok1 := whole(f, 0, y, 1, 9999)
		mm, ok2 := whole(f, 1, m, 1, 12)
		dd, ok3 := whole(f, 2, d, 1, 31)
		if !ok1 || !ok2 || !ok3 {
			return 0
		}
		t := time.Date(int(yy), time.Month(mm), int(dd), 0, 0, 0, 0, time.UTC)
		if t.Day() != int(dd) {
			f.fail(n, ErrInputValue, fmt.Sprintf("日期 %d-%02d-%02d 不存在", yy, mm, dd))
			return 0
		}
		return civilDays(int(yy), time.Month(mm), int(dd))
	}
}
