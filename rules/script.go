package rules

import (
	"fmt"
	"unicode"
)

// Latin, Cyrillic and Greek share letters that look the same (Latin a, Cyrillic а, Greek α
// in some fonts; Latin o, Cyrillic о, Greek ο). A name mixing them would be a different name
// from the one it looks like, so it is refused, showing the two characters. Chinese mixed
// with Latin letters and digits (GDP增速, PM25浓度) is how staff write names, and stays valid.

// mixedScript describes the first pair of look-alike scripts mixed in name, or "".
func mixedScript(name string) string {
	var first rune
	var firstScript string
	for _, r := range name {
		s := lookAlikeScript(r)
		if s == "" {
			continue
		}
		if firstScript == "" {
			first, firstScript = r, s
			continue
		}
		if s != firstScript {
			return fmt.Sprintf("%q 混用了%s“%c”（U+%04X）和%s“%c”（U+%04X）：两种文字的字母外形相同，实为不同的字符，请统一改用一种",
				name, firstScript, first, first, s, r, r)
		}
	}
	return ""
}

// lookAlikeScript names the script of a letter that has look-alikes in another: 拉丁字母,
// 西里尔字母 or 希腊字母; "" for any other character.
func lookAlikeScript(r rune) string {
	switch {
	case r < 0x80:
		if unicode.IsLetter(r) {
			return "拉丁字母"
		}
	case unicode.Is(unicode.Cyrillic, r):
		return "西里尔字母"
	case unicode.Is(unicode.Greek, r):
		return "希腊字母"
	case unicode.Is(unicode.Latin, r) && !isFullWidth(r):
		return "拉丁字母"
	}
	return ""
}

func isFullWidth(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }
