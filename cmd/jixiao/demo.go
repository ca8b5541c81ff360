package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// keyProjectsCSV is the seed's 2023 key-evaluation list (2023 年重点评价清单), copied from
// 2024年度民丰县预算绩效工作开展情况说明 with its figures as printed (amounts in 万元).
//
//go:embed keyprojects.csv
var keyProjectsCSV string

// What the seed says about the list as a whole: "以下为我县选取的5个重点评价项目，
// 总金额为11285.11万元，涉及实施单位6个". The demo checks these against the rows.
const (
	declaredProjects = 5
	declaredTotal    = "11285.11" // 万元
	declaredUnits    = 6
)

// rateRule is the execution-rate rule the demo evaluates, shown to 0.01% and so rounded to
// four places of the ratio before it is compared with the declared rate.
const rateRule = "round(执行数 / 预算数, 4)"

const demoSource = "2024年度民丰县预算绩效工作开展情况说明"

func newDemoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "用规则语言复核民丰县 2023 年 5 个重点评价项目的执行率",
		Long: `用规则 ` + rateRule + ` 重算民丰县 2023 年 5 个重点评价项目的执行率，
与报告中的执行率、项目数、总金额和单位数逐一核对，打印一张对照表。
数据取自《` + demoSource + `》，随程序内置。`,
		Example: "示例：\n  jixiao demo\n\n退出码：0 打印了对照表（发现不一致也是 0，不一致写在表中）；2 用法错误。",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(c, "demo 不接受参数，这里给了 %q", strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error {
			list, err := readKeyList(keyProjectsCSV)
			if err != nil {
				return &findingsError{msg: "内置数据有误：" + err.Error()}
			}
			out, err := renderDemo(list)
			if err != nil {
				return &findingsError{msg: err.Error()}
			}
			return write(c.OutOrStdout(), []byte(out))
		},
	}
}

// keyProject is one row of the key-evaluation list, with the seed's figures.
type keyProject struct {
	unit, name, short string
	budget, spent     decimal.Decimal // 万元
	declaredRate      decimal.Decimal // as printed: 98.78% is 0.9878
	declaredText      string          // as printed: "98.78%"
}

// keyList is the list and what the seed declares about it as a whole.
type keyList struct {
	projects         []keyProject
	declaredProjects int
	declaredTotal    decimal.Decimal
	declaredUnits    int
}

// readKeyList reads the embedded CSV; every number is read from its text, exactly.
func readKeyList(text string) (keyList, error) {
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return keyList{}, err
	}
	if len(records) < 2 {
		return keyList{}, fmt.Errorf("没有数据行")
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	for _, h := range []string{"单位", "项目", "简称", "预算数", "执行数", "执行率"} {
		if _, ok := col[h]; !ok {
			return keyList{}, fmt.Errorf("第 1 行缺少列 %s", h)
		}
	}
	total, err := amount.ParseDecimal(declaredTotal)
	if err != nil {
		return keyList{}, err
	}
	list := keyList{declaredProjects: declaredProjects, declaredTotal: total, declaredUnits: declaredUnits}
	for n, rec := range records[1:] {
		p := keyProject{unit: rec[col["单位"]], name: rec[col["项目"]], short: rec[col["简称"]],
			declaredText: rec[col["执行率"]]}
		for _, f := range []struct {
			name string
			dst  *decimal.Decimal
		}{{"预算数", &p.budget}, {"执行数", &p.spent}, {"执行率", &p.declaredRate}} {
			if *f.dst, err = amount.ParseDecimal(rec[col[f.name]]); err != nil {
				return keyList{}, fmt.Errorf("第 %d 行 %s：%v", n+2, f.name, err)
			}
		}
		list.projects = append(list.projects, p)
	}
	return list, nil
}

// renderDemo recomputes every rate with the rule language and lays out the comparison.
func renderDemo(list keyList) (string, error) {
	rule, err := rules.Compile(rateRule,
		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
	if err != nil {
		return "", err
	}
	rate := func(spent, budget decimal.Decimal) (decimal.Decimal, error) {
		v, err := rule.EvalValue(map[string]any{"执行数": spent, "预算数": budget})
		return v.Decimal(), err
	}

	cols := []column{{title: "#"}, {title: "单位"}, {title: "项目"},
		{title: "预算数(万元)", right: true}, {title: "执行数(万元)", right: true},
		{title: "执行率", right: true}, {title: "报告值", right: true}, {title: "核对"}}
	var rows [][]string
	var budget, spent decimal.Decimal
	agree := 0
	units := map[string]bool{}
	for i, p := range list.projects {
		r, err := rate(p.spent, p.budget)
		if err != nil {
			return "", fmt.Errorf("第 %d 个项目（%s）：%w", i+1, p.short, err)
		}
		verdict := "不一致"
		if r.Equal(p.declaredRate) {
			verdict = "一致"
			agree++
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), strings.TrimPrefix(p.unit, "民丰县"), p.short,
			amount.FormatGrouped(p.budget, 2), amount.FormatGrouped(p.spent, 2),
			amount.FormatPercent(r, 2), p.declaredText, verdict})
		budget = budget.Add(p.budget)
		spent = spent.Add(p.spent)
		units[p.unit] = true
	}
	overall, err := rate(spent, budget)
	if err != nil {
		return "", fmt.Errorf("合计：%w", err)
	}
	rows = append(rows, []string{"", "合计", "", amount.FormatGrouped(budget, 2),
		amount.FormatGrouped(spent, 2), amount.FormatPercent(overall, 2), "", ""})

	var b strings.Builder
	b.WriteString("民丰县 2023 年重点评价项目执行率复核\n")
	fmt.Fprintf(&b, "数据：《%s》；规则：执行率 = %s；金额单位：万元。\n\n", demoSource, rateRule)
	writeTable(&b, cols, rows)
	b.WriteString("\n")

	n := len(list.projects)
	fmt.Fprintf(&b, "执行率：%d 项中 %d 项与报告值一致，%d 项不一致。\n", n, agree, n-agree)
	fmt.Fprintf(&b, "项目数：报告称 %d 个，清单列出 %d 个，%s。\n",
		list.declaredProjects, n, verdict(list.declaredProjects == n))
	diff := budget.Sub(list.declaredTotal)
	fmt.Fprintf(&b, "总金额：报告称 %s 万元，清单 %d 项预算数合计 %s 万元，%s。\n",
		amount.FormatGrouped(list.declaredTotal, 2), n, amount.FormatGrouped(budget, 2), totalVerdict(diff))
	fmt.Fprintf(&b, "实施单位：报告称 %d 个，清单列出 %d 个，%s。\n",
		list.declaredUnits, len(units), verdict(list.declaredUnits == len(units)))
	fmt.Fprintf(&b, "合计执行率：执行数合计 %s 万元 ÷ 预算数合计 %s 万元 = %s。\n",
		amount.FormatGrouped(spent, 2), amount.FormatGrouped(budget, 2), amount.FormatPercent(overall, 2))
	return b.String(), nil
}

func verdict(ok bool) string {
	if ok {
		return "一致"
	}
	return "不一致"
}

// totalVerdict says how the sum of the rows compares with the declared total.
func totalVerdict(diff decimal.Decimal) string {
	switch diff.Sign() {
	case 0:
		return "一致"
	case 1:
		return fmt.Sprintf("合计比报告值多 %s 万元，不一致", amount.FormatGrouped(diff, 2))
	}
	return fmt.Sprintf("合计比报告值少 %s 万元，不一致", amount.FormatGrouped(diff.Neg(), 2))
}
