package tables

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// maxExcelSerial is 9999-12-31, the last day Excel shows.
const maxExcelSerial = 2958465

// ExcelDate reads a cell holding an Excel date serial in the 1900 date system — what a date
// cell holds when a workbook is read without its formats, or a date column is pasted as
// numbers: 45535 is 2024-08-31. Only whole numbers from 1 (1900-01-01) to 2958465
// (9999-12-31) are read; a fraction (a time of day) is not a date. Serial 60 is the
// 1900-02-29 that Excel counts, as Lotus 1-2-3 did, but that never was: it is refused, and
// the serials after it are read with the day it adds taken off. The date is at midnight UTC,
// the form rule files use.
func ExcelDate(cell string) (time.Time, bool) {
	if cell == "" || len(cell) > 7 {
		return time.Time{}, false
	}
	for i := 0; i < len(cell); i++ {
		if cell[i] < '0' || cell[i] > '9' {
			return time.Time{}, false
		}
	}
	n, err := strconv.Atoi(cell)
	if err != nil || n < 1 || n > maxExcelSerial || n == 60 {
		return time.Time{}, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if n < 60 {
		base = base.AddDate(0, 0, 1) // before Excel's phantom 29 February
	}
	return base.AddDate(0, 0, n), true
}

// Date reads a date cell as staff's tables hold it: an Excel date serial (ExcelDate), or
// text in the forms Excel on Chinese Windows shows and exports — 2024-08-31, 2024/8/31,
// 2024年8月31日, 2024.8.31 — with, optionally, a time of midnight after it (2024/8/31 0:00,
// what a date cell exports as when its format has a time). Any other time of day is not a
// date. The date is at midnight UTC, the form rule files use.
func Date(cell string) (time.Time, bool) {
	s := strings.TrimSpace(width.Fold.String(cell))
	if d, ok := ExcelDate(s); ok {
		return d, true
	}
	if day, clock, found := strings.Cut(s, " "); found {
		switch strings.TrimSpace(clock) {
		case "0:00", "00:00", "0:00:00", "00:00:00":
			s = day
		default:
			return time.Time{}, false
		}
	}
	s = strings.TrimSuffix(s, "日")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' })
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 || !sameSeparators(s) {
		return time.Time{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || p[0] == '+' || p[0] == '-' {
			return time.Time{}, false
		}
		n[i] = v
	}
	d := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if d.Year() != n[0] || int(d.Month()) != n[1] || d.Day() != n[2] {
		return time.Time{}, false // 2024-02-30 is not a day
	}
	return d, true
}

// sameSeparators tells a date written with one kind of separator (2024-8-31, 2024/8/31,
// 2024.8.31) or as 2024年8月31 from a mix such as 2024-8/31.
func sameSeparators(s string) bool {
	var seps []rune
	for _, r := range s {
		if r < '0' || r > '9' {
			seps = append(seps, r)
		}
	}
	if len(seps) != 2 {
		return false
	}
	return seps[0] == seps[1] && seps[0] != '年' || seps[0] == '年' && seps[1] == '月'
}
