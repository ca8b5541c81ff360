package rules

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// iv reads an interval written as in mathematics: "[60,60.5)", "(-inf,0]", "(0.2,inf)".
func iv(t *testing.T, s string) interval {
	t.Helper()
	lo, hi, ok := strings.Cut(s[1:len(s)-1], ",")
	require.True(t, ok, s)
	end := func(text string, open bool, inf int8) bound {
		if strings.TrimSpace(strings.TrimPrefix(text, "-")) == "inf" {
			return bound{inf: inf, open: true}
		}
		return bound{v: decimal.RequireFromString(strings.TrimSpace(text)), open: open}
	}
	return interval{end(lo, s[0] == '(', -1), end(hi, s[len(s)-1] == ')', 1)}
}

func ivs(t *testing.T, parts ...string) ivset {
	var out ivset
	for _, p := range parts {
		out = out.union(ivset{iv(t, p)})
	}
	return out
}

func TestIntervalSetAlgebra(t *testing.T) {
	cases := []struct {
		name   string
		got    func(t *testing.T) ivset
		want   []string
		reason string
	}{
		{"相接的闭开区间合并", func(t *testing.T) ivset { return ivs(t, "[0,60)", "[60,90]") }, []string{"[0,90]"},
			"60 is in the second: together they are [0, 90]"},
		{"两个开端不相接", func(t *testing.T) ivset { return ivs(t, "[0,60)", "(60,90]") }, []string{"[0,60)", "(60,90]"},
			"60 itself is in neither"},
		{"补集翻转开闭", func(t *testing.T) ivset { return ivs(t, "[0,60)").complement() }, []string{"(-inf,0)", "[60,inf)"},
			"the complement of [0, 60) is below 0 and from 60 on"},
		{"全体的补集为空", func(t *testing.T) ivset { return allNumbers().complement() }, nil, "nothing is outside every number"},
		{"交集取较紧的端", func(t *testing.T) ivset { return ivs(t, "[0,60]").intersect(ivs(t, "(50,70)")) }, []string{"(50,60]"},
			"the tighter end on each side"},
		{"交集只交于一点", func(t *testing.T) ivset { return ivs(t, "[0,60]").intersect(ivs(t, "[60,70)")) }, []string{"[60,60]"},
			"both hold 60"},
		{"交集在开端处为空", func(t *testing.T) ivset { return ivs(t, "[0,60)").intersect(ivs(t, "[60,70)")) }, nil,
			"60 is not in the first"},
		{"整数 小于 5.5", func(*testing.T) ivset { return wholeCmp(opLt, decimal.RequireFromString("5.5")) }, []string{"(-inf,6)"},
			"whole numbers below 5.5 are those below 6"},
		{"整数 大于 5.5", func(*testing.T) ivset { return wholeCmp(opGt, decimal.RequireFromString("5.5")) }, []string{"[6,inf)"},
			"whole numbers above 5.5 start at 6"},
		{"整数 等于 5.5 为空", func(*testing.T) ivset { return wholeCmp(opEq, decimal.RequireFromString("5.5")) }, nil,
			"no whole number is 5.5"},
		{"整数 不等于 5", func(*testing.T) ivset { return wholeCmp(opNe, decimal.NewFromInt(5)) }, []string{"(-inf,5)", "[6,inf)"},
			"5 alone is [5, 6) among whole numbers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NotEmpty(t, c.reason)
			want := ivs(t, c.want...)
			got := c.got(t)
			assert.True(t, want.equal(got), "%v ≠ %v: %s", got, want, c.reason)
		})
	}
}

func TestIntervalSample(t *testing.T) {
	cases := []struct {
		in     string
		whole  bool
		want   string
		reason string
	}{
		{"(60,60.5]", false, "60.1", "the fewest places inside: not 60, not 61"},
		{"[60,60.5)", false, "60", "a closed end is itself inside"},
		{"(59.99,60)", false, "59.991", "two places are not enough between 59.99 and 60"},
		{"(-inf,0)", false, "-1", "below 0"},
		{"(-inf,0.1)", false, "0", "the next value below 0.1 at its own places"},
		{"(0.2,inf)", false, "0.3", "the next value above 0.2 at its own places"},
		{"(60,inf)", false, "61", "above 60"},
		{"(-inf,inf)", false, "0", "any number: 0"},
		{"[6,7)", true, "6", "the whole number 6"},
		{"(-inf,6)", true, "5", "the largest whole number below 6"},
		{"[5,5]", false, "5", "a single point"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			require.NotEmpty(t, c.reason)
			x := iv(t, c.in)
			got := x.sample(c.whole)
			assert.Equal(t, c.want, got.String(), c.reason)
			assert.True(t, ivset{x}.contains(got), "the sample lies in the interval")
		})
	}
}

func TestTextSets(t *testing.T) {
	a, b := textsOf("优", "良"), textsOf("良", "差")
	assert.Equal(t, []string{"良"}, a.intersect(b).vals, "only 良 is in both")
	assert.True(t, a.complement().intersect(a).empty(), "a set and its complement share nothing")
	u := a.union(b)
	assert.True(t, u.has("优") && u.has("差") && !u.has("中"), "the union holds both sets, nothing else")
	assert.Equal(t, "其他", allTexts().sample(), "any text: a plain word")
	assert.Equal(t, "其他2", textsOf("其他").complement().sample(), "a word not excluded")
	assert.True(t, textsOf("优").complement().has("良"), "every text but 优 holds 良")
}

func TestClosestText(t *testing.T) {
	cases := []struct {
		word   string
		vocab  []string
		want   string
		reason string
	}{
		{"忧", []string{"优", "良", "差"}, "优", "a pinyin input method offers 忧 for 优"},
		{"粮", []string{"优", "良", "差"}, "良", "粮 is typed for 良"},
		{"良", []string{"优", "良好", "差"}, "良好", "one word the start of the other"},
		{"中", []string{"优", "良", "差"}, "", "中 sounds like none of them; one character apart says nothing"},
		{"部分完成", []string{"达成", "部分达成", "未达成"}, "部分达成", "the closest by edit distance"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, closestText(c.word, c.vocab), c.reason)
	}
}
