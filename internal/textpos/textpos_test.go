package textpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLineStarts(t *testing.T) {
	for _, r := range []struct {
		text   string
		want   []int
		reason string
	}{
		{"", []int{0}, "an empty text is one line"},
		{"a\nb", []int{0, 2}, "\\n ends a line"},
		{"a\r\nb", []int{0, 3}, "\\r\\n is one break, as YAML reads it"},
		{"a\rb\r", []int{0, 2, 4}, "a lone \\r (old Mac files) ends a line"},
		{"预算\n执行", []int{0, 3}, "offsets count runes, not bytes"},
	} {
		assert.Equal(t, r.want, LineStarts([]rune(r.text)), r.reason)
	}
}

func TestFirstInvalid(t *testing.T) {
	for _, r := range []struct {
		text   string
		off    int
		ok     bool
		reason string
	}{
		{"预算数", 0, true, "valid UTF-8"},
		{"预算\xff数", 2, false, "the rune offset of the bad byte, after two Chinese characters"},
		{"\xc3", 0, false, "a truncated sequence at the start"},
	} {
		off, ok := FirstInvalid(r.text)
		assert.Equal(t, r.ok, ok, r.reason)
		assert.Equal(t, r.off, off, r.reason)
	}
}
