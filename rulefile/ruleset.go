package rulefile

import (
	"encoding/json"
	"time"

	"github.com/jixiao-go/jixiao/rules"
)

// RuleSet is one compiled rule file: a dated version of a named set of rules, with the
// params in force over time, its formulas and decision tables, and the tests kept beside
// them. It is immutable and safe for concurrent use.
type RuleSet struct {
	id, title, version string
	effective, until   time.Time
	hasUntil           bool // until 0001-01-01 is a date, not "no until"
	depth              int  // how many rule sets it extends, one through another
	source, extends    string
	file, hash         string

	inputs   []rules.Input
	defaults map[string]inputDefault // by input name
	params   []Param
	formulas []rules.Formula
	tables   []rules.Table
	tests    []TestCase
	periods  []period // one compiled program per span of dates over which no param changes
	filePos  rules.Pos
	src      *draft // the file as read, to recompile when what it extends is replaced
}

// Param is a named policy value, possibly changing over time.
type Param struct {
	Name   string
	Values []ParamValue // in order of Since
	Pos    rules.Pos
}

// ParamValue is a param's value from a date on.
type ParamValue struct {
	Since     time.Time // zero: from the rule set's effective date
	Value     rules.Value
	Reference string    // the policy text it comes from
	Pos       rules.Pos // where the value is written
	SincePos  rules.Pos // where the date is written
}

// period is a span of dates with one set of param values and its compiled program.
type period struct {
	from time.Time
	prog *rules.Program
}

// or is rs, or for a nil RuleSet an empty one, so that its accessors answer zero values
// rather than panic; what evaluates (Program, Evaluate, Explain) reports the misuse instead.
func (rs *RuleSet) or() *RuleSet {
	if rs == nil {
		return &RuleSet{}
	}
	return rs
}

// misuse is the error of a caller's mistake (a nil or zero Library, RuleSet or Staged).
func misuse(what string) *rules.Error {
	return &rules.Error{Code: rules.ErrMisuse, Msg: "调用有误：" + what}
}

// ID is the rule set's id (ruleset: in the file), the name a Library finds it by.
func (rs *RuleSet) ID() string { return rs.or().id }

// Title is the rule set's title, for people.
func (rs *RuleSet) Title() string { return rs.or().title }

// Version names this version; without version: in the file it is the effective date.
func (rs *RuleSet) Version() string { return rs.or().version }

// Effective is the first day this version is in force.
func (rs *RuleSet) Effective() time.Time { return rs.or().effective }

// Until is the last day this version is in force (inclusive); the zero time means until the
// next version's effective date, unless HasUntil says the file gave until 0001-01-01.
func (rs *RuleSet) Until() time.Time { return rs.or().until }

// HasUntil reports whether the file gives until: the zero time Until returns without one is
// itself a day (0001-01-01) a file may give.
func (rs *RuleSet) HasUntil() bool { return rs.or().hasUntil }

// Source is the policy text the rules come from (source: in the file).
func (rs *RuleSet) Source() string { return rs.or().source }

// Extends is the id of the rule set this one overrides, or "".
func (rs *RuleSet) Extends() string { return rs.or().extends }

// File is the name of the file the rule set was read from, as messages print it.
func (rs *RuleSet) File() string { return rs.or().file }

// Hash is the sha256 of the file (and of what it extends), for 审计留痕: the same hash means
// the same rules.
func (rs *RuleSet) Hash() string { return rs.or().hash }

// Inputs lists the declared inputs, as copies: changing them changes nothing in the rule set.
func (rs *RuleSet) Inputs() []rules.Input {
	out := append([]rules.Input(nil), rs.or().inputs...)
	for i := range out {
		out[i].Aliases = append([]string(nil), out[i].Aliases...)
	}
	return out
}

// Params lists the params with their dated values. The slices are copies: changing them
// changes nothing in the rule set.
func (rs *RuleSet) Params() []Param {
	rs = rs.or()
	out := make([]Param, len(rs.params))
	for i, p := range rs.params {
		p.Values = append([]ParamValue(nil), p.Values...)
		out[i] = p
	}
	return out
}

// Formulas lists the formulas as written.
func (rs *RuleSet) Formulas() []rules.Formula {
	return append([]rules.Formula(nil), rs.or().formulas...)
}

// Tables lists the decision tables as written, as copies.
func (rs *RuleSet) Tables() []rules.Table {
	rs = rs.or()
	out := make([]rules.Table, len(rs.tables))
	for i, t := range rs.tables {
		t.Rows = append([]rules.Row(nil), t.Rows...)
		for j := range t.Rows {
			if e := t.Rows[j].Then.Expr; e != nil {
				c := *e
				t.Rows[j].Then.Expr = &c
			}
		}
		out[i] = t
	}
	return out
}

// Tests lists the test cases kept beside the rules, as copies.
func (rs *RuleSet) Tests() []TestCase {
	rs = rs.or()
	out := make([]TestCase, len(rs.tests))
	for i, tc := range rs.tests {
		tc.Given = append([]TestValue(nil), tc.Given...)
		tc.Expect = append([]TestValue(nil), tc.Expect...)
		out[i] = tc
	}
	return out
}

// InForce reports whether the rule set applies on day at (a nil RuleSet never does).
func (rs *RuleSet) InForce(at time.Time) bool {
	if rs == nil {
		return false
	}
	d := day(at)
	return !d.Before(rs.effective) && (!rs.hasUntil || !d.After(rs.until))
}

