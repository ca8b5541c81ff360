package rules

// The fast path (128-bit fixed point) and the fallback (decimal.Decimal) must give the same
// digits for every record, and both must equal the pipeline written by hand with shopspring.
// This file runs each path on its own, which only an internal test can do.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// xtRecord is one project at a monitoring checkpoint (the shape of bench_test.go's record).
type xtRecord struct {
	Budget decimal.Decimal `rule:"预算数"`
	Spent  decimal.Decimal `rule:"执行数"`
	Month  int             `rule:"月份"`
}

// xtSpec is bench_test.go's pipelineSpec.
func xtSpec() Spec {
	f := func(name, text string) Formula { return Formula{Name: name, Expr: Expr{Text: text}} }
	when := func(text string) Expr { return Expr{Text: text} }
	return Spec{
		Inputs: []Input{{Name: "预算数", Type: TypeDecimal}, {Name: "执行数", Type: TypeDecimal}, {Name: "月份", Type: TypeInt}},
		Consts: []Const{{Name: "良上限", Value: NumberOf(decimal.RequireFromString("0.20"))}},
		Formulas: []Formula{
			f("执行率", "执行数 / 预算数"),
			f("序时进度", "月份 / 12"),
			f("偏差", "round(max(0, 序时进度 - 执行率) / 序时进度, 4)"),
			f("得分", "round(min(执行率, 1) * 10, 2)"),
		},
		Tables: []Table{{Name: "等级", Rows: []Row{
			{When: when("偏差 == 0"), Then: Outcome{Value: TextOf("优")}},
			{When: when("偏差 <= 良上限"), Then: Outcome{Value: TextOf("良")}},
			{Else: true, Then: Outcome{Value: TextOf("差")}},
		}}},
	}
}

var xtNumbers = []string{"执行率", "序时进度", "偏差", "得分"}

// xtHand is the pipeline written by hand with shopspring/decimal (bench_test.go's handwritten,
// which also keeps the progress). bad is set where the rules must report division by zero.
type xtHand struct {
	nums  [4]decimal.Decimal // in xtNumbers order
	grade string
	bad   bool
}

var (
	xtTwelve = decimal.NewFromInt(12)
	xtTen    = decimal.NewFromInt(10)
	xtOne    = decimal.NewFromInt(1)
	xtGood   = decimal.RequireFromString("0.20")
)

func xtHandwritten(r *xtRecord) xtHand {
	if r.Budget.IsZero() || r.Month == 0 {
		return xtHand{bad: true}
	}
	rate := trimZeros(r.Spent.DivRound(r.Budget, 20))
	progress := trimZeros(decimal.NewFromInt(int64(r.Month)).DivRound(xtTwelve, 20))
	short := decimal.Max(decimal.Zero, progress.Sub(rate))
	dev := trimZeros(short.DivRound(progress, 20)).Round(4)
	grade := "差"
	switch {
	case dev.IsZero():
		grade = "优"
	case dev.LessThanOrEqual(xtGood):
		grade = "良"
	}
	score := decimal.Min(rate, xtOne).Mul(xtTen).Round(2)
	return xtHand{nums: [4]decimal.Decimal{rate, progress, dev, score}, grade: grade}
}

// xtPaths runs records through one program's fast and slow paths separately.
type xtPaths struct {
	p      *Program
	b      *Binding[xtRecord]
	ff, sf *frame
	slots  [4]int
	grade  int
}

func newXtPaths(t testing.TB) *xtPaths {
	p, err := Build(xtSpec())
	require.NoError(t, err)
	b, err := Bind[xtRecord](p)
	require.NoError(t, err)
	x := &xtPaths{p: p, b: b, ff: xtFrame(p), sf: xtFrame(p)}
	for i, n := range xtNumbers {
		x.slots[i] = p.outputs[p.index[n]].slot
	}
	x.grade = p.outputs[p.index["等级"]].slot
	return x
}

// xtOut is one path's result for a record.
type xtOut struct {
	ran      bool // false: an input did not fit 128 bits, so the fast path cannot start
	overflow bool // the fast path gave up part way
	err      error
	nums     [4]decimal.Decimal
	strs     [4]string // Value.String of each number as the path's own formatter prints it
	grade    string
}

