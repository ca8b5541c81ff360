package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/scoring"
	"github.com/jixiao-go/jixiao/tables"
)

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
	amounts              []string // the form's amountColumns, in 万元; empty where the cell is
	indicator            scoring.Indicator
	declaredScore, total string
}

// scoreProjectRows is one project's rows, in the sheet's order.
type scoreProjectRows struct {
	id, name  string
	rows      []scoreRow
	badRows   []int    // rows of this project that could not be read
	amounts   []string // from the first row that has any
	amountRow int
}

// scoreInput is a sheet: projects in order of first appearance, and the rows that could not
// be read.
type scoreInput struct {
	form     scoreForm
	rows     int
	projects []*scoreProjectRows
	rejected []scoreRejection
}

type scoreRejection struct {
	Row   int    `json:"row"`
	Error string `json:"error"`
}

// readScoreTable reads a sheet through package tables: UTF-8 or GB18030 CSV (as Excel saves
// it on Chinese Windows), UTF-16 text or .xlsx, found from the content. Rows carry the number
// the spreadsheet shows (header = 1), as jixiao monitor's do; a blank row is not a row. A row
// the reader cannot read is rejected with its number and the rest are read.
func readScoreTable(r io.Reader, form scoreForm, opts ...tables.Option) (scoreInput, error) {
	// County sheets carry a title, 填报单位 and the like above the header: find the header by
	// the columns the form needs, as jixiao monitor does.
	opts = append([]tables.Option{tables.HeaderFor(scoreFields(form))}, opts...)
	tr, err := tables.Open(r, opts...)
	if err != nil {
		return scoreInput{}, err
	}
	defer tr.Close() //nolint:errcheck // temporary files only
	cols, units, err := scoreHeader(tr.Header(), tr.HeaderRow(), titleUnit(tr.Titles()), form)
	if err != nil {
		return scoreInput{}, err
	}
	in := scoreInput{form: form}
	byID := map[string]*scoreProjectRows{}
	for {
		row, err := tr.Next()
		var re *tables.RowError
		switch {
		case errors.Is(err, io.EOF):
			return in, nil
		case errors.As(err, &re):
			in.rows++
			in.rejected = append(in.rejected, scoreRejection{Row: re.Row, Error: re.Msg})
			continue
		case err != nil:
			return scoreInput{}, fmt.Errorf("无法读取：%v", err)
		}
		in.rows++
		in.add(byID, row.Num, cols, units, row.Cells)
	}
}

// scoreFields are the form's columns as tables fields: the first name, the others as aliases.
func scoreFields(form scoreForm) []tables.Field {
	var out []tables.Field
	for _, c := range form.columns() {
		out = append(out, tables.Field{Name: c.names[0], Aliases: c.names[1:], Required: c.required})
	}
	return out
}

// add reads one row into its project; a row that cannot be read is rejected with its reason.
func (in *scoreInput) add(byID map[string]*scoreProjectRows, row int, cols map[string]int, units map[string]amount.Unit, cells []string) {
	cell := func(name string) string {
		i, ok := cols[name]
		if !ok || i >= len(cells) {
			return ""
		}
		return cellText(cells[i])
	}
	id := cell(in.form.idColumn())
	if id == "" {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: in.form.idColumn() + "为空"})
		return
	}
	p := byID[id]
	if p == nil {
		p = &scoreProjectRows{id: id, name: cell(in.form.nameColumn())}
		byID[id] = p
		in.projects = append(in.projects, p)
	}
	r, err := readScoreRow(row, in.form, cell, units)
	if err != nil {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: err.Error()})
		p.badRows = append(p.badRows, row)
		return
	}
	if msg := p.takeAmounts(r, in.form); msg != "" {
		in.rejected = append(in.rejected, scoreRejection{Row: row, Error: msg})
		p.badRows = append(p.badRows, row)
		return
	}
	p.rows = append(p.rows, r)
}

// takeAmounts keeps the project's amounts (预算数 and 执行数; a department's figures) from
// the first row that has any; a later row may leave them empty (a merged cell) or repeat
// them, but not differ. The amounts are compared as numbers in 万元, so 1000 and 1,000.00
// agree.
func (p *scoreProjectRows) takeAmounts(r scoreRow, form scoreForm) string {
	names := form.amountColumns()
	if strings.Join(r.amounts, "") == "" {
		return ""
	}
	if p.amountRow == 0 {
		p.amounts, p.amountRow = r.amounts, r.row
		return ""
	}
	for i := range names {
		if r.amounts[i] != p.amounts[i] {
			return fmt.Sprintf("%s %s 的%s（%s）与第 %d 行（%s）不同", form.unit(), p.id, strings.Join(names, "、"),
				strings.Join(r.amounts, "、"), p.amountRow, strings.Join(p.amounts, "、"))
		}
	}
	return ""
}

