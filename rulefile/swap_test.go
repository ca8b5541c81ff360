package rulefile_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
)

// swapFile is one version of the same rule set (same id, same effective date): only the
// params differ. Every result depends on them, so a program mixing two versions would show.
func swapFile(version int, limit string) []byte {
	return []byte(fmt.Sprintf(`ruleset: swap-monitor
effective: 2024-01-01
inputs:
  预算数: {type: decimal}
  执行数: {type: decimal}
  月份: {type: int}
params:
  良上限: %s
  版本号: %d
formulas:
  执行率: 执行数 / 预算数
  序时进度: 月份 / 12
  偏差: round(max(序时进度 - 执行率, 0) / 序时进度, 4)
  上限: 良上限
  版本: 版本号
tables:
  等级:
    - when: 偏差 == 0
      then: 优
    - when: 偏差 <= 良上限
      then: 良
    - else: 差
`, limit, version))
}

// swapWant is what one version answers for the record below (偏差 25%).
type swapWant struct {
	version, limit, grade string
}

// TestSwapUnderConcurrentEvaluation hot-swaps a rule set many times while goroutines keep
// evaluating with it. Each evaluation must come wholly from one version: its hash names the
// version, and every value must be that version's. Run with -race.
func TestSwapUnderConcurrentEvaluation(t *testing.T) {
	files := [][]byte{swapFile(1, "20%"), swapFile(2, "30%")}
	want := map[string]swapWant{}
	for i, data := range files {
		sum := sha256.Sum256(data)
		want[hex.EncodeToString(sum[:])] = []swapWant{{"1", "0.20", "差"}, {"2", "0.30", "良"}}[i]
	}
	require.Len(t, want, 2)

	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: files[0]})
	require.NoError(t, err)

	loads := 300
	if testing.Short() {
		loads = 50
	}
	at := ldDay(2024, 8, 31)
	vars := map[string]any{"预算数": "120", "执行数": "60", "月份": 8} // 偏差 = 25%
	var stop atomic.Bool
	var evals atomic.Int64
	seen := make([]map[string]int, 4)
	var wg sync.WaitGroup
	for g := range seen {
		seen[g] = map[string]int{}
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for n := 0; !stop.Load() || n < 10; n++ {
				var ev *rulefile.Evaluation
				var err error
				switch n % 3 {
				case 0: // pick the version, then evaluate with it
					rs, gerr := lib.Get("swap-monitor", at)
					if gerr != nil {
						t.Errorf("Get during a swap: %v", gerr)
						return
					}
					ev, err = rs.Evaluate(at, vars)
					if err == nil && ev.Hash != rs.Hash() {
						t.Errorf("evaluation hash %s, rule set hash %s", ev.Hash, rs.Hash())
					}
				case 1:
					ev, err = lib.Evaluate("swap-monitor", at, vars)
				case 2:
					rs, gerr := lib.Get("swap-monitor", at)
					if gerr != nil {
						t.Errorf("Get during a swap: %v", gerr)
						return
					}
					ev, err = rs.Explain(at, vars)
				}
				if err != nil {
					t.Errorf("evaluation during a swap: %v", err)
					return
				}
				w, ok := want[ev.Hash]
				if !ok {
					t.Errorf("evaluation with an unknown hash %s", ev.Hash)
					return
				}
				got := swapWant{swapValue(ev, "版本"), swapValue(ev, "上限"), swapValue(ev, "等级")}
				if got != w || swapValue(ev, "偏差") != "0.2500" {
					t.Errorf("hash of version %s but values %+v (偏差 %s): a mix of versions", w.version, got, swapValue(ev, "偏差"))
					return
				}
				seen[g][w.version]++
				evals.Add(1)
			}
		}(g)
	}

	for i := 0; i < loads; i++ {
		_, err := lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: files[(i+1)%2]})
		if !assert.NoError(t, err) {
			break
		}
		if sets := lib.RuleSets(); len(sets) != 1 {
			t.Errorf("after load %d the library holds %d versions, want 1 (same id and effective date replaces)", i, len(sets))
		}
	}
	stop.Store(true)
	wg.Wait()

	total := map[string]int{}
	for _, m := range seen {
		for v, n := range m {
			total[v] += n
		}
	}
	t.Logf("%d loads, %d evaluations: %v", loads, evals.Load(), total)
	assert.Positive(t, total["1"]+total["2"])
	final, err := lib.Evaluate("swap-monitor", at, vars)
	require.NoError(t, err)
	assert.Equal(t, want[final.Hash], swapWant{swapValue(final, "版本"), swapValue(final, "上限"), swapValue(final, "等级")})
	last := files[loads%2]
	sum := sha256.Sum256(last)
	assert.Equal(t, hex.EncodeToString(sum[:]), final.Hash, "the last load wins")
}

