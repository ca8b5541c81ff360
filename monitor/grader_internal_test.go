package monitor

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulesets"
)

// TestGraderFastPathAgrees grades generated records, boundaries included, through the Binding
// and through the map: every outcome and every error must be the same.
func TestGraderFastPathAgrees(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(9, 11))
	tests := []struct {
		id     string
		day    time.Time
		reason string
	}{
		{"minfeng-monitor", time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC), "August: flags and deadlines"},
		{"minfeng-monitor", time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), "May: no flags"},
		{"national-monitor", time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC), "a rule set without 监控日期 or 计划进度"},
	}
	for _, tt := range tests {
		p, err := FromLibrary(lib, tt.id, tt.day)
		require.NoError(t, err)
		fast, err := p.Grader(tt.day)
		require.NoError(t, err)
		require.NotNil(t, fast.fast, tt.reason+": the fast path applies")
		slow, err := p.Grader(tt.day)
		require.NoError(t, err)
		slow.fast = nil
		for i := 0; i < 5000; i++ {
			rec := Record{Row: i + 2, ID: "P", Budget: amount.New(decimal.New(rng.Int64N(200_000)-1000, -2), amount.Wan)}
			rec.Spent = amount.New(decimal.New(rng.Int64N(200_000)-1000, -2), amount.Wan)
			if i%7 == 0 && p.inputs[InputPlan] {
				rec.Extra = map[string]any{InputPlan: decimal.New(rng.Int64N(13_000)-1000, -4)}
			}
			if i%50 == 0 {
				rec.Budget = amount.Amount{} // zero: a division by zero
			}
			want, wantErr := slow.Grade(&rec)
			got, gotErr := fast.Grade(&rec)
			if wantErr != nil {
				require.EqualError(t, gotErr, wantErr.Error(), "%s: record %+v", tt.reason, rec)
				continue
			}
			require.NoError(t, gotErr, "%s: record %+v", tt.reason, rec)
			require.Equal(t, want, got, "%s: record %+v", tt.reason, rec)
		}
	}
}
