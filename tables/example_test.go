package tables_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jixiao-go/jixiao/tables"
)

// A CSV saved by Excel on Chinese Windows is GB18030; Open finds that from the content.
func ExampleOpen() {
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String(
		"项目编号,项目名称,预算数（万元）\r\nMF001,乡村道路硬化,120\r\n\r\nMF002,\"学生营养餐\",\"1,000.50\"\r\n")
	r, err := tables.Open(strings.NewReader(gbk))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Println(r.Format(), r.Encoding(), r.Header())
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		fmt.Println(row.Num, row.Cells)
	}
	// Output:
	// csv GB18030 [项目编号 项目名称 预算数（万元）]
	// 2 [MF001 乡村道路硬化 120]
	// 4 [MF002 学生营养餐 1,000.50]
}

func ExampleNormalize() {
	name, unit := tables.Normalize(" 预算数（万元）")
	fmt.Printf("%s|%s\n", name, unit)
	// Output: 预算数|万元
}

func ExampleOpen_legacyXLS() {
	_, err := tables.Open(strings.NewReader("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..."))
	fmt.Println(errors.Is(err, tables.ErrUnsupported))
	fmt.Println(err)
	// Output:
	// true
	// 这是旧版 Excel 文件（.xls），或是设置了打开密码的表格：请在 Excel 中“另存为” .xlsx 或 CSV（如有密码请先取消）后再读取
}

// Rows may be encoded on several goroutines with AppendCSV and written in order with
// WriteLine; the file is UTF-8 with the byte-order mark Excel needs, lines end in CRLF.
func ExampleCSVWriter_WriteLine() {
	var b strings.Builder
	w, err := tables.NewCSVWriter(&b, tables.UTF8)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = w.Write([]string{"项目编号", "项目名称"})
	line := tables.AppendCSV(nil, []string{"MF001", "学生营养餐,午餐"}) // on any goroutine
	_ = w.WriteLine(line)
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%q\n", b.String())
	// Output:
	// "\ufeff项目编号,项目名称\r\nMF001,\"学生营养餐,午餐\"\r\n"
}

// A rule set's grade colour is checked before a report is written.
func ExampleCheckColour() {
	fmt.Println(tables.CheckColour("绿色"), tables.CheckColour("绿"), tables.CheckColour("#C6EFCE"))
	fmt.Println(tables.CheckColour("玫红"))
	// Output:
	// <nil> <nil> <nil>
	// 不认识的颜色“玫红”：请写 红色、黄色、绿色、蓝色、橙色、灰色，或 #RRGGBB
}

// A table exported from a county's system has a title and a unit line above its header;
// HeaderFor finds the header below them, and the rows keep the numbers the sheet shows.
func ExampleHeaderFor() {
	data := "2024年8月项目支出绩效运行监控表,,\n填报单位：民丰县财政局,,单位：元\n项目编号,项目名称,预算数\nMF001,乡村道路硬化,1200000\n"
	fields := []tables.Field{{Name: "项目编号", Required: true}, {Name: "预算数", Required: true}}
	r, err := tables.Open(strings.NewReader(data), tables.HeaderFor(fields))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Println(r.HeaderRow(), r.Header(), r.Titles()[1][2])
	row, _ := r.Next()
	fmt.Println(row.Num, row.Cells)
	// Output:
	// 3 [项目编号 项目名称 预算数] 单位：元
	// 4 [MF001 乡村道路硬化 1200000]
}

