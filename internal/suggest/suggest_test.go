package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	for _, r := range []struct {
		name   string
		cands  []string
		want   string
		reason string
	}{
		{"执形率", []string{"执行率", "预算数"}, "执行率", "one character off is a typo"},
		{"偏差", []string{"等级", "执行率"}, "", "nothing close enough"},
		{"ab", []string{"ab", "ac"}, "ab", "an exact match wins"},
		{"x", []string{"y"}, "", "a one-character name is never 'corrected' to another"},
		{"执行书", []string{"执行率", "执行数"}, "执行数", "ties resolve by sorted order (数 < 率), the same every run"},
		{strings.Repeat("长", 65), []string{strings.Repeat("长", 64)}, "", "pasted paragraphs are not searched"},
	} {
		assert.Equal(t, r.want, Closest(r.name, append([]string(nil), r.cands...)), r.reason)
	}
}
