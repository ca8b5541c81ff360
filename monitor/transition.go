package monitor

import "fmt"

// Change is how a project's grade moved between two checkpoints. The zero Change is
// Unchanged; a value outside the five prints as Change(n).
type Change int

// The changes, in the order a report lists them.
const (
	Unchanged Change = iota // same grade at both checkpoints
	Improved                // a better grade (lower rank) than before
	Worsened                // a worse grade than before
	New                     // graded now, not before
	Dropped                 // graded before, not now
)

// String names the change as staff read it.
func (c Change) String() string {
	switch c {
	case Unchanged:
		return "不变"
	case Improved:
		return "好转"
	case Worsened:
		return "变差"
	case New:
		return "新增"
	case Dropped:
		return "退出"
	}
	return fmt.Sprintf("Change(%d)", int(c))
}

// Transition is one project's move between an earlier and a later checkpoint. Before or
// After is the zero Outcome for a New or Dropped project. Recovered is true when the
// project was flagged 红标 before and now has a better grade. The zero Transition is an
// Unchanged move of a project with no ID, which Compare never gives.
type Transition struct {
	ID        string
	Change    Change
	Before    Outcome
	After     Outcome
	Recovered bool
}

// Compare matches two runs' graded projects by ID: first every project of the later run in
// its order, then those dropped since the earlier run, in the earlier run's order. Both runs
// must grade with the same profile's grades for Improved and Worsened to mean anything; a
// grade is compared by its rank. A project 涉密 at either checkpoint is 涉密 on both sides of
// its transition, so DisplayName hides it whichever side is printed. A nil run is a
// checkpoint with no projects.
func Compare(before, after *Run) []Transition {
	if before == nil {
		before = &Run{}
	}
	if after == nil {
		after = &Run{}
	}
	prev := make(map[string]Outcome, len(before.Graded))
	for _, o := range before.Graded {
		prev[o.ID] = o
	}
	seen := make(map[string]bool, len(after.Graded))
	out := make([]Transition, 0, len(after.Graded))
	for _, o := range after.Graded {
		seen[o.ID] = true
		b, ok := prev[o.ID]
		if !ok {
			out = append(out, Transition{ID: o.ID, Change: New, After: o})
			continue
		}
		if b.Secret || o.Secret {
			// 涉密 at either checkpoint: a file that forgot the mark must not show the name the
			// other hides, through whichever side a report prints
			b.Secret, o.Secret = true, true
		}
		t := Transition{ID: o.ID, Change: changeOf(b.Grade, o.Grade), Before: b, After: o}
		t.Recovered = b.RedFlag && o.Grade.Rank < b.Grade.Rank
		out = append(out, t)
	}
	for _, b := range before.Graded {
		if !seen[b.ID] {
			out = append(out, Transition{ID: b.ID, Change: Dropped, Before: b})
		}
	}
	return out
}

func changeOf(before, after Grade) Change {
	switch {
	case after.Rank < before.Rank:
		return Improved
	case after.Rank > before.Rank:
		return Worsened
	}
	return Unchanged
}

// Counts tallies transitions by change, indexed by Change; a Change outside the five is not
// counted.
func Counts(ts []Transition) [5]int {
	var n [5]int
	for _, t := range ts {
		if t.Change >= Unchanged && int(t.Change) < len(n) {
			n[t.Change]++
		}
	}
	return n
}
