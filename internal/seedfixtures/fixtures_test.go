package seedfixtures

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedDir = "../../testdata/seed"

// readCSV reads one fixture with encoding/csv. FieldsPerRecord 0 makes the
// reader reject any row whose column count differs from the header's.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, name))
	require.NoError(t, err)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	records, err := r.ReadAll()
	require.NoError(t, err, "%s: every row must have the header's column count", name)
	require.NotEmpty(t, records, "%s: no header", name)
	return records
}

// column returns the index of a header cell, failing the test if it is absent.
func column(t *testing.T, name string, header []string, col string) int {
	t.Helper()
	for i, h := range header {
		if h == col {
			return i
		}
	}
	require.Failf(t, "missing column", "%s: no column %q in header %q", name, col, header)
	return -1
}

// printedNumber reads a figure as printed ("10,113.65", "86.9%", "0.18778")
// into an exact decimal: thousands separators are dropped and a trailing % is
// kept as a flag, never divided, so the value is the printed digits.
func printedNumber(t *testing.T, s string) (decimal.Decimal, bool) {
	t.Helper()
	pct := strings.HasSuffix(s, "%")
	d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimSuffix(s, "%"), ",", ""))
	require.NoError(t, err, "figure %q does not read as a printed number", s)
	return d, pct
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var fixtures = []struct {
	file   string
	header []string
	rows   int
	reason string
}{
	{"keyprojects.csv", []string{"序号", "单位", "项目", "简称", "预算数", "执行数", "执行率", "评价得分", "项目属性"}, 5,
		"the 2023 重点评价清单: five projects, one row each, in the demo's columns"},
	{"monitoring.csv", []string{"监控节点", "等级", "判定", "项目数", "涉及资金（亿元）", "原文"}, 6,
		"May and August checkpoints, one row per grade 优/良/差"},
	{"evaluations.csv", []string{"段落", "项目", "数值", "单位", "原文"}, 21,
		"every evaluation count and score printed in （二）1, 2, 3 and 6"},
	{"declared.csv", []string{"段落", "项目", "数值", "单位", "原文"}, 17,
		"every other scalar figure the seed declares"},
	{"result-application.csv", []string{"段落", "等级", "结果应用", "原文"}, 5,
		"the result application per grade in （四）2 and （四）3"},
}

func TestFixtureSetIsComplete(t *testing.T) {
	found, err := filepath.Glob(filepath.Join(seedDir, "*.csv"))
	require.NoError(t, err)
	var got, want []string
	for _, f := range found {
		got = append(got, filepath.Base(f))
	}
	for _, f := range fixtures {
		want = append(want, f.file)
	}
	sort.Strings(want)
	assert.Equal(t, want, got, "a fixture added or removed must be listed here and described in testdata/README.md")
}

func TestFixturesAreWellFormed(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(seedDir, f.file))
			require.NoError(t, err)
			assert.True(t, utf8.Valid(data), "must be UTF-8")
			assert.False(t, bytes.HasPrefix(data, []byte("\uFEFF")), "no byte-order mark")
			assert.NotContains(t, string(data), "\r", "LF line endings only")
			assert.True(t, bytes.HasSuffix(data, []byte("\n")), "ends with a newline")

			records := readCSV(t, f.file)
			assert.Equal(t, f.header, records[0], "header: %s", f.reason)
			assert.Len(t, records[1:], f.rows, "rows: %s", f.reason)
			for i, rec := range records {
				for j, cell := range rec {
					assert.Equal(t, strings.TrimSpace(cell), cell, "row %d col %d: no stray spaces", i+1, j+1)
					if i == 0 {
						assert.NotEmpty(t, cell, "header col %d is empty", j+1)
					}
				}
			}
		})
	}
}

func TestKeyProjectsMatchDemo(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join(seedDir, "keyprojects.csv"))
	require.NoError(t, err)
	demo, err := os.ReadFile("../../cmd/jixiao/keyprojects.csv")
	require.NoError(t, err)
	assert.Equal(t, string(demo), string(fixture),
		"testdata/seed/keyprojects.csv must stay byte-identical to cmd/jixiao/keyprojects.csv, which the demo embeds")
}

// scalars indexes the rows of a 段落,项目,数值,单位,原文 file by 项目.
func scalars(t *testing.T, name string) map[string][]string {
	t.Helper()
	records := readCSV(t, name)
	item := column(t, name, records[0], "项目")
	out := map[string][]string{}
	for _, rec := range records[1:] {
		_, dup := out[rec[item]]
		require.False(t, dup, "%s: 项目 %q appears twice", name, rec[item])
		out[rec[item]] = rec
	}
	return out
}

