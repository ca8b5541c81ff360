package monitor_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// TestMisuse: a platform's mistakes — a nil or zero Profile, Grader or IDs, a nil record or
// context — are errors of code rules.ErrMisuse, never panics; and a zero Profile no longer
// "runs" with every record rejected and no error.
func TestMisuse(t *testing.T) {
	aug := day(2024, 8, 31)
	p := minfeng(t, aug)
	g, err := p.Grader(aug)
	require.NoError(t, err)
	rec := []monitor.Record{{ID: "P1", Budget: wan(t, "100"), Spent: wan(t, "80")}}
	tests := []struct {
		name   string
		call   func() error
		reason string
	}{
		{"nil Profile Run", func() error { var np *monitor.Profile; _, err := np.Run(context.Background(), aug, rec); return err }, "a Profile field never set"},
		{"zero Profile Run", func() error { _, err := (&monitor.Profile{}).Run(context.Background(), aug, rec); return err }, "graded nothing and said nothing before"},
		{"zero Profile Grader", func() error { _, err := (&monitor.Profile{}).Grader(aug); return err }, "the streaming path, as Run"},
		{"nil context", func() error { _, err := p.Run(nil, aug, rec); return err }, "ctx.Err on nil panicked"}, //nolint:staticcheck // the misuse under test
		{"zero Grader", func() error { _, err := (&monitor.Grader{}).Grade(&rec[0]); return err }, "a Grader not made by Profile.Grader"},
		{"nil Grader", func() error { var ng *monitor.Grader; _, err := ng.Grade(&rec[0]); return err }, "a nil Grader"},
		{"nil record", func() error { _, err := g.Grade(nil); return err }, "a nil record has nothing to grade"},
		{"nil IDs", func() error { var ids *monitor.IDs; return ids.Check(&rec[0]) }, "a nil set cannot remember"},
		{"nil record ID", func() error { return monitor.NewIDs().Check(nil) }, "a nil record has no ID"},
		{"nil calendar reader", func() error { _, err := monitor.ReadCalendar("假日.csv", nil); return err }, "io.ReadAll of nil panicked"},
	}
	for _, tt := range tests {
		var err error
		require.NotPanics(t, func() { err = tt.call() }, "%s: %s", tt.name, tt.reason)
		var re *rules.Error
		require.True(t, errors.As(err, &re), "%s: %s: %v", tt.name, tt.reason, err)
		assert.Equal(t, rules.ErrMisuse, re.Code, "%s: %s", tt.name, tt.reason)
	}
}

// TestNilValuesAnswer: what has no error to return answers a nil or zero value with the empty
// answer: no grades, no summary lines, no transitions, a calendar covering no year.
func TestNilValuesAnswer(t *testing.T) {
	aug := day(2024, 8, 31)
	var np *monitor.Profile
	var nr *monitor.Run
	var nc *monitor.Calendar
	require.NotPanics(t, func() {
		assert.Empty(t, np.Grades(), "a nil profile declares no grade")
		assert.Zero(t, np.Indicators())
		assert.False(t, np.CountsWorkdays())
		assert.Nil(t, np.RuleSet())
		assert.Empty(t, nr.Summary().Lines, "a nil run sums nothing")
		assert.Zero(t, nr.In())
		assert.Empty(t, nr.Flagged())
		assert.Empty(t, (&monitor.Run{}).Summary().Lines, "a zero run has no profile, so no grade lines")
		assert.Empty(t, monitor.Compare(nil, nil), "two empty checkpoints have no transitions")
		assert.Equal(t, [5]int{}, monitor.Counts([]monitor.Transition{{Change: monitor.Change(9)}}), "an unknown change is not counted")
		assert.Empty(t, nc.Years())
		assert.False(t, nc.IsWorkday(day(2024, 8, 31)), "a Saturday is a rest day in any calendar")
		assert.True(t, nc.IsWorkday(day(2024, 8, 30)), "a Friday with no entry is a working day")
	})
	_, err := nc.AddWorkdays(aug, 3)
	require.Error(t, err, "a nil calendar covers no year, so it cannot count working days")

	p := minfeng(t, aug)
	run, err := p.Run(context.Background(), aug, []monitor.Record{{ID: "A", Budget: wan(t, "100"), Spent: wan(t, "0")}})
	require.NoError(t, err)
	ts := monitor.Compare(nil, run)
	require.Len(t, ts, 1, "against no earlier run every project is new")
	assert.Equal(t, monitor.New, ts[0].Change)
}

