package main

import (
	"bytes"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
)

type scoreJSONItem struct {
	Name   string `json:"name"`
	Level1 string `json:"level1"`
	Points string `json:"points"`
	Score  string `json:"score"`
}

type scoreJSONBand struct {
	Name  string  `json:"name"`
	Rate  *string `json:"rate"`
	Score string  `json:"score"`
}

type scoreJSONProject struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"`
	ExecutionRate *string         `json:"execution_rate"`  // null for a form without 预算数 and 执行数
	OverBudget    *bool           `json:"over_budget"`     // 超额执行: kept, not capped; null as execution_rate
	MustExplain   *bool           `json:"must_explain"`    // 须说明原因: under the rule set's line; null as execution_rate
	ExecScore     *string         `json:"execution_score"` // 预算执行率得分, part of score but no item's; null as execution_rate
	Score         string          `json:"score"`
	Grade         scoring.Grade   `json:"grade"`
	Action        string          `json:"action"`
	ActionCode    string          `json:"action_code"`
	Items         []scoreJSONItem `json:"items"`
	Bands         []scoreJSONBand `json:"bands,omitempty"` // a department's banded items
}

type scoreJSONFinding struct {
	Finding    string `json:"finding"`
	Row        int    `json:"row"`
	Declared   string `json:"declared"`
	Computed   string `json:"computed"`
	Difference string `json:"difference"`
}

type scoreJSONGrade struct {
	Grade  scoring.Grade `json:"grade"`
	Count  int           `json:"count"`
	Budget string        `json:"budget"`
}

type scoreJSONSummary struct {
	Rows          int              `json:"rows"`
	ScoredRows    int              `json:"scored_rows"`
	RejectedRows  int              `json:"rejected_rows"`
	Projects      int              `json:"projects"`
	Findings      int              `json:"findings"`
	ByGrade       []scoreJSONGrade `json:"by_grade"`
	TargetsMet    int              `json:"targets_met"`
	Targets       int              `json:"targets"`
	AverageScore  *string          `json:"average_score"`
	ExecutionRate *string          `json:"execution_rate"`
}

// jsonLines writes one JSON object a line: projects, rejected rows, findings, the summary.
func (r *scoreReport) jsonLines() ([]byte, error) {
	var lines []any
	for _, sf := range r.scored {
		lines = append(lines, projectJSON(sf))
	}
	for _, e := range r.rejected {
		lines = append(lines, e)
	}
	for _, f := range r.findings {
		lines = append(lines, scoreJSONFinding{Finding: f.f.String(), Row: f.row, Declared: f.f.Declared.Text,
			Computed: f.f.ComputedText(), Difference: f.f.DifferenceText()})
	}
	lines = append(lines, struct {
		Summary scoreJSONSummary `json:"summary"`
	}{r.summaryJSON()})
	var buf bytes.Buffer
	for _, l := range lines {
		b, err := jsonLine(l)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
	}
	return buf.Bytes(), nil
}

func projectJSON(sf scoredForm) scoreJSONProject {
	p := scoreJSONProject{ID: sf.id, Name: sf.name, Score: sf.graded.ShownText(), Grade: sf.graded.Grade,
		Action: sf.action.Text, ActionCode: sf.action.Code, Items: []scoreJSONItem{}}
	if sf.exec != nil {
		rate := shownRate(*sf.exec)
		over, explain := sf.exec.Over, sf.exec.Explain
		p.ExecutionRate, p.OverBudget, p.MustExplain = &rate, &over, &explain
		if sf.execPart {
			score := sf.exec.Score.String()
			p.ExecScore = &score
		}
	}
	for _, it := range sf.items {
		p.Items = append(p.Items, scoreJSONItem{Name: it.Indicator.Name, Level1: it.Indicator.Level1,
			Points: it.Points.String(), Score: it.Score.String()})
	}
	for _, b := range sf.bands {
		band := scoreJSONBand{Name: b.Name, Score: b.Score.String()}
		if b.Rate.Valid {
			rate := b.Rate.Decimal.String()
			band.Rate = &rate
		}
		p.Bands = append(p.Bands, band)
	}
	return p
}

func (r *scoreReport) summaryJSON() scoreJSONSummary {
	s := scoreJSONSummary{Rows: r.rows, ScoredRows: r.scoredRows(), RejectedRows: len(r.rejected),
		Projects: len(r.scored), Findings: len(r.findings), TargetsMet: r.met, Targets: r.targets,
		ByGrade: []scoreJSONGrade{}}
	for _, t := range r.summary.ByGrade {
		s.ByGrade = append(s.ByGrade, scoreJSONGrade{Grade: t.Grade, Count: t.Count, Budget: t.Budget.String()})
	}
	if avg, ok := r.summary.AverageScore(); ok {
		text := amount.FormatDecimal(avg, 2)
		s.AverageScore = &text
	}
	if r.overall != nil {
		text := shownRate(*r.overall)
		s.ExecutionRate = &text
	}
	return s
}

// shownRate is the rate as shown, as a ratio with the places the rule set rounded it to:
// "0.8000" for 80.00%.
func shownRate(e scoring.Execution) string {
	return amount.FormatDecimal(e.Shown, max(-e.Shown.Exponent(), 0))
}
