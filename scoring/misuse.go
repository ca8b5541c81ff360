package scoring

import "github.com/jixiao-go/jixiao/rules"

// errScorer is the error of a caller's mistake: a nil or zero Scorer, which has no rule sets to
// score with. It carries the code rulefile gives the same kind of mistake (rules.ErrMisuse),
// so a platform's bug surfaces as an error it can log, never as a panic in a county's batch.
func errScorer() error {
	return &rules.Error{Code: rules.ErrMisuse, Msg: "调用有误：Scorer 为 nil 或零值，请用 scoring.New 创建"}
}

// ready tells whether s was made by New.
func (s *Scorer) ready() error {
	if s == nil || s.executionB == nil || s.gradeB == nil || s.applicationB == nil || s.indicatorB == nil {
		return errScorer()
	}
	return nil
}
