package tables

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Normalize reads a header cell the way staff mean it: surrounding blanks (also the
// full-width space) dropped, full-width letters, digits and brackets read as their ASCII
// forms, blanks inside removed, and a unit in brackets at the end split off:
// " 预算数（万元）" is ("预算数", "万元"), "执行数(元)" is ("执行数", "元"), and "项目名称" is
// ("项目名称", ""). The unit is returned as written; reading it is the caller's.
func Normalize(header string) (name, unit string) {
	s := width.Fold.String(strings.TrimSpace(header))
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return s[:i], s[i+1 : len(s)-1]
		}
	}
	return s, ""
}
