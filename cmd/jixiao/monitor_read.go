package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// monitorColumns says where each column of a monitoring table is, and the unit of the two
// amount columns. A header cell may carry its unit: 预算数（万元）, 预算数(元), 执行数（亿元）.
type monitorColumns struct {
	id, name, dept, budget, spent int // required
	fund, secret                  int // optional, -1 when absent
	budgetUnit, spentUnit         amount.Unit
	headers                       []string      // as written, for messages
	extra                         []inputColumn // columns named for further inputs the rule set declares
	// titleUnit is the unit a title row above the header names, when an amount column's
	// header names none and is read in it; "" otherwise
	titleUnit string
}

// inputColumn is a column whose header names an input the rule set declares, such as
// 指标1序时目标 or 达到阶段性目标: its cells go to the rule set under that name.
type inputColumn struct {
	at     int
	header string
	in     rules.Input
	// from and to convert an amount written in the header's unit into the input's, exactly
	from, to amount.Unit
	convert  bool
}

// suppliedInputs are the inputs a monitoring run gives the rule set itself; a column of that
// name is not read as a further input.
var suppliedInputs = map[string]bool{monitor.InputBudget: true, monitor.InputSpent: true,
	monitor.InputMonth: true, monitor.InputCheckpoint: true}

// Column names of a monitoring table (the run's own, not a rule set's inputs).
const (
	colID     = "项目编号"
	colName   = "项目名称"
	colDept   = "部门"
	colFund   = "资金类型"
	colSecret = "涉密"
)

// monitorFields are the columns a monitoring table has, with their aliases.
func monitorFields(inputs []rules.Input) []tables.Field {
	fields := []tables.Field{
		{Name: colID, Required: true}, {Name: colName, Required: true}, {Name: colDept, Required: true},
		{Name: monitor.InputBudget, Required: true}, {Name: monitor.InputSpent, Required: true},
		// county tables name the fund column in several ways; without an alias the column
		// would be ignored and every project summed under （未填）
		{Name: colFund, Aliases: []string{"资金性质", "资金来源", "资金类别"}}, {Name: colSecret, Aliases: []string{"是否涉密"}},
	}
	for i := range fields {
		fields[i].Aliases = append(fields[i].Aliases, fieldAliases(inputs, fields[i].Name)...)
	}
	for _, in := range inputs {
		if !suppliedInputs[in.Name] {
			fields = append(fields, tables.Field{Name: in.Name, Aliases: fieldAliases(inputs, in.Name)})
		}
	}
	return fields
}

// readMonitorHeader finds the columns of a monitoring table. A header that lacks a required
// column, names one twice, or has a column the run would misread (an indicator the rule set
// does not grade, a secrecy column under another name) is unusable: an error.
// inputs are the rule set's inputs, with the aliases of their columns. An amount column whose
// header names no unit is in the unit a title row above the header names (单位：元), else in
// 万元.
func readMonitorHeader(r *tables.Reader, inputs []rules.Input) (monitorColumns, error) {
	header := r.Header()
	cols, err := tables.Match(header, monitorFields(inputs))
	if err != nil {
		return monitorColumns{}, headerHint(header, err)
	}
	c := monitorColumns{id: cols.Index(colID), name: cols.Index(colName), dept: cols.Index(colDept),
		budget: cols.Index(monitor.InputBudget), spent: cols.Index(monitor.InputSpent),
		fund: cols.Index(colFund), secret: cols.Index(colSecret), headers: header}
	title := titleUnit(r.Titles())
	if c.budgetUnit, err = headerUnit(cols, monitor.InputBudget, title); err != nil {
		return c, err
	}
	if c.spentUnit, err = headerUnit(cols, monitor.InputSpent, title); err != nil {
		return c, err
	}
	if cols.Unit(monitor.InputBudget) == "" || cols.Unit(monitor.InputSpent) == "" {
		c.titleUnit = title
	}
	taken := map[int]bool{}
	for _, in := range inputs {
		if suppliedInputs[in.Name] || !cols.Has(in.Name) {
			continue
		}
		ic, err := newInputColumn(cols, in, title)
		if err != nil {
			return c, err
		}
		c.extra = append(c.extra, ic)
		taken[ic.at] = true
	}
	return c, checkStrayColumns(header, taken, c.secret)
}

