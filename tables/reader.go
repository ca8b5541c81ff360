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
// The zero Row has no cells: every Cell of it is "".
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

	headerRow int        // the header's row number; 0 means 1
	titles    [][]string // the rows above the header
	pending   []read     // rows read while looking for the header, to be returned first
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
	var rd *Reader
	if f == FormatXLSX {
		rd, err = openXLSX(br, cfg)
	} else {
		rd, err = openCSV(br, enc)
	}
	if err != nil || cfg.fields == nil {
		return rd, err
	}
	if err := rd.findHeader(cfg.fields); err != nil {
		return nil, errors.Join(err, rd.Close())
	}
	return rd, nil
}

// findHeader looks below the first row for a header that has every required field, keeping
// the rows it reads to give them back when there is none. When none has them all, the row
// with the most of the fields' names is the header, so the caller's Match names the columns
// that header lacks rather than all of them.
func (r *Reader) findHeader(fields []Field) error {
	if _, err := Match(r.header, fields); err == nil {
		return nil
	}
	best, bestScore := -1, matched(r.header, fields)
	for {
		row, err := r.next()
		var re *RowError
		switch {
		case errors.As(err, &re):
			r.pending = append(r.pending, read{row, err})
			if re.Row >= MaxTitleRows {
				return r.headerAt(best)
			}
			continue
		case errors.Is(err, io.EOF):
			r.pending = append(r.pending, read{row, err})
			return r.headerAt(best)
		case err != nil:
			return err
		}
		if row.Num > MaxTitleRows {
			r.pending = append(r.pending, read{row, nil})
			return r.headerAt(best)
		}
		r.pending = append(r.pending, read{row, nil})
		if _, err := Match(row.Cells, fields); err == nil {
			return r.headerAt(len(r.pending) - 1)
		}
		if n := matched(row.Cells, fields); n > bestScore {
			best, bestScore = len(r.pending)-1, n
		}
	}
}

// headerAt makes the i-th pending row the header, the rows above it titles; -1 keeps the
// first row.
func (r *Reader) headerAt(i int) error {
	if i < 0 {
		return nil
	}
	r.titles = append(r.titles, r.header)
	for _, p := range r.pending[:i] {
		r.titles = append(r.titles, p.row.Cells)
	}
	h := r.pending[i].row
	r.header, r.headerRow, r.pending = h.Cells, h.Num, r.pending[i+1:]
	return nil
}

// matched counts the fields a row names, by their names or aliases.
func matched(cells []string, fields []Field) int {
	names := make(map[string]int, len(cells))
	for i, c := range cells {
		n, _ := Normalize(c)
		names[n] = i
	}
	count := 0
	for _, f := range fields {
		if _, ok := find(names, f); ok {
			count++
		}
	}
	return count
}

// read is one result of reading a row, kept to be returned later.
type read struct {
	row Row
	err error
}

// Format is the format the file was found to be in.
func (r *Reader) Format() Format { return r.format }

// Encoding is the encoding of a text table (UTF8 for a workbook).
func (r *Reader) Encoding() Encoding { return r.enc }

// Header returns a copy of the header row's cells, as written.
func (r *Reader) Header() []string { return append([]string(nil), r.header...) }

// HeaderRow is the header's row number: 1, unless HeaderFor found it below title rows.
func (r *Reader) HeaderRow() int { return max(1, r.headerRow) }

// Titles returns the cells of the rows above the header (HeaderFor), in order; none when the
// header is the first row.
func (r *Reader) Titles() [][]string {
	out := make([][]string, len(r.titles))
	for i, t := range r.titles {
		out[i] = append([]string(nil), t...)
	}
	return out
}

// Next returns the next row that has any content. At the end it returns io.EOF. A row that
// cannot be read is a *RowError, and the next call goes on with the row after it.
func (r *Reader) Next() (Row, error) {
	for {
		row, err := r.read()
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

// read is the next row: one kept while looking for the header, or the next in the file.
func (r *Reader) read() (Row, error) {
	if len(r.pending) == 0 {
		return r.next()
	}
	p := r.pending[0]
	if p.err == nil || !errors.Is(p.err, io.EOF) {
		r.pending = r.pending[1:]
	}
	return p.row, p.err
}

// account counts the rows between the last row and row num, which held nothing.
func (r *Reader) account(num int) {
	if r.last == 0 {
		r.last = r.HeaderRow()
	}
	r.skipped += max(0, num-r.last-1)
	r.last = num
}

// Skipped is how many rows so far held nothing: blank lines, rows whose cells are all blank,
// and rows a sheet leaves out. With the rows returned and the rows rejected, it accounts for
// every row number after the header up to the last one read (rows above the header are
// Titles, not data).
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