// TestZeroIDsIsUsable: the zero IDs is an empty set, as NewIDs gives, instead of panicking on
// its unset hash seed.
func TestZeroIDsIsUsable(t *testing.T) {
	var ids monitor.IDs
	require.NoError(t, ids.Check(&monitor.Record{Row: 2, ID: "A"}), "the first A is accepted")
	err := ids.Check(&monitor.Record{Row: 3, ID: "A"})
	require.Error(t, err, "the second A is refused")
	assert.Contains(t, err.Error(), "第 2 行", "naming the first row")
	assert.Equal(t, 1, ids.Len())
}

// TestTallyRefusesForeignGrades: an outcome whose grade is not the profile's has no line. The
// zero Grade has rank 0 and used to be counted as 优 — a silent wrong figure in a summary; an
// outcome of a profile with more grades indexed past the lines and panicked. Both are now
// counted as rejected, so the totals still account for every record.
func TestTallyRefusesForeignGrades(t *testing.T) {
	aug := day(2024, 8, 31)
	mf := minfeng(t, aug)
	mof, err := monitor.FromLibrary(library(t), "mof-traffic-light", aug)
	require.NoError(t, err)
	red, ok := mof.Grade("红")
	require.True(t, ok)
	good, ok := mf.Grade("良")
	require.True(t, ok)
	tests := []struct {
		grade    monitor.Grade
		graded   int
		rejected int
		reason   string
	}{
		{good, 1, 0, "a grade the profile declares is counted on its line"},
		{monitor.Grade{}, 0, 1, "the zero Grade is no grade, not 优"},
		{red, 0, 1, "红 is rank 3 of the Ministry's lights: minfeng has three lines"},
		{monitor.Grade{Name: "良", Rank: 0}, 0, 1, "a name and a rank that do not go together"},
	}
	for _, tt := range tests {
		tally := mf.NewTally(aug)
		require.NotPanics(t, func() {
			tally.Add(&monitor.Outcome{Record: monitor.Record{ID: "A", Budget: wan(t, "100")}, Grade: tt.grade})
			tally.Add(nil)
		}, tt.reason)
		s := tally.Summary()
		assert.Equal(t, tt.graded, s.Total.Count, tt.reason)
		assert.Equal(t, tt.rejected, s.Rejected, tt.reason)
		assert.Zero(t, s.Lines[0].Count, "%s: nothing lands on 优", tt.reason)
	}
	var zero monitor.Tally
	require.NotPanics(t, func() { zero.Add(&monitor.Outcome{Grade: good}) }, "the zero Tally knows no grades")
	assert.Equal(t, 1, zero.Summary().Rejected, "so it counts the outcome as rejected")
}

// TestCompareKeepsSecrets: a project marked 涉密 in one checkpoint's data and not in the other's
// is hidden on both sides of its transition, whichever side a report prints.
func TestCompareKeepsSecrets(t *testing.T) {
	may, aug := day(2024, 5, 31), day(2024, 8, 31)
	for _, tt := range []struct {
		mayS, augS bool
		reason     string
	}{
		{true, false, "August's file forgot the mark May's had"},
		{false, true, "the project became 涉密 in August"},
	} {
		before, err := minfeng(t, may).Run(context.Background(), may, []monitor.Record{{ID: "S", Name: "某涉密项目", Secret: tt.mayS, Budget: wan(t, "100"), Spent: wan(t, "0")}})
		require.NoError(t, err)
		after, err := minfeng(t, aug).Run(context.Background(), aug, []monitor.Record{{ID: "S", Name: "某涉密项目", Secret: tt.augS, Budget: wan(t, "100"), Spent: wan(t, "80")}})
		require.NoError(t, err)
		ts := monitor.Compare(before, after)
		require.Len(t, ts, 1, tt.reason)
		assert.Equal(t, monitor.ClassifiedName, ts[0].Before.DisplayName(), tt.reason)
		assert.Equal(t, monitor.ClassifiedName, ts[0].After.DisplayName(), tt.reason)
		assert.Equal(t, "某涉密项目", after.Graded[0].Name, "%s: the runs themselves are not changed", tt.reason)
	}
}

