package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
)

// scoreColumns are the columns of a self-evaluation sheet: the name jixiao documents first,
// then the names county forms also use for it. A unit in brackets after a name, as in
// 预算数（万元）, is allowed: a rate and a score do not depend on it.
func scoreColumns() []scoreColumn {
	return []scoreColumn{
		{[]string{"项目编号", "项目代码"}, true},
		{[]string{"项目名称"}, false},
		{[]string{"预算数", "全年预算数", "调整后预算数", "年初预算数"}, true},
		{[]string{"执行数", "全年执行数", "执行金额"}, true},
		{[]string{"一级指标"}, true},
		{[]string{"二级指标"}, false},
		{[]string{"三级指标", "指标名称"}, true},
		{[]string{"指标性质"}, true},
		{[]string{"指标值", "年度指标值"}, true},
		{[]string{"实际值", "实际完成值"}, true},
		{[]string{"度量单位", "计量单位"}, false},
		{[]string{"分值", "权重"}, true},
		{[]string{"指标方向"}, false},
		{[]string{"得分"}, false},
		{[]string{"总分"}, false},
	}
}

type scoreColumn struct {
	names    []string
	required bool
}

// notApplicable is what the 实际值 cell holds for an indicator that does not apply.
const notApplicable = "不适用"

// scoreRow is one indicator row as read.
type scoreRow struct {
	row                  int // header = 1
	id, name             string
	budget, spent        string
	indicator            scoring.Indicator
	declaredScore, total string
}

// scoreProjectRows is one project's rows, in the sheet's order.
type scoreProjectRows struct {
	id, name      string
	rows          []scoreRow
	badRows       []int // rows of this project that could not be read
	budget, spent string
	budgetRow     int
	conflict      string
}

// scoreInput is a sheet: projects in order of first appearance, and the rows that could not
// be read.
type scoreInput struct {
	rows     int
	projects []*scoreProjectRows
	rejected []scoreRejection
}

type scoreRejection struct {
	Row   int    `json:"row"`
	Error string `json:"error"`
}

func readScoreCSV(r io.Reader) (scoreInput, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return scoreInput{}, errors.New("文件是空的，第 1 行应为表头")
	}
	if err != nil {
		return scoreInput{}, fmt.Errorf("不是有效的 CSV：%v", err)
	}
	cols, units, err := scoreHeader(header)
	if err != nil {
		return scoreInput{}, err
	}
	in := scoreInput{}
	byID := map[string]*scoreProjectRows{}
	for row := 2; ; row++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return in, nil
		}
		if err != nil {
			return scoreInput{}, fmt.Errorf("第 %d 行不是有效的 CSV：%v", row, err)
		}
		in.rows++
		in.add(byID, row, cols, units, cells)
	}
}

// add reads one row into its project; a row that cannot be read is rejected with its reason.
func (in *scoreInput) add(byID map[string]*scoreProjectRows, row int, cols map[string]int, units map[string]amount.Unit, cells []string) {
	cell := func(name string) string {
		i, ok := cols[name]
		if !ok || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	id := cell("项目编号")
	if id == "" {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: "项目编号为空"})
		return
	}
	p := byID[id]
	if p == nil {
		p = &scoreProjectRows{id: id, name: cell("项目名称")}
		byID[id] = p
		in.projects = append(in.projects, p)
	}
	r, err := readScoreRow(row, cell, units)
	if err != nil {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: err.Error()})
		p.badRows = append(p.badRows, row)
		return
	}
	if msg := p.takeAmounts(r); msg != "" {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: msg})
		p.badRows = append(p.badRows, row)
		return
	}
	p.rows = append(p.rows, r)
}

// takeAmounts keeps the project's 预算数 and 执行数 from the first row that has them; a
// later row may leave them empty (a merged cell) or repeat them, but not differ.
func (p *scoreProjectRows) takeAmounts(r scoreRow) string {
	if r.budget == "" && r.spent == "" {
		return ""
	}
	if p.budgetRow == 0 {
		p.budget, p.spent, p.budgetRow = r.budget, r.spent, r.row
		return ""
	}
	if r.budget != p.budget || r.spent != p.spent {
		return fmt.Sprintf("项目 %s 的预算数、执行数（%s、%s）与第 %d 行（%s、%s）不同", p.id,
			r.budget, r.spent, p.budgetRow, p.budget, p.spent)
	}
	return ""
}

