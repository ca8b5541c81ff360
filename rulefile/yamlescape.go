package rulefile

import (
	"fmt"
	"strconv"
	"unicode"

	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/rules"
)

// A double-quoted YAML value may write any character as an escape ("\u202e", "\x01", "\0").
// What a file may not hold typed (a control character; a bidirectional-text control, which
// makes text read differently from how it is stored) it may not hold escaped either: each
// such escape is refused at its own line and column.

// escapedControls refuses every escape in a double-quoted value that stands for a character
// a file may not hold.
func (f *yamlFile) escapedControls() rules.ErrorList {
	var errs rules.ErrorList
	for _, tk := range f.tokens {
		if tk.Type != token.DoubleQuoteType {
			continue
		}
		s, ok := f.spans[tk]
		if !ok {
			continue
		}
		for i := s.start; i < s.end-1; i++ {
			if f.runes[i] != '\\' {
				continue
			}
			r, width := decodeEscape(f.runes[i+1 : s.end])
			if msg := forbiddenRune(r); msg != "" && width > 0 {
				errs = append(errs, f.yamlError(i, fmt.Sprintf("转义写法 %s 代表%s，请删除", string(f.runes[i:i+1+width]), msg)))
			}
			i += max(width, 1)
		}
	}
	return errs
}

// decodeEscape reads the escape after a backslash: the character it stands for and how many
// characters it takes (0 when it is not one YAML knows).
func decodeEscape(rs []rune) (rune, int) {
	if len(rs) == 0 {
		return 0, 0
	}
	hex := map[rune]int{'x': 2, 'u': 4, 'U': 8}
	if n, ok := hex[rs[0]]; ok {
		if len(rs) < 1+n {
			return 0, 0
		}
		v, err := strconv.ParseUint(string(rs[1:1+n]), 16, 32)
		if err != nil || v > unicode.MaxRune {
			return 0, 0 // not a character: goccy reports it
		}
		return rune(v), 1 + n //nolint:gosec // G115: at most unicode.MaxRune, checked above
	}
	named := map[rune]rune{'0': 0, 'a': 7, 'b': 8, 'e': 0x1B, 'v': 0x0B, 'f': 0x0C}
	if r, ok := named[rs[0]]; ok {
		return r, 1
	}
	return ' ', 1 // \n, \t, \", \\ and the rest: characters a file may hold
}

// forbiddenRune says what r is when a rule file may not hold it, typed or escaped; "" when
// it may. Tab, line feed and carriage return are fine; so are all printable characters, and
// the halves of a surrogate pair ("\ud83d\ude00" is one character).
func forbiddenRune(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return ""
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
		return fmt.Sprintf("不可见的控制字符 %U", r)
	case isBidiControl(r):
		return fmt.Sprintf("双向文字控制字符 %U（会让文字显示的顺序与实际不同）", r)
	case r == 0xFFFE, r == 0xFFFF:
		return fmt.Sprintf("无效字符 %U", r)
	}
	return ""
}

// isBidiControl reports the characters that reorder how text is shown (the "Trojan Source"
// characters): embeddings, overrides, isolates and the directional marks.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
