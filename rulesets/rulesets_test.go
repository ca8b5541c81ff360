package rulesets_test

import (
	"fmt"
	"io/fs"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
)

// TestDefaultsPassTheirOwnTests loads every embedded rule file and runs the tests kept in it.
func TestDefaultsPassTheirOwnTests(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	sets := lib.RuleSets()
	require.NotEmpty(t, sets)
	total := 0
	for _, rs := range sets {
		results := rs.RunTests()
		assert.NotEmpty(t, results, "rule set %s has no tests", rs.ID())
		for _, r := range results {
			total++
			assert.True(t, r.Passed(), "%s: %s: %v %v", rs.File(), r.Name, r.Err, r.Failures)
		}
	}
	assert.GreaterOrEqual(t, total, 10)
}

// TestMinfengOverridesOnlyItsParams checks the regional file inherits the national formulas
// and changes only what it declares.
func TestMinfengOverridesOnlyItsParams(t *testing.T) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	at := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	vars := map[string]any{"预算数": "100", "执行数": "10", "月份": 8}
	national, err := lib.Evaluate("national-monitor", at, vars)
	require.NoError(t, err)
	minfeng, err := lib.Evaluate("minfeng-monitor", at, vars)
	require.NoError(t, err)
	for _, name := range []string{"执行率", "偏差", "等级", "预警"} {
		a, _ := national.Values.Get(name)
		b, _ := minfeng.Values.Get(name)
		assert.True(t, a.Equal(b), "%s: national %s, minfeng %s", name, a, b)
	}
	flag, _ := minfeng.Values.Get("红标")
	assert.True(t, flag.Bool(), "an August 差 is a red flag in Minfeng")
	flag, _ = national.Values.Get("红标")
	assert.False(t, flag.Bool(), "the national default flags nothing")
	assert.NotEqual(t, national.Hash, minfeng.Hash)
}

func ExampleLibrary() {
	lib, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	ev, err := lib.Evaluate("minfeng-monitor", at, map[string]any{"预算数": "631.46", "执行数": "300", "月份": 8})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"显示执行率", "偏差", "等级", "红标", "整改期限天数"} {
		v, _ := ev.Values.Get(name)
		fmt.Printf("%s: %s\n", name, v)
	}
	fmt.Println(ev.RuleSet, ev.Version)
	// Output:
	// 显示执行率: 0.4751
	// 偏差: 0.2874
	// 等级: 差
	// 红标: true
	// 整改期限天数: 30
	// minfeng-monitor 2024-01-01
}

// FS is the embedded files themselves, for a tool that lists or copies them.
func ExampleFS() {
	names, err := fs.Glob(rulesets.FS(), "*.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range names {
		fmt.Println(n)
	}
	// Output:
	// dazhou-application.yaml
	// hefei-monitor.yaml
	// langfang-execution.yaml
	// minfeng-application.yaml
	// minfeng-coverage.yaml
	// minfeng-monitor-dimensions.yaml
	// minfeng-monitor.yaml
	// mof-traffic-light.yaml
	// national-execution.yaml
	// national-grade.yaml
	// national-indicator.yaml
	// national-key-evaluation.yaml
	// national-monitor.yaml
	// national-self-evaluation.yaml
	// qingshen-self-evaluation.yaml
	// sample-department-overall.yaml
	// sichuan-monitor.yaml
	// weighted-department-overall.yaml
}

// Load adds the defaults to a library a platform made with its own options; they are named
// rulesets/<name>.yaml in messages and traces. A rule set comes after the one it extends.
func ExampleLoad() {
	lib := rulefile.NewLibrary(rulefile.MaxFileSize(256 << 10))
	sets, err := rulesets.Load(lib)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rs := range sets {
		fmt.Println(rs.ID(), rs.File())
	}
	// Output:
	// dazhou-application rulesets/dazhou-application.yaml
	// hefei-monitor rulesets/hefei-monitor.yaml
	// national-execution rulesets/national-execution.yaml
	// langfang-execution rulesets/langfang-execution.yaml
	// minfeng-application rulesets/minfeng-application.yaml
	// minfeng-coverage rulesets/minfeng-coverage.yaml
	// national-monitor rulesets/national-monitor.yaml
	// minfeng-monitor-dimensions rulesets/minfeng-monitor-dimensions.yaml
	// minfeng-monitor rulesets/minfeng-monitor.yaml
	// mof-traffic-light rulesets/mof-traffic-light.yaml
	// national-grade rulesets/national-grade.yaml
	// national-indicator rulesets/national-indicator.yaml
	// national-key-evaluation rulesets/national-key-evaluation.yaml
	// national-self-evaluation rulesets/national-self-evaluation.yaml
	// qingshen-self-evaluation rulesets/qingshen-self-evaluation.yaml
	// sample-department-overall rulesets/sample-department-overall.yaml
	// sichuan-monitor rulesets/sichuan-monitor.yaml
	// weighted-department-overall rulesets/weighted-department-overall.yaml
}