// scoreHeader finds each column, and the unit each amount header names (预算数（元）), as the
// monitoring sheet reads them: amounts are converted to 万元 exactly, never taken as written
// in another unit. A column named twice is refused: which of the two holds the figure would
// be a guess.
// An amount header naming no unit is in the unit a title row names (单位：元), else 万元, as
// jixiao monitor reads it.
func scoreHeader(header []string, headerRow int, title string, form scoreForm) (map[string]int, map[string]amount.Unit, error) {
	clean := make([]string, len(header))
	for i, h := range header {
		clean[i] = cellText(h)
	}
	found, err := tables.Match(clean, scoreFields(form))
	if err != nil {
		return nil, nil, fmt.Errorf("表头（第 %d 行）%s（%s的列见 jixiao score --help）",
			headerRow, strings.TrimPrefix(err.Error(), "表头"), form.title())
	}
	cols := map[string]int{}
	units := map[string]amount.Unit{}
	for _, c := range form.columns() {
		name := c.names[0]
		if !found.Has(name) {
			continue
		}
		cols[name] = found.Index(name)
		if isAmountColumn(form, name) {
			u, err := headerUnit(found, name, title)
			if err != nil {
				return nil, nil, fmt.Errorf("表头（第 %d 行）的单位：%v", headerRow, err)
			}
			units[name] = u
		}
	}
	return cols, units, nil
}

func isAmountColumn(form scoreForm, name string) bool {
	for _, n := range form.amountColumns() {
		if n == name {
			return true
		}
	}
	return false
}

