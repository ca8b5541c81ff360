package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const scoreSheet = "testdata/score/自评表.csv"

// TestScoreGolden keeps the table and JSON reports of the example sheet; the figures in it
// are worked out by hand in scoring/project_test.go's way: P1 81.50 良, P2 78.50 中.
func TestScoreGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
		reason string
	}{
		{"自评表.golden", []string{"score", "--at", "2024-12-31", scoreSheet}, "表格输出"},
		{"自评表.json.golden", []string{"score", "--at", "2024-12-31", "--format", "json", scoreSheet}, "JSON 输出"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			stdout, stderr, code := runCLI(tc.args...)
			require.Equal(t, exitOK, code, stderr)
			require.Empty(t, stderr)
			golden := filepath.Join("testdata", "score", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./cmd/jixiao -update to create it")
			assert.Equal(t, string(want), stdout, "%s changed; review and run go test ./cmd/jixiao -update", tc.reason)
		})
	}
}

// TestScoreJSONAccountsForEveryRow reads the JSON lines back: rows in = rows scored + rows
// rejected, each rejection with its row, and the keys the handbook promises.
func TestScoreJSONAccountsForEveryRow(t *testing.T) {
	stdout, _, code := runCLI("score", "--at", "2024-12-31", "--format", "json", scoreSheet)
	require.Equal(t, exitOK, code)
	data, err := os.ReadFile(scoreSheet)
	require.NoError(t, err)
	dataRows := strings.Count(strings.TrimSuffix(string(data), "\n"), "\n") // lines after the header

	var projects, rejected, findings int
	itemRows := 0
	var summary map[string]any
	sc := bufio.NewScanner(strings.NewReader(stdout))
	for sc.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), sc.Text())
		switch {
		case line["id"] != nil:
			projects++
			for _, k := range []string{"score", "grade", "action", "items"} {
				assert.Contains(t, line, k)
			}
			items := line["items"].([]any)
			itemRows += len(items)
			for _, it := range items {
				for _, k := range []string{"name", "points", "score"} {
					assert.Contains(t, it, k)
				}
			}
		case line["row"] != nil && line["error"] != nil:
			rejected++
		case line["finding"] != nil:
			findings++
		case line["summary"] != nil:
			summary = line["summary"].(map[string]any)
		}
	}
	require.NotNil(t, summary, "the last line is the summary")
	assert.Equal(t, 2, projects)
	assert.Equal(t, 4, rejected, "P3 (a bad row) and P4 (zero budget): two rows each")
	assert.Equal(t, 3, findings)
	assert.InDelta(t, dataRows, summary["rows"], 0)
	assert.InDelta(t, dataRows, summary["scored_rows"].(float64)+summary["rejected_rows"].(float64), 0,
		"rows in = rows scored + rows rejected")
	assert.Equal(t, dataRows-rejected-1, itemRows, "every scored row is an item but the 不适用 one")
}

func TestScoreRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		want   string
		reason string
	}{
		{"内置达州", []string{"--rules", "dazhou-application"}, "P2        农村道路养护  80.00%  78.50  中    核减", "达州规定了中：核减"},
		{"内置廊坊", []string{"--rules", "langfang-execution"}, "P1        职业技能培训  95.00%  82.00  良", "执行率得分按整分，9.5 进为 10"},
		{"规则文件", []string{"--rules", "testdata/score/整分.yaml"}, "P1        职业技能培训  95.00%  82.00  良", "厂商文件 extends 内置规则"},
		{"两套规则", []string{"--rules", "langfang-execution", "--rules", "dazhou-application"}, "P2        农村道路养护  80.00%  78.50  中    核减", "可写多次"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			args := append([]string{"score", "--at", "2024-12-31"}, tc.args...)
			stdout, stderr, code := runCLI(append(args, scoreSheet)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, stdout, tc.want, tc.reason)
		})
	}
}

func TestScoreExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
		reason string
	}{
		{"严格模式有不能打分的行", []string{"--strict", scoreSheet}, exitFindings, "有 4 行不能打分（--strict）", "--strict 时拒绝的行使退出码为 1"},
		{"文件不存在", []string{"没有.csv"}, exitUsage, "没有.csv：文件不存在", "输入不可用"},
		{"表头缺列", []string{"testdata/score/表头不全.csv"}, exitUsage, "表头（第 1 行）缺少列 执行数、指标性质、分值", "一次列出所有缺少的列"},
		{"格式", []string{"--format", "xml", scoreSheet}, exitUsage, "--format 只能是 table 或 json", "未知格式"},
		{"日期", []string{"--at", "昨天", scoreSheet}, exitUsage, "--at 应为日期", "日期读不出"},
		{"没有文件", []string{}, exitUsage, "需要一个自评表文件，这里有 0 个", "缺少参数"},
		{"未知规则集", []string{"--rules", "no-such", scoreSheet}, exitUsage, "--rules no-such：既不是文件，也不是 2024-12-31 生效的内置规则集", "拼错的规则集"},
		{"不能打分的规则集", []string{"--rules", "national-monitor", scoreSheet}, exitFindings, "作为预算执行率规则缺少 得分", "监控规则不能用来打分"},
		{"部门整体支出规则", []string{"--rules", "sample-department-overall", scoreSheet}, exitFindings, "是部门整体支出的分档规则，不用于给自评表打分", "它有打分的位置，但自评表用不到，不能默默接受"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			args := append([]string{"score", "--at", "2024-12-31"}, tc.args...)
			if tc.name == "日期" {
				args = append([]string{"score"}, tc.args...)
			}
			_, stderr, code := runCLI(args...)
			assert.Equal(t, tc.code, code, "%s: %s", tc.reason, stderr)
			assert.Contains(t, stderr, tc.stderr, tc.reason)
		})
	}
}

// TestScoreRowsAndAmounts covers reading: amounts on the first row only or repeated, a
// conflicting repeat, an empty id, and a missing budget.
func TestScoreRowsAndAmounts(t *testing.T) {
	const head = "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值\n"
	for _, tc := range []struct {
		name, body, want, reason string
	}{
		{"重复金额", "A,100,90,产出,甲,≥,1,1,50\nA,100,90,效益,乙,≥,1,1,30\n", "A                   90.00%  99.00  优", "每行都写预算数也可以；没有满意度，产出、效益分得它的 10 分"},
		{"金额冲突", "A,100,90,产出,甲,≥,1,1,50\nA,100,80,效益,乙,≥,1,1,30\n", "第 3 行：项目 A 的预算数、执行数（100、80）与第 2 行（100、90）不同", "同一项目两个预算数时不猜"},
		{"编号为空", ",100,90,产出,甲,≥,1,1,50\n", "第 2 行：项目编号为空", "没有编号的行不能归入项目"},
		{"缺预算数", "A,,90,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "第 3 行：项目 A 不能打分：缺少预算数", "空预算数不当作零"},
		{"坏数字", "A,100,90,产出,甲,≥,一,1,50\n", "第 2 行：指标值：", "读不出的数字指出列"},
		{"分值不符", "A,100,90,产出,甲,≥,1,1,40\nA,,,效益,乙,≥,1,1,30\n", "一级指标 产出 各指标分值合计 40，自评表规定 50", "表中分值与自评表不符"},
		{"表头单位不同", "预算数（元）|执行数（万元）|A,\"1,000,000\",90,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "A                   90.00%", "100 万元按元写在表头，执行数按万元：换算后执行率 90%，不是 0.009%"},
		{"单元格带单位", "A,100万元,900000元,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "A                   90.00%", "单元格自己写的单位优先，精确换算"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			path := filepath.Join(t.TempDir(), "表.csv")
			h, body := head, tc.body
			if cols := strings.SplitN(body, "|", 3); len(cols) == 3 { // a row that renames the amount columns
				h = strings.Replace(strings.Replace(head, "预算数", cols[0], 1), "执行数", cols[1], 1)
				body = cols[2]
			}
			require.NoError(t, os.WriteFile(path, []byte(h+body), 0o600))
			stdout, stderr, code := runCLI("score", "--at", "2024-12-31", path)
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, stdout, tc.want, tc.reason)
		})
	}
}
