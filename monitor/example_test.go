package monitor_test

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulesets"
)

func mustWan(s string) amount.Amount {
	a, err := amount.ParseAmount(s, amount.Wan)
	if err != nil {
		panic(err)
	}
	return a
}

// Grade three projects at Minfeng's August checkpoint and sum them by grade.
func ExampleProfile_Run() {
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
	run, err := p.Run(context.Background(), aug, []monitor.Record{
		{ID: "A", Name: "尼雅镇污水处理", Budget: mustWan("631.46"), Spent: mustWan("520.22")},
		{ID: "B", Name: "恰好二十", Budget: mustWan("15"), Spent: mustWan("8")},
		{ID: "C", Name: "某涉密项目", Secret: true, Budget: mustWan("631.46"), Spent: mustWan("300")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range run.Graded {
		fmt.Println(o.ID, o.DisplayName(), o.Grade, amount.FormatPercent(o.Deviation, 2), o.RedFlag, o.RectifyBy.Format("2006-01-02"))
	}
	for _, l := range run.Summary().Lines {
		fmt.Println(l.Grade, l.Count, l.Wan().Value(), l.Yi().Value())
	}
	// Output:
	// A 尼雅镇污水处理 优 0.00% false 0001-01-01
	// B 恰好二十 良 20.00% false 0001-01-01
	// C （涉密） 差 28.74% true 2024-09-30
	// 优 1 631.46 0.063146
	// 良 1 15 0.0015
	// 差 1 631.46 0.063146
}

// Compare May and August: one project improved, one is new.
func ExampleCompare() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	grade := func(at time.Time, recs ...monitor.Record) *monitor.Run {
		p, err := monitor.FromLibrary(lib, "minfeng-monitor", at)
		if err != nil {
			panic(err)
		}
		run, err := p.Run(context.Background(), at, recs)
		if err != nil {
			panic(err)
		}
		return run
	}
	may := grade(time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC),
		monitor.Record{ID: "A", Budget: mustWan("120"), Spent: mustWan("10")})
	aug := grade(time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC),
		monitor.Record{ID: "A", Budget: mustWan("120"), Spent: mustWan("80")},
		monitor.Record{ID: "B", Budget: mustWan("120"), Spent: mustWan("70")})
	for _, t := range monitor.Compare(may, aug) {
		fmt.Println(t.ID, t.Change, t.Before.Grade, "→", t.After.Grade)
	}
	// Output:
	// A 好转 差 → 优
	// B 新增  → 良
}

// Grade a project on budget execution and its indicators with the per-dimension profile:
// its deviation is the worst dimension, here the second indicator, 25% behind its share.
func ExampleIndicator() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	aug := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, "minfeng-monitor-dimensions", aug)
	if err != nil {
		fmt.Println(err)
		return
	}
	share := decimal.RequireFromString
	run, err := p.Run(context.Background(), aug, []monitor.Record{{
		ID: "A", Name: "高标准农田", Budget: mustWan("120"), Spent: mustWan("80"),
		Indicators: []monitor.Indicator{
			{Name: "新建面积", Expected: share("0.5"), Actual: share("0.45")},
			{Name: "验收合格率", Expected: share("0.6"), Actual: share("0.45")},
		},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := run.Graded[0]
	fmt.Println(p.Indicators(), o.Grade, amount.FormatPercent(o.Deviation, 2), o.RedFlag)
	// Output:
	// 5 差 25.00% true
}
