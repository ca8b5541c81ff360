package tables_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/jixiao-go/jixiao/tables"
)

// readAll reads every row, keeping row errors beside the rows, and checks that nothing is lost.
func readAll(t *testing.T, data []byte, opts ...tables.Option) (*tables.Reader, []tables.Row, []*tables.RowError) {
	t.Helper()
	r, err := tables.Open(bytes.NewReader(data), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, r.Close()) })
	var rows []tables.Row
	var bad []*tables.RowError
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *tables.RowError
		if errors.As(err, &re) {
			bad = append(bad, re)
			continue
		}
		require.NoError(t, err)
		rows = append(rows, row)
	}
	return r, rows, bad
}

func gb(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	require.NoError(t, err)
	return []byte(b)
}

func TestOpenEncodings(t *testing.T) {
	text := "项目编号,预算数（万元）\n民丰001,120\n"
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(text, ",", "\t"))
	require.NoError(t, err)
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	require.NoError(t, err)
	rows := []struct {
		reason string
		data   []byte
		enc    tables.Encoding
	}{
		{"plain UTF-8, as a program writes it", []byte(text), tables.UTF8},
		{"UTF-8 with the byte-order mark Excel writes for 'CSV UTF-8'; the mark is not part of the first header", append([]byte("\xEF\xBB\xBF"), text...), tables.UTF8},
		{"GB18030, as Excel saves CSV on Chinese Windows", gb(t, text), tables.GB18030},
		{"Excel's 'Unicode 文本': UTF-16LE with a mark, tab separated", []byte(utf16le), tables.UTF16LE},
		{"UTF-16BE with a mark", []byte(utf16be), tables.UTF16BE},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			r, got, bad := readAll(t, tt.data)
			assert.Equal(t, tables.FormatCSV, r.Format())
			assert.Equal(t, tt.enc, r.Encoding())
			assert.Equal(t, []string{"项目编号", "预算数（万元）"}, r.Header())
			assert.Empty(t, bad)
			require.Len(t, got, 1)
			assert.Equal(t, tables.Row{Num: 2, Cells: []string{"民丰001", "120"}}, got[0])
		})
	}
}

func TestOpenGB18030Fixture(t *testing.T) {
	data, err := os.ReadFile("testdata/gb18030.csv")
	require.NoError(t, err)
	r, rows, bad := readAll(t, data)
	assert.Equal(t, tables.GB18030, r.Encoding())
	assert.Empty(t, bad)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"MF002", "学生营养餐,午餐", "教育局", "1,000.50", "800"}, rows[1].Cells, "a quoted comma stays in its cell")
	assert.Equal(t, "𠀀字项目（四字节字）", rows[2].Cells[1], "a four-byte GB18030 character outside GBK decodes")
	assert.Equal(t, 4, rows[2].Num)
}

func TestGBKAfterLongASCIIPrefix(t *testing.T) {
	// The first megabyte is ASCII, so the file is read as UTF-8; the GBK row after it must be
	// reported, never passed on as mojibake.
	var b bytes.Buffer
	b.WriteString("id,name\n")
	for b.Len() < 1<<20+100 {
		b.WriteString("A1,abc\n")
	}
	b.Write(gb(t, "A2,乡村道路\n"))
	b.WriteString("A3,ok\n")
	r, rows, bad := readAll(t, b.Bytes())
	assert.Equal(t, tables.UTF8, r.Encoding())
	require.Len(t, bad, 1)
	assert.Contains(t, bad[0].Msg, "GB18030")
	assert.Equal(t, rows[len(rows)-1].Num, bad[0].Row+1, "the row after the bad one goes on, numbered after it")
	assert.Equal(t, "A3", rows[len(rows)-1].Cells[0])

	r, rows, bad = readAll(t, b.Bytes(), tables.WithEncoding(tables.GB18030))
	assert.Equal(t, tables.GB18030, r.Encoding(), "the caller can name the encoding")
	assert.Empty(t, bad)
	assert.Equal(t, "乡村道路", rows[len(rows)-2].Cells[1])
}

