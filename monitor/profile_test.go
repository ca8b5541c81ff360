package monitor_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// TestGradesComeFromTheRuleFile checks the grades and colours are the rule file's: a profile
// with traffic-light grades gets those, in its table's order, with its colours.
func TestGradesComeFromTheRuleFile(t *testing.T) {
	p := minfeng(t, day(2024, 8, 31))
	var got []string
	for _, g := range p.Grades() {
		got = append(got, g.Name+":"+g.Colour)
	}
	assert.Equal(t, []string{"优:", "良:", "差:"}, got, "Minfeng's grades best first; its file declares no colours, so none are shown")

	lights := `ruleset: lights-test
effective: 2024-01-01
inputs:
  预算数: decimal
  执行数: decimal
  月份: int
  监控日期: date
params:
  颜色_绿灯: green
  颜色_黄灯: yellow
  颜色_红灯: red
formulas:
  比值: round(执行数 / 预算数 / (月份 / 12), 4)
  红标: 等级 == "红灯"
  整改期限: add_days(监控日期, 15)
tables:
  等级:
    - when: 比值 >= 80%
      then: 绿灯
    - when: 比值 >= 60%
      then: 黄灯
    - else: 红灯
tests:
  - given: {预算数: 120, 执行数: 40, 月份: 8, 监控日期: 2024-08-31}
    expect: {等级: 红灯, 整改期限: 2024-09-15}
`
	lp, err := monitor.FromLibrary(library(t, lights), "lights-test", day(2024, 8, 31))
	require.NoError(t, err)
	g, ok := lp.Grade("黄灯")
	require.True(t, ok)
	assert.Equal(t, monitor.Grade{Name: "黄灯", Colour: "yellow", Rank: 1}, g)
	run, err := lp.Run(context.Background(), day(2024, 8, 31), []monitor.Record{
		{ID: "X", Budget: wan(t, "120"), Spent: wan(t, "60")},
		{ID: "Y", Budget: wan(t, "120"), Spent: wan(t, "40")},
	})
	require.NoError(t, err)
	require.Len(t, run.Graded, 2)
	assert.Equal(t, "黄灯", run.Graded[0].Grade.Name, "60/120 at 8/12 is 75% of schedule")
	assert.False(t, run.Graded[0].HasDeviation, "this profile has no 偏差 result")
	assert.True(t, run.Graded[1].RedFlag, "40/120 at 8/12 is 50%: red")
	assert.Equal(t, "2024-09-15", run.Graded[1].RectifyBy.Format(time.DateOnly),
		"the deadline the file computes from the 监控日期 the run supplies")
}

// TestProfileErrors checks a rule set that cannot serve as a monitoring profile is refused
// with a positioned rules.Error saying what is missing.
func TestProfileErrors(t *testing.T) {
	base := `ruleset: bad-test
effective: 2024-01-01
inputs:
  预算数: decimal
params:
%s
formulas:
  红标: false
tables:
  等级:
    - when: 预算数 > 0
      then: 好
    - else:
        expr: %s
tests:
  - given: {预算数: 1}
    expect: {红标: false}
`
	tests := []struct {
		params, elseExpr string
		reason           string
	}{
		{"  颜色_好: 绿\n  颜色_坏: 红", `'"坏"'`, "a computed grade cannot be listed before the run"},
		{"  颜色_好: 绿", `'"好"'`, "a computed row is refused even when it gives a grade already listed"},
	}
	for _, tt := range tests {
		lib := library(t, fmt.Sprintf(base, tt.params, tt.elseExpr))
		_, err := monitor.FromLibrary(lib, "bad-test", day(2024, 8, 31))
		var re *rules.Error
		require.ErrorAs(t, err, &re, tt.reason)
		assert.Equal(t, rules.ErrFileValue, re.Code, tt.reason)
		assert.Contains(t, re.Msg, "直接写出等级名", tt.reason)
		assert.Positive(t, re.Line, tt.reason)
	}

	missingColour := `ruleset: nocolour-test
effective: 2024-01-01
inputs:
  预算数: decimal
params:
  颜色_好: 绿
formulas:
  红标: false
tables:
  等级:
    - when: 预算数 > 0
      then: 好
    - else: 坏
tests:
  - given: {预算数: 1}
    expect: {等级: 好}
`
	_, err := monitor.FromLibrary(library(t, missingColour), "nocolour-test", day(2024, 8, 31))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "等级 坏 没有显示颜色：请在 params 中写 颜色_坏（其他等级都写了颜色）", "colours for some grades but not all")
}