// fast loads rec and runs the fast path only.
func (x *xtPaths) fast(rec *xtRecord) xtOut {
	f := x.ff
	f.reset()
	if err := x.b.load(f, unsafe.Pointer(rec)); err != nil {
		return xtOut{ran: true, err: err}
	}
	if f.overflow {
		return xtOut{}
	}
	x.p.fast(f)
	out := xtOut{ran: true, overflow: f.overflow, err: f.error()}
	if out.overflow || out.err != nil {
		return out
	}
	for i, s := range x.slots {
		v := fastValue(f.fast[s])
		out.nums[i], out.strs[i] = f.fast[s].Decimal(), v.String()
	}
	out.grade = f.strs[x.grade]
	return out
}

// slow loads rec and runs the decimal.Decimal path only.
func (x *xtPaths) slow(rec *xtRecord) xtOut {
	f := x.sf
	f.reset()
	if err := x.b.load(f, unsafe.Pointer(rec)); err != nil {
		return xtOut{ran: true, err: err}
	}
	f.overflow = false // an input beyond 128 bits: the slow path holds it exactly
	_, err := x.p.exec(f, nil, x.p.slow)
	out := xtOut{ran: true, err: err}
	if err != nil {
		return out
	}
	for i, s := range x.slots {
		out.nums[i], out.strs[i] = f.slow[s], plainString(f.slow[s])
	}
	out.grade = f.strs[x.grade]
	return out
}

// xtFrame makes a fresh frame for p, as its pool would.
func xtFrame(p *Program) *frame { return p.frames.New().(*frame) }

