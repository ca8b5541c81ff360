package tables_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/jixiao-go/jixiao/tables"
)

func TestExcelDate(t *testing.T) {
	tests := []struct {
		cell   string
		want   string // "" when not a date
		reason string
	}{
		{"1", "1900-01-01", "the first day of the 1900 date system"},
		{"59", "1900-02-28", "the last day before Excel's phantom leap day"},
		{"60", "", "1900-02-29 never was: Excel's Lotus quirk is refused"},
		{"61", "1900-03-01", "after the phantom day, one day is taken off"},
		{"45292", "2024-01-01", "a known serial: New Year 2024"},
		{"45535", "2024-08-31", "Minfeng's August checkpoint"},
		{"45351", "2024-02-29", "a real leap day"},
		{"2958465", "9999-12-31", "the last day Excel shows"},
		{"2958466", "", "beyond Excel's last day"},
		{"0", "", "serial 0 is 1900-01-00 in Excel: not a date"},
		{"-1", "", "negative serials are not dates"},
		{"45535.5", "", "a fraction is a time of day, not a date"},
		{"45535.0", "", "only whole numbers as written"},
		{"４５５３５", "", "full-width digits are not a serial"},
		{"2024-08-31", "", "a date written as text is the caller's to read"},
		{"", "", "empty"},
		{"00000000045535", "", "too long to be a serial"},
	}
	for _, tt := range tests {
		got, ok := tables.ExcelDate(tt.cell)
		if tt.want == "" {
			assert.False(t, ok, tt.reason)
			continue
		}
		if assert.True(t, ok, tt.reason) {
			assert.Equal(t, tt.want, got.Format("2006-01-02"), tt.reason)
			assert.Equal(t, time.UTC, got.Location(), tt.reason)
		}
	}
}

// A date column read from a workbook without its formats holds serials.
func ExampleExcelDate() {
	d, ok := tables.ExcelDate("45535")
	fmt.Println(d.Format("2006-01-02"), ok)
	_, ok = tables.ExcelDate("60")
	fmt.Println(ok)
	// Output:
	// 2024-08-31 true
	// false
}

func TestDate(t *testing.T) {
	tests := []struct {
		cell   string
		want   string // "" when not a date
		reason string
	}{
		{"2024-08-31", "2024-08-31", "the form rule files use"},
		{"2024/8/31", "2024-08-31", "Excel's short date on Chinese Windows, as a CSV exports it"},
		{"2024年8月31日", "2024-08-31", "Excel's long Chinese date"},
		{"2024.8.31", "2024-08-31", "dots, as some systems export"},
		{" 2024/08/31 0:00 ", "2024-08-31", "a date cell whose format shows a time of midnight"},
		{"2024/8/31 0:00:00", "2024-08-31", "with seconds"},
		{"45535", "2024-08-31", "an Excel serial"},
		{"２０２４－０８－３１", "2024-08-31", "full-width digits and dash typed with a Chinese IME"},
		{"2024/8/31 9:30", "", "a time of day other than midnight is not a date"},
		{"2024-02-30", "", "a day that does not exist"},
		{"2024-8/31", "", "mixed separators"},
		{"24/8/31", "", "a two-digit year is ambiguous"},
		{"8/31/2024", "", "month first is not read: 8/31 and 3/8 would differ"},
		{"2024年8月", "", "a month is not a day"},
		{"2024-08-31-01", "", "too many parts"},
		{"", "", "empty"},
	}
	for _, tt := range tests {
		got, ok := tables.Date(tt.cell)
		if tt.want == "" {
			assert.False(t, ok, tt.reason)
			continue
		}
		if assert.True(t, ok, tt.reason) {
			assert.Equal(t, tt.want, got.Format(time.DateOnly), tt.reason)
			assert.Equal(t, time.UTC, got.Location(), tt.reason)
		}
	}
}
