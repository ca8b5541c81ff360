package tables_test

import (
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
