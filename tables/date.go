package tables

import (
	"strconv"
	"time"
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
