package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemoMonitorDataMatchesFixtures keeps the embedded synthetic data byte-identical to
// testdata/monitor, which monitor's tests check against the generator.
func TestDemoMonitorDataMatchesFixtures(t *testing.T) {
	for name, embedded := range map[string]string{"synthetic-2024-05.csv": synthMayCSV, "synthetic-2024-08.csv": synthAugCSV} {
		fixture, err := os.ReadFile(filepath.Join("..", "..", "testdata", "monitor", name))
		require.NoError(t, err)
		assert.Equal(t, string(fixture), embedded, "cmd/jixiao/monitor-%s must equal testdata/monitor/%s", name, name)
	}
}

// TestDemoMonitoring checks the demo's monitoring section against the seed's table as the
// top-level fixture prints it, the red flags of August, and that a changed printed figure is
// reported as a disagreement rather than passed over.
func TestDemoMonitoring(t *testing.T) {
	seed, err := readSeed(keyProjectsCSV, evaluationsCSV, declaredCSV, monitoringCSV)
	require.NoError(t, err)
	out, err := renderDemoMonitoring(seed.monitoring)
	require.NoError(t, err)
	for _, tc := range []struct{ want, reason string }{
		{"2024-05-31  优        70      20061.79      2.006179          70          2.006179  一致", "May 优: 70 projects, 2.006179亿元, as printed"},
		{"2024-08-31  差        46       3772.99      0.377299          46          0.377299  一致", "August 差: 46 projects, 0.377299亿元"},
		{"2024-05-31  合计     279", "279 projects in May"},
		{"2024-08-31  合计     351", "351 in August"},
		{"2024-08-31：红标 46 个，46 个须在 2024-09-30 前完成整改。", "every August 差 is flagged, 30 days after the checkpoint"},
		{"2024-05-31：红标 0 个。", "Minfeng flags in August only"},
		{"合成数据", "the data is labelled synthetic"},
	} {
		assert.Contains(t, out, tc.want, tc.reason)
	}
	assert.Equal(t, 6, strings.Count(out, "一致"), "every grade of both checkpoints agrees with the seed")

	wrong := append([]monitoringRow(nil), seed.monitoring...)
	wrong[0].count = wrong[0].count.Add(decimal.NewFromInt(1))
	out, err = renderDemoMonitoring(wrong)
	require.NoError(t, err)
	assert.Contains(t, out, "不一致", "a printed count one more than the parts is a disagreement")
}
