package main

import (
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestDemoGolden(t *testing.T) {
	stdout, stderr, code := runCLI("demo")
	require.Equal(t, exitOK, code, stderr)
	require.Empty(t, stderr)

	golden := filepath.Join("testdata", "demo.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/jixiao -update to create it")
	assert.Equal(t, string(want), stdout, "demo output changed; review and run go test ./cmd/jixiao -update")

	again, _, _ := runCLI("demo")
	assert.Equal(t, stdout, again, "the same data gives the same bytes")
}

// TestDemoShowsEverySeedColumn checks the key-project table carries every column the seed's
// 2023 重点评价清单 prints — unit and project in full, 项目属性 — read from the top-level
// fixture rather than from the demo's embedded copy.
func TestDemoShowsEverySeedColumn(t *testing.T) {
	stdout, _, code := runCLI("demo")
	require.Equal(t, exitOK, code)
	f, err := os.Open(filepath.Join("..", "..", "testdata", "seed", "keyprojects.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6, "header and five projects")
	for _, row := range rows[1:] {
		unit, project, kind := row[1], row[2], row[8]
		assert.Contains(t, stdout, row[0]+"  "+unit, "the unit as printed in the seed, not only its short form")
		assert.Contains(t, stdout, project+"\n", "the project's full name as printed in the seed")
		assert.Contains(t, stdout, row[7]+"  "+kind, "项目属性 beside the seed's score")
	}
}

// TestDemoNamesTheSeedsInconsistencies checks the demo names each disagreement that
// testdata/README.md lists, with the values worked out there by hand (Python decimal).
func TestDemoNamesTheSeedsInconsistencies(t *testing.T) {
	stdout, _, code := runCLI("demo")
	require.Equal(t, exitOK, code)
	for _, tc := range []struct{ want, reason string }{
		{"报告 11285.11 万元，由各部分算得 12085.11 万元，不一致，相差 +800.00 万元", "README 不一致 1：总金额"},
		{"报告 6 个，由各部分算得 5 个，不一致，相差 -1 个", "README 不一致 2：实施单位"},
		{"报告 86.9%，由各部分算得 87.0%，不一致，相差 +0.1 个百分点", "README 不一致 3：执行率"},
		{"13 项，3 项不一致", "其余核对项均一致"},
		{"报告 76 个，由各部分算得 76 个，一致", "（二）6 的 76 个整体评价与（二）1 的 76 张自评表相符"},
		{"（“示例部门”，示例数据，非原文；规则 weighted-department-overall）", "the seed prints no department's items: the example says it is one"},
		{"部门决策    25     23\n综合管理    30     27\n部门绩效    45  43.75\n合计            93.75\n", "25/30/45 weighting; 综合管理 holds the banded 2 + 4"},
		{"5月       合计     279        4.387021\n", "README：5 月 70 + 188 + 21 = 279，资金合计 4.387021 亿元"},
		{"8月       合计     351        4.680777\n", "README：8 月 102 + 203 + 46 = 351，资金合计 4.680777 亿元"},
		{"8月监控项目数（各等级相加）：报告 351 个，由各部分算得 351 个，一致", "监控项目数也核对"},
		{"执行率 87.00%（报告 86.9%）", "项目支出执行率按 0.01% 显示"},
		{"   97.84%\n", "合计执行率为 11823.62 ÷ 12085.11"},
	} {
		require.NotEmpty(t, tc.reason)
		assert.Contains(t, stdout, tc.want, tc.reason)
	}
	assert.Equal(t, 5, strings.Count(stdout, "优    下年度同类项目优先安排"), "five 优 rows, each with Minfeng's action")
}

// TestDemoDataMatchesFixtures keeps the embedded copies byte-identical to the top-level
// fixtures (keyprojects.csv is checked by internal/seedfixtures).
func TestDemoDataMatchesFixtures(t *testing.T) {
	for name, embedded := range map[string]string{"evaluations.csv": evaluationsCSV, "declared.csv": declaredCSV, "monitoring.csv": monitoringCSV} {
		fixture, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", name))
		require.NoError(t, err)
		assert.Equal(t, string(fixture), embedded, "cmd/jixiao/%s must equal testdata/seed/%s", name, name)
	}
}

// TestDemoFindsDisagreement feeds the demo a declared rate its parts do not give and a
// declared unit count that matches the rows, to show both verdicts.
func TestDemoFindsDisagreement(t *testing.T) {
	key := strings.Replace(keyProjectsCSV, "928.56,98.78%", "928.56,98.77%", 1)
	require.NotEqual(t, keyProjectsCSV, key)
	declared := strings.Replace(declaredCSV, "重点评价涉及实施单位,6,", "重点评价涉及实施单位,5,", 1)
	require.NotEqual(t, declaredCSV, declared)
	seed, err := readSeed(key, evaluationsCSV, declared, monitoringCSV)
	require.NoError(t, err)

	out, err := renderDemo(seed)
	require.NoError(t, err)
	assert.Contains(t, out, "   98.78%   98.77%  不一致")
	assert.Contains(t, out, "困难群众救助资金执行率：报告 98.77%，由各部分算得 98.78%，不一致，相差 +0.01 个百分点")
	assert.Contains(t, out, "重点评价涉及实施单位（清单中不同的单位）：报告 5 个，由各部分算得 5 个，一致")
}

// TestDemoMissingFigure shows a figure the data lacks is a finding, not a skipped check, and a
// figure a computation needs is an error.
func TestDemoMissingFigure(t *testing.T) {
	declared := strings.Replace(declaredCSV, "重点评价总金额", "别的名字", 1)
	seed, err := readSeed(keyProjectsCSV, evaluationsCSV, declared, monitoringCSV)
	require.NoError(t, err)
	out, err := renderDemo(seed)
	require.NoError(t, err)
	assert.Contains(t, out, "重点评价总金额（清单预算数合计）：报告 （未印出）")

	evaluations := strings.Replace(evaluationsCSV, "项目支出目标全年预算金额", "别的名字", 1)
	seed, err = readSeed(keyProjectsCSV, evaluations, declaredCSV, monitoringCSV)
	require.NoError(t, err)
	_, err = renderDemo(seed)
	assert.ErrorContains(t, err, "数据中没有 项目支出目标全年预算金额")
}

func TestReadSeedErrors(t *testing.T) {
	const head = "单位,项目,简称,预算数,执行数,执行率,评价得分,项目属性\n"
	for _, tc := range []struct {
		name, key, evaluations, want, reason string
	}{
		{"缺列", "序号,单位\n1,x\n", evaluationsCSV, "第 1 行缺少列 简称", "表头不全时说缺哪一列"},
		{"只有表头", head, evaluationsCSV, "没有数据行", "空清单不当作合计为零"},
		{"坏数字", head + "甲,乙,丙,1e5,1,100%,90,债务\n", evaluationsCSV, "第 2 行 预算数：", "数字读不出时指出行和列"},
		{"坏得分", head + "甲,乙,丙,1,1,100%,九十,债务\n", evaluationsCSV, "第 2 行 评价得分：", "得分也精确读取"},
		{"申报表缺列", keyProjectsCSV, "段落,项目\nx,y\n", "evaluations.csv：第 1 行缺少列 数值", "申报数文件也检查表头"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			_, err := readSeed(tc.key, tc.evaluations, declaredCSV, monitoringCSV)
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.want, tc.reason)
		})
	}
}

// TestDemoDepartmentExampleMatchesScoreFixture keeps the demo's embedded example department
// table byte-identical to the one jixiao score's tests and the handbook use.
func TestDemoDepartmentExampleMatchesScoreFixture(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "score", "部门整体.csv"))
	require.NoError(t, err)
	assert.Equal(t, string(fixture), departmentExampleCSV, "department-example.csv and testdata/score/部门整体.csv must not drift apart")
}