func TestRowNumbers(t *testing.T) {
	rows := []struct {
		reason string
		text   string
		nums   []int
		bad    []int
		skip   int
	}{
		{"rows count from the header, which is row 1", "a,b\n1,2\n3,4\n", []int{2, 3}, nil, 0},
		{"a blank line is a row in Excel, so the rows after it keep Excel's numbers, and it is counted as skipped", "a,b\n1,2\n\n3,4\n", []int{2, 4}, nil, 1},
		{"a quoted cell over two lines is one row", "a,b\n\"x\ny\",2\n3,4\n", []int{2, 3}, nil, 0},
		{"CRLF line ends", "a,b\r\n1,2\r\n\r\n3,4\r\n", []int{2, 4}, nil, 1},
		{"a row of empty cells is skipped and counted", "a,b\n1,2\n,\n3,4\n", []int{2, 4}, nil, 1},
		{"a stray quote spoils its row only", "a,b\n1,2\nx\"y,3\n5,6\n", []int{2, 4}, []int{3}, 0},
		{"no line end after the last row", "a,b\n1,2", []int{2}, nil, 0},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			r, got, bad := readAll(t, []byte(tt.text))
			var nums, badNums []int
			for _, row := range got {
				nums = append(nums, row.Num)
			}
			for _, e := range bad {
				badNums = append(badNums, e.Row)
				assert.Contains(t, e.Error(), "第")
			}
			assert.Equal(t, tt.nums, nums)
			assert.Equal(t, tt.bad, badNums)
			assert.Equal(t, tt.skip, r.Skipped())
			last := slices.Max(append(append([]int{1}, nums...), badNums...))
			assert.Equal(t, last-1, len(nums)+len(badNums)+r.Skipped(), "every row number after the header is accounted for")
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	rows := []struct {
		reason string
		data   string
		want   string
	}{
		{"an old binary .xls must be saved again", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", ".xls"},
		{"a web page saved as .xls", "  <html><table><tr><td>1</td></tr></table></html>", "网页"},
		{"a zip that is not a workbook", "PK\x03\x04something.txt", "zip"},
		{"a binary file", "ab\x00cd", "空字节"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := tables.Open(strings.NewReader(tt.data))
			require.Error(t, err)
			assert.ErrorIs(t, err, tables.ErrUnsupported)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := tables.Open(strings.NewReader(""))
	assert.ErrorContains(t, err, "没有表头", "an empty file has no header")
	_, err = tables.Open(nil)
	assert.Error(t, err, "a nil reader is an error, not a panic")
	_, err = tables.Open(strings.NewReader("a\n"), nil)
	assert.Error(t, err, "a nil option is an error, not a panic")
}

func TestNormalize(t *testing.T) {
	rows := []struct {
		reason, in, name, unit string
	}{
		{"a plain header", "项目名称", "项目名称", ""},
		{"a full-width bracketed unit", "预算数（万元）", "预算数", "万元"},
		{"an ASCII bracketed unit", "执行数(元)", "执行数", "元"},
		{"blanks around and inside, with the ideographic space", "　预算 数 （ 万元 ）　", "预算数", "万元"},
		{"full-width letters and digits", "指标１完成", "指标1完成", ""},
		{"brackets that are the whole cell are not a unit", "(备注)", "(备注)", ""},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			name, unit := tables.Normalize(tt.in)
			assert.Equal(t, tt.name, name)
			assert.Equal(t, tt.unit, unit)
		})
	}
}

func TestHeaderFor(t *testing.T) {
	fields := []tables.Field{{Name: "项目编号", Required: true}, {Name: "预算数", Required: true}, {Name: "备注"}}
	rows := []struct {
		reason    string
		data      []byte
		header    []string
		headerRow int
		titles    int
		nums      []int
		skipped   int
	}{
		{"the first row is the header: nothing changes",
			[]byte("项目编号,预算数\nP1,1\n\nP2,2\n"), []string{"项目编号", "预算数"}, 1, 0, []int{2, 4}, 1},
		{"a title, a 填报单位 line with two cells and a blank line above the header are titles, not data; rows keep their numbers",
			[]byte("2024年监控表,,\n填报单位：财政局,,单位：元\n\n项目编号,预算数（元）,备注\nP1,1,\n,,\nP2,2,\n"),
			[]string{"项目编号", "预算数（元）", "备注"}, 4, 2, []int{5, 7}, 1},
		{"no row names any field: the first row stays the header and every row after it is read, for the caller's Match to refuse",
			[]byte("标题\n编号,金额\nP1,1\n"), []string{"标题"}, 1, 0, []int{2, 3}, 0},
		{"no row has every required field: the row with the most of them is the header, so Match names only what it lacks",
			[]byte("标题\n\n项目编号,金额\nP1,1\n"), []string{"项目编号", "金额"}, 3, 1, []int{4}, 0},
		{"a header further down than MaxTitleRows is not looked for",
			[]byte("标题\n\n\n\n\n\n\n\n\n\n项目编号,预算数\nP1,1\n"), []string{"标题"}, 1, 0, []int{11, 12}, 9},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			r, got, bad := readAll(t, tt.data, tables.HeaderFor(fields))
			assert.Empty(t, bad)
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, tt.headerRow, r.HeaderRow())
			assert.Len(t, r.Titles(), tt.titles)
			var nums []int
			for _, row := range got {
				nums = append(nums, row.Num)
			}
			assert.Equal(t, tt.nums, nums)
			assert.Equal(t, tt.skipped, r.Skipped(), "blank rows below the header are counted, title rows are not")
		})
	}
	t.Run("a workbook's merged title rows above the header", func(t *testing.T) {
		data := workbook(t, map[string][][]string{"表": {
			{"2024年8月项目支出绩效运行监控表"}, {"单位：万元"}, {"项目编号", "预算数"}, {"P1", "120"}}}, "表")
		r, got, _ := readAll(t, data, tables.HeaderFor(fields))
		assert.Equal(t, 3, r.HeaderRow())
		assert.Equal(t, [][]string{{"2024年8月项目支出绩效运行监控表"}, {"单位：万元"}}, r.Titles())
		require.Len(t, got, 1)
		assert.Equal(t, tables.Row{Num: 4, Cells: []string{"P1", "120"}}, got[0])
	})
}

func TestCSVLongLine(t *testing.T) {
	data := append([]byte("项目编号,项目名称\nP1,甲\nP2,"), bytes.Repeat([]byte("名"), 3<<20)...) // 9 MB in one cell
	data = append(data, "\nP3,丙\n"...)
	r, err := tables.Open(bytes.NewReader(data))
	require.NoError(t, err)
	row, err := r.Next()
	require.NoError(t, err, "the rows before the long line are read")
	assert.Equal(t, 2, row.Num)
	_, err = r.Next()
	require.Error(t, err, "a line longer than any table's is refused, not held in memory several times over")
	assert.ErrorIs(t, err, tables.ErrUnsupported)
	assert.Contains(t, err.Error(), "文件第 3 行文字超过 8 MB")

	ok := append([]byte("项目编号,项目名称\nP1,"), bytes.Repeat([]byte("名"), 32767)...)
	_, rows, bad := readAll(t, append(ok, '\n'))
	assert.Empty(t, bad)
	require.Len(t, rows, 1, "a cell as long as Excel allows is read")
}
