package monitor

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jixiao-go/jixiao/rules"
)

// MaxCalendarBytes bounds a calendar file: ten years of holidays take a few kilobytes, so a
// larger file is not a calendar and is refused before it is read into memory.
const MaxCalendarBytes = 1 << 20

// maxCalendarErrors is how many problems of one calendar file are listed before the rest are
// only counted, so that a file of garbage gives a readable message.
const maxCalendarErrors = 20

// ReadCalendar reads a working-day calendar file, CSV in UTF-8 (a BOM is allowed):
//
//	日期,类型,说明
//	2024-10-01,休,国庆节
//	2024-10-12,班,国庆节调休上班
//
// The header names the columns 日期 and 类型, and may add 说明 (a note, not read). A 类型 is
// 休 (also 休息, 放假) or 班 (also 上班, 补班). A date is written 2024-10-01, 2024/10/1 or
// 2024年10月1日, in half- or full-width digits. Blank lines and lines starting with # are
// skipped. Saturdays and Sundays not listed are rest days, other days not listed working days.
// name is the file's name as the user knows it, for messages: every problem is reported at
// once as a *rules.Error (code R003) with the file and line, in a rules.ErrorList.
func ReadCalendar(name string, r io.Reader) (*Calendar, error) {
	if r == nil {
		return nil, misuse("工作日历的 io.Reader 为 nil")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxCalendarBytes+1))
	if err != nil {
		return nil, calendarError(name, 0, "无法读取："+err.Error())
	}
	if len(data) > MaxCalendarBytes {
		return nil, calendarError(name, 0, fmt.Sprintf("文件超过 %d 字节，不像是工作日历（十年的节假日安排只有几千字节）", MaxCalendarBytes))
	}
	if !utf8.Valid(data) {
		return nil, calendarError(name, 0, "文件不是 UTF-8 编码（Excel 默认存为 GBK）：请另存为“CSV UTF-8（逗号分隔）”")
	}
	days, errs := parseCalendar(name, strings.TrimPrefix(string(data), "\ufeff"))
	if err := errs.err(); err != nil {
		return nil, err
	}
	return NewCalendar(name, days)
}

// calendarColumns is where the header puts 日期 and 类型.
type calendarColumns struct{ date, kind int }

func parseCalendar(name, text string) ([]CalendarDay, errorList) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	var days []CalendarDay
	var errs errorList
	var cols *calendarColumns
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
			}
			errs.add(name, line, "CSV 格式有误（引号不成对？）")
			continue
		}
		line, _ := cr.FieldPos(0)
		if cols == nil {
			c, msg := calendarHeader(cells)
			if msg != "" {
				errs.add(name, line, msg)
				return nil, errs
			}
			cols = &c
			continue
		}
		d, msg := calendarRow(cols, cells)
		if msg != "" {
			errs.add(name, line, msg)
			continue
		}
		d.Line = line
		days = append(days, d)
	}
	if cols == nil {
		errs.add(name, 0, "文件是空的：第一行应是表头 日期,类型")
	}
	return days, errs
}

func calendarHeader(cells []string) (calendarColumns, string) {
	c := calendarColumns{date: -1, kind: -1}
	for i, h := range cells {
		switch strings.TrimSpace(h) {
		case "日期":
			c.date = i
		case "类型":
			c.kind = i
		case "说明", "备注", "":
		default:
			return c, fmt.Sprintf("表头第 %d 列 %q 不认识：工作日历的列是 日期、类型，可加 说明", i+1, h)
		}
	}
	if c.date < 0 || c.kind < 0 {
		return c, "表头应有 日期 和 类型 两列，如：日期,类型,说明"
	}
	return c, ""
}

func calendarRow(c *calendarColumns, cells []string) (CalendarDay, string) {
	cell := func(i int) string {
		if i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	date, ok := parseCalendarDate(cell(c.date))
	if !ok {
		return CalendarDay{}, fmt.Sprintf("日期 %q 应写成 2024-10-01、2024/10/1 或 2024年10月1日", clip(cell(c.date)))
	}
	kind, ok := parseDayKind(cell(c.kind))
	if !ok {
		return CalendarDay{}, fmt.Sprintf("%s 的类型 %q 应为 休 或 班", date.Format(dayLayout), clip(cell(c.kind)))
	}
	return CalendarDay{Date: date, Kind: kind}, ""
}

func parseDayKind(s string) (DayKind, bool) {
	switch s {
	case "休", "休息", "放假":
		return Rest, true
	case "班", "上班", "补班":
		return Work, true
	}
	return 0, false
}

// ParseDayKind reads a day's kind as a calendar file writes it — 休 (also 休息, 放假) or 班
// (also 上班, 补班), surrounding spaces ignored — for a platform that builds a Calendar with
// NewCalendar from holidays it already holds as text. Anything else is an error.
func ParseDayKind(s string) (DayKind, error) {
	k, ok := parseDayKind(strings.TrimSpace(s))
	if !ok {
		return 0, fmt.Errorf("工作日历的类型 %q 应为 休 或 班", s)
	}
	return k, nil
}

// fullWidth turns the full-width digits and separators a Chinese input method types into
// their ASCII forms, for dates.
var fullWidth = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5",
	"６", "6", "７", "7", "８", "8", "９", "9", "－", "-", "／", "/")

// parseCalendarDate reads a calendar's date the way a rule set reads a date input
// (rules.ParseValue: 2024-10-01, 2024/10/1, 2024年10月1日), after full-width digits.
func parseCalendarDate(s string) (time.Time, bool) {
	v, ok := rules.ParseValue(rules.TypeDate, fullWidth.Replace(s))
	if !ok {
		return time.Time{}, false
	}
	return v.Time(), true
}

// clip shortens a cell quoted in a message, so a huge cell cannot make a huge message.
func clip(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// errorList collects a file's problems, listing the first maxCalendarErrors.
type errorList struct {
	list rules.ErrorList
	more int
}

func (l *errorList) add(file string, line int, msg string) {
	if len(l.list) == maxCalendarErrors {
		l.more++
		return
	}
	l.list = append(l.list, calendarError(file, line, msg))
}

func (l *errorList) err() error {
	if len(l.list) == 0 {
		return nil
	}
	if l.more > 0 {
		l.list = append(l.list, calendarError(l.list[0].File, 0, fmt.Sprintf("另有 %d 处错误未列出", l.more)))
	}
	return l.list
}

func calendarError(file string, line int, msg string) *rules.Error {
	e := &rules.Error{Code: rules.ErrInputValue, File: file, Line: line, Msg: "工作日历：" + msg}
	if line > 0 {
		e.Col = 1
	}
	return e
}
