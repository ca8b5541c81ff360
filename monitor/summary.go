package monitor

import (
	"sort"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/shopspring/decimal"
)

// Line is one grade's count of projects and their funds (the sum of their 预算数, the
// seed's 涉及资金), exact. The zero Line is no projects and 0元.
type Line struct {
	Grade Grade
	Count int
	Funds amount.Amount
}

// Wan is the funds in 万元, exact.
func (l Line) Wan() amount.Amount { return l.Funds.In(amount.Wan) }

// Yi is the funds in 亿元, exact.
func (l Line) Yi() amount.Amount { return l.Funds.In(amount.Yi) }

// Group is the summary of the projects sharing a 部门 or a fund type: one Line per declared
// grade, best first, and their total. The zero Group is the group of no key with no
// projects.
type Group struct {
	Key   string // the 部门 or fund type; "" for records that gave none
	Lines []Line
	Total Line
}

// Summary is a checkpoint's summary: one Line per declared grade (grades no project has
// included, with 0), the total of the graded projects, the number rejected, and the same
// by 部门 and by fund type (each sorted by key). 涉密 projects count everywhere; a Summary
// holds no names. The zero Summary, which a nil Run gives, has no lines and counts nothing.
type Summary struct {
	Checkpoint time.Time
	Lines      []Line
	Total      Line
	Rejected   int
	Flagged    int
	ByDept     []Group
	ByFund     []Group
}

// Summary counts the run's graded projects and funds by grade, 部门 and fund type. A nil Run
// has an empty summary.
func (r *Run) Summary() Summary {
	if r == nil {
		return Summary{}
	}
	t := r.Profile.NewTally(r.Checkpoint)
	for i := range r.Graded {
		t.Add(&r.Graded[i])
	}
	for range r.Rejected {
		t.Reject()
	}
	return t.Summary()
}

// Tally sums outcomes into a Summary one at a time, so a caller streaming a run holds its
// totals, not its outcomes. Make one with Profile.NewTally; the zero Tally knows no grades,
// so it counts every outcome as rejected (see Add). It is not safe for concurrent use.
type Tally struct {
	day      time.Time
	grades   []Grade
	cells    map[tallyKey]*tallyCell
	flagged  int
	rejected int
}

// tallyKey is one cell of the summary: the projects of a 部门 and fund type with one grade.
// Adding an outcome touches one cell; the lines by grade, 部门 and fund type are summed from
// the cells when a Summary is asked for.
type tallyKey struct {
	dept, fund string
	rank       int
}

type tallyCell struct {
	count int
	funds decimal.Decimal // 万元
}

// NewTally starts an empty summary of the checkpoint, with a line for each declared grade
// (none for a nil or zero Profile).
func (p *Profile) NewTally(checkpoint time.Time) *Tally {
	t := &Tally{day: calendarDay(checkpoint), cells: map[tallyKey]*tallyCell{}}
	if p != nil {
		t.grades = p.grades
	}
	return t
}

// Add counts one graded project. Its grade must be one of the profile's, as a Grader gives:
// an outcome with another grade — the zero Grade, or a grade of another profile — has no line
// to go on, and counting it on the line its rank points at would put it under a grade it was
// never given (a zero Grade under 优). It is counted as rejected instead, so the totals still
// account for every record. A nil outcome is not counted.
func (t *Tally) Add(o *Outcome) {
	if o == nil {
		return
	}
	if !t.declares(o.Grade) {
		t.rejected++
		return
	}
	if t.cells == nil {
		t.cells = map[tallyKey]*tallyCell{}
	}
	k := tallyKey{dept: o.Dept, fund: o.Fund, rank: o.Grade.Rank}
	c, ok := t.cells[k]
	if !ok {
		// copies, so a key cut from a CSV line does not keep the line alive
		k.dept, k.fund = strings.Clone(k.dept), strings.Clone(k.fund)
		c = &tallyCell{}
		t.cells[k] = c
	}
	c.count++
	c.funds = c.funds.Add(o.Budget.In(amount.Wan).Value())
	if o.RedFlag {
		t.flagged++
	}
}

// declares tells whether g is one of the tally's grades, by rank and name.
func (t *Tally) declares(g Grade) bool {
	return g.Rank >= 0 && g.Rank < len(t.grades) && t.grades[g.Rank].Name == g.Name
}

// Reject counts one record that could not be graded.
func (t *Tally) Reject() { t.rejected++ }

// Summary is the summary so far. The Tally may go on counting after it.
func (t *Tally) Summary() Summary {
	s := Summary{Checkpoint: t.day, Lines: newLines(t.grades), Total: Line{Funds: zeroWan()}, Rejected: t.rejected, Flagged: t.flagged}
	depts := map[string]*Group{}
	funds := map[string]*Group{}
	for k, c := range t.cells {
		s.Lines[k.rank].addCell(c)
		s.Total.addCell(c)
		groupOf(depts, k.dept, s.Lines).addCell(k.rank, c)
		groupOf(funds, k.fund, s.Lines).addCell(k.rank, c)
	}
	s.ByDept = sortedGroups(depts)
	s.ByFund = sortedGroups(funds)
	return s
}

func (l *Line) addCell(c *tallyCell) {
	l.Count += c.count
	l.Funds = l.Funds.Add(amount.New(c.funds, amount.Wan)).In(amount.Wan)
}

func (g *Group) addCell(rank int, c *tallyCell) {
	g.Lines[rank].addCell(c)
	g.Total.addCell(c)
}

func cloneLines(ls []Line) []Line { return append([]Line(nil), ls...) }

func newLines(grades []Grade) []Line {
	lines := make([]Line, len(grades))
	for i, g := range grades {
		lines[i] = Line{Grade: g, Funds: zeroWan()}
	}
	return lines
}

func groupOf(m map[string]*Group, key string, lines []Line) *Group {
	g, ok := m[key]
	if !ok {
		g = &Group{Key: key, Lines: make([]Line, len(lines)), Total: Line{Funds: zeroWan()}}
		for i, l := range lines {
			g.Lines[i] = Line{Grade: l.Grade, Funds: zeroWan()}
		}
		m[key] = g
	}
	return g
}

func sortedGroups(m map[string]*Group) []Group {
	out := make([]Group, 0, len(m))
	for _, g := range m {
		c := *g
		c.Lines = cloneLines(g.Lines)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// zeroWan is 0万元, so that sums stay in 万元 from the start.
func zeroWan() amount.Amount { return amount.Amount{}.In(amount.Wan) }
