package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// renderExplanation lays out an evaluation for a reader: the rule set and date, the inputs,
// then every result in declaration order with the steps that produced it. For an evaluation
// that failed, failed names the rules the errors are in: the trace shows how far the others got.
func renderExplanation(rs *rulefile.RuleSet, ev *rulefile.Evaluation, vars map[string]any, failed map[string]bool) string {
	var b strings.Builder
	title := ""
	if rs.Title() != "" {
		title = "（" + rs.Title() + "）"
	}
	fmt.Fprintf(&b, "规则集：%s%s\n", ev.RuleSet, title)
	fmt.Fprintf(&b, "版本：%s\n", ev.Version)
	fmt.Fprintf(&b, "生效日期：%s\n", ev.Effective)
	fmt.Fprintf(&b, "hash：%s\n", shortHash(ev.Hash))
	fmt.Fprintf(&b, "计算日期：%s\n", ev.At)
	file := rs.File()
	if rs.Extends() != "" {
		file += "（继承 " + rs.Extends() + "）"
	}
	fmt.Fprintf(&b, "文件：%s\n", file)

	at, _ := time.Parse(dayLayout, ev.At) // the day the rules were evaluated on, for defaults
	if inputs := rs.Inputs(); len(inputs) > 0 {
		b.WriteString("\n输入：\n")
		for _, in := range inputs {
			v, ok := vars[in.Name].(rules.Value)
			if !ok {
				if d, has := rs.Default(in.Name, at); has {
					fmt.Fprintf(&b, "  %s = %s（未给出，取默认值）\n", in.Name, d)
					continue
				}
				fmt.Fprintf(&b, "  %s：未给出\n", in.Name)
				continue
			}
			unit := ""
			if in.Unit != "" {
				unit = " " + in.Unit
			}
			fmt.Fprintf(&b, "  %s = %s%s\n", in.Name, plainValue(v), unit)
		}
	}

	tables := map[string]rules.Table{}
	for _, t := range rs.Tables() {
		tables[t.Name] = t
	}
	b.WriteString("\n结果：\n")
	for _, g := range groupTrace(ev) {
		v, ok := ev.Values.Get(g.rule)
		if ev.Values == nil && !failed[g.rule] { // the evaluation failed elsewhere: as traced
			v, ok = tracedValue(g, tables)
		}
		if ok {
			fmt.Fprintf(&b, "  %s = %s\n", g.rule, plainValue(v))
		} else {
			fmt.Fprintf(&b, "  %s：计算出错，见下面的错误\n", g.rule)
		}
		if t, ok := tables[g.rule]; ok {
			writeTableTrace(&b, t, g.steps)
		} else {
			writeFormulaTrace(&b, g.steps)
		}
	}
	return b.String()
}

// tracedValue is the value a formula or table got before an evaluation failed: the
// formula's own step, or the row that matched; false when the trace shows none (the rule
// that failed).
func tracedValue(g ruleTrace, tables map[string]rules.Table) (rules.Value, bool) {
	_, isTable := tables[g.rule]
	for _, s := range g.steps {
		if (isTable && s.Kind == "row" && s.Matched) || (!isTable && s.Kind == "formula") {
			return s.Value, true
		}
	}
	return rules.Value{}, false
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// ruleTrace is the part of a trace one formula or table wrote.
type ruleTrace struct {
	rule  string
	steps []rules.TraceStep
}

// groupTrace splits the trace by rule, in the results' declaration order (the trace itself is
// in evaluation order, which follows dependencies). Repeated identical steps are dropped.
func groupTrace(ev *rulefile.Evaluation) []ruleTrace {
	byRule := map[string][]rules.TraceStep{}
	var order []string
	for _, s := range ev.Trace {
		steps, seen := byRule[s.Rule]
		if !seen {
			order = append(order, s.Rule)
		}
		if n := len(steps); n > 0 && sameStep(steps[n-1], s) {
			continue
		}
		byRule[s.Rule] = append(steps, s)
	}
	var out []ruleTrace
	done := map[string]bool{}
	for _, name := range ev.Values.Names() {
		if name == "" || done[name] {
			continue
		}
		done[name] = true
		out = append(out, ruleTrace{rule: name, steps: byRule[name]})
	}
	for _, name := range order {
		if name != "" && !done[name] {
			done[name] = true
			out = append(out, ruleTrace{rule: name, steps: byRule[name]})
		}
	}
	return out
}

func sameStep(a, b rules.TraceStep) bool {
	return a.Kind == b.Kind && a.File == b.File && a.Text == b.Text && a.Line == b.Line && a.Col == b.Col &&
		a.Row == b.Row && a.Matched == b.Matched && a.Value.Equal(b.Value) && a.Value.Type() == b.Value.Type()
}

// writeFormulaTrace prints where the formula is and the values and sub-steps it went through.
func writeFormulaTrace(b *strings.Builder, steps []rules.TraceStep) {
	text := ""
	for _, s := range steps {
		if s.Kind == "formula" {
			text = s.Text
			fmt.Fprintf(b, "    %s: %s\n", position(s.File, s.Line, s.Col), oneLine(s.Text))
		}
	}
	for _, s := range steps {
		if s.Kind == "formula" || (s.Kind == "step" && s.Text == text) {
			continue // the formula's own value is on the line above
		}
		writeStep(b, "      ", s)
	}
}

// writeTableTrace prints the table's position and each row tried: ✓ for the row that gave the
// result, ✗ for rows whose condition did not hold, each with the values its condition read.
func writeTableTrace(b *strings.Builder, t rules.Table, steps []rules.TraceStep) {
	fmt.Fprintf(b, "    %s: 决策表，取第一条成立的行\n", position(t.Pos.File, t.Pos.Line, t.Pos.Col))
	var pending []rules.TraceStep
	for _, s := range steps {
		if s.Kind != "row" {
			pending = append(pending, s)
			continue
		}
		mark, outcome := "✗", ""
		switch {
		case s.Failed:
			outcome = "：计算出错，见下面的错误"
		case s.Matched:
			mark, outcome = "✓", " → "+plainValue(s.Value)
		}
		fmt.Fprintf(b, "      %s 第 %d 行 %s%s\n", mark, s.Row, oneLine(s.Text), outcome)
		for _, p := range pending {
			if p.Kind == "step" && p.Text == s.Text {
				continue // the condition's truth is the mark
			}
			writeStep(b, "          ", p)
		}
		pending = pending[:0]
	}
	for _, p := range pending {
		writeStep(b, "          ", p)
	}
}

// writeStep prints one value read or sub-expression computed.
func writeStep(b *strings.Builder, indent string, s rules.TraceStep) {
	if strings.TrimSpace(s.Text) == "" {
		return // a step without text (a failed table's own note) says nothing a reader can place
	}
	note := ""
	if s.Kind == "param" {
		note = "（参数）"
	}
	fmt.Fprintf(b, "%s%s = %s%s\n", indent, oneLine(s.Text), plainValue(s.Value), note)
}

// plainValue prints a value as a reader expects it: numbers exact, text without quotes.
func plainValue(v rules.Value) string {
	switch {
	case !v.IsValid():
		return "（无）"
	case v.Type() == rules.TypeString && v.Text() == "":
		return `""`
	}
	return v.String()
}

var lineBreak = regexp.MustCompile(`[ \t]*\r?\n[ \t]*`)

// oneLine joins an expression written over several lines of the rule file into one line.
func oneLine(s string) string {
	return lineBreak.ReplaceAllString(strings.TrimSpace(s), " ")
}