// checkStrayColumns refuses a column that looks meant for the run but that it would not read:
// an indicator the rule set does not declare would be ignored, and a secrecy column under
// another name would leave 涉密 names printed.
func checkStrayColumns(header []string, taken map[int]bool, secret int) error {
	for i, h := range header {
		name, _ := tables.Normalize(h)
		if taken[i] || i == secret {
			continue
		}
		if isIndicatorColumn(name) {
			return fmt.Errorf("表头第 %d 列 %q：所用规则集没有这个输入，这一列的指标无法参与评级（请换用声明了它的规则集，或删去这一列）", i+1, strings.TrimSpace(h))
		}
		if strings.Contains(name, colSecret) {
			return fmt.Errorf("表头第 %d 列 %q：涉密标记的列名应为 涉密 或 是否涉密（填 是/否），否则涉密项目的名称会被显示", i+1, strings.TrimSpace(h))
		}
	}
	return nil
}

// headerUnit is the unit an amount column's header names; when it names none, the unit the
// title rows name (title, "" for none), else 万元.
func headerUnit(cols tables.Columns, name, title string) (amount.Unit, error) {
	u := bracketUnit(cols.Unit(name))
	if u == "" {
		u = title
	}
	if u == "" {
		return amount.Wan, nil
	}
	unit, err := amount.ParseUnit(u)
	if err != nil {
		return 0, fmt.Errorf("表头第 %d 列 %q：%v", cols.Index(name)+1, cols.Header(name), err)
	}
	return unit, nil
}

// bracketUnit is the unit a header names in brackets, without the word 单位 that many
// county tables put before it: 预算数（单位：元） is in 元, as 预算数（元） is.
func bracketUnit(u string) string {
	for _, p := range []string{"单位:", "单位：", "单位"} {
		if rest, ok := strings.CutPrefix(u, p); ok {
			return strings.TrimSpace(rest)
		}
	}
	return u
}

