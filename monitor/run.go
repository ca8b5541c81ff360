package monitor

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// Outcome is one graded project: its record, its grade, its deviation as the rule set
// rounds it (HasDeviation is false when the rule set has no 偏差 result), whether it was
// flagged 红标, and its rectification date (zero when not flagged).
type Outcome struct {
	Record
	Grade        Grade
	Deviation    decimal.Decimal
	HasDeviation bool
	RedFlag      bool
	RectifyBy    time.Time
}

// Rejection is a record the rule set could not grade, with the reason.
type Rejection struct {
	Record
	Err error
}

// Run is the result of one checkpoint: every record is in Graded or Rejected, in the order
// given. It is a plain value; Summary and Compare read it.
type Run struct {
	Checkpoint time.Time
	Profile    *Profile
	Graded     []Outcome
	Rejected   []Rejection
}

// In is the number of records the run was given: len(Graded) + len(Rejected).
func (r *Run) In() int { return len(r.Graded) + len(r.Rejected) }

// Flagged lists the outcomes flagged 红标, in input order.
func (r *Run) Flagged() []Outcome {
	var out []Outcome
	for _, o := range r.Graded {
		if o.RedFlag {
			out = append(out, o)
		}
	}
	return out
}

// Run grades recs at the checkpoint, a calendar date (its year, month and day are read in
// its own location; callers in China pass dates in Asia/Shanghai). The rule set receives
// 预算数 and 执行数 in 万元, 月份 (the checkpoint's month) and, when it declares it, 监控日期.
// A record that fails is rejected with its reason and the others go on; the only error is
// ctx's, checked between records, and then the run holds the records done so far.
func (p *Profile) Run(ctx context.Context, checkpoint time.Time, recs []Record) (*Run, error) {
	day := calendarDay(checkpoint)
	run := &Run{Checkpoint: day, Profile: p, Graded: make([]Outcome, 0, len(recs))}
	vars := make(map[string]any, 4)
	defaults := p.defaults(day)
	res := p.prog.NewResult()
	for i := range recs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return run, err
			}
		}
		o, err := p.grade(day, &recs[i], vars, defaults, res)
		if err != nil {
			run.Rejected = append(run.Rejected, Rejection{Record: recs[i], Err: err})
			continue
		}
		run.Graded = append(run.Graded, o)
	}
	return run, nil
}

func (p *Profile) grade(day time.Time, rec *Record, vars, defaults map[string]any, res *rules.Result) (Outcome, error) {
	clear(vars)
	for k, v := range rec.Extra {
		vars[k] = v
	}
	if len(rec.Indicators) > len(p.indicators) {
		return Outcome{}, fmt.Errorf("项目有 %d 项绩效指标，规则集 %s 只声明了 %d 项（输入 %s1%s、%s1%s …）",
			len(rec.Indicators), p.rs.ID(), len(p.indicators), IndicatorPrefix, IndicatorExpected, IndicatorPrefix, IndicatorActual)
	}
	for i, ind := range rec.Indicators {
		vars[p.indicators[i][0]] = ind.Expected
		vars[p.indicators[i][1]] = ind.Actual
	}
	vars[InputBudget] = rec.Budget.In(amount.Wan).Value()
	vars[InputSpent] = rec.Spent.In(amount.Wan).Value()
	vars[InputMonth] = int(day.Month())
	if p.hasDate {
		vars[InputCheckpoint] = day
	}
	for k, v := range defaults {
		if _, ok := vars[k]; !ok {
			vars[k] = v
		}
	}
	if err := p.prog.EvalInto(vars, res); err != nil {
		return Outcome{}, err
	}
	o := Outcome{Record: *rec}
	gv, _ := res.Get(ResultGrade)
	g, ok := p.Grade(gv.Text())
	if !ok {
		return Outcome{}, fmt.Errorf("规则集 %s 给出的等级 %q 不在决策表 %s 中", p.rs.ID(), gv.String(), GradeTable)
	}
	o.Grade = g
	if dv, ok := res.Get(ResultDeviation); ok && dv.Type() == rules.TypeDecimal {
		o.Deviation, o.HasDeviation = dv.Decimal(), true
	}
	fv, _ := res.Get(ResultRedFlag)
	o.RedFlag = fv.Type() == rules.TypeBool && fv.Bool()
	if o.RedFlag {
		o.RectifyBy = rectifyBy(res)
	}
	return o, nil
}

// defaults are the values the rule set declares (default: in the file) for inputs a record
// may leave out, such as the indicators a project does not have, as they stand on day.
func (p *Profile) defaults(day time.Time) map[string]any {
	out := map[string]any{}
	for name := range p.inputs {
		if v, ok := p.rs.Default(name, day); ok {
			out[name] = v
		}
	}
	return out
}

// rectifyBy is the flagged project's deadline, as the rule set computes it (整改期限, from the
// 监控日期 the run supplies): the deadline is policy, so no date arithmetic happens here. Zero
// when the rule set computes none.
func rectifyBy(res *rules.Result) time.Time {
	if v, ok := res.Get(ResultRectifyBy); ok && v.Type() == rules.TypeDate {
		return v.Time()
	}
	return time.Time{}
}

// calendarDay keeps a time's calendar date, at midnight UTC, the form rule files use.
func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
