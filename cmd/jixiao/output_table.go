package main

import (
	"bytes"
	"io"
	"strings"
)

// padTable is a plain-text table built row by row and written at the end, when the width of
// every column is known, as writeTable lays it out. The rows are kept as bytes in one buffer,
// not as strings, so a table of a million rows holds tens of megabytes the garbage collector
// need not scan, and is written line by line.
type padTable struct {
	cols   []column
	widths []int
	data   []byte // cells separated by unitSep, rows ended by recordSep
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
			t.data = append(t.data, unitSep)
		}
		t.data = append(t.data, cell...)
	}
	t.data = append(t.data, recordSep)
}

// writeTo writes the header and every row, padded.
func (t *padTable) writeTo(w io.Writer) error {
	titles := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.title
	}
	var b strings.Builder
	writeRow(&b, t.cols, t.widths, titles)
	rest := t.data
	for len(rest) > 0 {
		end := bytes.IndexByte(rest, recordSep)
		writeRow(&b, t.cols, t.widths, strings.Split(string(rest[:end]), string(unitSep)))
		rest = rest[end+1:]
		if b.Len() > 64<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