// Match finds a rule set's inputs in a county's header: by name, by an alias a template uses,
// with the unit its header names; a required field that is missing names the nearest header.
func ExampleMatch() {
	header := []string{"项目名称", " 调整后预算数（元）", "截至8月底支出数"}
	fields := []tables.Field{
		{Name: "预算数", Aliases: []string{"全年预算数", "调整后预算数"}, Required: true},
		{Name: "执行数", Aliases: []string{"截至8月底支出数"}, Required: true},
		{Name: "序时进度"},
	}
	cols, err := tables.Match(header, fields)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cols.Index("预算数"), cols.Header("预算数"), cols.Unit("预算数"))
	fmt.Println(cols.Index("执行数"), cols.Has("序时进度"), cols.Index("序时进度"))
	row := tables.Row{Num: 2, Cells: []string{"乡村道路", " 1,200,000 ", "800000"}}
	fmt.Println(cols.Cell(row, "预算数"))

	_, err = tables.Match([]string{"项目名称", "预算"}, fields[:1])
	fmt.Println(err)
	// Output:
	// 1 调整后预算数（元） 元
	// 2 false -1
	// 1,200,000
	// 表头缺少“预算数”列（也可以叫 全年预算数、调整后预算数；是不是“预算”？）
}

// Date reads a date cell in the forms staff's tables hold; ExcelDate reads only the serial.
func ExampleDate() {
	for _, cell := range []string{"2024-08-31", "2024/8/31", "2024年8月31日", "2024.8.31", "2024/8/31 0:00", "45535", "2024/8/31 9:30", "8月31日"} {
		d, ok := tables.Date(cell)
		if !ok {
			fmt.Printf("%s: 不是日期\n", cell)
			continue
		}
		fmt.Printf("%s: %s\n", cell, d.Format("2006-01-02"))
	}
	d, ok := tables.ExcelDate("60")
	fmt.Println(d.IsZero(), ok, "(Excel 的 1900-02-29 并不存在)")
	// Output:
	// 2024-08-31: 2024-08-31
	// 2024/8/31: 2024-08-31
	// 2024年8月31日: 2024-08-31
	// 2024.8.31: 2024-08-31
	// 2024/8/31 0:00: 2024-08-31
	// 45535: 2024-08-31
	// 2024/8/31 9:30: 不是日期
	// 8月31日: 不是日期
	// true false (Excel 的 1900-02-29 并不存在)
}

// A workbook is written sheet by sheet: AddSheet writes the bold, frozen header, Row the
// rows (a number column keeps the places it was written with, a fill colours a cell), Flush
// finishes the sheet, WriteTo writes the same bytes for the same calls. Read back, a number
// cell is the number stored (0.35), not the places its format shows (0.3500).
func ExampleNewXLSX() {
	x := tables.NewXLSX()
	defer x.Close()
	sheet, err := x.AddSheet("监控结果", []tables.Column{{Name: "项目编号"}, {Name: "偏差", Number: true}, {Name: "等级"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = sheet.Row(tables.Cell{Text: "MF001"}, tables.Cell{Text: "0.0000"}, tables.Cell{Text: "优", Fill: "绿色"})
	_ = sheet.Row(tables.Cell{Text: "MF002"}, tables.Cell{Text: "0.3500"}, tables.Cell{Text: "差", Fill: "红色"})
	if err := sheet.Flush(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sheet.Row(tables.Cell{Text: "MF003"}))
	_, err = x.AddSheet("监控结果", []tables.Column{{Name: "项目"}})
	fmt.Println(err)

	var a, b bytes.Buffer
	if _, err := x.WriteTo(&a); err != nil {
		fmt.Println(err)
		return
	}
	_, _ = x.WriteTo(&b)
	fmt.Println(bytes.Equal(a.Bytes(), b.Bytes()))
	r, err := tables.Open(&a)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Println(r.Format(), r.Header())
	for row, err := r.Next(); err == nil; row, err = r.Next() {
		fmt.Println(row.Num, row.Cells)
	}
	// Output:
	// 工作表“监控结果”已经写完（Flush），不能再写行
	// 已经有名为“监控结果”的工作表（Excel 不分大小写）
	// true
	// xlsx [项目编号 偏差 等级]
	// 2 [MF001 0 优]
	// 3 [MF002 0.35 差]
}
