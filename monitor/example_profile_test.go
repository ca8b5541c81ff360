package monitor_test

import (
	"context"
	"fmt"
	"time"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

// A county whose 良 stops at 15% and whose grades have display colours writes a file that
// extends Minfeng's and changes only those params; the profile is picked by id and date, as
// the embedded ones are.
func ExampleFromLibrary() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = lib.LoadBytes(rulefile.Source{Name: "示例县-监控.yaml", Data: []byte(`ruleset: 示例县-监控
title: 示例县绩效运行监控
extends: minfeng-monitor
effective: 2024-01-01
params:
  良上限: 15%
  颜色_优: 绿色
  颜色_良: 黄色
  颜色_差: 红色
`)})
	if err != nil {
		fmt.Println(err)
		return
	}
	aug := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, "示例县-监控", aug)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range p.Grades() {
		fmt.Println(g.Rank, g.Name, g.Colour)
	}
	run, err := p.Run(context.Background(), aug, []monitor.Record{
		{ID: "A", Name: "落后百分之十五", Budget: mustWan("120"), Spent: mustWan("68")},
		{ID: "B", Name: "落后百分之二十", Budget: mustWan("15"), Spent: mustWan("8")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range run.Graded {
		fmt.Println(o.ID, o.Name, o.Grade, o.Grade.Colour, o.RedFlag)
	}

	_, err = monitor.FromLibrary(lib, "示例县-监空", aug)
	fmt.Println(err)
	// Output:
	// 0 优 绿色
	// 1 良 黄色
	// 2 差 红色
	// A 落后百分之十五 良 黄色 false
	// B 落后百分之二十 差 红色 true
	// 没有规则集 示例县-监空，是否为 示例县-监控？
}

// NewProfile takes a rule set a platform already holds. One that does not grade (here the
// execution-rate rule set) is refused with its file, before any record is read.
func ExampleNewProfile() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	may := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	rs, err := lib.Get("minfeng-monitor", may)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := monitor.NewProfile(rs, may)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.RuleSet().ID(), p.Grades(), p.CountsWorkdays(), p.Indicators())

	rs, err = lib.Get("national-execution", may)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = monitor.NewProfile(rs, may)
	fmt.Println(err)
	// Output:
	// minfeng-monitor [优 良 差] false 0
	// rulesets/national-execution.yaml: 监控规则集 national-execution 没有决策表 等级，无法得知有哪些等级
}

// A Tally sums outcomes as they come: a line per declared grade, best first, even for a grade
// no project has, and every record counted once, graded or rejected.
func ExampleProfile_NewTally() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	may := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, "minfeng-monitor", may)
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := p.Grader(may)
	if err != nil {
		fmt.Println(err)
		return
	}
	tally := p.NewTally(may)
	for _, rec := range []monitor.Record{
		{ID: "A", Dept: "民政局", Budget: mustWan("120"), Spent: mustWan("50")},
		{ID: "B", Dept: "民政局", Budget: mustWan("80"), Spent: mustWan("30")},
		{ID: "C", Dept: "教育局", Budget: mustWan("100")},
		{ID: "D", Dept: "教育局", Budget: mustWan("-5")},
	} {
		o, err := g.Grade(&rec)
		if err != nil {
			fmt.Println(rec.ID, err)
			tally.Reject()
			continue
		}
		tally.Add(&o)
	}
	s := tally.Summary()
	for _, l := range s.Lines {
		fmt.Println(l.Grade, l.Count, l.Wan().Value())
	}
	fmt.Println("合计", s.Total.Count, s.Total.Wan().Value(), "不能评级", s.Rejected)
	for _, d := range s.ByDept {
		fmt.Println(d.Key, d.Total.Count, d.Total.Wan().Value())
	}
	// Output:
	// D 数据有误：预算数不能为负（规则集 minfeng-monitor）
	// 优 1 120
	// 良 1 80
	// 差 1 100
	// 合计 3 300 不能评级 1
	// 教育局 1 100
	// 民政局 2 200
}
