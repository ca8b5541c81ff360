package rulefile

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// datedFile is a rule set whose param k takes a new value on each of spans days (cycling
// through distinct values) and which has formulas formulas, all reading k.
func datedFile(spans, distinct, formulas int) []byte {
	var b strings.Builder
	b.WriteString("ruleset: cost\neffective: 2000-01-01\ninputs:\n  x: {type: decimal}\nparams:\n  k:\n")
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < spans; i++ {
		fmt.Fprintf(&b, "    - since: %s\n      value: %d\n", day.AddDate(0, 0, i).Format("2006-01-02"), i%distinct)
	}
	b.WriteString("formulas:\n")
	for i := 0; i < formulas; i++ {
		fmt.Fprintf(&b, "  f%d: round(x * k + %d / (k + 1), 2)\n", i, i)
	}
	return []byte(b.String())
}

// compileCounting compiles one file and reports the rule set, the problems and how many
// programs were built.
func compileCounting(t *testing.T, data []byte) (*RuleSet, rules.ErrorList, int) {
	t.Helper()
	d, errs := readDraft("cost.yaml", data, defaultMaxFileSize)
	require.Empty(t, errs)
	sc := &setCompiler{maxFileSize: defaultMaxFileSize}
	rs := sc.compile(d, nil)
	return rs, sc.errs, sc.builds
}

// TestDatedParamsBoundedWork: dated params do not multiply compilation beyond a fixed
// budget. Spans with the same values share one program; a file whose spans times formulas
// exceed the budget is refused before anything is built, as a positioned F005 finding.
func TestDatedParamsBoundedWork(t *testing.T) {
	rows := []struct {
		name                      string
		spans, distinct, formulas int
		builds                    int
		refused                   bool
		reason                    string
	}{
		{"one span", 1, 1, 100, 1, false, "a file without dated values is one program"},
		{"repeating values", 20, 4, 100, 4, false, "twenty spans over four distinct values share four programs"},
		{"at the budget", 21, 21, 100, 21, false, "20 more spans × 100 formulas is exactly the budget"},
		{"over the budget", 22, 22, 100, 0, true, "one span more is refused before any program is built"},
		{"a thousand dated values", 1000, 1000, 100, 0, true, "the attack of the issue: refused at once, not 1,000 programs"},
		{"many spans, one formula", 2001, 2001, 1, 2001, false, "2,000 more spans × 1 formula is within the budget"},
	}
	for _, r := range rows {
		if testing.Short() && r.spans > 1000 {
			continue
		}
		rs, errs, builds := compileCounting(t, datedFile(r.spans, r.distinct, r.formulas))
		assert.Equal(t, r.builds, builds, "%s: %s", r.name, r.reason)
		if !r.refused {
			require.Empty(t, errs, r.name)
			require.NotNil(t, rs, r.name)
			assert.Len(t, rs.periods, r.spans, r.name)
			last := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.spans-1)
			ev, err := rs.Evaluate(last, map[string]any{"x": "1"})
			require.NoError(t, err, r.name)
			k := int64((r.spans - 1) % r.distinct) // f0 = round(1 × k + 0 / (k + 1), 2) is k
			got, ok := ev.Values.Get("f0")
			require.True(t, ok)
			assert.True(t, got.Decimal().Equal(decimal.NewFromInt(k)), "%s: f0 on the last day is %s, want %d", r.name, got, k)
			continue
		}
		require.Len(t, errs, 1, r.name)
		assert.Equal(t, rules.ErrFileLimit, errs[0].Code, r.name)
		assert.Equal(t, "6:3", fmt.Sprintf("%d:%d", errs[0].Line, errs[0].Col), "at the param: %v", errs[0])
	}
}

// BenchmarkDatedParams loads the worst files the span budget lets through, against the
// baseline of the same formulas with one span.
func BenchmarkDatedParams(b *testing.B) {
	for _, c := range []struct {
		name                      string
		spans, distinct, formulas int
	}{{"baseline-1x100", 1, 1, 100}, {"21x100", 21, 21, 100}, {"2001x1", 2001, 2001, 1}} {
		data := datedFile(c.spans, c.distinct, c.formulas)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := NewLibrary().LoadBytes(Source{Name: "cost.yaml", Data: data}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestTestNameHintsBounded: a file of thousands of misspelt test names gets every problem
// reported, but typo suggestions only up to the budget, so the check stays linear.
func TestTestNameHintsBounded(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("ruleset: typos\neffective: 2024-01-01\ninputs:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  输入%04d: {type: decimal}\n", i)
	}
	b.WriteString("formulas:\n  y: 1\ntests:\n  - name: 拼错\n    given:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      输人%04d: 1\n", i) // 人 for 入
	}
	b.WriteString("    expect: {y: 1}\n")
	start := time.Now()
	_, errs, _ := compileCounting(t, []byte(b.String()))
	elapsed := time.Since(start)
	require.Len(t, errs, n, "every misspelt name is reported")
	hinted := 0
	for _, e := range errs {
		if strings.Contains(e.Msg, "是否为") {
			hinted++
		}
	}
	assert.Equal(t, maxHints, hinted, "suggestions stop at the budget")
	t.Logf("%d misspelt names checked in %v", n, elapsed)
}
