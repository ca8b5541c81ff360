package monitor_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

var calendar2024 = filepath.Join("..", "testdata", "monitor", "calendar-2024.csv")

func readCalendar(t testing.TB, path string) *monitor.Calendar {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	cal, err := monitor.ReadCalendar(path, f)
	require.NoError(t, err)
	return cal
}

// TestAddWorkdays counts working days by the 2024 State Council calendar. Each want was
// counted by hand on a printed 2024 calendar, day by day, as the reason says.
func TestAddWorkdays(t *testing.T) {
	cal := readCalendar(t, calendar2024)
	tests := []struct {
		from   time.Time
		n      int
		want   time.Time
		reason string
	}{
		{day(2024, 1, 29), 5, day(2024, 2, 4), "Jan 30, 31, Feb 1, 2 (Fri), then Sun Feb 4 is a 春节 make-up day: across a month end"},
		{day(2024, 1, 29), 4, day(2024, 2, 2), "the fourth is Friday Feb 2"},
		{day(2024, 9, 27), 3, day(2024, 10, 8), "Sat 28 rests, Sun 29 works (1), Mon 30 (2), 国庆 Oct 1–7 rests, Tue Oct 8 (3)"},
		{day(2024, 10, 1), 10, day(2024, 10, 18), "a checkpoint on a holiday: Oct 8–11 (4), Sat Oct 12 works (5), Oct 14–18 (10)"},
		{day(2024, 8, 31), 30, day(2024, 10, 17), "Sep 2–13 (10), Sat 14 (11), 18–20 (14), 23–27 (19), Sun 29 (20), 30 (21), Oct 8–11 (25), 12 (26), 14–17 (30)"},
		{day(2024, 8, 31), 10, day(2024, 9, 13), "Sep 2–6 and 9–13, before 中秋"},
		{day(2024, 4, 30), 1, day(2024, 5, 6), "劳动节 May 1–5 rests; Mon May 6 is the first working day"},
		{day(2024, 2, 9), 1, day(2024, 2, 18), "除夕 Fri Feb 9 is not listed, so it counts only as the start; Feb 10–17 rest, Sun Feb 18 works"},
		{day(2024, 10, 1), 0, day(2024, 10, 1), "zero working days is the checkpoint itself, holiday or not"},
		{time.Date(2024, 8, 31, 23, 30, 0, 0, time.FixedZone("CST", 8*3600)), 1, day(2024, 9, 2), "the calendar date of a time in China, whatever its clock"},
	}
	for _, tt := range tests {
		got, err := cal.AddWorkdays(tt.from, tt.n)
		require.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want.Format(time.DateOnly), got.Format(time.DateOnly), tt.reason)
	}
}

// TestAddWorkdaysRefuses checks the calendar never guesses a year it does not have, and a
// count out of range is an error, not a long loop.
func TestAddWorkdaysRefuses(t *testing.T) {
	cal := readCalendar(t, calendar2024)
	tests := []struct {
		from   time.Time
		n      int
		want   string
		reason string
	}{
		{day(2024, 12, 25), 5, "没有 2025 年", "Dec 26, 27, 30, 31 are four; the fifth is in 2025, whose holidays the file lacks"},
		{day(2024, 8, 31), -1, "超出范围", "a negative count"},
		{day(2024, 8, 31), 10001, "超出范围", "beyond the safety limit"},
	}
	for _, tt := range tests {
		_, err := cal.AddWorkdays(tt.from, tt.n)
		require.Error(t, err, tt.reason)
		assert.Contains(t, err.Error(), tt.want, tt.reason)
	}
	var zero monitor.Calendar
	_, err := zero.AddWorkdays(day(2024, 8, 31), 1)
	assert.ErrorContains(t, err, "没有 2024 年", "the zero Calendar covers no year")
	assert.True(t, zero.IsWorkday(day(2024, 9, 2)), "the zero Calendar still knows weekdays")
}

