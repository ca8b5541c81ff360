package scoring

import (
	"fmt"
	"strings"

	"github.com/jixiao-go/jixiao/rules"
)

// CodeUnspecified is the code an application rule set gives a grade its source names no
// action for (Minfeng's report names none for 中). Such a grade is never given another
// grade's action.
const CodeUnspecified = "unspecified"

// Action is what a grade means for next year's budget (结果应用), as the profile's
// application rule set says. The zero Action has no grade, code or text and is not
// Specified: it names no action.
type Action struct {
	Grade Grade
	Code  string // machine code, stable across wordings: priority, reduce-or-cancel, unspecified…
	Text  string // the action as staff read it: 下年度同类项目优先安排, 未规定…
}

// Specified reports whether the source names an action for the grade: its code is neither
// CodeUnspecified nor empty (the zero Action).
func (a Action) Specified() bool { return a.Code != "" && a.Code != CodeUnspecified }

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

// checkApplication refuses, when a Scorer is made, an application rule set whose two tables
// disagree about a grade: a code that says the source names no action beside an action text,
// or an action code beside the text every uncovered grade gets. A vendor who extends
// minfeng-application and replaces only 结果应用 would otherwise print 核减 for 中 while the
// code, still Minfeng's, says unspecified. What an uncovered grade gets is read from the rule
// set itself (its answer for 未定级), so no wording is assumed here.
func (s *Scorer) checkApplication() error {
	none, err := s.Apply(Ungraded)
	if err != nil || none.Code != CodeUnspecified {
		return nil // no else row, or not the convention: nothing to compare against
	}
	var bad []string
	for _, g := range Grades() {
		a, err := s.Apply(g)
		if err != nil {
			continue // a table without a row for g is reported when g is applied
		}
		switch {
		case a.Code == CodeUnspecified && a.Text != none.Text:
			bad = append(bad, fmt.Sprintf("等级 %s 的 代码 是 %s（未规定），结果应用 却是“%s”，不是未覆盖的等级得到的“%s”", g, a.Code, a.Text, none.Text))
		case a.Code != CodeUnspecified && a.Text == none.Text:
			bad = append(bad, fmt.Sprintf("等级 %s 的 代码 是 %s，结果应用 却是未覆盖的等级得到的“%s”", g, a.Code, a.Text))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("规则集 %s（%s）的 代码 与 结果应用 不一致：%s；两张表须对同一等级给出一致的结果，覆盖其中一张时请同时覆盖另一张",
		s.application.ID(), s.application.File(), strings.Join(bad, "；"))
}
