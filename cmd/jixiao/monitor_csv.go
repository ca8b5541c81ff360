package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// rowError is a data row that could not be read, with the file's row number (header = 1).
type rowError struct {
	row int
	msg string
}

// monitorColumns says where each column of a monitoring table is, and the unit of the two
// amount columns. A header cell may carry its unit: 预算数（万元）, 预算数(元), 执行数（亿元）.
type monitorColumns struct {
	id, name, dept, budget, spent int // required
	fund, secret                  int // optional, -1 when absent
	budgetUnit, spentUnit         amount.Unit
	extra                         []extraColumn // columns named for further inputs the rule set declares
}

// extraColumn is a column whose header is the name of an input the rule set declares beyond
// those the run supplies, such as 指标1序时目标 and 指标1完成: its cells go to the rule set
// under that name. An empty cell is left out, so the input's default applies.
type extraColumn struct {
	at   int
	name string
	typ  rules.Type
}

// suppliedInputs are the inputs the run gives the rule set itself; a column of that name is
// not read as an extra input.
var suppliedInputs = map[string]bool{monitor.InputBudget: true, monitor.InputSpent: true,
	monitor.InputMonth: true, monitor.InputCheckpoint: true}

// readMonitorCSV reads a monitoring table: one project a row. A header without a required
// column is unusable input (an error); a row that cannot be read is a rowError and the other
// rows go on, so len(records) + len(rejected) is the number of data rows.
func readMonitorCSV(r io.Reader, inputs []rules.Input) ([]monitor.Record, []rowError, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, errors.New("文件是空的，没有表头")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("无法读取表头：%v", err)
	}
	cols, err := monitorHeader(header, inputs)
	if err != nil {
		return nil, nil, err
	}
	var recs []monitor.Record
	var bad []rowError
	for row := 2; ; row++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
			bad = append(bad, rowError{row: row, msg: "CSV 格式有误：" + pe.Err.Error()})
			continue
		}
		rec, msg := cols.record(row, cells)
		if msg != "" {
			bad = append(bad, rowError{row: row, msg: msg})
			continue
		}
		recs = append(recs, rec)
	}
	return recs, bad, nil
}

func monitorHeader(header []string, inputs []rules.Input) (monitorColumns, error) {
	c := monitorColumns{id: -1, name: -1, dept: -1, budget: -1, spent: -1, fund: -1, secret: -1,
		budgetUnit: amount.Wan, spentUnit: amount.Wan}
	declared := map[string]rules.Type{}
	for _, in := range inputs {
		if !suppliedInputs[in.Name] {
			declared[in.Name] = in.Type
		}
	}
	for i, cell := range header {
		bare := strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff"))
		if t, ok := declared[bare]; ok {
			c.extra = append(c.extra, extraColumn{at: i, name: bare, typ: t})
			continue
		}
		if isIndicatorColumn(bare) {
			return c, fmt.Errorf("表头第 %d 列 %q：所用规则集没有这个输入，这一列的指标无法参与评级（请换用声明了它的规则集，或删去这一列）", i+1, cell)
		}
		name, unit, err := splitUnit(strings.TrimPrefix(cell, "\ufeff"))
		if err != nil {
			return c, fmt.Errorf("表头第 %d 列 %q：%v", i+1, cell, err)
		}
		switch name {
		case "项目编号":
			c.id = i
		case "项目名称":
			c.name = i
		case "部门":
			c.dept = i
		case "资金类型":
			c.fund = i
		case "涉密":
			c.secret = i
		case "预算数":
			c.budget, c.budgetUnit = i, unit
		case "执行数":
			c.spent, c.spentUnit = i, unit
		}
	}
	var missing []string
	for _, m := range []struct {
		name string
		at   int
	}{{"项目编号", c.id}, {"项目名称", c.name}, {"部门", c.dept}, {"预算数", c.budget}, {"执行数", c.spent}} {
		if m.at < 0 {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("表头缺少列：%s（第 1 行应有 项目编号、项目名称、部门、预算数、执行数）", strings.Join(missing, "、"))
	}
	return c, nil
}

// isIndicatorColumn tells an indicator column (指标3序时目标, 指标3完成) by the convention the
// monitor package documents, so one the rule set does not declare is not silently ignored.
func isIndicatorColumn(name string) bool {
	rest, ok := strings.CutPrefix(name, monitor.IndicatorPrefix)
	if !ok {
		return false
	}
	digits := strings.TrimLeft(rest, "0123456789")
	if len(digits) == len(rest) {
		return false
	}
	return digits == monitor.IndicatorExpected || digits == monitor.IndicatorActual
}

// splitUnit reads 预算数（万元） as 预算数 in 万元; a cell without a unit is in 万元.
func splitUnit(cell string) (string, amount.Unit, error) {
	cell = strings.TrimSpace(cell)
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		i := strings.Index(cell, p[0])
		if i < 0 || !strings.HasSuffix(cell, p[1]) {
			continue
		}
		u, err := amount.ParseUnit(strings.TrimSpace(cell[i+len(p[0]) : len(cell)-len(p[1])]))
		if err != nil {
			return "", 0, err
		}
		return strings.TrimSpace(cell[:i]), u, nil
	}
	return cell, amount.Wan, nil
}

