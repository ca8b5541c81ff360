package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/monitor"
)

// previousRun grades the earlier checkpoint's file (--previous) with the rule set in force
// on its own date, so the report can say how each project moved and whether each project
// flagged then has recovered. Its rows that cannot be graded are counted, not compared.
func (o *monitorOptions) previousRun(c *cobra.Command, current *monitor.Profile, opts []monitor.RunOption) (*monitor.Run, int, error) {
	if o.previous == "" {
		return nil, 0, nil
	}
	if o.previousCheckpoint == "" {
		return nil, 0, usagef(c, "用 --previous 时还要写 --previous-checkpoint 上次的监控日期，如 --previous-checkpoint 2024-05-31")
	}
	at, ok := parseDay(o.previousCheckpoint)
	if !ok {
		return nil, 0, usagef(c, "--previous-checkpoint 应为日期，如 2024-05-31，这里是 %q", o.previousCheckpoint)
	}
	if !at.Before(current.Day()) {
		return nil, 0, usagef(c, "--previous-checkpoint %s 应早于本次的 --checkpoint %s", o.previousCheckpoint, o.checkpoint)
	}
	src := o.source
	src.sheet = o.previousSheet
	recs, bad, err := src.readRecords(o.previous, current.RuleSet())
	if err != nil {
		return nil, 0, usagef(c, "%s：%v", o.previous, err)
	}
	rs := current.RuleSet()
	p, err := o.profileByID(c, rs.ID(), at)
	if err != nil {
		return nil, 0, err
	}
	run, err := p.Run(c.Context(), at, recs, opts...)
	if err != nil {
		return nil, 0, runError(c, err)
	}
	return run, bad + len(run.Rejected), nil
}

// previousReport is the comparison with the earlier checkpoint, when there is one.
type previousReport struct {
	run         *monitor.Run
	rejected    int
	transitions []monitor.Transition
}

func newPreviousReport(before, after *monitor.Run, rejected int) *previousReport {
	if before == nil {
		return nil
	}
	return &previousReport{run: before, rejected: rejected, transitions: monitor.Compare(before, after)}
}

func recovery(t monitor.Transition) string {
	switch {
	case !t.Before.RedFlag:
		return ""
	case t.Recovered:
		return "已好转"
	case t.Change == monitor.Dropped:
		return "本次无数据"
	}
	return "未好转"
}

// name is the project's name as shown: （涉密） when either checkpoint's file marks it 涉密,
// since a file that forgets the mark must not reveal what the other one hides.
func (p *previousReport) name(t monitor.Transition) string {
	if t.Before.Secret || t.After.Secret {
		return monitor.ClassifiedName
	}
	if t.Change == monitor.Dropped {
		return t.Before.Name
	}
	return t.After.Name
}

// flaggedBefore counts the projects flagged at the earlier checkpoint by what became of them,
// as the table's 整改结果 column shows it: recovered, not in this checkpoint's data (dropped:
// neither recovered nor not), and the rest not recovered.
func (p *previousReport) flaggedBefore() (flagged, recovered, missing int) {
	for _, t := range p.transitions {
		if t.Before.RedFlag {
			flagged++
			switch {
			case t.Recovered:
				recovered++
			case t.Change == monitor.Dropped:
				missing++
			}
		}
	}
	return flagged, recovered, missing
}

// flagSummary is the sentence on the earlier checkpoint's red flags; its counts add up to
// the flags, with the ones without data this time said apart rather than as not recovered.
func (p *previousReport) flagSummary() string {
	flagged, recovered, missing := p.flaggedBefore()
	s := fmt.Sprintf("上次红标 %d 个，已好转 %d 个，未好转 %d 个", flagged, recovered, flagged-recovered-missing)
	if missing > 0 {
		s += fmt.Sprintf("，本次无数据 %d 个", missing)
	}
	return s
}

func (p *previousReport) write(b *strings.Builder) {
	if p == nil {
		return
	}
	fmt.Fprintf(b, "\n与 %s 相比（上次评级 %d 行，不能评级 %d 行）：\n", p.run.Checkpoint.Format(dayLayout), len(p.run.Graded), p.rejected)
	cols := []column{{title: "项目编号"}, {title: "项目名称"}, {title: "上次等级"}, {title: "本次等级"}, {title: "变化"},
		{title: "上次红标"}, {title: "整改结果"}}
	var rows [][]string
	for _, t := range p.transitions {
		rows = append(rows, []string{t.ID, p.name(t), t.Before.Grade.Name, t.After.Grade.Name, t.Change.String(),
			yesNo(t.Before.RedFlag), recovery(t)})
	}
	writeTable(b, cols, rows)
	n := monitor.Counts(p.transitions)
	var parts []string
	for c := monitor.Unchanged; c <= monitor.Dropped; c++ {
		parts = append(parts, fmt.Sprintf("%s %d 个", c, n[c]))
	}
	fmt.Fprintf(b, "%s；%s。\n", strings.Join(parts, "、"), p.flagSummary())
}

type monitorJSONTransition struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Before        string `json:"before"` // "" for a new project
	After         string `json:"after"`  // "" for a dropped project
	Change        string `json:"change"`
	FlaggedBefore bool   `json:"flagged_before"`
	Recovered     bool   `json:"recovered"`
}

// writeJSON writes one {"transition": …} object per project, before the summary line.
func (p *previousReport) writeJSON(enc *json.Encoder) error {
	if p == nil {
		return nil
	}
	for _, t := range p.transitions {
		jt := monitorJSONTransition{ID: t.ID, Name: p.name(t), Before: t.Before.Grade.Name, After: t.After.Grade.Name,
			Change: t.Change.String(), FlaggedBefore: t.Before.RedFlag, Recovered: t.Recovered}
		if err := enc.Encode(map[string]monitorJSONTransition{"transition": jt}); err != nil {
			return err
		}
	}
	return nil
}
