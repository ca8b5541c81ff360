package tables

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// sniffSize is how much of a file is looked at to tell its format and encoding: enough that
// a GB18030 file whose first lines are ASCII is still recognised by its Chinese cells.
const sniffSize = 1 << 20

// Row is one row of a table: its cells, as text, and its number as the spreadsheet shows it.
type Row struct {
	Num   int // the header is row 1
	Cells []string
}

// Cell returns the i-th cell with surrounding blanks trimmed, or "" beyond the row's end.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

// Reader reads a table one row at a time. Its zero value is not usable; make one with Open.
type Reader struct {
	format  Format
	enc     Encoding
	header  []string
	next    func() (Row, error)
	close   func() error
	skipped int
	last    int // the number of the last row returned or rejected
}

// Open reads the header of the table r holds, telling its format and encoding from the content.
// It refuses a file that is not a table staff can fix by saving it again (an old .xls, a web
// page, a binary file) with an error matching ErrUnsupported.
func Open(r io.Reader, opts ...Option) (*Reader, error) {
	if r == nil {
		return nil, errors.New("tables.Open：没有给出要读取的数据（nil io.Reader）")
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	f, enc, err := sniff(head, len(head) < sniffSize)
	if err != nil {
		return nil, err
	}
	if cfg.encodingSet && f == FormatCSV {
		enc = cfg.encoding
	}
	if f == FormatXLSX {
		return openXLSX(br, cfg)
	}
	return openCSV(br, enc)
}

// Format is the format the file was found to be in.
func (r *Reader) Format() Format { return r.format }

// Encoding is the encoding of a text table (UTF8 for a workbook).
func (r *Reader) Encoding() Encoding { return r.enc }

// Header returns a copy of the header row's cells, as written.
func (r *Reader) Header() []string { return append([]string(nil), r.header...) }

// Next returns the next row that has any content. At the end it returns io.EOF. A row that
// cannot be read is a *RowError, and the next call goes on with the row after it.
func (r *Reader) Next() (Row, error) {
	for {
		row, err := r.next()
		var re *RowError
		switch {
		case errors.As(err, &re):
			r.account(re.Row)
			return row, err
		case err != nil:
			return row, err
		}
		r.account(row.Num)
		if !blank(row.Cells) {
			return row, nil
		}
		r.skipped++
	}
}

// account counts the rows between the last row and row num, which held nothing.
func (r *Reader) account(num int) {
	if r.last == 0 {
		r.last = 1 // the header
	}
	r.skipped += max(0, num-r.last-1)
	r.last = num
}

// Skipped is how many rows so far held nothing: blank lines, rows whose cells are all blank,
// and rows a sheet leaves out. With the rows returned and the rows rejected, it accounts for
// every row number after the header up to the last one read.
func (r *Reader) Skipped() int { return r.skipped }

// Close releases what the reader holds (an .xlsx's temporary files).
func (r *Reader) Close() error {
	if r.close == nil {
		return nil
	}
	return r.close()
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