// TestEveryProfileRefusesNegativeAmounts: a negative 预算数 or 执行数 gives no meaningful
// progress. Minfeng's rule sets refused it; the national default and the regional profiles
// graded it (−1 spent of 100 in August was 差 with a deviation of 101.5%, a red light, 未达标).
// Now every embedded profile refuses the record with the reason.
func TestEveryProfileRefusesNegativeAmounts(t *testing.T) {
	aug := day(2024, 8, 31)
	extra := map[string]map[string]any{"hefei-monitor": {"达到阶段性目标": true}}
	for _, id := range []string{"national-monitor", "minfeng-monitor", "minfeng-monitor-dimensions", "mof-traffic-light", "sichuan-monitor", "hefei-monitor"} {
		p, err := monitor.FromLibrary(library(t), id, aug)
		require.NoError(t, err, id)
		for _, rec := range []monitor.Record{
			{Row: 2, ID: "A", Budget: wan(t, "100"), Spent: wan(t, "-1"), Extra: extra[id]},
			{Row: 3, ID: "B", Budget: wan(t, "-100"), Spent: wan(t, "50"), Extra: extra[id]},
		} {
			run := runOne(t, p, aug, rec)
			require.Len(t, run.Rejected, 1, "%s row %d: a negative amount is not graded", id, rec.Row)
			assert.Contains(t, run.Rejected[0].Err.Error(), "不能为负", "%s row %d: the reason says why", id, rec.Row)
		}
	}
}

// TestExtraCarriesOnlyDeclaredInputs: Extra is for inputs the rule set declares and the run
// does not supply. A 月份 in Extra was overwritten by the checkpoint's without a word, and an
// undeclared or misspelt name was ignored (a 计划进度 typed 计划进渡 graded by months).
func TestExtraCarriesOnlyDeclaredInputs(t *testing.T) {
	aug := day(2024, 8, 31)
	dims, err := monitor.FromLibrary(library(t), "minfeng-monitor-dimensions", aug)
	require.NoError(t, err)
	ind := []monitor.Indicator{{Expected: wan(t, "0.5").Value(), Actual: wan(t, "0.5").Value()}}
	tests := []struct {
		p      *monitor.Profile
		extra  map[string]any
		inds   []monitor.Indicator
		want   string
		reason string
	}{
		{minfeng(t, aug), map[string]any{"月份": 3}, nil, "由监控程序给出", "the run's month is the checkpoint's: a record cannot say March"},
		{minfeng(t, aug), map[string]any{"预算数": "50"}, nil, "由监控程序给出", "Budget is the budget; a second one in Extra was dropped"},
		{minfeng(t, aug), map[string]any{"计划进渡": "50%"}, nil, "没有输入 计划进渡", "a misspelt input was ignored and the plan silently not used"},
		{minfeng(t, aug), map[string]any{"达到阶段性目标": true}, nil, "没有输入 达到阶段性目标", "Hefei's input means nothing to Minfeng's rules"},
		{dims, map[string]any{"指标1完成": "0.1"}, ind, "第 1 项绩效指标", "Indicators[0] and Extra both gave 指标1完成"},
	}
	for _, tt := range tests {
		run := runOne(t, tt.p, aug, monitor.Record{Row: 4, ID: "A", Budget: wan(t, "100"), Spent: wan(t, "80"), Extra: tt.extra, Indicators: tt.inds})
		require.Len(t, run.Rejected, 1, tt.reason)
		assert.Contains(t, run.Rejected[0].Err.Error(), tt.want, tt.reason)
	}
	run := runOne(t, dims, aug, monitor.Record{ID: "B", Budget: wan(t, "100"), Spent: wan(t, "80"), Extra: map[string]any{"指标2完成": "0.1", "指标2序时目标": "0.5", "计划进度": "0.6"}, Indicators: ind})
	require.Len(t, run.Graded, 1, "declared inputs the record does not give otherwise are read")
	assert.Equal(t, "差", run.Graded[0].Grade.Name, "指标2 at 20% of its 50% share is an 80% shortfall")
}

// TestUndeclaredPlanIsRefused: a 计划进度 given to a rule set that does not declare it (the
// national default) is refused on the fast path too, not graded by months without a word.
func TestUndeclaredPlanIsRefused(t *testing.T) {
	aug := day(2024, 8, 31)
	p, err := monitor.FromLibrary(library(t), "national-monitor", aug)
	require.NoError(t, err)
	run := runOne(t, p, aug, monitor.Record{ID: "A", Budget: wan(t, "100"), Spent: wan(t, "40"), Extra: map[string]any{"计划进度": wan(t, "0.5").Value()}})
	require.Len(t, run.Rejected, 1, "national-monitor has no 计划进度")
	assert.Contains(t, run.Rejected[0].Err.Error(), "没有输入 计划进度")
}
