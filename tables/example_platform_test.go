package tables_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// platformRecord is a platform's own record: its fields are read by the rule through their tags.
type platformRecord struct {
	ID     string
	Budget decimal.Decimal `rule:"预算数"`
	Spent  decimal.Decimal `rule:"执行数"`
}

// platformResult is one record's result: its figure, or why it has none.
type platformResult struct {
	id, rate, reason string
}

// A platform streams its own records through Map: each worker keeps its own rules.Result, so
// evaluating allocates nothing and needs no lock, and the results come back in the records'
// order to be written, one row at a time, to an .xlsx report. A record the rule cannot
// evaluate keeps its row, with the reason.
func ExampleMap() {
	prog, err := rules.Compile("round(执行数 / 预算数, 4)",
		rules.WithInput("预算数", rules.TypeDecimal), rules.WithInput("执行数", rules.TypeDecimal))
	if err != nil {
		fmt.Println(err)
		return
	}
	bind, err := rules.Bind[platformRecord](prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	records := []platformRecord{
		{"MF001", decimal.RequireFromString("120"), decimal.RequireFromString("80")},
		{"MF002", decimal.Zero, decimal.RequireFromString("5")},
		{"MF003", decimal.RequireFromString("940"), decimal.RequireFromString("928.56")},
	}
	i := 0
	next := func() (platformRecord, error) { // the platform's record source: a database cursor, say
		if i == len(records) {
			return platformRecord{}, io.EOF
		}
		i++
		return records[i-1], nil
	}
	newWork := func() func(platformRecord) platformResult {
		res := prog.NewResult() // one per worker
		return func(p platformRecord) platformResult {
			if err := bind.EvalInto(&p, res); err != nil {
				return platformResult{id: p.ID, reason: err.Error()}
			}
			return platformResult{id: p.ID, rate: res.Value(0).String()}
		}
	}

	x := tables.NewXLSX()
	defer x.Close()
	sheet, err := x.AddSheet("执行率", []tables.Column{{Name: "项目编号"}, {Name: "执行率", Number: true}, {Name: "不能计算的原因", Width: 40}})
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := tables.Map(context.Background(), tables.Batch{Workers: 2, Chunk: 1}, next, newWork, func(g platformResult) error {
		reason := tables.Cell{Text: g.reason}
		if g.reason != "" {
			reason.Fill = "红色"
		}
		return sheet.Row(tables.Cell{Text: g.id}, tables.Cell{Text: g.rate}, reason)
	})
	if err == nil {
		err = sheet.Flush()
	}
	var report bytes.Buffer
	if err == nil {
		_, err = x.WriteTo(&report)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n, "records")

	r, err := tables.Open(&report) // read the report back as staff would open it
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Println(r.Header())
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		fmt.Println(row.Num, strings.Join(row.Cells, " | "))
	}
	// Output:
	// 3 records
	// [项目编号 执行率 不能计算的原因]
	// 2 MF001 | 0.6667
	// 3 MF002 |  | <expr>:1:13: 除数为零：预算数 的值为 0
	// 4 MF003 | 0.9878
}
