package monitor

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// Grader grades one record after another at a checkpoint, reusing what it needs between
// records. It is what Run uses; a caller streaming records through several goroutines makes
// one Grader per goroutine (a Grader is not safe for concurrent use, the Profile is). Make
// one with Profile.Grader; a nil or zero Grader answers Grade with an error of code
// rules.ErrMisuse.
type Grader struct {
	p        *Profile
	day      time.Time
	cal      *Calendar
	vars     map[string]any
	defaults map[string]any
	res      *rules.Result
	// fast evaluates records that carry only what fastRecord holds without a map; nil when
	// the rule set reads other inputs.
	fast *rules.Binding[fastRecord]
	rec  fastRecord
	plan decimal.Decimal // 计划进度's default, when the rule set declares the input
	// planDefault is true when 计划进度 has a default a record may leave out.
	planDefault bool
	// at holds the index of each result the grader reads, -1 when the rule set has none
	at struct{ problem, grade, deviation, redFlag, rectifyBy, rectifyDays int }
}

// fastRecord holds the inputs a run supplies, and a project's own plan, so that a record
// carrying nothing else is evaluated through a Binding: no map, no allocation.
type fastRecord struct {
	Budget     decimal.Decimal `rule:"预算数"`
	Spent      decimal.Decimal `rule:"执行数"`
	Month      int             `rule:"月份"`
	Checkpoint time.Time       `rule:"监控日期"`
	Plan       decimal.Decimal `rule:"计划进度"`
}

// Grader prepares to grade records at the checkpoint, as Run does. It fails, as Run does,
// when the rule set counts working days and no calendar covering the checkpoint's year was
// given.
func (p *Profile) Grader(checkpoint time.Time, opts ...RunOption) (*Grader, error) {
	if !p.usable() {
		return nil, errProfile()
	}
	day := calendarDay(checkpoint)
	var rc runConfig
	for _, o := range opts {
		if o != nil {
			o(&rc)
		}
	}
	if err := p.checkCalendar(day, rc.calendar); err != nil {
		return nil, err
	}
	g := &Grader{p: p, day: day, cal: rc.calendar, vars: make(map[string]any, 8), defaults: p.defaults(day), res: p.prog.NewResult()}
	g.prepareFast()
	prog := p.prog
	g.at.problem, g.at.grade, g.at.deviation = prog.Index(ResultDataProblem), prog.Index(ResultGrade), prog.Index(ResultDeviation)
	g.at.redFlag, g.at.rectifyBy, g.at.rectifyDays = prog.Index(ResultRedFlag), prog.Index(ResultRectifyBy), prog.Index(ResultRectifyDays)
	return g, nil
}

// prepareFast binds the rule set to fastRecord when every input it reads is one fastRecord
// holds, with the type it holds it in; otherwise every record goes through the map.
func (g *Grader) prepareFast() {
	for _, in := range g.p.prog.Inputs() {
		switch in.Name {
		case InputBudget, InputSpent, InputMonth, InputCheckpoint:
		case InputPlan:
			if v, ok := g.defaults[InputPlan].(rules.Value); ok && v.Type() == rules.TypeDecimal {
				g.plan, g.planDefault = v.Decimal(), true
			}
		default:
			return
		}
	}
	if b, err := rules.Bind[fastRecord](g.p.prog); err == nil {
		g.fast = b
	}
}

// fastOK tells whether rec can go through the Binding: it carries no indicators and no
// further inputs but a decimal 计划进度, and the rule set gets every input it reads.
func (g *Grader) fastOK(rec *Record) bool {
	if g.fast == nil || len(rec.Indicators) > 0 || len(rec.Extra) > 1 {
		return false
	}
	plan, given := rec.Extra[InputPlan]
	if len(rec.Extra) == 1 && !given {
		return false
	}
	switch {
	case given:
		d, ok := plan.(decimal.Decimal)
		if !ok || !g.p.inputs[InputPlan] { // not declared: the map path refuses it
			return false
		}
		g.rec.Plan = d
	case g.planDefault:
		g.rec.Plan = g.plan
	default:
		return !g.p.inputs[InputPlan] // declared without a default: the map path says it is missing
	}
	return true
}

// Checkpoint is the calendar day the grader grades at.
func (g *Grader) Checkpoint() time.Time {
	if g == nil {
		return time.Time{}
	}
	return g.day
}

// Grade grades one record. It does not check the record's ID against others (see IDs): Run
// does that in input order before grading.
func (g *Grader) Grade(rec *Record) (Outcome, error) {
	switch {
	case g == nil || !g.p.usable():
		return Outcome{}, misuse("监控 Grader 为 nil 或零值，请用 Profile.Grader 创建")
	case rec == nil:
		return Outcome{}, misuse("要评级的记录为 nil")
	}
	if err := g.eval(rec); err != nil {
		return Outcome{}, err
	}
	return g.outcome(rec)
}

