package monitor_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// TestEmbeddedProfilesTests runs the tests written inside each embedded monitoring profile.
func TestEmbeddedProfilesTests(t *testing.T) {
	lib := library(t)
	for _, id := range []string{"mof-traffic-light", "sichuan-monitor", "hefei-monitor", "minfeng-monitor-dimensions"} {
		rs, err := lib.Get(id, day(2024, 8, 31))
		require.NoError(t, err, id)
		results := rs.RunTests()
		require.NotEmpty(t, results, id)
		for _, r := range results {
			assert.True(t, r.Passed(), "%s: %s %v", id, r.Name, r.Errors())
		}
	}
}

// TestProfileGrades checks each profile declares its own grades, best first, each with the
// display colour its rule file gives it.
func TestProfileGrades(t *testing.T) {
	tests := []struct {
		id      string
		names   []string
		colours []string
		reason  string
	}{
		{"mof-traffic-light", []string{"蓝", "绿", "黄", "红"}, []string{"蓝色", "绿色", "黄色", "红色"}, "the Ministry's lights, blue checked first"},
		{"sichuan-monitor", []string{"达标", "未达标"}, []string{"绿色", "红色"}, "Sichuan's floors pass or fail"},
		{"hefei-monitor", []string{"绿", "黄", "红"}, []string{"绿色", "黄色", "红色"}, "Hefei's two questions give three lights"},
		{"minfeng-monitor-dimensions", []string{"优", "良", "差"}, []string{"", "", ""}, "Minfeng's grades, no colours declared"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t), tt.id, day(2024, 8, 31))
		require.NoError(t, err, tt.reason)
		var names, colours []string
		for _, g := range p.Grades() {
			names = append(names, g.Name)
			colours = append(colours, g.Colour)
		}
		assert.Equal(t, tt.names, names, tt.reason)
		assert.Equal(t, tt.colours, colours, tt.reason)
	}
}

