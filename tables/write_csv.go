package tables

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// CSVWriter writes a table as CSV that Excel opens as staff expect: UTF-8 with a byte-order
// mark by default (without it Excel on Chinese Windows reads UTF-8 as GBK and shows 乱码), or
// GB18030 for older systems, lines ending in CRLF as Excel writes them. Make one with
// NewCSVWriter; the zero CSVWriter refuses every row with an error. Once an error happens,
// every later call returns it: a file is never written with a row missing in the middle.
type CSVWriter struct {
	bw     *bufio.Writer
	tw     io.WriteCloser // the encoder, when there is one
	line   []byte
	first  bool
	enc    Encoding
	err    error
	closed bool
}

// errCSVClosed is returned for a row written after Close: it would never reach the file.
var errCSVClosed = errors.New("CSV 已经写完（Close），不能再写行")

// NewCSVWriter writes to w in enc: UTF8 (with a byte-order mark) or GB18030.
func NewCSVWriter(w io.Writer, enc Encoding) (*CSVWriter, error) {
	if w == nil {
		return nil, errors.New("tables.NewCSVWriter：没有给出输出（nil io.Writer）")
	}
	c := &CSVWriter{enc: enc, first: true}
	switch enc {
	case UTF8:
		c.bw = bufio.NewWriterSize(w, 64<<10)
	case GB18030:
		c.tw = transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		c.bw = bufio.NewWriterSize(c.tw, 64<<10)
	default:
		return nil, fmt.Errorf("CSV 只能写成 UTF-8 或 GB18030，不能写成 %s", enc)
	}
	return c, nil
}

// Write writes one row.
func (c *CSVWriter) Write(cells []string) error {
	c.line = AppendCSV(c.line[:0], cells)
	return c.WriteLine(c.line)
}

// WriteLine writes one row that AppendCSV encoded, so that rows may be encoded on several
// goroutines and written in order on one.
func (c *CSVWriter) WriteLine(line []byte) error {
	if c.bw == nil {
		return errors.New("tables.CSVWriter 须用 NewCSVWriter 创建")
	}
	if c.err != nil {
		return c.err
	}
	if c.closed {
		return errCSVClosed
	}
	if c.first && c.enc == UTF8 {
		_, c.err = c.bw.Write(bomUTF8)
	}
	c.first = false
	if c.err == nil {
		_, c.err = c.bw.Write(line)
	}
	return c.err
}

// Close writes out what is buffered. It does not close the underlying writer. Closing again
// does nothing.
func (c *CSVWriter) Close() error {
	if c.bw == nil || c.closed {
		return nil
	}
	c.closed = true
	err := c.err
	if err == nil {
		err = c.bw.Flush()
	}
	if c.tw != nil {
		err = errors.Join(err, c.tw.Close())
	}
	return err
}

// AppendCSV appends one row to dst as encoding/csv writes it with UseCRLF (a cell is quoted
// when it holds a comma, a quote or a line break, or starts with a blank), and returns the
// extended slice. It is safe for concurrent use.
func AppendCSV(dst []byte, cells []string) []byte {
	n := 2 + len(cells)
	for _, cell := range cells {
		n += len(cell) + 2
	}
	dst = growBy(dst, n)
	for i, cell := range cells {
		if i > 0 {
			dst = append(dst, ',')
		}
		if !needsQuotes(cell) {
			dst = append(dst, cell...)
			continue
		}
		dst = append(dst, '"')
		for j := 0; j < len(cell); j++ {
			switch b := cell[j]; b {
			case '"':
				dst = append(dst, '"', '"')
			case '\r':
				// dropped: a line break is written as CRLF whatever it was
			case '\n':
				dst = append(dst, '\r', '\n')
			default:
				dst = append(dst, b)
			}
		}
		dst = append(dst, '"')
	}
	return append(dst, '\r', '\n')
}

// needsQuotes is encoding/csv's rule, so the bytes are the same as its writer's.
func needsQuotes(cell string) bool {
	if cell == "" {
		return false
	}
	if cell == `\.` {
		return true
	}
	for i := 0; i < len(cell); i++ { // bytes: none of these is part of a longer UTF-8 rune
		switch cell[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	switch c := cell[0]; {
	case c < utf8.RuneSelf:
		return c == ' ' || c == '\t' || c == '\v' || c == '\f'
	case c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3:
		return false // no Unicode space starts with this byte (汉字 start with E4 to E9)
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

// growBy makes room for n more bytes at once, so a row is not copied as it grows.
func growBy(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	return append(make([]byte, 0, len(b)+n), b...)
}
