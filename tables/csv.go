package tables

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvTable reads comma- or tab-separated text, numbering rows as a spreadsheet shows them:
// a blank line is a row too, and a quoted cell spanning lines is one row.
type csvTable struct {
	cr      *csv.Reader
	enc     Encoding
	row     int // the number of the last row returned
	endLine int // the line the last record ended on
}

func openCSV(br *bufio.Reader, enc Encoding) (*Reader, error) {
	text, err := decoded(br, enc)
	if err != nil {
		return nil, err
	}
	tb := bufio.NewReader(&lineLimit{r: text, line: 1})
	comma, err := delimiter(tb)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(tb)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	t := &csvTable{cr: cr, enc: enc}
	header, err := t.readHeader()
	if err != nil {
		return nil, err
	}
	return &Reader{format: FormatCSV, enc: enc, header: header, next: t.next}, nil
}

// decoded returns the text of r as UTF-8, without a byte-order mark.
func decoded(br *bufio.Reader, enc Encoding) (io.Reader, error) {
	var dec *encoding.Decoder
	switch enc {
	case GB18030:
		dec = simplifiedchinese.GB18030.NewDecoder()
	case UTF16LE:
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case UTF16BE:
		dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	default:
		if b, _ := br.Peek(len(bomUTF8)); string(b) == string(bomUTF8) {
			if _, err := br.Discard(len(bomUTF8)); err != nil {
				return nil, err
			}
		}
		return br, nil
	}
	return transform.NewReader(br, dec), nil
}

// delimiter is a tab when the first line has tabs and no commas (Excel's Unicode text), else
// a comma.
func delimiter(tb *bufio.Reader) (rune, error) {
	for n := 4096; ; n *= 2 {
		head, err := tb.Peek(n)
		line, _, found := strings.Cut(string(head), "\n")
		if found || err != nil {
			if strings.Contains(line, "\t") && !strings.Contains(line, ",") {
				return '\t', nil
			}
			return ',', nil
		}
		if n >= sniffSize {
			return ',', nil
		}
	}
}

func (t *csvTable) readHeader() ([]string, error) {
	cells, err := t.cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("文件是空的，没有表头")
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取表头：%s", csvMessage(err))
	}
	t.row, t.endLine = 1, t.lastLine(cells)
	if msg := t.badText(cells); msg != "" {
		return nil, errors.New("表头" + msg)
	}
	return cells, nil
}

func (t *csvTable) next() (Row, error) {
	cells, err := t.cr.Read()
	if errors.Is(err, io.EOF) {
		return Row{}, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return Row{}, err // the reader itself failed: no row to blame
		}
		t.row += max(1, pe.StartLine-t.endLine)
		t.endLine = pe.Line
		return Row{}, &RowError{Row: t.row, Msg: "CSV 格式有误：" + csvMessage(err)}
	}
	start, _ := t.cr.FieldPos(0)
	t.row += max(1, start-t.endLine) // blank lines in between are rows too
	t.endLine = t.lastLine(cells)
	if msg := t.badText(cells); msg != "" {
		return Row{}, &RowError{Row: t.row, Msg: msg}
	}
	return Row{Num: t.row, Cells: cells}, nil
}

// lastLine is the line the record just read ends on.
func (t *csvTable) lastLine(cells []string) int {
	last := len(cells) - 1
	line, _ := t.cr.FieldPos(last)
	return line + strings.Count(cells[last], "\n")
}

// badText says what is wrong with text that did not decode, or "".
func (t *csvTable) badText(cells []string) string {
	for i, c := range cells {
		switch {
		case t.enc == UTF8 && !utf8.ValidString(c):
			return fmt.Sprintf("第 %d 列有不是 UTF-8 编码的文字（文件开头是 UTF-8，这里可能混入了 GBK 编码）；请整体另存为 UTF-8 或指定编码 GB18030", i+1)
		case t.enc != UTF8 && strings.ContainsRune(c, utf8.RuneError):
			return fmt.Sprintf("第 %d 列有无法按 %s 编码识别的字符；请确认文件的编码", i+1, t.enc)
		}
	}
	return ""
}

// csvMessage says in Chinese what encoding/csv found wrong.
func csvMessage(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "引号没有配对（单元格里的英文双引号 \" 要写成两个 \"\"，或把整个单元格用引号括起来）"
	case errors.Is(err, csv.ErrBareQuote):
		return "单元格中间出现了英文双引号 \"（要写成两个 \"\"，或把整个单元格用引号括起来）"
	}
	return err.Error()
}

// maxLine is the longest line of text a table may have: Excel keeps at most 32,767 characters
// in a cell, and a county's table has tens of columns. encoding/csv holds a whole line in
// memory, several times over, so a file of one endless line — a log, a dump — is refused
// rather than read.
const maxLine = 8 << 20

// lineLimit fails a read once a line grows past maxLine.
type lineLimit struct {
	r    io.Reader
	run  int // bytes since the last line break
	line int // the line being read, from 1
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			l.run += len(rest)
			break
		}
		l.line++
		l.run, rest = 0, rest[i+1:]
	}
	if l.run > maxLine {
		return 0, &formatError{fmt.Sprintf("文件第 %d 行文字超过 8 MB 还没有换行，不是表格（可能是其他程序的文件）；请确认选对了文件", l.line)}
	}
	return n, err
}
