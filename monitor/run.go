package monitor

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

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

// Rejection is a record the rule set could not grade, with the reason. Err is never nil in
// a Rejection a run gives; the zero Rejection is not one.
type Rejection struct {
	Record
	Err error
}

// Run is the result of one checkpoint: every record is in Graded or Rejected, in the order
// given. It is a plain value; Summary and Compare read it. A nil or zero Run holds no
// records: In is 0, Flagged is empty and its Summary has no lines.
type Run struct {
	Checkpoint time.Time
	Profile    *Profile
	Graded     []Outcome
	Rejected   []Rejection
}

// In is the number of records the run was given: len(Graded) + len(Rejected).
func (r *Run) In() int {
	if r == nil {
		return 0
	}
	return len(r.Graded) + len(r.Rejected)
}

// Flagged lists the outcomes flagged 红标, in input order.
func (r *Run) Flagged() []Outcome {
	var out []Outcome
	if r == nil {
		return nil
	}
	for _, o := range r.Graded {
		if o.RedFlag {
			out = append(out, o)
		}
	}
	return out
}

// RunOption configures one run (WithCalendar is the only one). A nil RunOption is skipped.
type RunOption func(*runConfig)

type runConfig struct {
	calendar *Calendar
}

// WithCalendar gives the run the working-day calendar a rule set that counts rectification
// days as working days (整改期限口径: 工作日) needs. A rule set that counts calendar days does not
// read it.
func WithCalendar(c *Calendar) RunOption {
	return func(rc *runConfig) { rc.calendar = c }
}

// Run grades recs at the checkpoint, a calendar date (its year, month and day are read in
// its own location; callers in China pass dates in Asia/Shanghai). The rule set receives
// 预算数 and 执行数 in 万元, 月份 (the checkpoint's month) and, when it declares it, 监控日期.
// A record that fails is rejected with its reason and the others go on; so is a record
// without an ID or with the ID of an earlier record (the first one is graded). The run fails as a
// whole only when the rule set counts working days and no calendar covering the
// checkpoint's year was given (a *rules.Error naming the param), or when ctx is done,
// checked between records, and then the run holds the records done so far. A nil or zero
// Profile, or a nil ctx, is an error of code rules.ErrMisuse.
// Run holds every outcome; a caller streaming more records than it wants to hold grades them
// with a Grader per goroutine and sums them with a Tally, which is what Run does.
func (p *Profile) Run(ctx context.Context, checkpoint time.Time, recs []Record, opts ...RunOption) (*Run, error) {
	if ctx == nil {
		return nil, misuse("context 为 nil，请传 context.Background()")
	}
	g, err := p.Grader(checkpoint, opts...)
	if err != nil {
		return nil, err
	}
	run := &Run{Checkpoint: g.day, Profile: p, Graded: make([]Outcome, 0, len(recs))}
	ids := NewIDs()
	for i := range recs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return run, err
			}
		}
		if err := ids.Check(&recs[i]); err != nil {
			run.Rejected = append(run.Rejected, Rejection{Record: recs[i], Err: err})
			continue
		}
		o, err := g.Grade(&recs[i])
		if err != nil {
			run.Rejected = append(run.Rejected, Rejection{Record: recs[i], Err: err})
			continue
		}
		run.Graded = append(run.Graded, o)
	}
	return run, nil
}

// checkCalendar refuses a working-day run without a calendar for the checkpoint's year:
// counting calendar days instead would give a wrong deadline without a word.
func (p *Profile) checkCalendar(day time.Time, cal *Calendar) error {
	if !p.workdays {
		return nil
	}
	msg := ""
	switch {
	case cal == nil:
		msg = fmt.Sprintf("规则集 %s 按工作日计算整改期限（%s: %s），需要工作日历：命令行用 --calendar 文件，程序用 monitor.WithCalendar", p.rs.ID(), ParamRectifyCounting, CountWorkdays)
	case !cal.covers(day.Year()):
		msg = fmt.Sprintf("规则集 %s 按工作日计算整改期限，工作日历没有监控日期所在的 %d 年（日历有：%s）", p.rs.ID(), day.Year(), yearList(cal.Years()))
	default:
		return nil
	}
	return &rules.Error{Code: rules.ErrMissingInput, Msg: msg, File: fileOf(p.rs, p.workdaysAt), Line: p.workdaysAt.Line, Col: p.workdaysAt.Col, RuleSet: p.rs.ID()}
}

func yearList(ys []int) string {
	if len(ys) == 0 {
		return "无"
	}
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, "、")
}

// rectifyBy is a flagged project's deadline: the rule set's 整改期限 when it counts calendar
// days, else its 整改期限天数 working days after the checkpoint by the caller's calendar.
func (g *Grader) rectifyBy() (time.Time, error) {
	if !g.p.workdays {
		if v := g.result(g.at.rectifyBy); v.Type() == rules.TypeDate {
			return v.Time(), nil
		}
		return time.Time{}, nil
	}
	v := g.result(g.at.rectifyDays)
	n, ok := wholeDays(v)
	if !ok {
		return time.Time{}, fmt.Errorf("规则集 %s 算出的 %s 是 %s，按工作日计算时应为 0 到 %d 的整数", g.p.rs.ID(), ResultRectifyDays, v.String(), maxWorkdays)
	}
	return g.cal.AddWorkdays(g.day, n)
}

// wholeDays reads a whole number of days from 0 to maxWorkdays.
func wholeDays(v rules.Value) (int, bool) {
	if v.Type() != rules.TypeDecimal && v.Type() != rules.TypeInt {
		return 0, false
	}
	d := v.Decimal()
	if !d.IsInteger() || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(maxWorkdays)) {
		return 0, false
	}
	return int(d.IntPart()), true
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

// calendarDay keeps a time's calendar date, at midnight UTC, the form rule files use.
func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