func xtSame(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

// xtStats counts what a run saw; mismatches keeps the first few for the report.
type xtStats struct {
	records, fastRan, inputTooBig, overflowed, errs int
	mismatches                                      []string
	nMismatch                                       int
}

func (s *xtStats) bad(rec *xtRecord, format string, args ...any) {
	s.nMismatch++
	if len(s.mismatches) < 20 {
		s.mismatches = append(s.mismatches, fmt.Sprintf("预算数=%s 执行数=%s 月份=%d: ", rec.Budget, rec.Spent, rec.Month)+fmt.Sprintf(format, args...))
	}
}

// check runs one record every way and compares: fast vs slow (coefficient, exponent and
// printed digits), slow vs hand-written, and the public Binding.Eval vs hand-written.
func (x *xtPaths) check(rec *xtRecord, res *Result, s *xtStats) {
	s.records++
	hand := xtHandwritten(rec)
	fast, slow := x.fast(rec), x.slow(rec)
	switch {
	case !fast.ran:
		s.inputTooBig++
	case fast.overflow:
		s.overflowed++
	default:
		s.fastRan++
		if (fast.err == nil) != (slow.err == nil) {
			s.bad(rec, "fast err %v, slow err %v", fast.err, slow.err)
			return
		}
		if fast.err == nil {
			for i, n := range xtNumbers {
				if !xtSame(fast.nums[i], slow.nums[i]) || fast.strs[i] != slow.strs[i] {
					s.bad(rec, "%s: fast %s (exp %d, printed %s), slow %s (exp %d, printed %s)", n,
						fast.nums[i], fast.nums[i].Exponent(), fast.strs[i], slow.nums[i], slow.nums[i].Exponent(), slow.strs[i])
				}
			}
			if fast.grade != slow.grade {
				s.bad(rec, "等级: fast %s, slow %s", fast.grade, slow.grade)
			}
		} else if Errors(fast.err)[0].Code != Errors(slow.err)[0].Code {
			s.bad(rec, "fast err %v, slow err %v", fast.err, slow.err)
		}
	}
	if hand.bad {
		s.errs++
		if slow.err == nil || Errors(slow.err)[0].Code != ErrDivByZero {
			s.bad(rec, "want division by zero, slow path gave %v", slow.err)
		}
		if err := x.b.EvalInto(rec, res); err == nil || Errors(err)[0].Code != ErrDivByZero {
			s.bad(rec, "want division by zero, Eval gave %v", err)
		}
		return
	}
	if slow.err != nil {
		s.bad(rec, "slow path: %v", slow.err)
		return
	}
	for i, n := range xtNumbers {
		if !xtSame(slow.nums[i], hand.nums[i]) || slow.strs[i] != plainString(hand.nums[i]) {
			s.bad(rec, "%s: slow %s (exp %d), hand %s (exp %d)", n, slow.nums[i], slow.nums[i].Exponent(), hand.nums[i], hand.nums[i].Exponent())
		}
	}
	if slow.grade != hand.grade {
		s.bad(rec, "等级: slow %s, hand %s", slow.grade, hand.grade)
	}
	if err := x.b.EvalInto(rec, res); err != nil {
		s.bad(rec, "Eval: %v", err)
		return
	}
	for i, n := range xtNumbers {
		v, _ := res.Get(n)
		if !xtSame(v.Decimal(), hand.nums[i]) || v.String() != plainString(hand.nums[i]) {
			s.bad(rec, "Eval %s: %s, hand %s", n, v, hand.nums[i])
		}
	}
	if g, _ := res.Get("等级"); g.Text() != hand.grade {
		s.bad(rec, "Eval 等级: %s, hand %s", g.Text(), hand.grade)
	}
}

// xtRealistic makes realistic records: half in 元 with cents up to ten million, half in 万元
// with up to six decimals (13.304271亿元 is 133042.71万元); spending from nothing to 120% of
// the budget; every month.
func xtRealistic(n int, seed uint64) []xtRecord {
	rng := rand.New(rand.NewPCG(seed, 11))
	out := make([]xtRecord, n)
	for i := range out {
		month := 1 + rng.IntN(12)
		if i%2 == 0 {
			budget := rng.Int64N(1_000_000_000) + 1
			spent := budget * rng.Int64N(12001) / 10000
			out[i] = xtRecord{Budget: decimal.New(budget, -2), Spent: decimal.New(spent, -2), Month: month}
			continue
		}
		places := int32(2 + rng.IntN(5))
		budget := rng.Int64N(1_000_000*pow10i(places)) + 1
		spent := budget / 10000 * rng.Int64N(12001)
		out[i] = xtRecord{Budget: decimal.New(budget, -places), Spent: decimal.New(spent, -places), Month: month}
	}
	return out
}

func pow10i(n int32) int64 {
	v := int64(1)
	for ; n > 0; n-- {
		v *= 10
	}
	return v
}

// xtBoundary makes records built on purpose to sit on a boundary or a rounding tie.
func xtBoundary(seed uint64) []xtRecord {
	rng := rand.New(rand.NewPCG(seed, 13))
	dd := decimal.RequireFromString
	var out []xtRecord
	add := func(b, s decimal.Decimal, m int) { out = append(out, xtRecord{Budget: b, Spent: s, Month: m}) }
	cents := func() decimal.Decimal { return decimal.New(rng.Int64N(1_000_000_000)+1, -2) }
	cent := dd("0.01")
	for m := 1; m <= 12; m++ {
		mm := decimal.NewFromInt(int64(m))
		for k := 0; k < 4000; k++ {
			// deviation exactly 0: spent is exactly the time-proportional share, and one cent either side
			b := decimal.New(12*(rng.Int64N(100_000_000)+1), -2)
			s := b.Mul(mm).Div(xtTwelve)
			add(b, s, m)
			add(b, s.Add(cent), m)
			add(b, s.Sub(cent), m)
			// the same share rounded to cents of a budget not divisible by 12
			b = cents()
			add(b, b.Mul(mm).DivRound(xtTwelve, 2), m)
			// deviation exactly 20%: spent = 0.8 × budget × m/12 = budget × m / 15
			b = decimal.New(15*(rng.Int64N(100_000_000)+1), -2)
			s = b.Mul(mm).Div(decimal.NewFromInt(15))
			add(b, s, m)
			add(b, s.Add(cent), m)
			add(b, s.Sub(cent), m)
			b = cents()
			add(b, b.Mul(mm).DivRound(decimal.NewFromInt(15), 2), m)
			// near ties of the deviation's 5th decimal, rounded to cents
			t := decimal.New(10*rng.Int64N(100_000)+5, -6).Add(decimal.New(rng.Int64N(10), -5))
			b = cents()
			add(b, b.Mul(mm).Div(xtTwelve).Mul(xtOne.Sub(t)).Round(2), m)
			// score ties: rate × 10 with a 5 in the third decimal, exactly
			r := decimal.New(2*rng.Int64N(1000)+1, -4).Mul(dd("5"))
			b = cents()
			add(b, b.Mul(r), m)
		}
	}
	// exact 5th-decimal ties of the deviation where the progress is a terminating decimal
	for _, m := range []int{3, 6, 9, 12} {
		p := decimal.NewFromInt(int64(m)).Div(xtTwelve)
		for j := int64(0); j < 20000; j++ {
			t := decimal.New(10*j+5, -5) // 0.00005, 0.00015, ..., 0.19995
			b := cents()
			add(b, b.Mul(p).Mul(xtOne.Sub(t)), m)
			t = decimal.New(10*rng.Int64N(100_000)+5, -5) // anywhere in [0, 1)
			add(b, b.Mul(p).Mul(xtOne.Sub(t)), m)
		}
	}
	// budgets equal to spent, nothing spent, overspent, refunds (negative spending)
	for k := 0; k < 5000; k++ {
		b := cents()
		m := 1 + rng.IntN(12)
		add(b, b, m)
		add(b, decimal.Zero, m)
		add(b, b.Mul(dd("1.5")), m)
		add(b, b.Neg().Mul(dd("0.1")), m)
	}
	// 18-digit amounts: the most 128 bits take with 20 places of division
	for k := 0; k < 5000; k++ {
		b := decimal.New(rng.Int64N(900_000_000_000_000_000)+100_000_000_000_000_000, 0)
		s := decimal.New(rng.Int64N(900_000_000_000_000_000)+100_000_000_000_000_000, 0)
		m := 1 + rng.IntN(12)
		add(b, s, m)
		add(b.Shift(-2), s.Shift(-2), m)
		add(b.Shift(-4), s.Shift(-18), m)
	}
	// amounts that force the fallback: inputs beyond 128 bits, quotients beyond 38 digits
	for k := 0; k < 2000; k++ {
		m := 1 + rng.IntN(12)
		big40 := dd(fmt.Sprintf("%d%020d%019d", 1+rng.IntN(9), rng.Int64N(1e18), rng.Int64N(1e18)))
		add(big40, big40.Mul(dd("0.75")), m)
		add(dd("3"), decimal.New(rng.Int64N(1e18), 10), m)
		add(decimal.New(rng.Int64N(1e18)+1, -30), decimal.New(rng.Int64N(1e18), 0), m)
	}
	// division by zero: no budget, or month 0 (no progress yet)
	add(decimal.Zero, dd("1"), 5)
	add(dd("0.00"), dd("0"), 8)
	add(dd("100"), dd("50"), 0)
	return out
}

func TestFastSlowHandwrittenAgree(t *testing.T) {
	n := 1_000_000
	if testing.Short() || xtRaceEnabled {
		n = 50_000 // the race detector makes single-threaded arithmetic ~10x slower and adds nothing here
	}
	x := newXtPaths(t)
	res := x.p.NewResult()

	t.Run("realistic", func(t *testing.T) {
		var s xtStats
		for _, rec := range xtRealistic(n, 20240531) {
			x.check(&rec, res, &s)
		}
		t.Logf("realistic: %d records; fast path completed %d, overflowed %d, inputs beyond 128 bits %d; mismatches %d",
			s.records, s.fastRan, s.overflowed, s.inputTooBig, s.nMismatch)
		assert.Equal(t, n, s.records)
		assert.Zero(t, s.overflowed+s.inputTooBig, "the fast path must hold every realistic record")
		assert.Zero(t, s.nMismatch, "first mismatches:\n%s", strings.Join(s.mismatches, "\n"))
	})

	t.Run("boundary", func(t *testing.T) {
		var s xtStats
		recs := xtBoundary(7)
		for i := range recs {
			x.check(&recs[i], res, &s)
		}
		t.Logf("boundary: %d records; fast path completed %d, overflowed %d, inputs beyond 128 bits %d; division-by-zero records %d; mismatches %d",
			s.records, s.fastRan, s.overflowed, s.inputTooBig, s.errs, s.nMismatch)
		assert.Positive(t, s.overflowed, "some records must exercise the fallback after an overflow")
		assert.Positive(t, s.inputTooBig, "some records must have inputs beyond 128 bits")
		assert.Equal(t, 3, s.errs)
		assert.Zero(t, s.nMismatch, "first mismatches:\n%s", strings.Join(s.mismatches, "\n"))
	})
}

// TestBoundaryGrades pins the grades of the constructed boundaries, derived by hand.
func TestBoundaryGrades(t *testing.T) {
	x := newXtPaths(t)
	res := x.p.NewResult()
	dd := decimal.RequireFromString
	for _, c := range []struct {
		name          string
		budget, spent string
		month         int
		grade         string
		reason        string
	}{
		{"按序时进度", "120", "80", 8, "优", "80/120 = 8/12 to 20 places, so the deviation is 0"},
		{"序时一半执行四成", "100", "40", 6, "良", "progress 0.5, rate 0.4: deviation 0.1/0.5 = 0.2 exactly, the inclusive boundary of 良"},
		{"偏差0.20005进位", "100", "39.9975", 6, "差", "rate 0.399975: deviation 0.100025/0.5 = 0.20005, half-up to 0.2001 > 0.20"},
		{"偏差0.20004舍去", "100", "39.998", 6, "良", "rate 0.39998: deviation 0.20004 rounds to 0.2000"},
		{"预算等于执行", "100", "100", 12, "优", "rate 1 = progress 1"},
		{"零执行", "100", "0", 1, "差", "nothing spent: deviation 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.NotEmpty(t, c.reason)
			rec := xtRecord{Budget: dd(c.budget), Spent: dd(c.spent), Month: c.month}
			require.NoError(t, x.b.EvalInto(&rec, res))
			g, _ := res.Get("等级")
			assert.Equal(t, c.grade, g.Text(), c.reason)
			assert.Equal(t, c.grade, xtHandwritten(&rec).grade, "the hand-written pipeline agrees: %s", c.reason)
		})
	}
}

