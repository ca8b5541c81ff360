package monitor_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

// Count ten working days from the eve of 国庆 2024: the holiday and the weekend rest, the
// make-up Saturday works.
func ExampleCalendar_AddWorkdays() {
	cal, err := monitor.ReadCalendar("2024工作日历.csv", strings.NewReader(`日期,类型,说明
2024-09-29,班,国庆节调休上班
2024-10-01,休,国庆节
2024-10-02,休,国庆节
2024-10-03,休,国庆节
2024-10-04,休,国庆节
2024-10-05,休,国庆节
2024-10-06,休,国庆节
2024-10-07,休,国庆节
2024-10-12,班,国庆节调休上班
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	by, err := cal.AddWorkdays(time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC), 10)
	fmt.Println(by.Format("2006-01-02"), err)
	// Output:
	// 2024-10-18 <nil>
}

// A mistake in a calendar file is reported with the file and line, every one at once.
func ExampleReadCalendar() {
	_, err := monitor.ReadCalendar("2024工作日历.csv", strings.NewReader("日期,类型\n2024-10-12,班\n2024-10-12,休\n2024-10-14,班\n"))
	fmt.Println(err)
	// Output:
	// 2024工作日历.csv:3:1: 工作日历：2024-10-12 在第 2 行是 班，这里又是 休：一天不能既休息又上班
	// 2024工作日历.csv:4:1: 工作日历：2024-10-14 是星期一，本来就上班，不必标 班（日期是否写错了？调休上班日都在周六或周日）
}

// A county that gives 红标 projects 10 working days says so in its rule file; the run counts
// them with the calendar the caller gives, and refuses to run without one.
func ExampleWithCalendar() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = lib.LoadBytes(rulefile.Source{Name: "示例县.yaml", Data: []byte(`ruleset: 示例县监控
extends: minfeng-monitor
effective: 2024-01-01
params:
  整改天数: 10
  整改期限口径: 工作日
`)})
	if err != nil {
		fmt.Println(err)
		return
	}
	aug := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	p, err := monitor.FromLibrary(lib, "示例县监控", aug)
	if err != nil {
		fmt.Println(err)
		return
	}
	recs := []monitor.Record{{ID: "A", Budget: mustWan("120"), Spent: mustWan("30")}}
	_, err = p.Run(context.Background(), aug, recs)
	fmt.Println(err)

	cal, err := monitor.ReadCalendar("日历.csv", strings.NewReader("日期,类型\n2024-09-14,班\n2024-09-15,休\n2024-09-16,休\n2024-09-17,休\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	run, err := p.Run(context.Background(), aug, recs, monitor.WithCalendar(cal))
	if err != nil {
		fmt.Println(err)
		return
	}
	o := run.Graded[0]
	fmt.Println(o.Grade, o.RedFlag, o.RectifyBy.Format("2006-01-02"))
	// Output:
	// 示例县.yaml:6:3: 规则集 示例县监控 按工作日计算整改期限（整改期限口径: 工作日），需要工作日历：命令行用 --calendar 文件，程序用 monitor.WithCalendar
	// 差 true 2024-09-13
}

// A calendar built in code: entries a platform already holds, checked as a file would be.
func ExampleNewCalendar() {
	national := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)
	cal, err := monitor.NewCalendar("平台节假日表", []monitor.CalendarDay{
		{Date: national, Kind: monitor.Rest},
		{Date: time.Date(2024, 10, 12, 0, 0, 0, 0, time.UTC), Kind: monitor.Work},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []int{1, 11, 12, 13} {
		t := time.Date(2024, 10, d, 0, 0, 0, 0, time.UTC)
		fmt.Println(t.Format("01-02"), t.Weekday(), cal.IsWorkday(t))
	}
	fmt.Println(cal.Years(), monitor.Rest, monitor.Work)
	// Output:
	// 10-01 Tuesday false
	// 10-11 Friday true
	// 10-12 Saturday true
	// 10-13 Sunday false
	// [2024] 休 班
}

// A platform that keeps holidays as text reads each kind with ParseDayKind.
func ExampleParseDayKind() {
	for _, s := range []string{"放假", "补班", "调休"} {
		k, err := monitor.ParseDayKind(s)
		fmt.Println(k, err)
	}
	// Output:
	// 休 <nil>
	// 班 <nil>
	// DayKind(0) 工作日历的类型 "调休" 应为 休 或 班
}