// TestProfilesThroughRun grades projects with the Ministry's traffic lights, Hefei's two
// questions and Sichuan's monthly floors through a Run, at the boundaries their files declare.
func TestProfilesThroughRun(t *testing.T) {
	tests := []struct {
		id     string
		at     time.Time
		spent  string // of a budget of 100
		inds   []monitor.Indicator
		extra  map[string]any
		grade  string
		colour string
		reason string
	}{
		{"mof-traffic-light", day(2024, 6, 30), "40", nil, nil, "绿", "绿色", "40 of 100 at 6/12 is 80% of schedule: green includes 80%"},
		{"mof-traffic-light", day(2024, 6, 30), "39.99", nil, nil, "黄", "黄色", "79.98% of schedule is yellow"},
		{"mof-traffic-light", day(2024, 6, 30), "30", nil, nil, "黄", "黄色", "exactly 60% of schedule is yellow"},
		{"mof-traffic-light", day(2024, 6, 30), "29.99", nil, nil, "红", "红色", "just under 60% is red"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.5", "1.2")}, nil, "蓝", "蓝色", "on-time spending and an indicator at 120% of its full-year target: blue"},
		{"mof-traffic-light", day(2024, 6, 30), "10", []monitor.Indicator{ind("0.5", "1.2")}, nil, "红", "红色", "blue is a prompt, not a grade above red: 10 of 100 at 6/12 is red spending and the project counts as red"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.5", "1.1999")}, nil, "绿", "绿色", "119.99% is not blue"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.5", "0.35")}, nil, "黄", "黄色", "on-time budget, an indicator at 70% of its share: the worst is yellow"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.5", "0")}, nil, "红", "红色", "an indicator with nothing done is red"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.05", "0.05")}, map[string]any{"指标1方向": "反向"}, "绿", "绿色", "a reverse indicator (投诉率 ≤ 5%) exactly at its target is green"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.05", "0.0501")}, map[string]any{"指标1方向": "反向"}, "红", "红色", "a reverse indicator just over its target is red: no yellow band"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("200", "300")}, map[string]any{"指标1方向": "反向"}, "红", "红色", "a reverse indicator's large actual is over target, never blue"},
		{"mof-traffic-light", day(2024, 6, 30), "50", nil, map[string]any{"指标1方向": "定性", "指标1达成": "达成"}, "绿", "绿色", "a qualitative indicator 达成 is green"},
		{"mof-traffic-light", day(2024, 6, 30), "50", nil, map[string]any{"指标2方向": "定性", "指标2达成": "部分达成"}, "黄", "黄色", "部分达成 is yellow"},
		{"mof-traffic-light", day(2024, 6, 30), "50", nil, map[string]any{"指标2方向": "定性", "指标2达成": "未达成"}, "红", "红色", "未达成 is red"},
		{"mof-traffic-light", day(2024, 6, 30), "50", []monitor.Indicator{ind("0.5", "1.2")}, map[string]any{"指标2方向": "定性", "指标2达成": "未达成"}, "红", "红色", "an overshoot beside a red indicator: the worst light wins, so a red is never hidden under blue"},
		{"hefei-monitor", day(2024, 6, 30), "50", nil, map[string]any{"达到阶段性目标": true}, "绿", "绿色", "exactly on 序时 and the stage goal reached"},
		{"hefei-monitor", day(2024, 6, 30), "60", nil, map[string]any{"达到阶段性目标": "否"}, "黄", "黄色", "on 序时, stage goal missed (as a CSV cell gives it)"},
		{"hefei-monitor", day(2024, 6, 30), "49.99", nil, map[string]any{"达到阶段性目标": true}, "红", "红色", "missed 序时: red whatever the goal"},
		{"sichuan-monitor", day(2024, 4, 30), "25", nil, nil, "达标", "绿色", "April floor 25% reached exactly"},
		{"sichuan-monitor", day(2024, 6, 30), "39.99", nil, nil, "未达标", "红色", "June floor 40% missed by 0.01 points"},
		{"sichuan-monitor", day(2024, 8, 31), "60", nil, nil, "达标", "绿色", "August floor 60% reached exactly"},
		{"sichuan-monitor", day(2024, 10, 31), "79.99", nil, nil, "未达标", "红色", "October floor 80% missed"},
		{"sichuan-monitor", day(2024, 9, 30), "60", nil, nil, "达标", "绿色", "September keeps August's floor"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t), tt.id, tt.at)
		require.NoError(t, err, tt.reason)
		run, err := p.Run(context.Background(), tt.at, []monitor.Record{{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, tt.spent), Indicators: tt.inds, Extra: tt.extra}})
		require.NoError(t, err, tt.reason)
		require.Empty(t, run.Rejected, tt.reason)
		require.Len(t, run.Graded, 1, tt.reason)
		assert.Equal(t, tt.grade, run.Graded[0].Grade.Name, tt.reason)
		assert.Equal(t, tt.colour, run.Graded[0].Grade.Colour, tt.reason)
		assert.False(t, run.Graded[0].RedFlag, tt.reason)
	}
}

// TestProfilesWithoutRedFlags checks the profiles whose sources give no 红标 rule raise none,
// even for their worst grade at the August checkpoint, and compute no deadline: the run
// reports no flags rather than guessing one.
func TestProfilesWithoutRedFlags(t *testing.T) {
	aug := day(2024, 8, 31)
	tests := []struct {
		id     string
		extra  map[string]any
		worst  string
		reason string
	}{
		{"mof-traffic-light", nil, "红", "the Ministry's software lights, it does not flag"},
		{"sichuan-monitor", nil, "未达标", "Sichuan's floors say nothing of flags"},
		{"hefei-monitor", map[string]any{"达到阶段性目标": false}, "红", "Hefei's two questions give a colour only"},
	}
	for _, tt := range tests {
		p, err := monitor.FromLibrary(library(t), tt.id, aug)
		require.NoError(t, err, tt.reason)
		run := runOne(t, p, aug, monitor.Record{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "1"), Extra: tt.extra})
		require.Len(t, run.Graded, 1, tt.reason)
		assert.Equal(t, tt.worst, run.Graded[0].Grade.Name, tt.reason)
		assert.False(t, run.Graded[0].RedFlag, tt.reason)
		assert.True(t, run.Graded[0].RectifyBy.IsZero(), tt.reason)
		assert.Zero(t, run.Summary().Flagged, tt.reason)
		assert.Contains(t, p.RuleSet().Source()+fileHead(t, tt.id), "红标", "the file says why there is none: "+tt.reason)
	}
}

// fileHead is the comment block at the top of an embedded rule file.
func fileHead(t *testing.T, id string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "rulesets", id+".yaml"))
	require.NoError(t, err)
	head, _, _ := strings.Cut(string(data), "ruleset:")
	return head
}
