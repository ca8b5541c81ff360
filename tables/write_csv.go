package tables

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// CSVWriter writes a table as CSV that Excel opens as staff expect: UTF-8 with a byte-order
// mark by default (without it Excel on Chinese Windows reads UTF-8 as GBK and shows 乱码), or
// GB18030 for older systems. Its zero value is not usable; make one with NewCSVWriter.
type CSVWriter struct {
	cw    *csv.Writer
	tw    io.WriteCloser // the encoder, when there is one
	first bool
	w     io.Writer
	enc   Encoding
}

// NewCSVWriter writes to w in enc: UTF8 (with a byte-order mark) or GB18030.
func NewCSVWriter(w io.Writer, enc Encoding) (*CSVWriter, error) {
	if w == nil {
		return nil, errors.New("tables.NewCSVWriter：没有给出输出（nil io.Writer）")
	}
	c := &CSVWriter{w: w, enc: enc, first: true}
	switch enc {
	case UTF8:
		c.cw = csv.NewWriter(w)
	case GB18030:
		c.tw = transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		c.cw = csv.NewWriter(c.tw)
	default:
		return nil, fmt.Errorf("CSV 只能写成 UTF-8 或 GB18030，不能写成 %s", enc)
	}
	c.cw.UseCRLF = true // what Excel writes, and what Notepad on older Windows needs
	return c, nil
}

// Write writes one row.
func (c *CSVWriter) Write(cells []string) error {
	if c.first && c.enc == UTF8 {
		if _, err := c.w.Write(bomUTF8); err != nil {
			return err
		}
	}
	c.first = false
	return c.cw.Write(cells)
}

// Close writes out what is buffered. It does not close the underlying writer.
func (c *CSVWriter) Close() error {
	c.cw.Flush()
	err := c.cw.Error()
	if c.tw != nil {
		err = errors.Join(err, c.tw.Close())
	}
	return err
}
