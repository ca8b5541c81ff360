package monitor_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// TestSummary checks counts and funds per grade, 部门 and fund type, exact in 万元 and 亿元,
// with grades no project has listed as zero and 涉密 projects counted.
func TestSummary(t *testing.T) {
	aug := day(2024, 8, 31)
	recs := []monitor.Record{
		{ID: "A", Dept: "教育局", Fund: "衔接资金", Budget: wan(t, "100.01"), Spent: wan(t, "80")},
		{ID: "B", Dept: "教育局", Fund: "债务", Budget: wan(t, "0.09"), Spent: wan(t, "0.06"), Secret: true},
		{ID: "C", Dept: "水利局", Fund: "衔接资金", Budget: wan(t, "1,000.5"), Spent: wan(t, "667")},
	}
	run, err := minfeng(t, aug).Run(context.Background(), aug, recs)
	require.NoError(t, err)
	s := run.Summary()
	require.Len(t, s.Lines, 3)
	// A: 80/100.01 at 8/12 is ahead → 优; B: 0.06/0.09 = 2/3 → 优; C: 667/1000.5 = 0.66667 → 优.
	assert.Equal(t, 3, s.Lines[0].Count)
	assert.Equal(t, "1100.6", s.Lines[0].Wan().Value().String(), "100.01 + 0.09 + 1000.5, exact")
	assert.Equal(t, "0.11006", s.Lines[0].Yi().Value().String(), "the same sum in 亿元, the point moved, nothing rounded")
	assert.Equal(t, 0, s.Lines[1].Count, "a grade no project has is still listed")
	assert.Equal(t, 3, s.Total.Count)
	require.Len(t, s.ByDept, 2)
	assert.Equal(t, "教育局", s.ByDept[0].Key, "groups sorted by key (code point order)")
	assert.Equal(t, 2, s.ByDept[0].Total.Count, "the 涉密 project B is counted in its 部门")
	require.Len(t, s.ByFund, 2)
	assert.Equal(t, "债务", s.ByFund[0].Key)
	assert.Equal(t, 1, s.ByFund[0].Lines[0].Count)
	assert.Equal(t, monitor.ClassifiedName, run.Graded[1].DisplayName(), "涉密 names are never shown")
}

// TestCompare checks the transitions between two checkpoints and a flagged project's
// recovery at a later one.
func TestCompare(t *testing.T) {
	grade := func(at time.Time, recs ...monitor.Record) *monitor.Run {
		run, err := minfeng(t, at).Run(context.Background(), at, recs)
		require.NoError(t, err)
		return run
	}
	rec := func(id, spent string) monitor.Record {
		return monitor.Record{ID: id, Budget: wan(t, "120"), Spent: wan(t, spent)}
	}
	may := grade(day(2024, 5, 31), rec("A", "50"), rec("B", "45"), rec("C", "10"), rec("D", "50"))
	aug := grade(day(2024, 8, 31), rec("A", "80"), rec("B", "50"), rec("C", "70"), rec("E", "10"))
	// May, 序时 5/12 = 50: A 优, B 良 (10%), C 差, D 优. August, 序时 80: A 优, B 差 (37.5%), C 良, E 差.
	ts := monitor.Compare(may, aug)
	got := map[string]monitor.Change{}
	for _, tr := range ts {
		got[tr.ID] = tr.Change
	}
	assert.Equal(t, map[string]monitor.Change{"A": monitor.Unchanged, "B": monitor.Worsened, "C": monitor.Improved,
		"D": monitor.Dropped, "E": monitor.New}, got)
	assert.Equal(t, "D", ts[len(ts)-1].ID, "dropped projects come after the later run's")
	assert.Equal(t, [5]int{1, 1, 1, 1, 1}, monitor.Counts(ts))

	oct := grade(day(2024, 10, 31), rec("B", "100"), rec("E", "20"))
	// October, 序时 100: B 优 (recovered from its August flag), E 差 still.
	rec2 := map[string]bool{}
	for _, tr := range monitor.Compare(aug, oct) {
		rec2[tr.ID] = tr.Recovered
	}
	assert.True(t, rec2["B"], "flagged in August, 优 in October")
	assert.False(t, rec2["E"], "flagged in August, still 差")
	assert.False(t, rec2["C"], "C was never flagged (and is dropped)")
}

func TestChangeString(t *testing.T) {
	assert.Equal(t, "好转", monitor.Improved.String())
	assert.Equal(t, "退出", monitor.Dropped.String())
	assert.Equal(t, "Change(9)", monitor.Change(9).String(), "an unknown change names its number")
}