// TestRecordAllocations guards the zero-allocation contract of DESIGN.md item 7: evaluating a
// record through a Binding with a reused Result allocates nothing on the fast path.
// Allocation counts are deterministic, unlike time.
func TestRecordAllocations(t *testing.T) {
	if xtRaceEnabled {
		t.Skip("the race detector makes sync.Pool drop frames at random, which allocates")
	}
	x := newXtPaths(t)
	res := x.p.NewResult()
	recs := xtRealistic(1000, 3)
	i := 0
	allocs := testing.AllocsPerRun(2000, func() {
		if err := x.b.EvalInto(&recs[i%len(recs)], res); err != nil {
			t.Fatal(err)
		}
		i++
	})
	assert.Zero(t, allocs, "allocations per record on the pipeline")

	// Other built-ins on the fast path must not allocate either.
	type rec struct {
		A    decimal.Decimal `rule:"甲"`
		B    decimal.Decimal `rule:"乙"`
		N    int             `rule:"月份"`
		Dept string          `rule:"部门"`
	}
	for _, text := range []string{
		"round(甲, -2)",
		"round(甲 / 乙, 4)",
		"floor(甲, 1) + ceil(乙, 1)",
		"clamp(甲 / 乙, 0, 1)",
		"abs(甲 - 乙) * 100%",
		"mod(甲, 7)",
		"max(甲, 乙, 1) + min(甲, 乙, 1)",
		"sum(甲, 乙, 月份) + avg(甲, 乙)",
		"月份 in [5, 8] ? 甲 : 乙",
		"部门 == \"财政局\" and 甲 > 乙",
		"let e = 月份 / 12; abs(甲 / 乙 - e)",
		"if 甲 >= 乙 { \"良\" } else { \"差\" }",
	} {
		t.Run(text, func(t *testing.T) {
			p, err := Compile(text, WithInput("甲", TypeDecimal), WithInput("乙", TypeDecimal), WithInput("月份", TypeInt), WithInput("部门", TypeString))
			require.NoError(t, err)
			b, err := Bind[rec](p)
			require.NoError(t, err)
			res := p.NewResult()
			r := rec{A: decimal.RequireFromString("1234.56"), B: decimal.RequireFromString("987.65"), N: 8, Dept: "财政局"}
			require.NoError(t, b.EvalInto(&r, res))
			allocs := testing.AllocsPerRun(500, func() { _ = b.EvalInto(&r, res) })
			assert.Zero(t, allocs, "allocations per record for %s", text)
		})
	}
}

