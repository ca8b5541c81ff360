package scoring

import (
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// CodeUnspecified is the code an application rule set gives a grade its source names no
// action for (Minfeng's report names none for 中). Such a grade is never given another
// grade's action.
const CodeUnspecified = "unspecified"

// Action is what a grade means for next year's budget (结果应用), as the profile's
// application rule set says.
type Action struct {
	Grade Grade
	Code  string // machine code, stable across wordings: priority, reduce-or-cancel, unspecified…
	Text  string // the action as staff read it: 下年度同类项目优先安排, 未规定…
}

// Specified reports whether the source names an action for the grade.
func (a Action) Specified() bool { return a.Code != CodeUnspecified }

// Apply looks up the action for a grade. Ungraded has the action its rule set gives an
// uncovered grade (未规定 by default); a Grade outside the constants is an error, not 未规定.
func (s *Scorer) Apply(g Grade) (Action, error) {
	if err := s.ready(); err != nil {
		return Action{}, err
	}
	if g < Ungraded || g > Poor {
		return Action{}, fmt.Errorf("等级 %s 无效：应为 优、良、中、差 或 未定级", g)
	}
	var v [2]rules.Value
	if err := s.applicationB.eval(&applicationRecord{Grade: g.String()}, v[:]); err != nil {
		return Action{}, err
	}
	return Action{Grade: g, Code: v[0].Text(), Text: v[1].Text()}, nil
}
