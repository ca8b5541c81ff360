package monitor

import (
	"github.com/jixiao-go/jixiao/amount"
)

// Record is one project at a checkpoint, as the caller read it. Budget and Spent are exact
// amounts in any unit (the run gives them to the rule set in 万元). Row is the caller's row
// number for messages (for a CSV file, the file's line with the header as row 1); the run
// does not interpret it. Extra carries further inputs the rule set declares (indicator
// progress, a planned share), keyed by input name, with values as rulefile accepts them.
type Record struct {
	Row    int
	ID     string
	Name   string
	Dept   string
	Fund   string // fund type, e.g. 衔接资金, 债务; "" when not given
	Secret bool   // 涉密: counted in every total, never shown by name
	Budget amount.Amount
	Spent  amount.Amount
	Extra  map[string]any
}

// DisplayName is the name every output shows: （涉密） for a 涉密 project.
func (r Record) DisplayName() string {
	if r.Secret {
		return ClassifiedName
	}
	return r.Name
}
