package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// calendarOption reads --calendar for a rule set that counts rectification days as working
// days. A rule set that counts calendar days does not read a calendar: giving it one is a
// usage error rather than a file silently ignored, since the user expects working days.
func (o *monitorOptions) calendarOption(c *cobra.Command, p *monitor.Profile) ([]monitor.RunOption, error) {
	if o.calendar == "" {
		if p.CountsWorkdays() {
			return nil, usagef(c, "规则集 %s 按工作日计算整改期限（参数 %s: %s），请用 --calendar 给出工作日历文件", p.RuleSet().ID(), monitor.ParamRectifyCounting, monitor.CountWorkdays)
		}
		return nil, nil
	}
	if !p.CountsWorkdays() {
		return nil, usagef(c, "规则集 %s 按自然日计算整改期限，不用工作日历；要按工作日计算，请在规则文件中写参数 %s: %s", p.RuleSet().ID(), monitor.ParamRectifyCounting, monitor.CountWorkdays)
	}
	cal, err := readCalendarFile(o.calendar)
	if err != nil {
		return nil, usagef(c, "%v", err)
	}
	return []monitor.RunOption{monitor.WithCalendar(cal)}, nil
}

func readCalendarFile(path string) (*monitor.Calendar, error) {
	f, err := os.Open(path) //nolint:gosec // the user names the calendar file to read; reading it is the command's job
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s：文件不存在", path)
		}
		return nil, fmt.Errorf("%s：%s", path, describeIOError(err))
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	return monitor.ReadCalendar(path, f)
}

// runError is a run that could not start: a calendar that does not cover the checkpoint is
// unusable input (exit 2); anything else is a finding.
func runError(c *cobra.Command, err error) error {
	if errors.Is(err, rules.ErrMissingInput) {
		return usagef(c, "%v", err)
	}
	return &findingsError{msg: err.Error()}
}
