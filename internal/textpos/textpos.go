// Package textpos maps rune offsets in a text to lines, as YAML and the rule language count
// them, shared by the language and the rule-file reader so the two never disagree on a column.
package textpos

import "unicode/utf8"

// LineStarts gives the rune offset where each line starts. A line ends at \n, at \r\n, or at
// a lone \r (old Mac files), as YAML reads them.
func LineStarts(rs []rune) []int {
	starts := []int{0}
	for i, r := range rs {
		if r == '\n' || (r == '\r' && (i+1 == len(rs) || rs[i+1] != '\n')) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// FirstInvalid reports the rune offset of the first byte that is not valid UTF-8, and
// whether the whole text is valid (offset 0 then).
func FirstInvalid(text string) (int, bool) {
	if utf8.ValidString(text) {
		return 0, true
	}
	n := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 {
			return n, false
		}
		i += w
		n++
	}
	return n, false
}
