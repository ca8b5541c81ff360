package monitor_test

import (
	"fmt"
	"time"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulesets"
)

// Grade records one at a time, as a caller streaming a large table does: a Grader per
// goroutine grades, IDs and a Tally, in input order, refuse duplicates and sum the summary.
func ExampleProfile_Grader() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	aug := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, "minfeng-monitor", aug)
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := p.Grader(aug)
	if err != nil {
		fmt.Println(err)
		return
	}
	ids, tally := monitor.NewIDs(), p.NewTally(aug)
	for _, rec := range []monitor.Record{
		{Row: 2, ID: "A", Budget: mustWan("15"), Spent: mustWan("8")},
		{Row: 3, ID: "B", Budget: mustWan("631.46"), Spent: mustWan("300")},
		{Row: 4, ID: "A", Budget: mustWan("15"), Spent: mustWan("15")},
	} {
		err := ids.Check(&rec)
		var o monitor.Outcome
		if err == nil {
			o, err = g.Grade(&rec)
		}
		if err != nil {
			tally.Reject()
			fmt.Println(rec.Row, err)
			continue
		}
		tally.Add(&o)
		fmt.Println(rec.Row, o.ID, o.Grade, o.RedFlag)
	}
	s := tally.Summary()
	fmt.Println("合计", s.Total.Count, s.Total.Wan().Value(), "不能评级", s.Rejected)
	// Output:
	// 2 A 良 false
	// 3 B 差 true
	// 4 项目编号 A 与第 2 行重复：同一项目只能有一行，这一行不评级、不计入合计
	// 合计 2 646.46 不能评级 1
}

// IDs refuses a project's second row, naming the first.
func ExampleIDs_Check() {
	ids := monitor.NewIDs()
	for _, rec := range []monitor.Record{{Row: 2, ID: "MF001"}, {Row: 3, ID: "MF002"}, {Row: 7, ID: "MF001"}, {Row: 8}} {
		fmt.Println(rec.Row, ids.Check(&rec))
	}
	// Output:
	// 2 <nil>
	// 3 <nil>
	// 7 项目编号 MF001 与第 2 行重复：同一项目只能有一行，这一行不评级、不计入合计
	// 8 项目编号为空
}
