package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden from the program's output")

// TestOutputGolden runs the program twice and compares its output with the golden file:
// the output must not depend on timing, map order or which worker ran first.
func TestOutputGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first))
	require.NoError(t, run(&second))
	require.Equal(t, first.String(), second.String(), "two runs printed different output")

	golden := filepath.Join("testdata", "output.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, first.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./examples/embed -update to create it")
	assert.Equal(t, string(want), first.String(), "output differs from %s (rerun with -update and review the diff)", golden)
}

// TestRowsAccounted checks that every row of the export is either evaluated or rejected,
// and that exactly the deliberately broken rows are rejected.
func TestRowsAccounted(t *testing.T) {
	lib, err := openLibrary()
	require.NoError(t, err)
	_, _, tally, err := monitorBatch(lib)
	require.NoError(t, err)

	assert.Equal(t, rows, tally.in, "rows in")
	assert.Equal(t, tally.in, tally.out+len(tally.rejected), "rows in = rows out + rows rejected")
	require.NoError(t, tally.check())

	var want, got []int
	for row := range badRows {
		want = append(want, row)
	}
	sort.Ints(want)
	for _, r := range tally.rejected {
		got = append(got, r.Row)
	}
	assert.Equal(t, want, got, "rejected rows")

	graded := 0
	for _, g := range tally.grades {
		graded += g.count
	}
	assert.Equal(t, tally.out, graded, "every row out has a grade")
}

// TestVendorFilesPassTheirTests runs the tests kept in both versions of the vendor file.
func TestVendorFilesPassTheirTests(t *testing.T) {
	lib, err := openLibrary()
	require.NoError(t, err)
	rs, err := lib.Get(rulesetID, checkpoint)
	require.NoError(t, err)
	for _, r := range rs.RunTests() {
		assert.True(t, r.Passed(), "%s: %v %v", r.Name, r.Err, r.Failures)
	}
	file, err := readUpdate()
	require.NoError(t, err)
	_, err = stage(file)
	require.NoError(t, err)
}

// TestBindingAllocations measures what the fast path allocates per record: nothing for the
// national profile, and one allocation for the vendor profile, whose call to 项目类别系数 builds
// its argument slice on every record.
func TestBindingAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	lib, err := openLibrary()
	require.NoError(t, err)
	recs, rs, _, err := monitorBatch(lib)
	require.NoError(t, err)
	prog, err := rs.Program(checkpoint)
	require.NoError(t, err)
	bind, err := rules.Bind[record](prog)
	require.NoError(t, err)
	res := prog.NewResult()
	allocs := testing.AllocsPerRun(1000, func() {
		_ = bind.EvalInto(&recs[0], res)
	})
	t.Logf("allocations per record through the binding: %.1f", allocs)
	assert.LessOrEqual(t, allocs, 1.0)

	// The same record through the national profile, which calls no vendor function.
	national, err := lib.Get("national-monitor", checkpoint)
	require.NoError(t, err)
	nprog, err := national.Program(checkpoint)
	require.NoError(t, err)
	nbind, err := rules.Bind[record](nprog)
	require.NoError(t, err)
	nres := nprog.NewResult()
	allocs = testing.AllocsPerRun(1000, func() {
		_ = nbind.EvalInto(&recs[0], nres)
	})
	t.Logf("allocations per record without a vendor function: %.1f", allocs)
	assert.Zero(t, allocs)
}

// BenchmarkBindingEval evaluates records through the binding, with and without the vendor
// function in the rules.
func BenchmarkBindingEval(b *testing.B) {
	lib, err := openLibrary()
	require.NoError(b, err)
	recs, _, _, err := monitorBatch(lib)
	require.NoError(b, err)
	for _, id := range []string{rulesetID, "national-monitor"} {
		b.Run(id, func(b *testing.B) {
			rs, err := lib.Get(id, checkpoint)
			require.NoError(b, err)
			prog, err := rs.Program(checkpoint)
			require.NoError(b, err)
			bind, err := rules.Bind[record](prog)
			require.NoError(b, err)
			res := prog.NewResult()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = bind.EvalInto(&recs[i%len(recs)], res) // two rows are rejected on purpose
			}
		})
	}
}
