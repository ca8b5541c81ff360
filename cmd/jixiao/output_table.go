package main

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// padTable is a plain-text table built row by row and written at the end, when the width of
// every column is known, as writeTable lays it out. The rows wait in a spool, as bytes, so a
// table of a million rows holds a few megabytes of memory, not the whole report.
type padTable struct {
	cols   []column
	widths []int
	data   spool  // cells separated by unitSep, rows ended by recordSep
	line   []byte // the row being added
}

const (
	unitSep   = '\x1f'
	recordSep = '\x1e'
)

func newPadTable(cols []column) *padTable {
	t := &padTable{cols: cols, widths: make([]int, len(cols))}
	for i, c := range cols {
		t.widths[i] = displayWidth(c.title)
	}
	return t
}

// add keeps one row. Separator characters in a cell, which no table cell should hold, are
// shown as blanks.
func (t *padTable) add(cells []string) {
	t.line = t.line[:0]
	for i, cell := range cells {
		if strings.ContainsAny(cell, "\x1e\x1f") {
			cell = strings.Map(func(r rune) rune {
				if r == unitSep || r == recordSep {
					return ' '
				}
				return r
			}, cell)
		}
		t.widths[i] = max(t.widths[i], displayWidth(cell))
		if i > 0 {
			t.line = append(t.line, unitSep)
		}
		t.line = append(t.line, cell...)
	}
	t.line = append(t.line, recordSep)
	t.data.write(t.line)
}

// writeTo writes the header and every row, padded.
func (t *padTable) writeTo(w io.Writer) error {
	titles := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.title
	}
	var b strings.Builder
	writeRow(&b, t.cols, t.widths, titles)
	r, err := t.data.reader()
	if err != nil {
		return err
	}
	br := bufio.NewReader(r)
	for {
		rec, err := br.ReadString(recordSep)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		writeRow(&b, t.cols, t.widths, strings.Split(rec[:len(rec)-1], string(unitSep)))
		if b.Len() > 64<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// close removes the spool's temporary file.
func (t *padTable) close() error { return t.data.close() }
