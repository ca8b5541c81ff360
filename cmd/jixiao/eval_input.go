package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// evalInput is how one declared input is read from a table: its column (-1 when the table has
// none and the input's default applies), the unit conversion its header asks for, and its
// default.
type evalInput struct {
	inputColumn
	def       rules.Value
	hasDef    bool
	titleUnit bool // read in the unit a title row above the header names
}

// evalInputs matches the rule set's inputs with the table's header by name (and the aliases
// fieldAliases gives). An input with a default may be left out of the table; a header unit
// the input's declared unit cannot be converted from is unusable input.
func evalInputs(r *tables.Reader, rs *rulefile.RuleSet, at time.Time) ([]evalInput, error) {
	inputs := rs.Inputs()
	header := r.Header()
	fields := evalFields(rs, at)
	list := make([]evalInput, len(inputs))
	for i, in := range inputs {
		v, ok := rs.Default(in.Name, at)
		list[i] = evalInput{inputColumn: inputColumn{at: -1, in: in}, def: v, hasDef: ok}
	}
	cols, err := tables.Match(header, fields)
	if err != nil {
		return nil, headerHint(header, err)
	}
	title := titleUnit(r.Titles())
	for i := range list {
		if !cols.Has(list[i].in.Name) {
			continue
		}
		ic, err := newInputColumn(cols, list[i].in, title)
		if err != nil {
			return nil, err
		}
		list[i].inputColumn = ic
		list[i].titleUnit = ic.convert && cols.Unit(list[i].in.Name) == ""
	}
	return list, nil
}

// titleUnitUsed is the unit the title rows named, when some input was read in it; "" else.
func titleUnitUsed(list []evalInput) string {
	for _, e := range list {
		if e.titleUnit {
			return e.from.String()
		}
	}
	return ""
}

// evalFields are the columns an evaluation reads: one per input, required unless the input
// has a default.
func evalFields(rs *rulefile.RuleSet, at time.Time) []tables.Field {
	inputs := rs.Inputs()
	fields := make([]tables.Field, len(inputs))
	for i, in := range inputs {
		_, ok := rs.Default(in.Name, at)
		fields[i] = tables.Field{Name: in.Name, Aliases: fieldAliases(inputs, in.Name), Required: !ok}
	}
	return fields
}

// evalVars reads one row into the inputs of an evaluation, reusing vars. An empty cell, or a
// column the table lacks, takes the input's default; without one, the row cannot be
// evaluated. A cell that is not a value of the input's type is named with its column's
// header and its value.
func evalVars(row tables.Row, list []evalInput, vars map[string]any) string {
	clear(vars)
	for _, e := range list {
		cell := row.Cell(e.at)
		if cell == "" {
			if e.hasDef {
				vars[e.in.Name] = e.def
				continue
			}
			return fmt.Sprintf("%s为空（列“%s”）", e.in.Name, e.header)
		}
		v, msg := e.read(cell)
		if msg != "" {
			return fmt.Sprintf("列“%s”的值“%s”%s", e.header, cell, msg)
		}
		vars[e.in.Name] = v
	}
	return ""
}

// read reads one cell as the input's type: a number through package amount (thousands
// separators, full-width digits, 20%), an amount in the header's unit converted exactly; a
// date as tables.Date reads it (2024-08-31, 2024/8/31, 2024年8月31日, an Excel serial such as
// 45535); anything else as rules.ParseValue reads text.
func (e evalInput) read(cell string) (rules.Value, string) {
	switch e.in.Type {
	case rules.TypeDecimal, rules.TypeInt:
		d, msg := e.number(cell)
		if msg != "" {
			return rules.Value{}, msg
		}
		if e.in.Type == rules.TypeInt && !d.IsInteger() {
			return rules.Value{}, "不是整数"
		}
		return rules.NumberOf(d), ""
	case rules.TypeDate:
		if d, ok := tables.Date(cell); ok {
			return rules.DateOf(d), ""
		}
	}
	v, ok := rules.ParseValue(e.in.Type, cell)
	if !ok {
		return rules.Value{}, "不是" + typeName(e.in.Type)
	}
	return v, ""
}

// typeName names a type as staff read it.
func typeName(t rules.Type) string {
	switch t {
	case rules.TypeDecimal:
		return "数字"
	case rules.TypeInt:
		return "整数"
	case rules.TypeBool:
		return "是/否"
	case rules.TypeDate:
		return "日期（如 2024-08-31）"
	case rules.TypeList:
		return "数字列表"
	}
	return strings.ToLower(t.String())
}