func TestDeclaredFigures(t *testing.T) {
	cases := []struct {
		file, item, value, unit string
		reason                  string
	}{
		{"declared.csv", "重点评价总金额", "11285.11", "万元", "（二）3 总金额为11285.11万元: the declared total of the key list"},
		{"declared.csv", "重点评价涉及实施单位", "6", "个", "（二）3 涉及实施单位6个, although the list names five units"},
		{"declared.csv", "部门整体预算", "13.304271", "亿元", "（二）4 81个部门、13.304271亿元整体预算"},
		{"declared.csv", "项目资金", "6.027085", "亿元", "（二）4 535个项目、6.027085亿元资金"},
		{"declared.csv", "5月监控项目", "279", "个", "（二）5 the May total the grade rows must add up to"},
		{"declared.csv", "8月监控项目", "351", "个", "（二）5 the August total the grade rows must add up to"},
		{"declared.csv", "红标整改期限", "30", "日", "（二）5 the 红标 rectification deadline"},
		{"declared.csv", "乡村振兴衔接资金", "8.12962157", "亿元", "（二）8 eight decimals, as printed"},
		{"declared.csv", "涉密项目资金", "0.335875", "亿元", "（二）8 涉密项目 funds"},
		{"evaluations.csv", "整体绩效目标预算金额", "123235.09", "万元", "（二）1 部门整体 target budget"},
		{"evaluations.csv", "绩效评价中心得分", "98.30", "分", "（二）1 the trailing zero is printed and kept"},
		{"evaluations.csv", "项目支出目标全年预算金额", "55134.12", "万元", "（二）2 the denominator of the printed 执行率"},
		{"evaluations.csv", "项目支出目标实际执行金额", "47967.66", "万元", "（二）2 the numerator of the printed 执行率"},
		{"evaluations.csv", "执行率", "86.9%", "", "（二）2 printed rate, kept although the amounts give 87.00%"},
		{"evaluations.csv", "项目支出绩效评价自评表", "697", "个", "（二）2 697 self-evaluation forms"},
		{"evaluations.csv", "整体绩效评价部门/单位数", "76", "个", "（二）6 76 units evaluated as a whole"},
		{"evaluations.csv", "绩效评级为优的重点评价项目数", "5", "个", "（二）6 all five key evaluations graded 优"},
	}
	files := map[string]map[string][]string{}
	for _, c := range cases {
		t.Run(c.item, func(t *testing.T) {
			if files[c.file] == nil {
				files[c.file] = scalars(t, c.file)
			}
			rec, ok := files[c.file][c.item]
			require.True(t, ok, "%s has no %q: %s", c.file, c.item, c.reason)
			assert.Equal(t, c.value, rec[2], c.reason)
			assert.Equal(t, c.unit, rec[3], c.reason)
		})
	}
}

func TestEachFigureIsInItsQuote(t *testing.T) {
	for _, name := range []string{"declared.csv", "evaluations.csv"} {
		records := readCSV(t, name)
		for i, rec := range records[1:] {
			value, unit, quote := rec[2], rec[3], rec[4]
			printedNumber(t, value)
			assert.Contains(t, quote, value+unit, "%s row %d (%s): 数值+单位 must be read from 原文", name, i+2, rec[1])
			assert.True(t, strings.HasPrefix(rec[0], "（"), "%s row %d: 段落 names the seed's section, e.g. （二）3", name, i+2)
		}
	}

	records := readCSV(t, "monitoring.csv")
	for i, rec := range records[1:] {
		node, grade, rule, count, funds, quote := rec[0], rec[1], rec[2], rec[3], rec[4], rec[5]
		assert.Contains(t, []string{"5月", "8月"}, node, "row %d: the seed's two checkpoints", i+2)
		assert.Contains(t, quote, count+"个项目"+rule, "row %d: count and criterion", i+2)
		assert.Contains(t, quote, "得分为“"+grade+"”", "row %d: grade", i+2)
		assert.True(t, strings.HasSuffix(quote, "涉及资金"+funds+"亿元"), "row %d: funds in 亿元", i+2)
	}

	records = readCSV(t, "result-application.csv")
	for i, rec := range records[1:] {
		assert.Contains(t, rec[3], rec[2], "row %d: 结果应用 is quoted from 原文", i+2)
		names := strings.Contains(rec[3], "为"+rec[1]) || strings.Contains(rec[3], "或者"+rec[1])
		assert.True(t, names, "row %d: 原文 names the grade %s", i+2, rec[1])
	}
}