// newInputColumn reads the unit of an input's header: a number input whose header names a
// unit is converted exactly into the unit the input declares; a unit that cannot be
// converted, or one on an input that declares none, is a header error rather than a guess.
// An input that declares a unit, under a header that names none, is in the unit the title
// rows name (title; "" for none).
func newInputColumn(cols tables.Columns, in rules.Input, title string) (inputColumn, error) {
	ic := inputColumn{at: cols.Index(in.Name), header: cols.Header(in.Name), in: in}
	hu := bracketUnit(cols.Unit(in.Name))
	if hu == "" && in.Unit != "" && in.Type == rules.TypeDecimal {
		hu = title
	}
	if hu == "" || hu == in.Unit {
		return ic, nil
	}
	if in.Type != rules.TypeDecimal {
		return ic, fmt.Errorf("表头“%s”写了单位 %s，但输入 %s 不是数值，不能带单位", ic.header, hu, in.Name)
	}
	if in.Unit == "" {
		return ic, fmt.Errorf("表头“%s”写了单位 %s，但规则集的输入 %s 没有声明单位，无法换算；请去掉表头里的单位，或在规则文件中给它写 unit", ic.header, hu, in.Name)
	}
	from, err := amount.ParseUnit(hu)
	if err != nil {
		return ic, fmt.Errorf("表头“%s”：%v", ic.header, err)
	}
	to, err := amount.ParseUnit(in.Unit)
	if err != nil {
		return ic, fmt.Errorf("表头“%s”的单位 %s 不能换算成输入 %s 的单位 %s", ic.header, hu, in.Name, in.Unit)
	}
	ic.from, ic.to, ic.convert = from, to, true
	return ic, nil
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

// record reads one row into a record. A cell that cannot be read rejects the row with the
// column's header and the value; ok is false then, and rec holds what was read before.
func (c monitorColumns) record(row tables.Row) (rec monitor.Record, msg string) {
	rec = monitor.Record{Row: row.Num, ID: row.Cell(c.id), Name: row.Cell(c.name), Dept: row.Cell(c.dept), Fund: row.Cell(c.fund)}
	if last := max(c.id, c.name, c.dept, c.budget, c.spent); last >= len(row.Cells) {
		// whether the project is 涉密 may be in the cells the row lacks: its name is not shown
		rec.Name, rec.Secret = "", c.secret >= 0
		return rec, fmt.Sprintf("只有 %d 列，缺少第 %d 列“%s”", len(row.Cells), last+1, strings.TrimSpace(c.headers[last]))
	}
	if msg := c.beyondHeader(row); msg != "" {
		// the cells may have shifted, so the 涉密 column may not be where the header says
		rec.Name, rec.Secret = "", c.secret >= 0
		return rec, msg
	}
	secret, ok := readSecret(row.Cell(c.secret))
	if !ok {
		rec.Secret = true // unreadable: the name is not shown
		return rec, c.cellError(c.secret, row.Cell(c.secret), "应为 是 或 否")
	}
	rec.Secret = secret
	if rec.ID == "" {
		return rec, "项目编号为空"
	}
	if w := totalsWord(rec.ID, rec.Name); w != "" {
		return rec, fmt.Sprintf("这是“%s”行，不是项目：不评级，也不计入汇总（汇总由各项目算出；否则资金会算两遍）", w)
	}
	if rec.Budget, msg = c.readAmount(c.budget, monitor.InputBudget, row.Cell(c.budget), c.budgetUnit); msg != "" {
		return rec, msg
	}
	if rec.Spent, msg = c.readAmount(c.spent, monitor.InputSpent, row.Cell(c.spent), c.spentUnit); msg != "" {
		return rec, msg
	}
	return rec, c.readExtra(&rec, row)
}

// beyondHeader rejects a row with a filled cell to the right of the header's last column.
// In a CSV file that is almost always an amount typed with a thousands comma and no quotes
// (100,000.50 read as two cells), which shifts every later cell into the wrong column: the
// row would be graded on the wrong figures without a word.
func (c monitorColumns) beyondHeader(row tables.Row) string {
	for i := len(c.headers); i < len(row.Cells); i++ {
		if v := strings.TrimSpace(row.Cells[i]); v != "" {
			return fmt.Sprintf("有 %d 个格子，表头只有 %d 列：第 %d 个格子“%s”没有表头，这一行的格子可能错了位，不评级"+
				"（CSV 中带千分位逗号的金额要加英文双引号，如 \"1,000.50\"；或给这一列写上表头）",
				len(row.Cells), len(c.headers), i+1, v)
		}
	}
	return ""
}

// cellError names the column by its header, and the value, as staff see them.
func (c monitorColumns) cellError(at int, value, msg string) string {
	return fmt.Sprintf("列“%s”的值“%s”%s", strings.TrimSpace(c.headers[at]), value, msg)
}

// readExtra puts the row's cells for further inputs into rec.Extra: numbers through package
// amount (20%, full-width digits, thousands separators), other types as text for the rule
// set to read as it reads text (是/否 for a yes-or-no input, 2024-08-31 for a date). An
// empty cell is left out, so the input's default applies.
func (c monitorColumns) readExtra(rec *monitor.Record, row tables.Row) string {
	for _, x := range c.extra {
		v := row.Cell(x.at)
		if v == "" {
			continue
		}
		if rec.Extra == nil {
			rec.Extra = make(map[string]any, len(c.extra))
		}
		if x.in.Type == rules.TypeDate {
			if d, ok := tables.Date(v); ok {
				v = d.Format(dayLayout) // 2024/8/31 and 2024年8月31日 as the rule set reads dates
			}
		}
		if x.in.Type != rules.TypeDecimal && x.in.Type != rules.TypeInt {
			rec.Extra[x.in.Name] = v
			continue
		}
		d, msg := x.number(v)
		if msg != "" {
			return c.cellError(x.at, v, msg)
		}
		rec.Extra[x.in.Name] = d
	}
	return ""
}

// number reads a number cell, converting an amount from the header's unit to the input's.
func (x inputColumn) number(cell string) (d decimal.Decimal, msg string) {
	if x.convert {
		a, err := amount.ParseAmount(cell, x.from)
		if err != nil {
			return d, "不是金额：" + amountReason(err)
		}
		return a.In(x.to).Value(), ""
	}
	v, err := amount.ParseDecimal(cell)
	if err != nil {
		return d, "不是数字：" + amountReason(err)
	}
	return v, ""
}

// amountReason is what package amount found wrong, without the text it quotes (the message
// names the value already).
func amountReason(err error) string {
	var pe *amount.ParseError
	if errors.As(err, &pe) && pe.Msg != "" {
		return pe.Msg
	}
	return err.Error()
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
func (c monitorColumns) readAmount(at int, name, s string, unit amount.Unit) (amount.Amount, string) {
	if s == "" {
		return amount.Amount{}, name + "为空"
	}
	a, err := amount.ParseAmount(s, unit)
	if err != nil {
		return amount.Amount{}, c.cellError(at, s, "不是金额："+amountReason(err))
	}
	return a, ""
}

// readRecords reads a whole monitoring table into records, for a checkpoint that is compared
// rather than streamed (--previous). rejected counts the rows that could not be read.
func (s tableSource) readRecords(path string, rs *rulefile.RuleSet) (recs []monitor.Record, rejected int, err error) {
	r, f, err := s.open(path, nil, monitorFields(rs.Inputs()))
	if err != nil {
		return nil, 0, err
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	defer r.Close() //nolint:errcheck // temporary files only
	recs, bad, err := readMonitorTable(r, rs.Inputs())
	return recs, len(bad), err
}

// rowError is a data row that could not be read, with the file's row number (header = 1).
type rowError struct {
	row int
	msg string
}

// readMonitorCSV reads a whole monitoring table (in any encoding package tables reads) into
// records; a row that cannot be read is a rowError and the other rows go on, so
// len(records) + len(rejected) is the number of data rows. jixiao demo grades its built-in
// data with it, as jixiao monitor reads a file.
func readMonitorCSV(in io.Reader, inputs []rules.Input) ([]monitor.Record, []rowError, error) {
	r, err := tables.Open(in, tables.HeaderFor(monitorFields(inputs)))
	if err != nil {
		return nil, nil, err
	}
	defer r.Close() //nolint:errcheck // temporary files only
	return readMonitorTable(r, inputs)
}

func readMonitorTable(r *tables.Reader, inputs []rules.Input) (recs []monitor.Record, bad []rowError, err error) {
	cols, err := readMonitorHeader(r, inputs)
	if err != nil {
		return nil, nil, err
	}
	for {
		row, err := r.Next()
		var re *tables.RowError
		switch {
		case errors.As(err, &re):
			bad = append(bad, rowError{row: re.Row, msg: re.Msg})
			continue
		case errors.Is(err, io.EOF):
			return recs, bad, nil
		case err != nil:
			return nil, nil, err
		}
		rec, msg := cols.record(row)
		if msg != "" {
			bad = append(bad, rowError{row: row.Num, msg: msg})
			continue
		}
		recs = append(recs, rec)
	}
}

// totalsWord is the word that makes a row a totals row, as staff tables and this command's
// own .xlsx report write it in the 项目编号 or 项目名称 cell (合 计 with blanks is 合计), or "".
func totalsWord(cells ...string) string {
	for _, c := range cells {
		w := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, c)
		switch w {
		case "合计", "总计", "小计", "共计", "总合计":
			return w
		}
	}
	return ""
}
