package monitor_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// TestGraderTallyIDsAgreeWithRun streams records through a Grader, IDs and a Tally, as a
// caller with more records than it wants to hold does, and checks every outcome, every
// rejection and the summary equal Run's.
func TestGraderTallyIDsAgreeWithRun(t *testing.T) {
	aug := day(2024, 8, 31)
	p := minfeng(t, aug)
	var recs []monitor.Record
	for i := 0; i < 300; i++ {
		id := fmt.Sprintf("P%03d", i%290) // ten IDs come twice
		recs = append(recs, monitor.Record{Row: i + 2, ID: id, Dept: fmt.Sprint("部门", i%4), Fund: fmt.Sprint("类型", i%3),
			Budget: wan(t, fmt.Sprint(i%50)), Spent: wan(t, fmt.Sprint(i%37)), Secret: i%11 == 0})
	}
	run, err := p.Run(context.Background(), aug, recs)
	require.NoError(t, err)

	g, err := p.Grader(aug)
	require.NoError(t, err)
	ids, tally := monitor.NewIDs(), p.NewTally(aug)
	var graded []monitor.Outcome
	var rejected []string
	for i := range recs {
		err := ids.Check(&recs[i])
		var o monitor.Outcome
		if err == nil {
			o, err = g.Grade(&recs[i])
		}
		if err != nil {
			tally.Reject()
			rejected = append(rejected, err.Error())
			continue
		}
		tally.Add(&o)
		graded = append(graded, o)
	}
	assert.Equal(t, run.Graded, graded, "the same outcomes, in the same order")
	require.Len(t, rejected, len(run.Rejected))
	for i, rj := range run.Rejected {
		assert.Equal(t, rj.Err.Error(), rejected[i], "the same reasons")
	}
	assert.Equal(t, run.Summary(), tally.Summary(), "the same summary, summed one record at a time")
	assert.Equal(t, 290, ids.Len(), "each ID once")
}

// TestIDs checks the duplicate rule: the first row wins, the message names it, an empty ID is
// refused, and IDs differing only in a byte are different.
func TestIDs(t *testing.T) {
	ids := monitor.NewIDs()
	tests := []struct {
		rec    monitor.Record
		want   string
		reason string
	}{
		{monitor.Record{Row: 2, ID: "A1"}, "", "first time seen"},
		{monitor.Record{Row: 3, ID: "A1 "}, "", "a different ID (trimming is the reader's job)"},
		{monitor.Record{Row: 4, ID: "A1"}, "项目编号 A1 与第 2 行重复", "the first row is named"},
		{monitor.Record{Row: 5, ID: ""}, "项目编号为空", "an empty ID cannot be counted"},
		{monitor.Record{ID: "B"}, "", "a record without a row number"},
		{monitor.Record{Row: 7, ID: "B"}, "项目编号 B 与前面的记录重复", "the first one had no row number to name"},
		{monitor.Record{Row: 6, ID: "a1"}, "", "IDs are compared exactly"},
	}
	for _, tt := range tests {
		err := ids.Check(&tt.rec)
		if tt.want == "" {
			assert.NoError(t, err, tt.reason)
			continue
		}
		require.Error(t, err, tt.reason)
		assert.Contains(t, err.Error(), tt.want, tt.reason)
	}
	assert.Equal(t, 4, ids.Len())
}
