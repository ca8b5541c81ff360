package rules_test

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// randomCond writes a random condition on one name over a few constants.
func randomCond(rng *rand.Rand, names []string, depth int) string {
	name := names[rng.Intn(len(names))]
	consts := []string{"0", "0.5", "1", "1.5", "2", "60", "60.5"}
	ops := []string{"<", "<=", ">", ">=", "==", "!="}
	if depth == 0 || rng.Intn(3) == 0 {
		return fmt.Sprintf("%s %s %s", name, ops[rng.Intn(len(ops))], consts[rng.Intn(len(consts))])
	}
	switch rng.Intn(4) {
	case 0:
		return "not (" + randomCond(rng, names, depth-1) + ")"
	case 1:
		return fmt.Sprintf("%s in [%s, %s]", name, consts[rng.Intn(len(consts))], consts[rng.Intn(len(consts))])
	case 2:
		return "(" + randomCond(rng, names, depth-1) + ") or (" + randomCond(rng, names, depth-1) + ")"
	}
	return "(" + randomCond(rng, names, depth-1) + ") and (" + randomCond(rng, names, depth-1) + ")"
}

// TestTableLogicAgainstEvaluation checks the analysis against the evaluator on random
// tables over one name. Conditions on one name change truth only at their constants, so
// evaluating every row at the constants, between them and beyond them decides exactly which
// rows some value reaches and whether some value reaches none: the findings must say the same.
func TestTableLogicAgainstEvaluation(t *testing.T) {
	decimals := []string{"-1", "0", "0.25", "0.5", "0.75", "1", "1.25", "1.5", "1.75", "2", "30", "60", "60.25", "60.5", "61"}
	wholes := []string{"-1", "0", "1", "2", "3", "59", "60", "61", "62"}
	cases := []struct {
		names      []string
		candidates [][]string
		reason     string
	}{
		{[]string{"总分"}, [][]string{decimals}, "a decimal: the constants, a value between each two, and one beyond each end"},
		{[]string{"月份"}, [][]string{wholes}, "an int: the whole numbers around the constants (halves fall between them)"},
		{[]string{"总分", "月份"}, [][]string{decimals, wholes}, "two names: boxes, checked at every pair of the values above"},
	}
	rng := rand.New(rand.NewSource(7))
	for _, c := range cases {
		t.Run(strings.Join(c.names, "+"), func(t *testing.T) {
			needReason(t, strings.Join(c.names, "+"), c.reason)
			var points []map[string]any
			for _, a := range c.candidates[0] {
				if len(c.names) == 1 {
					points = append(points, map[string]any{c.names[0]: a})
					continue
				}
				for _, b := range c.candidates[1] {
					points = append(points, map[string]any{c.names[0]: a, c.names[1]: b})
				}
			}
			var dead, gaps int
			for n := 0; n < 200; n++ {
				var rows []string
				for i := 0; i < 2+rng.Intn(4); i++ {
					rows = append(rows, randomCond(rng, c.names, 2)+" => r"+strconv.Itoa(i+1))
				}
				d, g := checkAgainstEvaluation(t, rows, points)
				dead, gaps = dead+d, gaps+g
			}
			require.Greater(t, dead, 10, "the random tables hold rows no value reaches")
			require.Greater(t, gaps, 10, "and tables with values no row takes")
		})
	}
}

func checkAgainstEvaluation(t *testing.T, rows []string, candidates []map[string]any) (dead, gaps int) {
	t.Helper()
	holds := make([][]bool, len(rows)) // holds[row][candidate]
	for i, r := range rows {
		cond, _, _ := strings.Cut(r, " => ")
		p, err := rules.Build(rules.Spec{Inputs: logicInputs, Formulas: []rules.Formula{{Name: "条件", Expr: rules.Expr{Text: cond}}}})
		require.NoError(t, err, cond)
		for _, v := range candidates {
			rec := map[string]any{"总分": "0", "月份": 0, "实际": "0", "类别": "", "有评定": false, "监控日": "2024-01-01"}
			for k, x := range v {
				rec[k] = x
			}
			got, err := p.EvalValue(rec)
			require.NoError(t, err)
			holds[i] = append(holds[i], got.Bool())
		}
	}
	reached := make([]bool, len(rows))
	gap := false
	for k := range candidates {
		first := -1
		for i := range rows {
			if holds[i][k] {
				first = i
				break
			}
		}
		if first < 0 {
			gap = true
		} else {
			reached[first] = true
		}
	}
	_, err := rules.Build(logicSpec(rows, nil))
	flagged := map[int]bool{}
	gapFound := false
	for _, e := range rules.Errors(err) {
		switch e.Code {
		case rules.ErrRowUnreachable, rules.ErrRowDuplicate:
			flagged[e.Line-tableLine-1] = true
		case rules.ErrTableGap:
			gapFound = true
		default:
			t.Fatalf("%v: unexpected %v", rows, e)
		}
	}
	for i := range rows {
		require.Equal(t, !reached[i], flagged[i], "row %d of %q: reached by some value = %v, yet flagged = %v (%v)", i+1, rows, reached[i], flagged[i], err)
	}
	require.Equal(t, gap, gapFound, "%q: some value reaches no row = %v, yet a gap reported = %v (%v)", rows, gap, gapFound, err)
	if gap {
		gaps++
	}
	return len(flagged), gaps
}