// TestReadCalendarAccepts reads what staff type: a BOM, full-width digits, slashes,
// 年月日, synonyms of 休 and 班, comments and blank lines, columns in any order.
func TestReadCalendarAccepts(t *testing.T) {
	text := "\ufeff说明,类型,日期\n# 国庆\n\n国庆节,休,２０２４－１０－０１\n国庆节,放假,2024/10/2\n,补班,2024年10月12日\n"
	cal, err := monitor.ReadCalendar("日历.csv", strings.NewReader(text))
	require.NoError(t, err)
	tests := []struct {
		d      time.Time
		work   bool
		reason string
	}{
		{day(2024, 10, 1), false, "full-width digits and dash"},
		{day(2024, 10, 2), false, "2024/10/2 and 放假"},
		{day(2024, 10, 12), true, "2024年10月12日 and 补班 on a Saturday"},
		{day(2024, 10, 13), false, "an unlisted Sunday rests"},
		{day(2024, 10, 3), true, "an unlisted Thursday works (this file lists only two days)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.work, cal.IsWorkday(tt.d), tt.reason)
	}
	assert.Equal(t, []int{2024}, cal.Years())
}

// TestReadCalendarRejects checks every hostile or mistaken file is refused with the file,
// the line and a reason in Chinese, all problems at once.
func TestReadCalendarRejects(t *testing.T) {
	tests := []struct {
		text   string
		want   []string
		reason string
	}{
		{"日期,类型\n2024-10-01,休\n2024-10-01,休\n", []string{"日历.csv:3:1: 工作日历：2024-10-01 在第 2 行已经写过"}, "a duplicate date"},
		{"日期,类型\n2024-10-12,班\n2024-10-12,休\n", []string{"日历.csv:3:1: 工作日历：2024-10-12 在第 2 行是 班，这里又是 休：一天不能既休息又上班"}, "both 休 and 班"},
		{"日期,类型\n2024-10-14,班\n", []string{"日历.csv:2:1: 工作日历：2024-10-14 是星期一，本来就上班"}, "a weekday marked 班 is a mistyped date"},
		{"日期,类型\n2024-13-01,休\n10月1日,休\n2024-10-01,假\n", []string{
			"日历.csv:2:1: 工作日历：日期 \"2024-13-01\" 应写成",
			"日历.csv:3:1: 工作日历：日期 \"10月1日\" 应写成",
			"日历.csv:4:1: 工作日历：2024-10-01 的类型 \"假\" 应为 休 或 班"}, "every bad line at once"},
		{"日期,类别\n2024-10-01,休\n", []string{"表头第 2 列 \"类别\" 不认识"}, "a misspelt column is not ignored"},
		{"2024-10-01,休\n", []string{"表头第 1 列 \"2024-10-01\" 不认识"}, "no header"},
		{"", []string{"文件是空的"}, "empty"},
		{"日期,类型\n\"2024-10-01,休\n", []string{"CSV 格式有误"}, "an unclosed quote"},
		{"日期,类型\n2024-10-01,\xd0\xdd\n", []string{"不是 UTF-8 编码"}, "GBK bytes from Excel"},
		{"日期,类型\n" + strings.Repeat("x,y\n", 25), []string{"日历.csv:21:1: 工作日历：日期 \"x\"", "另有 5 处错误未列出"}, "a file of garbage lists 20 problems and counts the rest"},
		{strings.Repeat("日期,类型\n", monitor.MaxCalendarBytes/10), []string{"文件超过 1048576 字节"}, "a huge file is refused before it is parsed"},
	}
	for _, tt := range tests {
		cal, err := monitor.ReadCalendar("日历.csv", strings.NewReader(tt.text))
		require.Error(t, err, tt.reason)
		assert.Nil(t, cal, tt.reason)
		assert.True(t, errors.Is(err, rules.ErrInputValue), tt.reason)
		for _, w := range tt.want {
			assert.Contains(t, err.Error(), w, tt.reason)
		}
	}
}

// workdayRules is a county that gives its 红标 projects 10 working days.
const workdayRules = `ruleset: 工作日县
extends: minfeng-monitor
effective: 2024-01-01
params:
  整改天数: 10
  整改期限口径: 工作日
`

// TestRunCountsWorkdays grades a flagged project with a rule set that counts working days:
// the deadline comes from the caller's calendar, and without one the run refuses to start.
func TestRunCountsWorkdays(t *testing.T) {
	aug := day(2024, 8, 31)
	p, err := monitor.FromLibrary(library(t, workdayRules), "工作日县", aug)
	require.NoError(t, err)
	require.True(t, p.CountsWorkdays())
	recs := []monitor.Record{{Row: 2, ID: "A", Budget: wan(t, "120"), Spent: wan(t, "30")}}

	run, err := p.Run(context.Background(), aug, recs, monitor.WithCalendar(readCalendar(t, calendar2024)))
	require.NoError(t, err)
	require.Len(t, run.Graded, 1)
	assert.True(t, run.Graded[0].RedFlag)
	assert.Equal(t, "2024-09-13", run.Graded[0].RectifyBy.Format(time.DateOnly), "Sep 2–6 and 9–13: ten working days, not Sep 10")

	tests := []struct {
		opts   []monitor.RunOption
		want   string
		reason string
	}{
		{nil, "需要工作日历", "no calendar: never calendar days silently"},
		{[]monitor.RunOption{monitor.WithCalendar(nil)}, "需要工作日历", "a nil calendar is none"},
		{[]monitor.RunOption{monitor.WithCalendar(&monitor.Calendar{})}, "没有监控日期所在的 2024 年", "a calendar for other years"},
	}
	for _, tt := range tests {
		run, err := p.Run(context.Background(), aug, recs, tt.opts...)
		require.Error(t, err, tt.reason)
		assert.Nil(t, run, tt.reason)
		assert.Contains(t, err.Error(), tt.want, tt.reason)
		assert.Contains(t, err.Error(), "extraa.yaml:6:3:", "the error points at the param: "+tt.reason)
		assert.True(t, errors.Is(err, rules.ErrMissingInput), tt.reason)
	}
}

// TestRunWorkdaysIntoUncoveredYear rejects only the flagged records whose deadline runs into
// a year the calendar lacks; the others are graded.
func TestRunWorkdaysIntoUncoveredYear(t *testing.T) {
	dec := day(2024, 12, 20)
	text := strings.Replace(workdayRules, "整改天数: 10", "整改天数: 10\n  红标月份: 12", 1)
	p, err := monitor.FromLibrary(library(t, text), "工作日县", dec)
	require.NoError(t, err)
	run, err := p.Run(context.Background(), dec, []monitor.Record{
		{Row: 2, ID: "behind", Budget: wan(t, "120"), Spent: wan(t, "30")},
		{Row: 3, ID: "on-time", Budget: wan(t, "120"), Spent: wan(t, "120")},
	}, monitor.WithCalendar(readCalendar(t, calendar2024)))
	require.NoError(t, err)
	require.Len(t, run.Rejected, 1)
	assert.Equal(t, "behind", run.Rejected[0].ID)
	assert.Contains(t, run.Rejected[0].Err.Error(), "没有 2025 年", "Dec 23–27, 30, 31 are seven; the tenth is in 2025")
	assert.Equal(t, 2, run.In())
}

// TestProfileRectifyCounting checks the param is read strictly: a misspelt value is an error
// at its line, and a working-day rule set must compute the number of days.
func TestProfileRectifyCounting(t *testing.T) {
	tests := []struct {
		text   string
		want   string
		reason string
	}{
		{strings.Replace(workdayRules, "口径: 工作日", "口径: 工作曰", 1), "extraa.yaml:6:3: 参数 整改期限口径 应为 自然日 或 工作日", "a typo never falls back to calendar days"},
		{"ruleset: 无天数\neffective: 2024-01-01\ninputs:\n  预算数: {type: decimal}\n  执行数: {type: decimal}\n  月份: {type: int}\n" +
			"params:\n  整改期限口径: 工作日\nformulas:\n  偏差: 0\n  红标: false\ntables:\n  等级:\n    - else: 优\n",
			"还要算出 整改期限天数", "working days need a count"},
	}
	for _, tt := range tests {
		lib := library(t, tt.text)
		id := "工作日县"
		if strings.HasPrefix(tt.text, "ruleset: 无天数") {
			id = "无天数"
		}
		_, err := monitor.FromLibrary(lib, id, day(2024, 8, 31))
		require.Error(t, err, tt.reason)
		assert.Contains(t, err.Error(), tt.want, tt.reason)
	}
	p := minfeng(t, day(2024, 8, 31))
	assert.False(t, p.CountsWorkdays(), "Minfeng's 30日内 counts calendar days")
}

// sichuanDecision is the extension sichuan-monitor's header describes: a warned project has
// 10 working days to decide, at each floor checkpoint.
const sichuanDecision = `ruleset: 四川预警决定
extends: sichuan-monitor
effective: 2020-01-01
params:
  整改天数: 10
  整改期限口径: 工作日
formulas:
  红标: 等级 == "未达标" and 月份 in [4, 6, 8, 10]
`

// TestSichuanDecisionPeriod follows sichuan-monitor's own instructions for its 10 working
// days: a project under the June floor on 2024-06-28 (a Friday) must decide by 2024-07-12.
func TestSichuanDecisionPeriod(t *testing.T) {
	at := day(2024, 6, 28)
	p, err := monitor.FromLibrary(library(t, sichuanDecision), "四川预警决定", at)
	require.NoError(t, err)
	run, err := p.Run(context.Background(), at, []monitor.Record{
		{ID: "under", Budget: wan(t, "100"), Spent: wan(t, "39.99")},
		{ID: "over", Budget: wan(t, "100"), Spent: wan(t, "40")},
	}, monitor.WithCalendar(readCalendar(t, calendar2024)))
	require.NoError(t, err)
	require.Len(t, run.Graded, 2)
	assert.True(t, run.Graded[0].RedFlag, "39.99% is under the June floor of 40%")
	assert.Equal(t, "2024-07-12", run.Graded[0].RectifyBy.Format(time.DateOnly), "Jul 1–5 and 8–12: ten working days")
	assert.False(t, run.Graded[1].RedFlag, "40% meets the floor")
}

// TestAddWorkdaysAcrossYears counts through a year end with a calendar that has both years:
// 2024's file plus 2025's 元旦 and 春节 (国办发明电〔2024〕12号), counted by hand.
func TestAddWorkdaysAcrossYears(t *testing.T) {
	data, err := os.ReadFile(calendar2024)
	require.NoError(t, err)
	text := string(data) + "2025-01-01,休,元旦\n2025-01-26,班,春节调休上班\n" +
		"2025-01-28,休,春节\n2025-01-29,休,春节\n2025-01-30,休,春节\n2025-01-31,休,春节\n" +
		"2025-02-01,休,春节\n2025-02-02,休,春节\n2025-02-03,休,春节\n2025-02-04,休,春节\n2025-02-08,班,春节调休上班\n"
	cal, err := monitor.ReadCalendar("2024-2025.csv", strings.NewReader(text))
	require.NoError(t, err)
	assert.Equal(t, []int{2024, 2025}, cal.Years())
	tests := []struct {
		from   time.Time
		n      int
		want   time.Time
		reason string
	}{
		{day(2024, 12, 25), 5, day(2025, 1, 2), "Dec 26, 27, 30, 31 (4); 元旦 rests; Thu Jan 2 (5)"},
		{day(2025, 1, 20), 10, day(2025, 2, 8), "Jan 21–24 (4), Sun 26 works (5), Mon 27 (6), 春节 28–Feb 4 rests, Feb 5–7 (9), Sat Feb 8 works (10)"},
	}
	for _, tt := range tests {
		got, err := cal.AddWorkdays(tt.from, tt.n)
		require.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want.Format(time.DateOnly), got.Format(time.DateOnly), tt.reason)
	}
}

// TestWorkdaysInherited checks a rule set inherits 整改期限口径 from the file it extends: a
// county's file extending a working-day profile must not fall back to calendar days.
func TestWorkdaysInherited(t *testing.T) {
	child := "ruleset: 工作日县下属\nextends: 工作日县\neffective: 2024-01-01\nparams:\n  良上限: 15%\n"
	p, err := monitor.FromLibrary(library(t, workdayRules, child), "工作日县下属", day(2024, 8, 31))
	require.NoError(t, err)
	assert.True(t, p.CountsWorkdays())
	_, err = p.Run(context.Background(), day(2024, 8, 31), nil)
	assert.ErrorContains(t, err, "需要工作日历", "no calendar, no run, even for an empty batch")
}