// scoreHeader finds each column, and the unit the 预算数 and 执行数 headers name (预算数（元）),
// as the monitoring sheet reads them: amounts are converted to 万元 exactly, never taken as
// written in another unit.
func scoreHeader(header []string) (map[string]int, map[string]amount.Unit, error) {
	cols := map[string]int{}
	at := map[string]int{}
	units := map[string]amount.Unit{}
	for i, h := range header {
		name := headerName(h)
		at[name] = i
		if name == "预算数" || name == "执行数" {
			_, u, err := splitUnit(strings.TrimPrefix(h, "\ufeff"))
			if err != nil {
				return nil, nil, fmt.Errorf("表头（第 1 行）%s 的单位：%v", strings.TrimSpace(h), err)
			}
			units[name] = u
		}
	}
	var missing []string
	for _, c := range scoreColumns() {
		found := false
		for _, n := range c.names {
			if i, ok := at[n]; ok && !found {
				cols[c.names[0]] = i
				found = true
			}
		}
		if !found && c.required {
			missing = append(missing, c.names[0])
		}
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("表头（第 1 行）缺少列 %s", strings.Join(missing, "、"))
	}
	return cols, units, nil
}

// headerName is a header cell without blanks, a BOM or a unit in brackets.
func headerName(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	for _, open := range []string{"（", "("} {
		if i := strings.Index(h, open); i > 0 {
			h = strings.TrimSpace(h[:i])
		}
	}
	return h
}

// readScoreRow reads one indicator row; every number exactly, from its text. 预算数 and 执行数
// are kept in 万元 whatever unit the header or the cell names.
func readScoreRow(row int, cell func(string) string, units map[string]amount.Unit) (scoreRow, error) {
	r := scoreRow{row: row, id: cell("项目编号"), name: cell("项目名称"), budget: cell("预算数"),
		spent: cell("执行数"), declaredScore: cell("得分"), total: cell("总分")}
	ind := scoring.Indicator{Level1: cell("一级指标"), Level2: cell("二级指标"), Name: cell("三级指标"),
		Unit: cell("度量单位")}
	var err error
	if ind.Name == "" || ind.Level1 == "" {
		return r, errors.New("一级指标和三级指标不能为空")
	}
	if ind.Points, err = number("分值", cell("分值")); err != nil {
		return r, err
	}
	if ind.Nature, err = scoring.ParseNature(cell("指标性质")); err != nil {
		return r, err
	}
	if ind.Direction, err = scoring.ParseDirection(cell("指标方向"), ind.Nature); err != nil {
		return r, err
	}
	for _, f := range []struct {
		name string
		text *string
	}{{"预算数", &r.budget}, {"执行数", &r.spent}} {
		if *f.text == "" {
			continue
		}
		a, msg := readAmount(f.name, *f.text, units[f.name])
		if msg != "" {
			return r, errors.New(msg)
		}
		*f.text = a.In(amount.Wan).Value().String()
	}
	for _, f := range []struct{ name, text string }{{"得分", r.declaredScore}, {"总分", r.total}} {
		if f.text != "" {
			if _, err := number(f.name, f.text); err != nil {
				return r, err
			}
		}
	}
	actual := cell("实际值")
	switch {
	case actual == notApplicable:
		ind.NotApplicable = true
	case ind.Nature == scoring.Qualitative:
		err = readQualitative(&ind, actual, r.declaredScore)
	default:
		err = readQuantitative(&ind, cell("指标值"), actual)
	}
	r.indicator = ind
	return r, err
}

func readQualitative(ind *scoring.Indicator, actual, assessed string) error {
	var err error
	if ind.Outcome, err = scoring.ParseOutcome(actual); err != nil {
		return fmt.Errorf("定性指标的实际值：%w", err)
	}
	if assessed != "" {
		d, err := number("得分", assessed)
		if err != nil {
			return err
		}
		ind.Assessed = decimal.NewNullDecimal(d)
	}
	return nil
}

func readQuantitative(ind *scoring.Indicator, target, actual string) error {
	var err error
	if ind.Target, err = number("指标值", target); err != nil {
		return err
	}
	ind.Actual, err = number("实际值", actual)
	return err
}

// number reads a cell as staff write numbers; an empty cell is an error naming the column.
func number(col, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("%s为空", col)
	}
	d, err := amount.ParseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s：%v", col, err)
	}
	return d, nil
}
