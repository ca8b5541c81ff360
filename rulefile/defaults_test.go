package rulefile_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

const defaultsBase = `ruleset: 默认值
effective: 2024-01-01
inputs:
  预算数: {type: decimal}
  调减数: {type: decimal, default: 0, desc: 没有调减时不必给出}
  监控日期: {type: date, default: 评价日期}
formulas:
  预算净额: 预算数 - 调减数
  整改期限: add_days(监控日期, 30)
tests:
  - name: 不给监控日期时取测试的日期
    at: 2024-08-31
    given: {预算数: 100}
    expect: {预算净额: 100, 整改期限: 2024-09-30}
`

// TestInputDefaults: an input may declare what it takes when a record leaves it out — a
// value of its type, or for a date the day the rules are evaluated on — so a rule set can
// gain an input without breaking the files, tests and callers written before it.
func TestInputDefaults(t *testing.T) {
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadBytes(ldFile("默认值.yaml", defaultsBase))
	require.NoError(t, err)
	for _, r := range sets[0].RunTests() {
		assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
	}
	day := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	for _, r := range []struct {
		given         map[string]any
		net, deadline string
		reason        string
	}{
		{map[string]any{"预算数": "100"}, "100", "2024-06-30", "both left out: 0 and the evaluation day"},
		{map[string]any{"预算数": "100", "调减数": "20", "监控日期": "2024-08-31"}, "80", "2024-09-30", "given values win over defaults"},
	} {
		ev, err := lib.Evaluate("默认值", day, r.given)
		require.NoError(t, err, r.reason)
		net, _ := ev.Values.Get("预算净额")
		deadline, _ := ev.Values.Get("整改期限")
		assert.Equal(t, r.net, net.String(), r.reason)
		assert.Equal(t, r.deadline, deadline.String(), r.reason)
	}
	_, err = lib.Evaluate("默认值", day, map[string]any{})
	assert.ErrorIs(t, err, rules.ErrMissingInput, "an input without a default is still required")
}

// TestInputDefaultErrors: a default that is not a value of the input's type is reported at
// the default, and a regional file that declares an input again takes its own default or none.
func TestInputDefaultErrors(t *testing.T) {
	bad := "ruleset: 坏默认值\neffective: 2024-01-01\ninputs:\n  金额: {type: decimal, default: 若干}\n  日期: {type: date, default: 今天}\nformulas:\n  y: 金额\n  z: 日期\n"
	_, err := rulefile.NewLibrary().LoadBytes(ldFile("坏.yaml", bad))
	list := rules.Errors(err)
	require.Len(t, list, 2, "%v", err)
	assert.Equal(t, rules.ErrFileValue, list[0].Code)
	assert.Equal(t, "坏.yaml:4:32: 规则 坏默认值：输入 金额 的默认值 若干 应为数值", list[0].Error())
	assert.Contains(t, list[1].Msg, "或写 评价日期 表示计算的那一天")

	region := "ruleset: 地区\nextends: 默认值\neffective: 2024-01-01\ninputs:\n  调减数: {type: decimal}\n"
	lib := rulefile.NewLibrary()
	_, err = lib.LoadBytes(ldFile("默认值.yaml", defaultsBase), ldFile("地区.yaml", region))
	require.NoError(t, err)
	day := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	_, err = lib.Evaluate("地区", day, map[string]any{"预算数": "100"})
	assert.ErrorIs(t, err, rules.ErrMissingInput, "the region declared 调减数 again without a default")
	ev, err := lib.Evaluate("地区", day, map[string]any{"预算数": "100", "调减数": "1"})
	require.NoError(t, err)
	deadline, _ := ev.Values.Get("整改期限")
	assert.Equal(t, "2024-09-30", deadline.String(), "the base's evaluation-day default is inherited")
}
