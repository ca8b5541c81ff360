package monitor

import (
	"sort"
	"time"

	"github.com/jixiao-go/jixiao/amount"
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

func (l *Line) add(o *Outcome) {
	l.Count++
	l.Funds = l.Funds.Add(o.Budget.In(amount.Wan)).In(amount.Wan)
}

// Group is the summary of the projects sharing a 部门 or a fund type: one Line per declared
// grade, best first, and their total.
type Group struct {
	Key   string // the 部门 or fund type; "" for records that gave none
	Lines []Line
	Total Line
}

// Summary is a checkpoint's summary: one Line per declared grade (grades no project has
// included, with 0), the total of the graded projects, the number rejected, and the same
// by 部门 and by fund type (each sorted by key). 涉密 projects count everywhere; a Summary
// holds no names.
type Summary struct {
	Checkpoint time.Time
	Lines      []Line
	Total      Line
	Rejected   int
	Flagged    int
	ByDept     []Group
	ByFund     []Group
}

// Summary counts the run's graded projects and funds by grade, 部门 and fund type.
func (r *Run) Summary() Summary {
	grades := r.Profile.grades
	s := Summary{Checkpoint: r.Checkpoint, Lines: newLines(grades), Total: Line{Funds: zeroWan()}, Rejected: len(r.Rejected)}
	depts := map[string]*Group{}
	funds := map[string]*Group{}
	for i := range r.Graded {
		o := &r.Graded[i]
		s.Lines[o.Grade.Rank].add(o)
		s.Total.add(o)
		if o.RedFlag {
			s.Flagged++
		}
		groupOf(depts, o.Dept, grades).add(o)
		groupOf(funds, o.Fund, grades).add(o)
	}
	s.ByDept = sortedGroups(depts)
	s.ByFund = sortedGroups(funds)
	return s
}

func newLines(grades []Grade) []Line {
	lines := make([]Line, len(grades))
	for i, g := range grades {
		lines[i] = Line{Grade: g, Funds: zeroWan()}
	}
	return lines
}

func groupOf(m map[string]*Group, key string, grades []Grade) *Group {
	g, ok := m[key]
	if !ok {
		g = &Group{Key: key, Lines: newLines(grades), Total: Line{Funds: zeroWan()}}
		m[key] = g
	}
	return g
}

func (g *Group) add(o *Outcome) {
	g.Lines[o.Grade.Rank].add(o)
	g.Total.add(o)
}

func sortedGroups(m map[string]*Group) []Group {
	out := make([]Group, 0, len(m))
	for _, g := range m {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// zeroWan is 0万元, so that sums stay in 万元 from the start.
func zeroWan() amount.Amount { return amount.Amount{}.In(amount.Wan) }
