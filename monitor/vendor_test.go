package monitor_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// vendorMonitor is what a county writes first: Minfeng's rules with 良 ending at 15%, 红标 in
// September as well as August, and 10 working days to rectify.
const vendorMonitor = `ruleset: 示例县-监控
title: 示例县绩效运行监控
extends: minfeng-monitor
effective: 2024-01-01
params:
  良上限: 15%
  红标月份: 9
  整改天数: 10
  整改期限口径: 工作日
`

// TestVendorStricterGoodAndWorkdayDeadline grades at the boundaries of the vendor's 15% and
// counts the deadline through 中秋 with the caller's calendar: the holiday rests, the make-up
// Saturday works.
func TestVendorStricterGoodAndWorkdayDeadline(t *testing.T) {
	at := day(2024, 9, 10) // expected progress 9/12: 90 of a budget of 120
	p, err := monitor.FromLibrary(library(t, vendorMonitor), "示例县-监控", at)
	require.NoError(t, err)
	tests := []struct {
		spent     string
		grade     string
		deviation string
		rectify   string
		reason    string
	}{
		{"76.5", "良", "0.15", "", "exactly 15% behind is 良 under the vendor's 良上限"},
		{"76.4956", "良", "0.15", "", "0.1500488… shows as 15.00%, and is graded as shown"},
		{"76.4955", "差", "0.1501", "2024-09-25", "0.15005 rounds half-up to 15.01%: 差, flagged in September"},
		{"72", "差", "0.2", "2024-09-25", "20% behind, 良 under Minfeng's rules, is 差 here; Sep 11–13, 14 (调休), 18–20, 23–25"},
		{"90", "优", "0", "", "on schedule"},
	}
	cal := readCalendar(t, calendar2024)
	for _, tt := range tests {
		run, err := p.Run(context.Background(), at, []monitor.Record{{Row: 2, ID: "A", Budget: wan(t, "120"), Spent: wan(t, tt.spent)}}, monitor.WithCalendar(cal))
		require.NoError(t, err, tt.reason)
		require.Len(t, run.Graded, 1, tt.reason)
		o := run.Graded[0]
		assert.Equal(t, tt.grade, o.Grade.Name, tt.reason)
		assert.Equal(t, tt.deviation, o.Deviation.String(), tt.reason)
		assert.Equal(t, tt.rectify != "", o.RedFlag, tt.reason)
		if tt.rectify != "" {
			assert.Equal(t, tt.rectify, o.RectifyBy.Format(time.DateOnly), tt.reason)
		}
	}
}

// TestParseDayKind reads the words a platform's holiday table holds, as a calendar file does,
// and round-trips String.
func TestParseDayKind(t *testing.T) {
	for _, tt := range []struct {
		text   string
		want   monitor.DayKind
		reason string
	}{
		{"休", monitor.Rest, "the file's word for a holiday"},
		{"放假", monitor.Rest, "the State Council's notice says 放假"},
		{" 休息 ", monitor.Rest, "spaces around a cell are ignored"},
		{"班", monitor.Work, "the file's word for a make-up working day"},
		{"补班", monitor.Work, "the word most platforms store"},
		{"上班", monitor.Work, "also accepted in files"},
	} {
		k, err := monitor.ParseDayKind(tt.text)
		require.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, k, tt.reason)
		back, err := monitor.ParseDayKind(k.String())
		require.NoError(t, err, tt.reason)
		assert.Equal(t, k, back, "String reads back: "+tt.reason)
	}
	_, err := monitor.ParseDayKind("调休")
	assert.ErrorContains(t, err, "应为 休 或 班", "调休 is ambiguous: the day off or the day worked")
	_, err = monitor.ParseDayKind(monitor.DayKind(0).String())
	assert.Error(t, err, "the zero DayKind is no entry and does not parse")
}
