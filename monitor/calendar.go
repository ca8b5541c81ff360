package monitor

import (
	"fmt"
	"sort"
	"time"
)

// DayKind says what a calendar's entry makes a day: a rest day (休: a public holiday, or a
// weekday given off) or a working day (班: a weekend day worked to make up for a holiday,
// 调休上班).
type DayKind int

// The kinds of day a calendar lists. The zero DayKind is no entry: the day keeps its weekday
// (Monday to Friday work, Saturday and Sunday rest).
const (
	Rest DayKind = iota + 1 // 休
	Work                    // 班
)

// String gives the kind as a calendar file writes it.
func (k DayKind) String() string {
	switch k {
	case Rest:
		return "休"
	case Work:
		return "班"
	}
	return fmt.Sprintf("DayKind(%d)", int(k))
}

// CalendarDay is one entry of a working-day calendar: a calendar date (its year, month and
// day are read; the clock and location are not), what it is, and where it was written (Line,
// for messages; 0 when it was not read from a file). The zero CalendarDay has no kind, and
// NewCalendar refuses it as an unknown kind rather than ignore it.
type CalendarDay struct {
	Date time.Time
	Kind DayKind
	Line int
}

// Calendar is a working-day calendar the caller supplies, for rule sets that count
// rectification days as working days (整改期限口径: 工作日). Saturdays and Sundays are rest days
// and Monday to Friday working days, unless an entry says otherwise: 休 for a holiday, 班 for
// a make-up working day. Which holidays a year has is data, published each year by the State
// Council; this package knows none of them.
//
// A calendar covers the years it has entries in, and refuses to count through a year it does
// not cover, since a year without its holidays would give a silently early deadline.
//
// A Calendar is immutable and safe for concurrent use. The zero (or nil) Calendar covers no
// year; make one with NewCalendar or ReadCalendar.
type Calendar struct {
	kinds map[int64]DayKind // by dayNumber
	years map[int]bool
}

// maxWorkdays bounds the working days AddWorkdays counts: far beyond any rectification period
// (it is about 40 years), so that a rule set's mistaken figure ends in an error, not a long loop.
// It is a safety limit of the mechanism, not a policy.
const maxWorkdays = 10000

// NewCalendar makes a calendar from its entries. Every problem is reported at once, each
// with its line: the same date twice, a date both 休 and 班, a weekday marked 班 (it is a
// working day already, so the date is probably mistyped), an unknown kind.
func NewCalendar(file string, days []CalendarDay) (*Calendar, error) {
	c := &Calendar{kinds: make(map[int64]DayKind, len(days)), years: map[int]bool{}}
	first := make(map[int64]CalendarDay, len(days))
	var errs errorList
	for _, d := range days {
		if msg := c.add(d, first); msg != "" {
			errs.add(file, d.Line, msg)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Calendar) add(d CalendarDay, first map[int64]CalendarDay) string {
	d.Date = calendarDay(d.Date)
	n := dayNumber(d.Date)
	date := d.Date.Format(dayLayout)
	if d.Kind != Rest && d.Kind != Work {
		return fmt.Sprintf("%s 的类型应为 休 或 班", date)
	}
	if prev, ok := first[n]; ok {
		if prev.Kind != d.Kind {
			return fmt.Sprintf("%s 在第 %d 行是 %s，这里又是 %s：一天不能既休息又上班", date, prev.Line, prev.Kind, d.Kind)
		}
		return fmt.Sprintf("%s 在第 %d 行已经写过", date, prev.Line)
	}
	if d.Kind == Work && !weekend(d.Date) {
		return fmt.Sprintf("%s 是%s，本来就上班，不必标 班（日期是否写错了？调休上班日都在周六或周日）", date, weekdayName(d.Date))
	}
	first[n] = d
	c.kinds[n] = d.Kind
	c.years[d.Date.Year()] = true
	return ""
}

// IsWorkday tells whether the calendar date of t is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	var kind DayKind
	if c != nil {
		kind = c.kinds[dayNumber(t)]
	}
	switch kind {
	case Rest:
		return false
	case Work:
		return true
	}
	return !weekend(t)
}

// Years lists the years the calendar covers, in order.
func (c *Calendar) Years() []int {
	if c == nil {
		return nil
	}
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// AddWorkdays gives the n-th working day after the calendar date of from: from itself is not
// counted, whether or not it is a working day (a period starts the day after the event), so
// n = 1 is the next working day and n = 0 is from itself. Every day counted through must be in
// a year the calendar covers.
func (c *Calendar) AddWorkdays(from time.Time, n int) (time.Time, error) {
	day := calendarDay(from)
	if n < 0 || n > maxWorkdays {
		return time.Time{}, fmt.Errorf("工作日数 %d 超出范围（0 到 %d）", n, maxWorkdays)
	}
	for left := n; left > 0; {
		day = day.AddDate(0, 0, 1)
		if !c.covers(day.Year()) {
			return time.Time{}, fmt.Errorf("工作日历没有 %d 年的节假日安排：从 %s 起数 %d 个工作日要用到这一年，请在日历文件中补上", day.Year(), calendarDay(from).Format(dayLayout), n)
		}
		if c.IsWorkday(day) {
			left--
		}
	}
	return day, nil
}

// covers tells whether the calendar has entries in year y; a nil calendar covers none.
func (c *Calendar) covers(y int) bool { return c != nil && c.years[y] }

func weekend(t time.Time) bool {
	wd := t.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

func weekdayName(t time.Time) string {
	return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[t.Weekday()]
}

// dayNumber is the calendar date of t as a count of days since 1970-01-01.
func dayNumber(t time.Time) int64 {
	return calendarDay(t).Unix() / 86400
}

const dayLayout = "2006-01-02"
