package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// evalFills are the fill colours a rule set declares for its text results, as the monitor's
// grades have them: the text param 颜色_<值> in force on the day colours every result cell
// holding that value (颜色_红: 红色 fills a 等级 of 红). A colour the report cannot show is an
// error at the param, found before anything is written.
func evalFills(rs *rulefile.RuleSet, at time.Time) (map[string]string, error) {
	fills := map[string]string{}
	var problems rules.ErrorList
	for _, p := range rs.Params() {
		value, ok := strings.CutPrefix(p.Name, monitor.ColourParamPrefix)
		if !ok || value == "" {
			continue
		}
		v, pos := paramValueAt(p, at)
		if v.Type() != rules.TypeString {
			continue
		}
		if err := tables.CheckColour(v.Text()); err != nil {
			problems = append(problems, &rules.Error{Code: rules.ErrFileValue, Msg: fmt.Sprintf("参数 %s：%v", p.Name, err),
				File: pos.File, Line: pos.Line, Col: pos.Col, RuleSet: rs.ID()})
			continue
		}
		fills[value] = v.Text()
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return fills, nil
}

// paramValueAt is the param's value in force on day, and where it is written.
func paramValueAt(p rulefile.Param, day time.Time) (rules.Value, rules.Pos) {
	var v rules.Value
	var pos rules.Pos
	for _, pv := range p.Values {
		if pv.Since.IsZero() || !pv.Since.After(day) {
			v, pos = pv.Value, pv.Pos
		}
	}
	return v, pos
}
