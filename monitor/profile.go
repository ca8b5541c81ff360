package monitor

import (
	"fmt"
	"strconv"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// Grade is one grade a profile declares: its name as the rule set writes it (优, 良, 差 for
// Minfeng; 红, 黄, 绿 for a traffic-light profile), its display colour, and its rank (0 is
// the best). The zero Grade is "no grade", ranked nowhere.
type Grade struct {
	Name   string
	Colour string
	Rank   int
}

// String returns the grade's name.
func (g Grade) String() string { return g.Name }

// Profile is a monitoring rule set compiled for one day, with the grades it declares.
// It is immutable and safe for concurrent use. The zero Profile is not usable; make one with
// NewProfile or FromLibrary. A nil or zero Profile has no grades, and Run and Grader answer it
// with an error of code rules.ErrMisuse.
type Profile struct {
	rs      *rulefile.RuleSet
	prog    *rules.Program
	day     time.Time
	grades  []Grade
	inputs  map[string]bool
	hasDate bool
	// indicators holds the input names of each indicator the rule set declares, in order:
	// [i][0] is 指标<i+1>序时目标, [i][1] is 指标<i+1>完成.
	indicators [][2]string
	// workdays is true when the rule set counts rectification days as working days
	// (整改期限口径: 工作日); workdaysAt is where it says so, for messages.
	workdays   bool
	workdaysAt rules.Pos
}

// FromLibrary picks rule set id in force at the checkpoint day from lib.
func FromLibrary(lib *rulefile.Library, id string, day time.Time) (*Profile, error) {
	rs, err := lib.Get(id, day)
	if err != nil {
		return nil, err
	}
	return NewProfile(rs, day)
}

// NewProfile compiles rs for the checkpoint day and reads its grades and colours. A rule set
// without a 等级 table of literal text outcomes, or with colours for some grades but not all,
// is an error naming the file and position, since the run could not summarise by grade.
func NewProfile(rs *rulefile.RuleSet, day time.Time) (*Profile, error) {
	prog, err := rs.Program(day)
	if err != nil {
		return nil, err
	}
	grades, err := declaredGrades(rs, day)
	if err != nil {
		return nil, err
	}
	p := &Profile{rs: rs, prog: prog, day: day, grades: grades, inputs: map[string]bool{}}
	for _, in := range prog.Inputs() {
		p.inputs[in.Name] = true
	}
	p.hasDate = p.inputs[InputCheckpoint]
	for i := 1; ; i++ {
		names := [2]string{indicatorInput(i, IndicatorExpected), indicatorInput(i, IndicatorActual)}
		if !p.inputs[names[0]] || !p.inputs[names[1]] {
			break
		}
		p.indicators = append(p.indicators, names)
	}
	for _, name := range []string{ResultGrade, ResultRedFlag} {
		if prog.Index(name) < 0 {
			return nil, profileError(rs, rules.Pos{}, fmt.Sprintf("监控规则集 %s 没有结果 %s", rs.ID(), name))
		}
	}
	if err := p.readCounting(); err != nil {
		return nil, err
	}
	return p, nil
}

// readCounting reads how the rule set counts rectification days (整改期限口径). A rule set that
// does not declare it computes its 整改期限 itself, as rule sets written before it did.
func (p *Profile) readCounting() error {
	param, value, ok := paramAt(p.rs, ParamRectifyCounting, p.day)
	if !ok {
		return nil
	}
	switch {
	case value.Type() == rules.TypeString && value.Text() == CountCalendarDays:
		return nil
	case value.Type() == rules.TypeString && value.Text() == CountWorkdays:
		p.workdays, p.workdaysAt = true, param.Pos
		if p.prog.Index(ResultRectifyDays) < 0 {
			return profileError(p.rs, param.Pos, fmt.Sprintf("按工作日计算整改期限，规则集还要算出 %s（整改的工作日数）", ResultRectifyDays))
		}
		return nil
	}
	return profileError(p.rs, param.Pos, fmt.Sprintf("参数 %s 应为 %s 或 %s，这里是 %s", ParamRectifyCounting, CountCalendarDays, CountWorkdays, value.String()))
}

// CountsWorkdays tells whether the rule set counts rectification days as working days, so a
// run needs a calendar (WithCalendar).
func (p *Profile) CountsWorkdays() bool { return p != nil && p.workdays }

// Indicators is how many performance indicators a record may carry: the rule set declares
// both inputs of 指标1 to 指标<n>.
func (p *Profile) Indicators() int {
	if p == nil {
		return 0
	}
	return len(p.indicators)
}

func indicatorInput(i int, suffix string) string {
	return IndicatorPrefix + strconv.Itoa(i) + suffix
}

// RuleSet is the rule set the profile runs.
func (p *Profile) RuleSet() *rulefile.RuleSet {
	if p == nil {
		return nil
	}
	return p.rs
}

// Day is the day the profile's params are taken from.
func (p *Profile) Day() time.Time {
	if p == nil {
		return time.Time{}
	}
	return p.day
}

// Grades lists the declared grades, best first. The slice is a copy.
func (p *Profile) Grades() []Grade {
	if p == nil {
		return nil
	}
	return append([]Grade(nil), p.grades...)
}

// Grade finds a declared grade by name.
func (p *Profile) Grade(name string) (Grade, bool) {
	if p == nil {
		return Grade{}, false
	}
	for _, g := range p.grades {
		if g.Name == name {
			return g, true
		}
	}
	return Grade{}, false
}

func declaredGrades(rs *rulefile.RuleSet, day time.Time) ([]Grade, error) {
	var table *rules.Table
	for _, t := range rs.Tables() {
		if t.Name == GradeTable {
			t := t
			table = &t
		}
	}
	if table == nil {
		return nil, profileError(rs, rules.Pos{}, fmt.Sprintf("监控规则集 %s 没有决策表 %s，无法得知有哪些等级", rs.ID(), GradeTable))
	}
	colours := paramTexts(rs, day)
	var grades []Grade
	seen := map[string]bool{}
	for _, row := range table.Rows {
		if row.Then.Expr != nil || row.Then.Value.Type() != rules.TypeString {
			return nil, profileError(rs, row.Pos, fmt.Sprintf("决策表 %s 的每一行都要直接写出等级名（文本），才能列出全部等级", GradeTable))
		}
		name := row.Then.Value.Text()
		if seen[name] {
			continue
		}
		seen[name] = true
		grades = append(grades, Grade{Name: name, Colour: colours[ColourParamPrefix+name], Rank: len(grades)})
	}
	return grades, checkColours(rs, table, grades, colours)
}

// checkColours accepts a profile that declares a colour for every grade, or for none (a rule
// set written before grades had colours shows none); a profile that declares some but not
// all has forgotten one, and that is an error naming it.
func checkColours(rs *rulefile.RuleSet, table *rules.Table, grades []Grade, colours map[string]string) error {
	declared := 0
	for _, g := range grades {
		if _, ok := colours[ColourParamPrefix+g.Name]; ok {
			declared++
		}
	}
	if declared == 0 || declared == len(grades) {
		return nil
	}
	for _, g := range grades {
		if _, ok := colours[ColourParamPrefix+g.Name]; !ok {
			return profileError(rs, table.Rows[0].Pos, fmt.Sprintf("等级 %s 没有显示颜色：请在 params 中写 %s%s（其他等级都写了颜色）", g.Name, ColourParamPrefix, g.Name))
		}
	}
	return nil
}

// paramTexts gives the text params in force on day.
func paramTexts(rs *rulefile.RuleSet, day time.Time) map[string]string {
	out := map[string]string{}
	for _, p := range rs.Params() {
		if v := valueAt(p, day); v.Type() == rules.TypeString {
			out[p.Name] = v.Text()
		}
	}
	return out
}

// paramAt finds the param name and its value in force on day.
func paramAt(rs *rulefile.RuleSet, name string, day time.Time) (rulefile.Param, rules.Value, bool) {
	for _, p := range rs.Params() {
		if p.Name == name {
			v := valueAt(p, day)
			return p, v, v.IsValid()
		}
	}
	return rulefile.Param{}, rules.Value{}, false
}

func valueAt(p rulefile.Param, day time.Time) rules.Value {
	var v rules.Value
	for _, pv := range p.Values {
		if pv.Since.IsZero() || !pv.Since.After(day) {
			v = pv.Value
		}
	}
	return v
}

func profileError(rs *rulefile.RuleSet, pos rules.Pos, msg string) error {
	return &rules.Error{Code: rules.ErrFileValue, Msg: msg, File: fileOf(rs, pos), Line: pos.Line, Col: pos.Col, RuleSet: rs.ID()}
}

func fileOf(rs *rulefile.RuleSet, pos rules.Pos) string {
	if pos.File != "" {
		return pos.File
	}
	return rs.File()
}
