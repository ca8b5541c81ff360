package monitor_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/monitor"
)

// TestRunRejectsRepeatedIDs checks a project is never counted twice: a repeated or empty ID
// is rejected with the reason, the first record with the ID is graded, and the totals add up.
func TestRunRejectsRepeatedIDs(t *testing.T) {
	aug := day(2024, 8, 31)
	p := minfeng(t, aug)
	run, err := p.Run(context.Background(), aug, []monitor.Record{
		{Row: 2, ID: "A", Budget: wan(t, "120"), Spent: wan(t, "80")},
		{Row: 3, ID: "B", Budget: wan(t, "120"), Spent: wan(t, "80")},
		{Row: 4, ID: "A", Budget: wan(t, "500"), Spent: wan(t, "1")},
		{Row: 5, ID: "", Budget: wan(t, "1"), Spent: wan(t, "1")},
		{ID: "C", Budget: wan(t, "1"), Spent: wan(t, "1")},
		{ID: "C", Budget: wan(t, "1"), Spent: wan(t, "1")},
	})
	require.NoError(t, err)
	assert.Equal(t, 6, run.In())
	require.Len(t, run.Rejected, 3)
	tests := []struct {
		want   string
		reason string
	}{
		{"项目编号 A 与第 2 行重复", "the second A names the first's row"},
		{"项目编号为空", "a record without an ID cannot be compared or reported"},
		{"项目编号 C 与前面的记录重复", "records without row numbers (an API caller's) still say what is wrong"},
	}
	for i, tt := range tests {
		assert.Contains(t, run.Rejected[i].Err.Error(), tt.want, tt.reason)
	}
	s := run.Summary()
	assert.Equal(t, 3, s.Total.Count, "A, B and C once each")
	assert.Equal(t, "241", s.Total.Wan().Value().String(), "120 + 120 + 1: the repeated A's 500万元 is not summed")
}
