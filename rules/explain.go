package rules

// TraceStep is one line of an explanation: a formula's value, a sub-expression's value,
// a value read, or a decision-table row tried.
type TraceStep struct {
	Rule    string `json:"rule,omitempty"` // the formula or table
	Kind    string `json:"kind"`           // formula, step, value, param, row
	File    string `json:"file,omitempty"` // the rule file the text is in
	Text    string `json:"text"`           // the rule text (a row's condition, or "else")
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Row     int    `json:"row,omitempty"`     // 1-based, for rows
	Matched bool   `json:"matched,omitempty"` // for rows: this row gave the result
	Failed  bool   `json:"failed,omitempty"`  // for rows: computing the condition failed; the error follows
	Value   Value  `json:"value"`
}

// Explain evaluates like EvalResult and also returns the trace: each formula with its value, each
// sub-expression and value read on the way, and each table row tried. It computes with
// decimal.Decimal throughout, so it is slower than EvalResult; the digits are the same.
func (p *Program) Explain(vars map[string]any) (*Result, []TraceStep, error) {
	if !p.usable() {
		return nil, nil, errNoProgram()
	}
	p.once.Do(func() { p.traced = p.traceRun() })
	f := p.frame()
	defer p.release(f)
	var trace []TraceStep
	res := p.NewResult()
	f.reset()
	err := p.loadMap(f, vars)
	if err == nil {
		_, err = p.exec(f, nil, func(f *frame) {
			f.trace = &trace
			p.traced(f)
		})
	}
	if err != nil {
		return nil, trace, err
	}
	p.collect(f, true, res)
	return res, trace, nil
}