// TestReportInconsistenciesKeptAsPrinted recomputes, exactly, the figures
// testdata/README.md lists as disagreeing with their parts. It fails if a
// fixture is "corrected" or the README's recomputed figures drift.
func TestReportInconsistenciesKeptAsPrinted(t *testing.T) {
	declared := scalars(t, "declared.csv")
	evals := scalars(t, "evaluations.csv")

	key := readCSV(t, "keyprojects.csv")
	budgetCol := column(t, "keyprojects.csv", key[0], "预算数")
	spentCol := column(t, "keyprojects.csv", key[0], "执行数")
	unitCol := column(t, "keyprojects.csv", key[0], "单位")
	budgets, spent := decimal.Zero, decimal.Zero
	units := map[string]bool{}
	for _, rec := range key[1:] {
		b, _ := printedNumber(t, rec[budgetCol])
		s, _ := printedNumber(t, rec[spentCol])
		budgets, spent = budgets.Add(b), spent.Add(s)
		units[rec[unitCol]] = true
	}
	total, _ := printedNumber(t, declared["重点评价总金额"][2])
	unitCount, _ := printedNumber(t, declared["重点评价涉及实施单位"][2])

	projBudget, _ := printedNumber(t, evals["项目支出目标全年预算金额"][2])
	projSpent, _ := printedNumber(t, evals["项目支出目标实际执行金额"][2])
	printedRate, pct := printedNumber(t, evals["执行率"][2])
	require.True(t, pct, "执行率 is printed as a percentage")
	rate := projSpent.DivRound(projBudget, 20).Shift(2).Round(2)

	cases := []struct {
		name                      string
		recomputed, want, printed decimal.Decimal
		reason                    string
	}{
		{"key list budgets", budgets, dec("12085.11"), total,
			"the five 年初预算金额 add up to 12085.11万元, 800.00 more than the declared 11285.11万元"},
		{"key list executed", spent, dec("11823.62"), total,
			"the five 资金执行金额 add up to 11823.62万元, not 11285.11万元 either"},
		{"key list units", decimal.NewFromInt(int64(len(units))), dec("5"), unitCount,
			"the list names five distinct units; the text says 涉及实施单位6个"},
		{"project execution rate", rate, dec("87.00"), printedRate,
			"47967.66 ÷ 55134.12 = 87.0017…%, 87.0% at the printed precision, not the printed 86.9%"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.True(t, c.want.Equal(c.recomputed), "recomputed %s, want %s: %s", c.recomputed, c.want, c.reason)
			assert.False(t, c.printed.Equal(c.recomputed), "printed %s now equals recomputed %s; was the fixture corrected? %s",
				c.printed, c.recomputed, c.reason)
		})
	}
}

// TestMonitoringGradesAddUp checks the parts the seed prints against the totals
// it declares: here the report is consistent, and the fixture must stay so.
func TestMonitoringGradesAddUp(t *testing.T) {
	declared := scalars(t, "declared.csv")
	records := readCSV(t, "monitoring.csv")
	counts := map[string]decimal.Decimal{}
	funds := map[string]decimal.Decimal{}
	for _, rec := range records[1:] {
		n, _ := printedNumber(t, rec[3])
		f, _ := printedNumber(t, rec[4])
		counts[rec[0]] = counts[rec[0]].Add(n)
		funds[rec[0]] = funds[rec[0]].Add(f)
	}
	cases := []struct {
		node, declaredItem, funds string
		reason                    string
	}{
		{"5月", "5月监控项目", "4.387021", "70 + 188 + 21 = 279 projects; 2.006179 + 2.193062 + 0.18778 = 4.387021亿元 (no total funds printed)"},
		{"8月", "8月监控项目", "4.680777", "102 + 203 + 46 = 351 projects; 0.988877 + 3.314601 + 0.377299 = 4.680777亿元 (no total funds printed)"},
	}
	for _, c := range cases {
		t.Run(c.node, func(t *testing.T) {
			want, _ := printedNumber(t, declared[c.declaredItem][2])
			assert.True(t, want.Equal(counts[c.node]), "count %s, declared %s: %s", counts[c.node], want, c.reason)
			assert.True(t, dec(c.funds).Equal(funds[c.node]), "funds %s: %s", funds[c.node], c.reason)
		})
	}
}

// TestKeyListRatesRecompute checks each printed 执行率 of the key list against
// 执行数 ÷ 预算数 rounded half-up to 0.01%: all five agree, and must keep agreeing.
func TestKeyListRatesRecompute(t *testing.T) {
	key := readCSV(t, "keyprojects.csv")
	budgetCol := column(t, "keyprojects.csv", key[0], "预算数")
	spentCol := column(t, "keyprojects.csv", key[0], "执行数")
	rateCol := column(t, "keyprojects.csv", key[0], "执行率")
	require.Len(t, key[1:], 5, "the seed lists five key evaluations")
	for _, rec := range key[1:] {
		t.Run(rec[0], func(t *testing.T) {
			b, _ := printedNumber(t, rec[budgetCol])
			s, _ := printedNumber(t, rec[spentCol])
			printed, pct := printedNumber(t, rec[rateCol])
			require.True(t, pct, "执行率 %q is printed with a percent sign", rec[rateCol])
			got := s.DivRound(b, 20).Shift(2).Round(2)
			assert.True(t, printed.Equal(got), "printed %s%%, recomputed %s%% (%s ÷ %s)", printed, got, rec[spentCol], rec[budgetCol])
		})
	}
}
