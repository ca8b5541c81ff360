package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
)

// The seed's figures as printed, from 2024年度民丰县预算绩效工作开展情况说明: byte copies of
// testdata/seed/*.csv (tests keep them in step: internal/seedfixtures for keyprojects.csv,
// TestDemoDataMatchesFixtures for the others), embedded so an installed binary runs the demo.
var (
	//go:embed keyprojects.csv
	keyProjectsCSV string
	//go:embed evaluations.csv
	evaluationsCSV string
	//go:embed declared.csv
	declaredCSV string
	//go:embed monitoring.csv
	monitoringCSV string
	// An example 部门整体支出 table, not from the seed (which prints no department's items):
	// the demo labels it so. The same bytes as testdata/score/部门整体.csv.
	//go:embed department-example.csv
	departmentExampleCSV string
)

const demoSource = "2024年度民丰县预算绩效工作开展情况说明"

// demoDay is the day whose rules the demo applies: the report is on 2024's work, and its
// result application is for the 2025 budget.
var demoDay = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func newDemoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "复核民丰县 2023 年重点评价和项目支出评价的数字",
		Long: `按内置规则集 national-execution、national-grade 和 minfeng-application，
重算民丰县 2023 年 5 个重点评价项目的执行率、等级和下年度安排，项目支出、部门整体评价的数字，
以及 2024 年 5 月、8 月监控各等级的合计，并把报告中的总金额、单位数、执行率、项目数等申报数
按其印出的精度与各部分算出的数逐一核对。
数据取自《` + demoSource + `》，原样照录，随程序内置。`,
		Example: "示例：\n  jixiao demo\n\n退出码：0 打印了复核结果（发现不一致也是 0，不一致写在结果中）；2 用法错误。",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(c, "demo 不接受参数，这里给了 %q", strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error {
			seed, err := readSeed(keyProjectsCSV, evaluationsCSV, declaredCSV, monitoringCSV)
			if err != nil {
				return &findingsError{msg: "内置数据有误：" + err.Error()}
			}
			out, err := renderDemo(seed)
			if err != nil {
				return &findingsError{msg: err.Error()}
			}
			monitoring, err := renderDemoMonitoring(seed.monitoring)
			if err != nil {
				return &findingsError{msg: err.Error()}
			}
			return write(c.OutOrStdout(), []byte(out+monitoring))
		},
	}
}

// keyProject is one row of the key-evaluation list, with the seed's figures.
type keyProject struct {
	unit, short   string
	name, kind    string          // 项目名称 and 项目属性, in full as printed
	budget, spent decimal.Decimal // 万元
	rateText      string          // as printed: "98.78%"
	score         decimal.Decimal // 评价得分
}

// seedFigures is what the demo reads: the key-evaluation list and the report's other
// figures as printed, by their 项目 name in evaluations.csv and declared.csv.
type seedFigures struct {
	projects   []keyProject
	figures    map[string]figure
	monitoring []monitoringRow
}

// monitoringRow is one line of the 2024 monitoring table: a checkpoint's count and funds of
// one grade, as printed.
type monitoringRow struct {
	node, grade string
	count       decimal.Decimal
	funds       decimal.Decimal // 亿元
}

// figure is one printed figure: its text and unit.
type figure struct{ text, unit string }

// readSeed reads the embedded CSV files; every number is read from its text, exactly.
func readSeed(key, evaluations, declared, monitoring string) (seedFigures, error) {
	projects, err := readKeyList(key)
	if err != nil {
		return seedFigures{}, fmt.Errorf("重点评价清单：%w", err)
	}
	s := seedFigures{projects: projects, figures: map[string]figure{}}
	for _, f := range []struct{ name, text string }{{"evaluations.csv", evaluations}, {"declared.csv", declared}} {
		t, err := readTable(f.text, "项目", "数值", "单位")
		if err != nil {
			return seedFigures{}, fmt.Errorf("%s：%w", f.name, err)
		}
		for _, row := range t.rows {
			s.figures[row[t.col["项目"]]] = figure{text: row[t.col["数值"]], unit: row[t.col["单位"]]}
		}
	}
	if s.monitoring, err = readMonitoring(monitoring); err != nil {
		return seedFigures{}, fmt.Errorf("monitoring.csv：%w", err)
	}
	return s, nil
}

func readMonitoring(text string) ([]monitoringRow, error) {
	t, err := readTable(text, "监控节点", "等级", "项目数", "涉及资金（亿元）")
	if err != nil {
		return nil, err
	}
	var rows []monitoringRow
	for n, rec := range t.rows {
		r := monitoringRow{node: rec[t.col["监控节点"]], grade: rec[t.col["等级"]]}
		for _, f := range []struct {
			name string
			dst  *decimal.Decimal
		}{{"项目数", &r.count}, {"涉及资金（亿元）", &r.funds}} {
			if *f.dst, err = amount.ParseDecimal(rec[t.col[f.name]]); err != nil {
				return nil, fmt.Errorf("第 %d 行 %s：%w", n+2, f.name, err)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// table is a CSV file's rows and the index of each header.
type table struct {
	col  map[string]int
	rows [][]string
}

func readTable(text string, need ...string) (table, error) {
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return table{}, err
	}
	if len(records) < 2 {
		return table{}, fmt.Errorf("没有数据行")
	}
	t := table{col: map[string]int{}, rows: records[1:]}
	for i, h := range records[0] {
		t.col[h] = i
	}
	for _, h := range need {
		if _, ok := t.col[h]; !ok {
			return table{}, fmt.Errorf("第 1 行缺少列 %s", h)
		}
	}
	return t, nil
}

func readKeyList(text string) ([]keyProject, error) {
	t, err := readTable(text, "单位", "简称", "预算数", "执行数", "执行率", "评价得分", "项目", "项目属性")
	if err != nil {
		return nil, err
	}
	var list []keyProject
	for n, rec := range t.rows {
		p := keyProject{unit: rec[t.col["单位"]], short: rec[t.col["简称"]], rateText: rec[t.col["执行率"]],
			name: rec[t.col["项目"]], kind: rec[t.col["项目属性"]]}
		for _, f := range []struct {
			name string
			dst  *decimal.Decimal
		}{{"预算数", &p.budget}, {"执行数", &p.spent}, {"评价得分", &p.score}} {
			if *f.dst, err = amount.ParseDecimal(rec[t.col[f.name]]); err != nil {
				return nil, fmt.Errorf("第 %d 行 %s：%w", n+2, f.name, err)
			}
		}
		list = append(list, p)
	}
	return list, nil
}