// eval evaluates the rule set over the record into g.res.
func (g *Grader) eval(rec *Record) error {
	if g.fastOK(rec) {
		g.rec.Budget = rec.Budget.In(amount.Wan).Value()
		g.rec.Spent = rec.Spent.In(amount.Wan).Value()
		g.rec.Month = int(g.day.Month())
		g.rec.Checkpoint = g.day
		return g.fast.EvalInto(&g.rec, g.res)
	}
	p, vars := g.p, g.vars
	if err := g.checkExtra(rec); err != nil {
		return err
	}
	clear(vars)
	for k, v := range rec.Extra {
		vars[k] = v
	}
	if len(rec.Indicators) > len(p.indicators) {
		return fmt.Errorf("项目有 %d 项绩效指标，规则集 %s 只声明了 %d 项（输入 %s1%s、%s1%s …）",
			len(rec.Indicators), p.rs.ID(), len(p.indicators), IndicatorPrefix, IndicatorExpected, IndicatorPrefix, IndicatorActual)
	}
	for i, ind := range rec.Indicators {
		vars[p.indicators[i][0]] = ind.Expected
		vars[p.indicators[i][1]] = ind.Actual
	}
	vars[InputBudget] = rec.Budget.In(amount.Wan).Value()
	vars[InputSpent] = rec.Spent.In(amount.Wan).Value()
	vars[InputMonth] = int(g.day.Month())
	if p.hasDate {
		vars[InputCheckpoint] = g.day
	}
	for k, v := range g.defaults {
		if _, ok := vars[k]; !ok {
			vars[k] = v
		}
	}
	return p.prog.EvalInto(vars, g.res)
}

// checkExtra refuses what Extra cannot carry: an input the run supplies itself (预算数 and 执行数
// from Budget and Spent, 月份 and 监控日期 from the checkpoint), which the run would overwrite
// without a word, and an input the rule set does not declare, which it would ignore — a 月份
// of 3 graded at August, or a misspelt 计划进度 graded by months, would both be silent.
func (g *Grader) checkExtra(rec *Record) error {
	for k := range rec.Extra {
		switch {
		case k == InputBudget || k == InputSpent || k == InputMonth || k == InputCheckpoint:
			return fmt.Errorf("输入 %s 由监控程序给出（预算数、执行数取自记录的 Budget、Spent，月份、监控日期取自监控时点），不能放在 Extra 中", k)
		case !g.p.inputs[k]:
			return fmt.Errorf("规则集 %s 没有输入 %s：Extra 只能放规则集声明的输入", g.p.rs.ID(), k)
		}
	}
	for i := 0; i < len(rec.Indicators) && i < len(g.p.indicators); i++ {
		for _, name := range g.p.indicators[i] {
			if _, ok := rec.Extra[name]; ok {
				return fmt.Errorf("输入 %s 已由记录的第 %d 项绩效指标给出，不能再放在 Extra 中", name, i+1)
			}
		}
	}
	return nil
}

// outcome reads the grade, deviation, flag and deadline from g.res.
func (g *Grader) outcome(rec *Record) (Outcome, error) {
	p := g.p
	if v := g.result(g.at.problem); v.Type() == rules.TypeString && v.Text() != "" {
		return Outcome{}, fmt.Errorf("%s：%s（规则集 %s）", ResultDataProblem, v.Text(), p.rs.ID())
	}
	o := Outcome{Record: *rec}
	gv := g.result(g.at.grade)
	grade, ok := p.Grade(gv.Text())
	if !ok {
		return Outcome{}, fmt.Errorf("规则集 %s 给出的等级 %q 不在决策表 %s 中", p.rs.ID(), gv.String(), GradeTable)
	}
	o.Grade = grade
	if dv := g.result(g.at.deviation); dv.Type() == rules.TypeDecimal {
		o.Deviation, o.HasDeviation = dv.Decimal(), true
	}
	fv := g.result(g.at.redFlag)
	o.RedFlag = fv.Type() == rules.TypeBool && fv.Bool()
	if o.RedFlag {
		by, err := g.rectifyBy()
		if err != nil {
			return Outcome{}, err
		}
		o.RectifyBy = by
	}
	return o, nil
}

// result is the i-th result of the last record, or the zero Value when the rule set has no
// such result (i < 0).
func (g *Grader) result(i int) rules.Value {
	if i < 0 {
		return rules.Value{}
	}
	return g.res.Value(i)
}