func (c monitorColumns) record(row int, cells []string) (monitor.Record, string) {
	cell := func(i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	if last := max(c.id, c.name, c.dept, c.budget, c.spent); last >= len(cells) {
		return monitor.Record{}, fmt.Sprintf("只有 %d 列，缺少第 %d 列", len(cells), last+1)
	}
	rec := monitor.Record{Row: row, ID: cell(c.id), Name: cell(c.name), Dept: cell(c.dept), Fund: cell(c.fund)}
	if rec.ID == "" {
		return rec, "项目编号为空"
	}
	secret, ok := readSecret(cell(c.secret))
	if !ok {
		return rec, fmt.Sprintf("涉密 %q 应为 是 或 否", cell(c.secret))
	}
	rec.Secret = secret
	var msg string
	if rec.Budget, msg = readAmount("预算数", cell(c.budget), c.budgetUnit); msg != "" {
		return rec, msg
	}
	if rec.Spent, msg = readAmount("执行数", cell(c.spent), c.spentUnit); msg != "" {
		return rec, msg
	}
	return rec, c.readExtra(&rec, cell)
}

// readExtra puts the row's cells for further inputs into rec.Extra: numbers through package
// amount (20%, full-width digits, thousands separators), other types as typed, for the
// rule set to read (是/否 for a yes-or-no input, 2024-08-31 for a date).
func (c monitorColumns) readExtra(rec *monitor.Record, cell func(int) string) string {
	for _, x := range c.extra {
		v := cell(x.at)
		if v == "" {
			continue
		}
		if rec.Extra == nil {
			rec.Extra = make(map[string]any, len(c.extra))
		}
		if x.typ != rules.TypeDecimal && x.typ != rules.TypeInt {
			rec.Extra[x.name] = v
			continue
		}
		d, err := amount.ParseDecimal(v)
		if err != nil {
			return x.name + "：" + err.Error()
		}
		rec.Extra[x.name] = d
	}
	return ""
}

func readSecret(s string) (secret, ok bool) {
	switch s {
	case "是", "涉密", "true", "TRUE", "1", "Y", "y":
		return true, true
	case "", "否", "false", "FALSE", "0", "N", "n":
		return false, true
	}
	return false, false
}

// readAmount reads a cell through package amount, as staff type it (1,000.50, full-width
// digits, blanks), in the column's unit; a cell that names its own unit (3亿元) keeps it.
func readAmount(col, s string, unit amount.Unit) (amount.Amount, string) {
	if s == "" {
		return amount.Amount{}, col + "为空"
	}
	a, err := amount.ParseAmount(s, unit)
	if err != nil {
		return amount.Amount{}, col + "：" + err.Error()
	}
	return a, ""
}