// xtGen builds a random expression and, alongside, its value computed directly with
// shopspring (an independent interpreter): the expected digits are never taken from rules.
type xtGen struct {
	rng   *rand.Rand
	a, b  decimal.Decimal // the inputs 甲 and 乙
	limit bool            // evaluating the expression must end in an error
}

// check notes a value beyond the default limits (100 digits, exponent within ±140).
func (g *xtGen) check(d decimal.Decimal) decimal.Decimal {
	if e := d.Exponent(); d.NumDigits() > 100 || e < -140 || e > 140 {
		g.limit = true
	}
	return d
}

// nonzero notes a division by zero; the expected value is then irrelevant.
func (g *xtGen) nonzero(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		g.limit = true
		return decimal.NewFromInt(1)
	}
	return d
}

func (g *xtGen) literal() (string, decimal.Decimal) {
	r := g.rng
	var text string
	switch r.IntN(6) {
	case 0:
		text = fmt.Sprint(r.Int64N(100))
	case 1:
		text = fmt.Sprintf("%d.%0*d", r.Int64N(100000), 1+r.IntN(6), r.Int64N(1000))
	case 2:
		text = fmt.Sprintf("%d%018d", 1+r.Int64N(9_999_999), r.Int64N(1e18)) // 19–25 digits
	case 3:
		text = fmt.Sprintf("0.%020d", r.Int64N(1e18))
	case 4:
		text = fmt.Sprintf("%d.%d%%", r.Int64N(200), r.Int64N(10))
		return text, decimal.RequireFromString(strings.TrimSuffix(text, "%")).Shift(-2)
	default:
		text = fmt.Sprintf("%d.%02d", r.Int64N(1_000_000_000), r.Int64N(100))
	}
	return text, decimal.RequireFromString(text)
}

