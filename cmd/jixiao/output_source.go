package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

// tableSource says how to read a data file: the sheet of a workbook ("" for the first) and
// the encoding of a text table (auto to find it from the content).
type tableSource struct {
	sheet    string
	encoding string
}

// inputEncodings are the values --input-encoding takes.
var inputEncodings = map[string]tables.Encoding{"utf8": tables.UTF8, "utf-8": tables.UTF8, "gb18030": tables.GB18030, "gbk": tables.GB18030,
	"utf16le": tables.UTF16LE, "utf16be": tables.UTF16BE}

// check refuses an encoding the reader does not know, before any file is read.
func (s tableSource) check() error {
	if s.encoding == "" || s.encoding == "auto" {
		return nil
	}
	if _, ok := inputEncodings[strings.ToLower(s.encoding)]; !ok {
		return fmt.Errorf("--input-encoding 只能是 auto、utf8、gb18030、utf16le 或 utf16be，这里是 %q", s.encoding)
	}
	return nil
}

// open opens a data file through package tables: CSV in any encoding staff have, or .xlsx,
// found from the content. The header is the first row with every required field of fields,
// below any title rows. The caller closes the reader and the file.
// wrap, when not nil, wraps the file (to count the bytes read).
func (s tableSource) open(path string, wrap func(io.Reader) io.Reader, fields []tables.Field) (*tables.Reader, *os.File, error) {
	f, err := os.Open(path) //nolint:gosec // the user names the data file to read; reading it is the command's job
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, errors.New("文件不存在")
		}
		return nil, nil, errors.New(describeIOError(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		_ = f.Close()
		return nil, nil, errors.New("这是一个文件夹，不是数据文件")
	}
	opts := []tables.Option{tables.HeaderFor(fields)}
	if s.sheet != "" {
		opts = append(opts, tables.Sheet(s.sheet))
	}
	if e, ok := inputEncodings[strings.ToLower(s.encoding)]; ok {
		opts = append(opts, tables.WithEncoding(e))
	}
	var in io.Reader = f
	if wrap != nil {
		in = wrap(f)
	}
	r, err := tables.Open(in, opts...)
	if err != nil {
		_ = f.Close() // read-only: nothing to lose
		return nil, nil, err
	}
	return r, f, nil
}

// fieldAliases are the other names real templates give the column of a rule set's input (预算数
// headed 调整后预算数), as the rule file declares them beside the input (aliases:). It is the
// one place the commands take aliases from.
func fieldAliases(inputs []rules.Input, name string) []string {
	for _, in := range inputs {
		if in.Name == name {
			return in.Aliases
		}
	}
	return nil
}

// headerHint adds to a header error what is most often wrong when the header found has at
// most one cell: no row in reach names the columns, so the first row — often a title — was
// taken for the header.
func headerHint(header []string, err error) error {
	filled := 0
	for _, h := range header {
		if strings.TrimSpace(h) != "" {
			filled++
		}
	}
	if filled > 1 {
		return err
	}
	return fmt.Errorf("%w（前 %d 行里没有一行像表头：表头一行要写出这些列名，它上方的标题行可以保留）", err, tables.MaxTitleRows)
}

// titleUnit is the unit of amounts a title row above the header names, as county templates
// write it (单位：元, 金额单位:万元, （单位：亿元）), or "" when none does. It is returned as
// written, for amount.ParseUnit.
func titleUnit(titles [][]string) string {
	for _, row := range titles {
		for _, cell := range row {
			s := width.Fold.String(cell)
			for {
				i := strings.Index(s, "单位")
				if i < 0 {
					break
				}
				s = strings.TrimLeft(s[i+len("单位"):], ": \t")
				for _, u := range []string{"亿元", "万元", "元"} {
					rest, ok := strings.CutPrefix(s, u)
					if r, _ := utf8.DecodeRuneInString(rest); ok && !unicode.Is(unicode.Han, r) {
						return u // not 单位：元宝山区财政局, a 填报单位
					}
				}
			}
		}
	}
	return ""
}
