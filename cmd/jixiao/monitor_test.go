package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulesets"
)

var monitorData = filepath.Join("testdata", "monitor", "项目.csv")

// TestMonitorGolden keeps each format's output of a small table with every kind of row
// (typed-in amounts, 涉密, the 20% boundary, rows that cannot be graded). go test
// ./cmd/jixiao -run MonitorGolden -update rewrites the files.
func TestMonitorGolden(t *testing.T) {
	for _, format := range []string{"table", "csv", "json"} {
		stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", format, monitorData)
		require.Equal(t, exitOK, code, stderr)
		got := stdout
		if format == "csv" {
			got += "--- stderr ---\n" + stderr
		} else {
			require.Empty(t, stderr)
		}
		got = withoutHash(t, got)
		golden := filepath.Join("testdata", "monitor", format+".golden")
		if *update {
			require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test ./cmd/jixiao -run MonitorGolden -update to create it")
		assert.Equal(t, string(want), got, "%s output changed; review and run with -update", format)
	}
}

type monitorLine struct {
	ID        *string         `json:"id"`
	Name      string          `json:"name"`
	Grade     string          `json:"grade"`
	Deviation *string         `json:"deviation"`
	RedFlag   bool            `json:"red_flag"`
	RectifyBy *string         `json:"rectify_by"`
	Row       int             `json:"row"`
	Error     string          `json:"error"`
	Summary   json.RawMessage `json:"summary"`
}

func monitorJSON(t *testing.T, args ...string) []monitorLine {
	t.Helper()
	stdout, stderr, code := runCLI(append([]string{"monitor", "--format", "json"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	var out []monitorLine
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var l monitorLine
		require.NoError(t, json.Unmarshal([]byte(line), &l), line)
		out = append(out, l)
	}
	return out
}

// TestMonitorJSONAccountsForEveryRow checks rows in = rows graded + rows rejected, each
// rejection with its row (header = 1), and the keys the issue fixes.
func TestMonitorJSONAccountsForEveryRow(t *testing.T) {
	lines := monitorJSON(t, "--checkpoint", "2024-08-31", monitorData)
	data, err := os.ReadFile(monitorData)
	require.NoError(t, err)
	rowsIn := strings.Count(string(data), "\n") - 1
	require.Len(t, lines, rowsIn+1, "one line per data row and the summary")
	graded, rejected := map[string]monitorLine{}, map[int]string{}
	for _, l := range lines[:rowsIn] {
		if l.ID != nil {
			graded[*l.ID] = l
		} else {
			rejected[l.Row] = l.Error
		}
	}
	assert.Len(t, graded, 5)
	assert.Equal(t, []int{6, 7, 8, 9}, keys(rejected), "empty, zero and non-numeric budgets and a short row, by file row")
	assert.Contains(t, rejected[6], "预算数为空")
	assert.Contains(t, rejected[7], "除数为零")
	assert.Equal(t, "良", graded["A03"].Grade, "budget 15, spent 8 in August is exactly 20%")
	assert.Equal(t, "0.2000", *graded["A03"].Deviation, "the deviation as the rule set rounded it, to 0.01%")
	assert.Nil(t, graded["A03"].RectifyBy)
	assert.Equal(t, "差", graded["A02"].Grade, "1,000.50 with spaces and full-width １００ read exactly")
	require.NotNil(t, graded["A02"].RectifyBy)
	assert.Equal(t, "2024-09-30", *graded["A02"].RectifyBy)
	assert.Equal(t, "（涉密）", graded["A04"].Name)
	assert.Equal(t, "优", graded["A09"].Grade, "a deviation that shows as 0.00% is 优")

	var s struct {
		Rows, Graded, Rejected int
	}
	require.NoError(t, json.Unmarshal(lines[rowsIn].Summary, &s))
	assert.Equal(t, rowsIn, s.Rows)
	assert.Equal(t, s.Rows, s.Graded+s.Rejected)
}

func keys(m map[int]string) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// TestMonitorNeverShowsClassifiedNames checks a 涉密 project's name is in no format's output.
func TestMonitorNeverShowsClassifiedNames(t *testing.T) {
	for _, format := range []string{"table", "csv", "json"} {
		stdout, stderr, _ := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", format, monitorData)
		assert.NotContains(t, stdout+stderr, "保密项目甲", format)
		assert.Contains(t, stdout, "（涉密）", format)
	}
}

// TestMonitorHeaderUnits checks amounts in 元 are converted exactly: the same projects in
// 元 grade as in 万元.
func TestMonitorHeaderUnits(t *testing.T) {
	lines := monitorJSON(t, "--checkpoint", "2024-08-31", filepath.Join("testdata", "monitor", "元.csv"))
	require.Len(t, lines, 3)
	assert.Equal(t, "良", lines[0].Grade, "150000元 and 80000元 are 15 and 8 万元: exactly 20%")
	assert.Equal(t, "0.2000", *lines[0].Deviation)
	assert.Equal(t, "差", lines[1].Grade, "1,200,000元 and 639940元: 20.0075% shows as 20.01%")
	var s struct {
		Total struct {
			Wan string `json:"funds_wan"`
		}
	}
	require.NoError(t, json.Unmarshal(lines[2].Summary, &s))
	assert.Equal(t, "135", s.Total.Wan, "15 + 120 万元")
}

// TestMonitorExitCodes checks 0 for a completed run, 1 with --strict when a row was
// rejected, 2 for unusable input.
func TestMonitorExitCodes(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
		reason string
	}{
		{[]string{"--checkpoint", "2024-08-31", monitorData}, exitOK, "", "rejected rows do not fail a run"},
		{[]string{"--checkpoint", "2024-08-31", "--strict", monitorData}, exitFindings, "有 4 行不能评级", "--strict fails on rejects"},
		{[]string{"--checkpoint", "2024-08-31", "--strict", filepath.Join("testdata", "monitor", "元.csv")}, exitOK, "", "--strict passes a clean file"},
		{[]string{"--checkpoint", "2024-08-31", "没有这个文件.csv"}, exitUsage, "文件不存在", "no such file"},
		{[]string{"--checkpoint", "2024-08-31", filepath.Join("testdata", "monitor", "缺表头.csv")}, exitUsage, "表头缺少“部门”列", "missing header column"},
		{[]string{monitorData}, exitUsage, "缺少 --checkpoint", "the checkpoint is required"},
		{[]string{"--checkpoint", "8月", monitorData}, exitUsage, "--checkpoint 应为日期", "not a date"},
		{[]string{"--checkpoint", "2024-08-31", "--format", "xml", monitorData}, exitUsage, "--format 只能是", "unknown format"},
		{[]string{"--checkpoint", "2024-08-31", "--ruleset", "minfeng-application", monitorData}, exitFindings, "", "a rule set without grades cannot monitor"},
		{[]string{"--checkpoint", "2024-08-31", "--ruleset", "minfeng-monitr", monitorData}, exitUsage, "jixiao monitor: --ruleset：没有规则集 minfeng-monitr，是否为 minfeng-monitor？",
			"a mistyped --ruleset is a usage error, named with the option and a suggestion"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(append([]string{"monitor"}, tt.args...)...)
		assert.Equal(t, tt.code, code, tt.reason+": "+stderr)
		assert.Contains(t, stderr, tt.stderr, tt.reason)
	}
}

// TestMonitorSeedCheckpoints runs the command over the synthetic May and August data and
// compares the summary with the seed's table (testdata/seed/monitoring.csv).
func TestMonitorSeedCheckpoints(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "monitoring.csv"))
	require.NoError(t, err)
	for _, cp := range []struct{ date, month, file string }{
		{"2024-05-31", "5月", "synthetic-2024-05.csv"}, {"2024-08-31", "8月", "synthetic-2024-08.csv"},
	} {
		lines := monitorJSON(t, "--checkpoint", cp.date, filepath.Join("..", "..", "testdata", "monitor", cp.file))
		var s struct {
			Grades []struct {
				Grade string
				Count int
				Yi    string `json:"funds_yi"`
			}
		}
		require.NoError(t, json.Unmarshal(lines[len(lines)-1].Summary, &s))
		for _, g := range s.Grades {
			yi, err := amount.ParseDecimal(g.Yi)
			require.NoError(t, err)
			found := false
			for _, row := range strings.Split(string(seed), "\n") {
				f := strings.Split(row, ",")
				if len(f) > 4 && f[0] == cp.month && f[1] == g.Grade {
					found = true
					assert.Equal(t, f[3], strconv.Itoa(g.Count), "%s %s 项目数", cp.month, g.Grade)
					want, err := amount.ParseDecimal(f[4])
					require.NoError(t, err)
					assert.True(t, want.Equal(yi), "%s %s 资金：种子 %s，命令 %s", cp.month, g.Grade, want, yi)
				}
			}
			assert.True(t, found, "%s %s is in the seed", cp.month, g.Grade)
		}
	}
}

var (
	monitorSeptember = filepath.Join("testdata", "monitor", "项目-9月.csv")
	previousArgs     = []string{"--checkpoint", "2024-09-30", "--previous", monitorData, "--previous-checkpoint", "2024-08-31"}
)

// TestMonitorPreviousGolden keeps each format's output of a September checkpoint compared
// with August's table: one flagged project recovered (A02), one did not (A04, 涉密), one
// worsened, one is new and one dropped. -update rewrites the files.
func TestMonitorPreviousGolden(t *testing.T) {
	for _, format := range []string{"table", "csv", "json"} {
		args := append(append([]string{"monitor", "--format", format}, previousArgs...), monitorSeptember)
		stdout, stderr, code := runCLI(args...)
		require.Equal(t, exitOK, code, stderr)
		got := stdout
		if format == "csv" {
			got += "--- stderr ---\n" + stderr
		}
		got = withoutHash(t, got)
		golden := filepath.Join("testdata", "monitor", "previous-"+format+".golden")
		if *update {
			require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test ./cmd/jixiao -run MonitorPreviousGolden -update to create it")
		assert.Equal(t, string(want), got, "%s output changed; review and run with -update", format)
	}
}

// TestMonitorPreviousRecovery reads the JSON transitions: a project is recovered only when
// it was flagged at the earlier checkpoint and has a better grade now.
func TestMonitorPreviousRecovery(t *testing.T) {
	args := append(append([]string{"monitor", "--format", "json"}, previousArgs...), monitorSeptember)
	stdout, stderr, code := runCLI(args...)
	require.Equal(t, exitOK, code, stderr)
	type transition struct {
		Before, After, Change string
		FlaggedBefore         bool `json:"flagged_before"`
		Recovered             bool
	}
	got := map[string]transition{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var l struct {
			Transition *struct {
				ID string
				transition
			}
		}
		require.NoError(t, json.Unmarshal([]byte(line), &l), line)
		if l.Transition != nil {
			got[l.Transition.ID] = l.Transition.transition
		}
	}
	tests := []struct {
		id     string
		want   transition
		reason string
	}{
		{"A02", transition{"差", "良", "好转", true, true}, "flagged in August, 良 in September: recovered"},
		{"A04", transition{"差", "差", "不变", true, false}, "flagged in August, still 差: not recovered"},
		{"A03", transition{"良", "差", "变差", false, false}, "the 20% project fell behind"},
		{"A01", transition{"优", "优", "不变", false, false}, "on schedule at both checkpoints"},
		{"A10", transition{"", "优", "新增", false, false}, "only in September's file"},
		{"A09", transition{"优", "", "退出", false, false}, "only in August's file"},
	}
	require.Len(t, got, len(tests), "one transition per project in either file")
	for _, tt := range tests {
		assert.Equal(t, tt.want, got[tt.id], tt.reason)
	}
}

// TestMonitorPreviousUsage checks --previous needs the earlier date and a readable file.
func TestMonitorPreviousUsage(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
		reason string
	}{
		{[]string{"--previous", monitorData}, "--previous-checkpoint", "the earlier checkpoint's date is needed to grade it"},
		{[]string{"--previous", monitorData, "--previous-checkpoint", "8月"}, "应为日期", "the date must be a date"},
		{[]string{"--previous", "testdata/monitor/没有.csv", "--previous-checkpoint", "2024-08-31"}, "文件不存在", "a missing file is unusable input"},
	}
	for _, tt := range tests {
		args := append(append([]string{"monitor", "--checkpoint", "2024-09-30"}, tt.args...), monitorSeptember)
		stdout, stderr, code := runCLI(args...)
		assert.Equal(t, exitUsage, code, tt.reason)
		assert.Empty(t, stdout, tt.reason)
		assert.Contains(t, stderr, tt.stderr, tt.reason)
	}
}

var monitorIndicators = filepath.Join("testdata", "monitor", "指标.csv")

// TestMonitorIndicatorsGolden grades a table with indicator columns (指标N序时目标, 指标N完成)
// by the per-dimension profile: the worst dimension decides, a cell that is not a number
// rejects its row, empty cells take the rule file's defaults. -update rewrites the file.
func TestMonitorIndicatorsGolden(t *testing.T) {
	stdout, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--ruleset", "minfeng-monitor-dimensions", monitorIndicators)
	require.Equal(t, exitOK, code, stderr)
	golden := filepath.Join("testdata", "monitor", "indicators-table.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/jixiao -run MonitorIndicatorsGolden -update to create it")
	assert.Equal(t, string(want), stdout)
}

// TestMonitorInputColumns checks columns named for declared inputs reach the rule set, and an
// indicator column the rule set cannot grade is refused rather than ignored.
func TestMonitorInputColumns(t *testing.T) {
	dir := t.TempDir()
	hefei := filepath.Join(dir, "合肥.csv")
	require.NoError(t, os.WriteFile(hefei, []byte("项目编号,项目名称,部门,预算数,执行数,达到阶段性目标\n"+
		"H1,甲,财政局,120,60,是\nH2,乙,财政局,120,60,否\nH3,丙,财政局,120,59.99,是\nH4,丁,财政局,120,60,\n"), 0o644))
	tests := []struct {
		at     string
		args   []string
		code   int
		grades map[string]string
		errs   []int
		reason string
	}{
		{"2024-08-31", []string{"--ruleset", "minfeng-monitor-dimensions", monitorIndicators}, exitOK,
			map[string]string{"B01": "差", "B02": "优", "B04": "良"}, []int{4},
			"indicators 1 and 2 of B01 (10% and 25% behind) make it 差; B04 has none and is graded on budget"},
		{"2024-06-30", []string{"--ruleset", "hefei-monitor", hefei}, exitOK,
			map[string]string{"H1": "绿", "H2": "黄", "H3": "红"}, []int{5},
			"是/否 reach the bool input; an empty cell has no default here, so the row is rejected"},
		{"2024-08-31", []string{monitorIndicators}, exitUsage, nil, nil,
			"minfeng-monitor has no indicator inputs: the columns are refused, not ignored"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(append([]string{"monitor", "--format", "json", "--checkpoint", tt.at}, tt.args...)...)
		require.Equal(t, tt.code, code, "%s: %s", tt.reason, stderr)
		if tt.code != exitOK {
			assert.Contains(t, stderr, "所用规则集没有这个输入", tt.reason)
			continue
		}
		grades, rows := map[string]string{}, []int{}
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			var l monitorLine
			require.NoError(t, json.Unmarshal([]byte(line), &l), line)
			switch {
			case l.ID != nil:
				grades[*l.ID] = l.Grade
			case l.Row > 0:
				rows = append(rows, l.Row)
			}
		}
		assert.Equal(t, tt.grades, grades, tt.reason)
		assert.Equal(t, tt.errs, rows, tt.reason)
	}
}

// withoutHash replaces the rule set's content hash in an output with HASH, after checking it
// is the embedded rule set's: the goldens keep the output's shape, not every edit of the
// rule file.
func withoutHash(t *testing.T, out string) string {
	t.Helper()
	lib, err := rulesets.Library()
	require.NoError(t, err)
	rs, err := lib.Get(defaultMonitorRules, time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return strings.ReplaceAll(out, rs.Hash(), "HASH")
}