func (g *xtGen) expr(depth int) (string, decimal.Decimal) {
	r := g.rng
	if depth == 0 || r.IntN(4) == 0 {
		switch r.IntN(5) {
		case 0:
			return "甲", g.a
		case 1:
			return "乙", g.b
		}
		return g.literal()
	}
	x, xv := g.expr(depth - 1)
	switch r.IntN(5) { // unary: only x is generated, so nothing unused can mark a limit
	case 0:
		p := int32(r.IntN(12) - 3)
		return fmt.Sprintf("round(%s, %d)", x, p), g.check(xv.Round(p))
	case 1:
		p := int32(r.IntN(8))
		return fmt.Sprintf("floor(%s, %d)", x, p), g.check(xv.RoundFloor(p))
	case 2:
		p := int32(r.IntN(8))
		return fmt.Sprintf("ceil(%s, %d)", x, p), g.check(xv.RoundCeil(p))
	case 3:
		return "abs(-" + x + ")", xv.Abs()
	}
	y, yv := g.expr(depth - 1)
	switch r.IntN(10) {
	case 0:
		return "(" + x + " + " + y + ")", g.check(xv.Add(yv))
	case 1:
		return "(" + x + " - " + y + ")", g.check(xv.Sub(yv))
	case 2:
		return "(" + x + " * " + y + ")", g.check(xv.Mul(yv))
	case 3:
		return "(" + x + " / " + y + ")", g.check(trimZeros(xv.DivRound(g.nonzero(yv), 20)))
	case 4:
		return "min(" + x + ", " + y + ")", decimal.Min(xv, yv)
	case 5:
		return "max(" + x + ", " + y + ")", decimal.Max(xv, yv)
	case 6:
		return "mod(" + x + ", " + y + ")", g.check(xv.Mod(g.nonzero(yv)))
	case 7:
		// clamp(z, lo, hi) with the smaller bound written first; with equal bounds the
		// written order decides which representation (exponent) comes back.
		lot, lo, hit, hi := x, xv, y, yv
		if xv.GreaterThan(yv) {
			lot, lo, hit, hi = y, yv, x, xv
		}
		z, zv := g.expr(depth - 1)
		v := zv
		if zv.LessThan(lo) {
			v = lo
		} else if zv.GreaterThan(hi) {
			v = hi
		}
		return "clamp(" + z + ", " + lot + ", " + hit + ")", v
	}
	if xv.GreaterThan(yv) {
		return "(" + x + " > " + y + " ? " + x + " : -" + y + ")", xv
	}
	return "(" + x + " > " + y + " ? " + x + " : -" + y + ")", yv.Neg()
}

