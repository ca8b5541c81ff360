package main

import "strings"

// column is one column of a plain-text table.
type column struct {
	title string
	right bool // numbers are right-aligned, text left-aligned
}

// writeTable lays rows out under the column titles, padded to the widths a terminal shows
// (a Chinese character takes two columns), with two spaces between columns and no trailing
// blanks, so the same rows always give the same bytes.
func writeTable(b *strings.Builder, cols []column, rows [][]string) {
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = displayWidth(c.title)
	}
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	writeRow(b, cols, widths, titles)
	for _, row := range rows {
		writeRow(b, cols, widths, row)
	}
}

func writeRow(b *strings.Builder, cols []column, widths []int, cells []string) {
	var line strings.Builder
	for i, cell := range cells {
		if i > 0 {
			line.WriteString("  ")
		}
		pad := strings.Repeat(" ", widths[i]-displayWidth(cell))
		if cols[i].right {
			line.WriteString(pad)
			line.WriteString(cell)
		} else {
			line.WriteString(cell)
			line.WriteString(pad)
		}
	}
	b.WriteString(strings.TrimRight(line.String(), " "))
	b.WriteByte('\n')
}

// displayWidth is the number of terminal columns s takes: two for East Asian wide and
// full-width characters (汉字, full-width punctuation such as （）), one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F, // Hangul Jamo
		0x2E80 <= r && r <= 0x303E, // CJK radicals, punctuation
		0x3041 <= r && r <= 0x33FF, // kana, CJK compatibility
		0x3400 <= r && r <= 0x4DBF, // CJK extension A
		0x4E00 <= r && r <= 0x9FFF, // CJK unified ideographs
		0xA000 <= r && r <= 0xA4CF, // Yi
		0xAC00 <= r && r <= 0xD7A3, // Hangul syllables
		0xF900 <= r && r <= 0xFAFF, // CJK compatibility ideographs
		0xFE30 <= r && r <= 0xFE4F, // CJK compatibility forms
		0xFF00 <= r && r <= 0xFF60, // full-width forms
		0xFFE0 <= r && r <= 0xFFE6,
		0x20000 <= r && r <= 0x3FFFD: // CJK extensions B and later
		return true
	}
	return false
}