// readScoreRow reads one indicator row; every number exactly, from its text. 预算数 and 执行数
// are kept in 万元 whatever unit the header or the cell names.
func readScoreRow(row int, form scoreForm, cell func(string) string, units map[string]amount.Unit) (scoreRow, error) {
	r := scoreRow{row: row, id: cell(form.idColumn()), name: cell(form.nameColumn()),
		declaredScore: trimPoints(cell("得分")), total: trimPoints(cell("总分"))}
	ind := scoring.Indicator{Level1: cell("一级指标"), Level2: cell("二级指标"), Name: cell("三级指标"),
		Unit: cell("度量单位")}
	var err error
	if ind.Name == "" || ind.Level1 == "" {
		return r, errors.New("一级指标和三级指标不能为空")
	}
	if ind.Points, err = number("分值", trimPoints(cell("分值"))); err != nil {
		return r, err
	}
	if ind.Points.IsNegative() {
		return r, fmt.Errorf("分值 %s 为负", cell("分值"))
	}
	target := cell("指标值")
	if ind.Nature, target, err = readNature(cell("指标性质"), target); err != nil {
		return r, err
	}
	if ind.Direction, err = scoring.ParseDirection(cell("指标方向"), ind.Nature); err != nil {
		return r, err
	}
	for _, name := range form.amountColumns() {
		text := cell(name)
		if text != "" {
			a, err := amount.ParseAmount(text, units[name])
			if err != nil {
				return r, fmt.Errorf("%s：%v", name, err)
			}
			text = a.In(amount.Wan).Value().String()
		}
		r.amounts = append(r.amounts, text)
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
	case ind.Nature == scoring.Assessed:
		err = readAssessed(&ind, r.declaredScore)
	case ind.Nature == scoring.Qualitative:
		err = readQualitative(&ind, actual, r.declaredScore)
	default:
		err = readQuantitative(&ind, target, actual)
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

// readAssessed reads a 评分 row: the 得分 cell is the evaluator's points, and nothing else
// on the row is scored.
func readAssessed(ind *scoring.Indicator, assessed string) error {
	d, err := number("得分", assessed)
	if err != nil {
		return fmt.Errorf("评分指标的%w", err)
	}
	ind.Assessed = decimal.NewNullDecimal(d)
	return nil
}

// readNature reads the 指标性质 cell. Many forms write the sign into the 指标值 cell instead
// (≥95%, ≤5): that sign is taken when the 指标性质 cell is empty, and must agree with it when
// both are written; the target is returned without it.
func readNature(natureCell, target string) (scoring.Nature, string, error) {
	sign, rest := splitSign(target)
	if natureCell == "" && sign == "" {
		return scoring.AtLeast, target, errors.New("指标性质为空：应为 ≥、≤、=、定性 或 评分（也可写在指标值前，如 ≥95%）")
	}
	if natureCell == "" {
		n, err := scoring.ParseNature(sign)
		return n, rest, err
	}
	n, err := scoring.ParseNature(natureCell)
	if err != nil || sign == "" {
		return n, target, err
	}
	if m, err := scoring.ParseNature(sign); err != nil || m != n {
		return n, target, fmt.Errorf("指标性质写 %s，指标值却写 %s", natureCell, target)
	}
	return n, rest, nil
}

// splitSign splits a leading comparison sign off a target cell: "≥95%" is "≥" and "95%".
func splitSign(s string) (sign, rest string) {
	for _, p := range []string{">=", "<=", "＞＝", "＜＝", "≥", "≤", "＝", "="} {
		if r, ok := strings.CutPrefix(s, p); ok {
			return p, strings.TrimSpace(r)
		}
	}
	return "", s
}

// readQuantitative reads a quantitative row's target and actual value. One written as a
// percentage and the other not (95 against 98%) is refused: read as written, the row would
// score 0.98 ÷ 95 of its points, a silent wrong figure; which one the form meant is the
// staff's to say.
func readQuantitative(ind *scoring.Indicator, target, actual string) error {
	target, actual, err := stripUnits(ind.Unit, target, actual)
	if err != nil {
		return err
	}
	if ind.Target, err = number("指标值", target); err != nil {
		return err
	}
	if ind.Actual, err = number("实际值", actual); err != nil {
		return err
	}
	if isPercent(target) != isPercent(actual) {
		return fmt.Errorf("指标值 %s 和实际值 %s 一个写了 %%、一个没写，不知是否同一单位：请都写成百分数或都不写", target, actual)
	}
	return nil
}

// stripUnits takes a unit written after the number (≤30天, 45天, 1,000人次) off the target
// and the actual value, as county forms write them. Wherever a unit is written — in either
// cell or in 度量单位 — it must be the same one: 30天 against 1月 read as 30 against 1 would
// be a silent wrong figure. A unit that starts with a multiplier (1万人次) is taken only when
// the other value names it too, for the same reason.
func stripUnits(unitCol, target, actual string) (string, string, error) {
	tn, tu := splitTrailingUnit(target)
	an, au := splitTrailingUnit(actual)
	units := map[string]bool{}
	for _, u := range []string{tu, au, unitCol} {
		if u != "" {
			units[u] = true
		}
	}
	if tu == "" && au == "" {
		return target, actual, nil
	}
	if len(units) > 1 {
		where := fmt.Sprintf("指标值 %s、实际值 %s", target, actual)
		if unitCol != "" {
			where += "、度量单位 " + unitCol
		}
		return target, actual, fmt.Errorf("%s 写的单位不同，不知怎样换算：请写成同一单位", where)
	}
	if tu != au && strings.ContainsAny(leadingRune(tu+au), "十百千万亿") {
		return target, actual, fmt.Errorf("指标值 %s 和实际值 %s 只有一个写了单位 %s，不知另一个是否同一单位：请都写上或都不写", target, actual, tu+au)
	}
	return tn, an, nil
}

// splitUnit splits trailing letters (天, 人次, km) off a number; a % sign stays with the number.
func splitTrailingUnit(s string) (num, unit string) {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	if i == 0 {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), s[i:]
}

func leadingRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// trimPoints takes the 分 forms often write after points (10分, 81.5 分) off a points cell;
// a placeholder forms write where there is no figure (/, —, 无) is an empty cell.
func trimPoints(s string) string {
	switch s {
	case "/", "／", "-", "—", "——", "－", "无":
		return ""
	}
	if t, ok := strings.CutSuffix(s, "分"); ok && t != "" {
		return strings.TrimSpace(t)
	}
	return s
}

func isPercent(s string) bool { return strings.HasSuffix(s, "%") || strings.HasSuffix(s, "％") }

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

// cellText is a cell as one line of text: a line break inside a cell (a name typed over two
// lines in Excel) or any other control character becomes a space, so a report's table and
// the terminal that shows it stay intact; invisible format characters pasted from Word or a
// web page (a zero-width space, a BOM, a direction override) are dropped, so "P1" and "P1"
// with a zero-width space are one project, not two that look alike; blanks around it
// (full-width ones too) are trimmed.
func cellText(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s))
}