// generate returns an expression and its expected value, or limit=true when evaluating it
// must end in an error.
func (g *xtGen) generate() (text string, want decimal.Decimal, limit bool) {
	text, want = g.expr(1 + g.rng.IntN(4))
	return text, want, g.limit
}

// TestRandomExpressionsAgree compares, on random arithmetic over every numeric built-in, the
// fast path alone, the fallback alone, and an independent shopspring interpreter.
func TestRandomExpressionsAgree(t *testing.T) {
	n := 100_000
	if testing.Short() || xtRaceEnabled {
		n = 5_000
	}
	rng := rand.New(rand.NewPCG(42, 99))
	var fastRan, overflowed, limits, nMismatch int
	var first []string
	bad := func(format string, args ...any) {
		nMismatch++
		if len(first) < 15 {
			first = append(first, fmt.Sprintf(format, args...))
		}
	}
	for i := 0; i < n; i++ {
		g := &xtGen{rng: rng}
		_, g.a = g.literal()
		_, g.b = g.literal()
		text, want, limit := g.generate()
		if limit {
			limits++
		}
		p, err := Compile(text, WithInput("甲", TypeDecimal), WithInput("乙", TypeDecimal))
		if err != nil {
			// A division by a literal 0 is refused at compile time; anything else is a mismatch.
			if !limit || !errors.Is(err, ErrDivByZero) {
				bad("%s: compile: %v", text, err)
			}
			continue
		}
		in := map[string]any{"甲": g.a, "乙": g.b}
		slot := p.outputs[0].slot

		ff := xtFrame(p)
		ff.reset()
		require.NoError(t, p.loadMap(ff, in))
		fastOK := !ff.overflow
		if fastOK {
			p.fast(ff)
			fastOK = !ff.overflow
		}
		sf := xtFrame(p)
		sf.reset()
		require.NoError(t, p.loadMap(sf, in))
		sf.overflow = false
		_, serr := p.exec(sf, nil, p.slow)

		if limit {
			if serr == nil {
				bad("%s (甲=%s 乙=%s): want an error, slow path gave %s", text, g.a, g.b, sf.slow[slot])
			}
			continue
		}
		if serr != nil {
			bad("%s (甲=%s 乙=%s): slow path: %v", text, g.a, g.b, serr)
			continue
		}
		if got := sf.slow[slot]; !xtSame(got, want) {
			bad("%s (甲=%s 乙=%s): slow %s (exp %d), want %s (exp %d)", text, g.a, g.b, got, got.Exponent(), want, want.Exponent())
		}
		if !fastOK {
			overflowed++
			continue
		}
		fastRan++
		if ff.err != nil {
			bad("%s: fast path error %v, slow path none", text, ff.err)
			continue
		}
		got := ff.fast[slot]
		if !xtSame(got.Decimal(), want) || fastValue(got).String() != plainString(want) {
			bad("%s (甲=%s 乙=%s): fast %s (exp %d, printed %s), want %s (exp %d)", text, g.a, g.b,
				got.Decimal(), got.Exp(), fastValue(got).String(), want, want.Exponent())
		}
	}
	t.Logf("%d random expressions: fast path completed %d, overflowed to the fallback %d, expected errors %d; mismatches %d",
		n, fastRan, overflowed, limits, nMismatch)
	assert.Positive(t, fastRan)
	assert.Positive(t, overflowed)
	assert.Zero(t, nMismatch, "first mismatches:\n%s", strings.Join(first, "\n"))
}
