package rulefile

import (
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// cnQuotePairs are the quotes a Chinese IME types for " and '. Expressions already read them
// as quotes (等级 == “良”); a value wrapped in them is read the same way, so then: “优”
// is the text 优, not “优” with its quotes, which no comparison with "优" would ever match.
var cnQuotePairs = [...][2]string{{"“", "”"}, {"‘", "’"}}

// cnUnquote returns the text inside a plain value written wholly in one pair of Chinese
// quotes, and whether it was. A value that only begins or ends with a quote (“十四五”规划)
// or holds another quote of the same kind inside is left as written.
func cnUnquote(s string) (string, bool) {
	for _, q := range cnQuotePairs {
		if !strings.HasPrefix(s, q[0]) || !strings.HasSuffix(s, q[1]) || utf8.RuneCountInString(s) < 2 {
			continue
		}
		inner := s[len(q[0]) : len(s)-len(q[1])]
		if strings.Contains(inner, q[0]) || strings.Contains(inner, q[1]) {
			return s, false
		}
		return inner, true
	}
	return s, false
}

// cnQuotedText is cnUnquote for a plain YAML value; a value in YAML's own quotes is
// already text as written.
func cnQuotedText(n ast.Node) (string, bool) {
	if isQuoted(n) || !isScalar(n) {
		return "", false
	}
	return cnUnquote(scalarText(n))
}
