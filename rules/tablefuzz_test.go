package rules_test

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/jixiao-go/jixiao/rules"
)

// FuzzTableLogic builds a decision table from arbitrary rows (one condition per line; a line
// "else" ends the table) over inputs of every kind and two params. Build must never panic or
// hang, and its findings must be true: a gap's example reaches the else row added to the
// table, and an unreachable row's example satisfies the earlier row it names.
func FuzzTableLogic(f *testing.F) {
	f.Add("总分 >= 70\n总分 >= 85\nelse")
	f.Add("总分 < 60\n总分 >= 60.5")
	f.Add("月份 <= 5\n月份 >= 7 and 总分 > 下限")
	f.Add("类别 in [\"甲\", \"乙\"] and not 有评定\n类别 == \"甲\"\n有评定 or 总分 < 0")
	f.Add("监控日 < make_date(2024, 6, 1)\n监控日 >= make_date(2024, 6, 2) or (总分 > 8/12 and 总分 <= 2/3 + 0.001)")
	f.Add("总分 >= 90 and 月份 == 3\n90 <= 总分 and 3 == 月份\nnot (总分 != 1) or 总分 > 下限 * 2")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return // a table of staff text; the node limits bound longer ones the same way
		}
		done := make(chan string, 1)
		go func() { done <- tableFuzzOne(text) }()
		select {
		case problem := <-done:
			if problem != "" {
				t.Fatalf("%q: %s", text, problem)
			}
		case <-time.After(fuzzDeadline):
			t.Fatalf("%q: still analysing after %v", text, fuzzDeadline)
		}
	})
}

var fuzzConsts = []rules.Const{{Name: "下限", Value: numS("59.5")}, {Name: "开关", Value: rules.BoolOf(false)}}

// fuzzRows turns text into table rows, outcome i+1 for row i, and "否" for else.
func fuzzRows(text string) []string {
	var rows []string
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "else" {
			return append(rows, "else: 否")
		}
		rows = append(rows, fmt.Sprintf("%s => 结果%d", line, i+1))
	}
	return rows
}

var fuzzExample = regexp.MustCompile(`(总分|月份|类别|有评定|监控日) = ("[^"]*"|[-0-9.]+|true|false)`)

func tableFuzzOne(text string) (problem string) {
	defer func() {
		if r := recover(); r != nil {
			problem = fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	rows := fuzzRows(text)
	_, err := rules.Build(logicSpec(rows, fuzzConsts))
	if err == nil {
		return ""
	}
	if p := checkFuzzErr(err); p != "" {
		return p
	}
	for _, e := range rules.Errors(err) {
		switch e.Code {
		case rules.ErrTableGap:
			if p := fuzzCheckGap(rows, e); p != "" {
				return p
			}
		case rules.ErrRowUnreachable:
			if p := fuzzCheckCovered(rows, e); p != "" {
				return p
			}
		}
	}
	return ""
}

// fuzzRecord is a record with the example's values and plain ones for the names it leaves free.
func fuzzRecord(msg string) map[string]any {
	rec := map[string]any{"总分": "0", "实际": "0", "月份": 0, "类别": "", "有评定": false, "监控日": "2024-01-01"}
	for _, m := range fuzzExample.FindAllStringSubmatch(msg, -1) {
		rec[m[1]] = strings.Trim(m[2], `"`)
	}
	return rec
}

// fuzzCheckGap: the gap's example reaches the else row once one is added.
func fuzzCheckGap(rows []string, e *rules.Error) string {
	if !strings.Contains(e.Msg, " = ") {
		return ""
	}
	p, err := rules.Build(logicSpec(append(rows, "else: 缺口"), fuzzConsts))
	if err != nil {
		return "" // the else row itself may make other findings; nothing to compare
	}
	v, err := p.EvalValue(fuzzRecord(e.Msg))
	if err == nil && v.String() != "缺口" {
		return fmt.Sprintf("gap example of %q reaches %s, not the else row", e.Msg, v)
	}
	return ""
}

var coveredBy = regexp.MustCompile(`时第 (\d+) 行已经成立`)

// fuzzCheckCovered: the unreachable row's example satisfies the earlier row named.
func fuzzCheckCovered(rows []string, e *rules.Error) string {
	m := coveredBy.FindStringSubmatch(e.Msg)
	if m == nil {
		return ""
	}
	var j int
	fmt.Sscan(m[1], &j) //nolint:errcheck // the regexp matched digits
	if j < 1 || j > len(rows) {
		return fmt.Sprintf("row %d named in %q does not exist", j, e.Msg)
	}
	p, err := rules.Build(logicSpec([]string{rows[j-1], "else: 否"}, fuzzConsts))
	if err != nil {
		return ""
	}
	v, err := p.EvalValue(fuzzRecord(e.Msg))
	if err == nil && v.String() == "否" {
		return fmt.Sprintf("example of %q does not satisfy row %d (%s)", e.Msg, j, rows[j-1])
	}
	return ""
}
