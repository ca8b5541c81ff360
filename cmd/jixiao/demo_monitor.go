package main

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

// The synthetic project-level monitoring data: byte copies of testdata/monitor/synthetic-2024-05.csv
// and -08.csv (TestDemoMonitorDataMatchesFixtures keeps them in step), embedded so an
// installed binary runs the demo from any directory. The projects are invented; only their
// totals by grade equal the seed's table.
var (
	//go:embed monitor-synthetic-2024-05.csv
	synthMayCSV string
	//go:embed monitor-synthetic-2024-08.csv
	synthAugCSV string
)

// demoCheckpoint is one monitoring checkpoint of the demo: its date, its synthetic data and
// the name the seed's table gives it.
type demoCheckpoint struct {
	at   time.Time
	node string
	data string
}

func demoCheckpoints() []demoCheckpoint {
	return []demoCheckpoint{
		{time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), "5月", synthMayCSV},
		{time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC), "8月", synthAugCSV},
	}
}

// renderDemoMonitoring grades the synthetic projects of both checkpoints with the default
// monitoring rule set, through the reader and the package jixiao monitor uses, and sets each
// grade's count and funds beside the seed's printed figures; then the red flags of each
// checkpoint with their deadlines.
func renderDemoMonitoring(printed []monitoringRow) (string, error) {
	lib, err := rulesets.Library()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n六、2024 年绩效监控：由逐个项目算得（合成数据）\n\n"+
		"项目是虚构的（testdata/monitor，固定种子生成），只有各等级的项目数和资金与原文相同；按内置规则集 %s\n"+
		"逐个项目分级后按等级汇总，资金为预算数合计，万元与亿元均为精确值。\n\n", defaultMonitorRules)
	cols := []column{{title: "监控日期"}, {title: "等级"}, {title: "项目数", right: true}, {title: "资金（万元）", right: true},
		{title: "资金（亿元）", right: true}, {title: "原文项目数", right: true}, {title: "原文资金（亿元）", right: true}, {title: "核对"}}
	var rows [][]string
	var flags []string
	for _, cp := range demoCheckpoints() {
		run, err := demoRun(lib, cp)
		if err != nil {
			return "", fmt.Errorf("%s 监控：%w", cp.node, err)
		}
		s := run.Summary()
		for _, l := range s.Lines {
			rows = append(rows, demoMonitorRow(cp, l, printed))
		}
		rows = append(rows, []string{cp.at.Format(dayLayout), "合计", strconv.Itoa(s.Total.Count), exact(s.Total.Wan()), exact(s.Total.Yi()), "", "", ""})
		flags = append(flags, demoFlags(run))
	}
	writeTable(&b, cols, rows)
	b.WriteString("\n")
	b.WriteString(strings.Join(flags, ""))
	return b.String(), nil
}

// demoRun reads a checkpoint's data as jixiao monitor reads a file and grades it.
func demoRun(lib *rulefile.Library, cp demoCheckpoint) (*monitor.Run, error) {
	p, err := monitor.FromLibrary(lib, defaultMonitorRules, cp.at)
	if err != nil {
		return nil, err
	}
	recs, bad, err := readMonitorCSV(strings.NewReader(cp.data), p.RuleSet().Inputs())
	if err != nil {
		return nil, err
	}
	run, err := p.Run(context.Background(), cp.at, recs)
	if err != nil {
		return nil, err
	}
	if n := len(bad) + len(run.Rejected); n > 0 {
		return nil, fmt.Errorf("内置数据有 %d 行不能评级", n)
	}
	return run, nil
}

// demoMonitorRow is one grade's line: computed, printed, and whether they agree exactly.
func demoMonitorRow(cp demoCheckpoint, l monitor.Line, printed []monitoringRow) []string {
	row := []string{cp.at.Format(dayLayout), l.Grade.Name, strconv.Itoa(l.Count), exact(l.Wan()), exact(l.Yi())}
	for _, m := range printed {
		if m.node == cp.node && m.grade == l.Grade.Name {
			agree := m.count.Equal(decimal.NewFromInt(int64(l.Count))) && m.funds.Equal(l.Yi().Value())
			return append(row, m.count.String(), m.funds.String(), verdict(agree))
		}
	}
	return append(row, "", "", "原文无此行")
}

// demoFlags says how many projects a checkpoint flagged and by when each must rectify.
func demoFlags(run *monitor.Run) string {
	flagged := run.Flagged()
	at := run.Checkpoint.Format(dayLayout)
	if len(flagged) == 0 {
		return fmt.Sprintf("%s：红标 0 个。\n", at)
	}
	byDate := map[string]int{}
	for _, o := range flagged {
		byDate[o.RectifyBy.Format(dayLayout)]++
	}
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	parts := make([]string, len(dates))
	for i, d := range dates {
		parts[i] = fmt.Sprintf("%d 个须在 %s 前完成整改", byDate[d], d)
	}
	return fmt.Sprintf("%s：红标 %d 个，%s。\n", at, len(flagged), strings.Join(parts, "，"))
}