// Program returns the compiled program in force on day at (params change over time).
func (rs *RuleSet) Program(at time.Time) (*rules.Program, error) {
	if rs == nil || len(rs.periods) == 0 {
		return nil, misuse("RuleSet 为 nil 或不是由 Library 载入的")
	}
	if !rs.InForce(at) {
		return nil, &rules.Error{Code: rules.ErrFileVersion, File: rs.file, Line: rs.filePos.Line, Col: rs.filePos.Col, RuleID: rs.id,
			Msg: "规则集 " + rs.id + " 在 " + day(at).Format("2006-01-02") + " 不生效（生效期 " + rs.span() + "）"}
	}
	d := day(at)
	p := rs.periods[0].prog
	for _, pr := range rs.periods {
		if !pr.from.After(d) {
			p = pr.prog
		}
	}
	return p, nil
}

func (rs *RuleSet) span() string {
	s := rs.effective.Format("2006-01-02") + " 起"
	if rs.hasUntil {
		s = rs.effective.Format("2006-01-02") + " 至 " + rs.until.Format("2006-01-02")
	}
	return s
}

// Evaluate evaluates one record with the rules in force on day at. An input the record leaves
// out takes the default its file declares (default: in the file; 评价日期 is day at).
func (rs *RuleSet) Evaluate(at time.Time, vars map[string]any) (*Evaluation, error) {
	p, err := rs.Program(at)
	if err != nil {
		return nil, err
	}
	res, err := p.EvalResult(rs.withDefaults(at, vars))
	if err != nil {
		return nil, inRuleSet(err, rs.id)
	}
	return rs.evaluation(at, res, nil), nil
}

// Explain is Evaluate with the trace of every formula, value read and table row tried. When
// the record fails at run time (a table with no matching row, a missing input), the error
// comes with an Evaluation whose Trace shows every step up to the failure and whose Values
// is nil, so a reader sees how far the rules got; when no program is in force, nil.
func (rs *RuleSet) Explain(at time.Time, vars map[string]any) (*Evaluation, error) {
	p, err := rs.Program(at)
	if err != nil {
		return nil, err
	}
	res, trace, err := p.Explain(rs.withDefaults(at, vars))
	if err != nil {
		return rs.evaluation(at, nil, untilFailure(trace, err)), inRuleSet(err, rs.id)
	}
	return rs.evaluation(at, res, trace), nil
}

// untilFailure keeps of a failed evaluation's trace what was really computed. A rule that
// failed goes on tracing as its sub-expressions unwind, with no real values (a division by
// zero is traced as 0): those last steps are dropped, and its formula step keeps its place but
// no value. What it read, and the rows it tried, stay.
func untilFailure(trace []rules.TraceStep, err error) []rules.TraceStep {
	failed := map[string]bool{}
	for _, e := range rules.Errors(err) {
		failed[e.RuleID] = true
	}
	lastRead := map[string]int{} // index of each failed rule's last value read or row tried
	for i, s := range trace {
		if failed[s.Rule] && s.Kind != "step" && s.Kind != "formula" {
			lastRead[s.Rule] = i
		}
	}
	out := make([]rules.TraceStep, 0, len(trace))
	for i, s := range trace {
		if failed[s.Rule] && (s.Kind == "step" || s.Kind == "formula") {
			if last, ok := lastRead[s.Rule]; s.Kind == "step" && (!ok || i > last) {
				continue
			}
			if s.Kind == "formula" {
				s.Value = rules.Value{}
			}
		}
		out = append(out, s)
	}
	return out
}

// Evaluation wraps a Result computed with rs.Program(at) (for example through a Binding, the
// zero-allocation path) with the rule set's id, version, effective date and hash.
func (rs *RuleSet) Evaluation(at time.Time, res *rules.Result) *Evaluation {
	return rs.evaluation(at, res, nil)
}

func (rs *RuleSet) evaluation(at time.Time, res *rules.Result, trace []rules.TraceStep) *Evaluation {
	rs = rs.or()
	return &Evaluation{RuleSet: rs.id, Version: rs.version, Effective: rs.effective.Format("2006-01-02"),
		Hash: rs.hash, At: day(at).Format("2006-01-02"), Values: res, Trace: trace}
}

// Evaluation is one record's results with the rules that produced them (审计留痕): the rule
// set's id, version, effective date and content hash. It marshals to JSON with exact numbers.
type Evaluation struct {
	RuleSet   string            `json:"ruleset"`
	Version   string            `json:"version"`
	Effective string            `json:"effective"`
	Hash      string            `json:"hash"`
	At        string            `json:"at"`
	Values    *rules.Result     `json:"values"`
	Trace     []rules.TraceStep `json:"trace,omitempty"`
}

// day is the calendar day of t, as midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MarshalJSON describes the rule set with dates written 2006-01-02.
func (rs *RuleSet) MarshalJSON() ([]byte, error) {
	rs = rs.or()
	type desc struct {
		ID        string `json:"ruleset"`
		Title     string `json:"title,omitempty"`
		Version   string `json:"version"`
		Effective string `json:"effective"`
		Until     string `json:"until,omitempty"`
		Source    string `json:"source,omitempty"`
		Extends   string `json:"extends,omitempty"`
		File      string `json:"file"`
		Hash      string `json:"hash"`
	}
	d := desc{ID: rs.id, Title: rs.title, Version: rs.version, Effective: rs.effective.Format("2006-01-02"),
		Source: rs.source, Extends: rs.extends, File: rs.file, Hash: rs.hash}
	if rs.hasUntil {
		d.Until = rs.until.Format("2006-01-02")
	}
	return json.Marshal(d)
}

// inRuleSet marks the run-time errors in err with the rule set being evaluated.
func inRuleSet(err error, id string) error {
	list := rules.Errors(err)
	if list == nil {
		return err
	}
	out := make(rules.ErrorList, len(list))
	for i, e := range list {
		c := *e
		c.RuleSet = id
		out[i] = &c
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}