// TestSwapKeepsPickedVersion: a RuleSet obtained before a swap keeps evaluating with its own
// version; the library answers with the new one.
func TestSwapKeepsPickedVersion(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: swapFile(1, "20%")})
	require.NoError(t, err)
	at := ldDay(2024, 8, 31)
	old, err := lib.Get("swap-monitor", at)
	require.NoError(t, err)
	_, err = lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: swapFile(2, "30%")})
	require.NoError(t, err)
	vars := map[string]any{"预算数": "120", "执行数": "60", "月份": 8}
	ev, err := old.Evaluate(at, vars)
	require.NoError(t, err)
	assert.Equal(t, "1", swapValue(ev, "版本"))
	assert.Equal(t, "差", swapValue(ev, "等级"))
	ev, err = lib.Evaluate("swap-monitor", at, vars)
	require.NoError(t, err)
	assert.Equal(t, "2", swapValue(ev, "版本"))
	assert.Equal(t, "良", swapValue(ev, "等级"))
}

// TestSwapFailedLoadKeepsServing: a broken replacement is refused and evaluations keep
// running on the version in force.
func TestSwapFailedLoadKeepsServing(t *testing.T) {
	lib := rulefile.NewLibrary()
	good := swapFile(1, "20%")
	_, err := lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: good})
	require.NoError(t, err)
	broken := []byte(strings.Replace(string(good), "执行数 / 预算数", "执行数 / 预算书", 1))
	at := ldDay(2024, 8, 31)
	vars := map[string]any{"预算数": "120", "执行数": "60", "月份": 8}
	var wg sync.WaitGroup
	var stop atomic.Bool
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			ev, err := lib.Evaluate("swap-monitor", at, vars)
			if err != nil || swapValue(ev, "版本") != "1" {
				t.Errorf("a refused load disturbed evaluation: %v", err)
				return
			}
		}
	}()
	for i := 0; i < 50; i++ {
		_, err := lib.LoadBytes(rulefile.Source{Name: "swap.yaml", Data: broken})
		assert.Error(t, err)
	}
	stop.Store(true)
	wg.Wait()
}

// TestSwapBaseReachesExtenders: hot-swapping a base rule set (a national default) must reach
// the regional rule sets that extend it, for the params they do not override; otherwise a
// region keeps grading with the old national value until someone reloads its file too.
func TestSwapBaseReachesExtenders(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(ldFile("base.yaml", ldBase), ldFile("region.yaml", ldRegion))
	require.NoError(t, err)
	at := ldDay(2024, 5, 31)
	// the base now calls a deviation of up to 1% 优; the region overrides only 良上限
	newBase := strings.Replace(ldBase, "  优上限: 0\n", "  优上限: 1%\n", 1)
	_, err = lib.LoadBytes(ldFile("base.yaml", newBase))
	require.NoError(t, err)
	base, err := lib.Evaluate("base-monitor", at, map[string]any{"偏差": "0.005"})
	require.NoError(t, err)
	assert.Equal(t, "优", swapValue(base, "等级"), "the new base answers")
	region, err := lib.Evaluate("region-monitor", at, map[string]any{"偏差": "0.005"})
	require.NoError(t, err)
	assert.Equal(t, "优", swapValue(region, "等级"),
		"region-monitor does not override 优上限, so it must follow the swapped base (it still grades with the old 优上限 0)")
}

func swapValue(ev *rulefile.Evaluation, name string) string {
	v, ok := ev.Values.Get(name)
	if !ok {
		return "<missing " + name + ">"
	}
	return v.String()
}
