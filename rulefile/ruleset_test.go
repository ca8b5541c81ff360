package rulefile_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// TestRuleSetCannotBeChangedByItsUsers: what a RuleSet hands out are copies, so a platform
// that edits them (by mistake or on purpose) changes neither the rules it evaluates nor what
// the next caller reads.
func TestRuleSetCannotBeChangedByItsUsers(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := lib.LoadFiles("testdata/rulesets/monitor.yaml")
	require.NoError(t, err)
	at := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	rs, err := lib.Get("minfeng-monitor", at)
	require.NoError(t, err)
	rec := map[string]any{"预算数": "120", "执行数": "64", "月份": 8}
	before, err := rs.Evaluate(at, rec)
	require.NoError(t, err)
	want := snapshot(rs)

	params := rs.Params()
	require.NotEmpty(t, params)
	for i := range params {
		params[i].Name = "改名"
		for j := range params[i].Values {
			params[i].Values[j].Value = rules.TextOf("0")
		}
	}
	tables := rs.Tables()
	require.NotEmpty(t, tables)
	for i := range tables {
		for j := range tables[i].Rows {
			tables[i].Rows[j].Then.Value = rules.TextOf("被改")
			if e := tables[i].Rows[j].Then.Expr; e != nil {
				e.Text = "0"
			}
		}
	}
	tests := rs.Tests()
	require.NotEmpty(t, tests)
	for i := range tests {
		for j := range tests[i].Expect {
			tests[i].Expect[j].Value = rules.TextOf("被改")
		}
	}

	assert.Equal(t, want, snapshot(rs), "参数、决策表和测试不因调用方修改副本而改变")
	after, err := rs.Evaluate(at, rec)
	require.NoError(t, err)
	wantJSON, err := before.Values.MarshalJSON()
	require.NoError(t, err)
	gotJSON, err := after.Values.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(wantJSON), string(gotJSON), "计算结果不变")
}

// snapshot prints what a rule set hands out, as text: a copy that shares nothing with it.
func snapshot(rs *rulefile.RuleSet) string {
	var b strings.Builder
	for _, p := range rs.Params() {
		fmt.Fprintf(&b, "param %s", p.Name)
		for _, v := range p.Values {
			fmt.Fprintf(&b, " %s@%s", v.Value, v.Since.Format("2006-01-02"))
		}
		b.WriteString("\n")
	}
	for _, tb := range rs.Tables() {
		for _, r := range tb.Rows {
			fmt.Fprintf(&b, "row %s %q %s", tb.Name, r.When.Text, r.Then.Value)
			if r.Then.Expr != nil {
				fmt.Fprintf(&b, " %q", r.Then.Expr.Text)
			}
			b.WriteString("\n")
		}
	}
	for _, tc := range rs.Tests() {
		for _, v := range append(tc.Given, tc.Expect...) {
			fmt.Fprintf(&b, "test %s %s=%s\n", tc.Name, v.Name, v.Value)
		}
	}
	return b.String()
}
