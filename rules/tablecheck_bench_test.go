package rules_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// benchRows makes a 500-row table: bands of one score, a grid of score and month, or rows
// of three names none of which merge (the work the box bound caps).
func benchRows(kind string) []string {
	rows := make([]string, 0, 501)
	for k := 0; k < 500; k++ {
		switch kind {
		case "bands":
			rows = append(rows, fmt.Sprintf("总分 >= %d and 总分 < %d => 档%d", k, k+1, k))
		case "grid":
			rows = append(rows, fmt.Sprintf("总分 >= %d and 月份 == %d => 档%d", 500-k, k%12, k))
		case "hostile":
			rows = append(rows, fmt.Sprintf("月份 == %d and 实际 > %d and 总分 < %d => 档%d", k, k*7%101, k*13%97, k))
		case "unread": // the same table with conditions the analysis does not read: the cost of compiling alone
			rows = append(rows, fmt.Sprintf("round(总分, 0) >= %d and round(总分, 0) < %d => 档%d", k, k+1, k))
		}
	}
	return append(rows, "else: 无")
}

// BenchmarkTableCheck builds 500-row tables. "unread" is the baseline: the same compile
// without anything for the analysis to read, so analysed − unread is the analysis' cost;
// "handwritten" is the least a checker of 500 bands must do (sort the bounds, scan them).
func BenchmarkTableCheck(b *testing.B) {
	for _, kind := range []string{"bands", "grid", "hostile", "unread"} {
		spec := logicSpec(benchRows(kind), nil)
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := rules.Build(spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			bounds := make([]decimal.Decimal, 0, 1000)
			for k := 0; k < 500; k++ {
				bounds = append(bounds, decimal.NewFromInt(int64(k)), decimal.NewFromInt(int64(k+1)))
			}
			sort.Slice(bounds, func(x, y int) bool { return bounds[x].LessThan(bounds[y]) })
			gaps := 0
			for k := 2; k < len(bounds); k += 2 {
				if bounds[k].GreaterThan(bounds[k-1]) {
					gaps++
				}
			}
			if gaps != 0 {
				b.Fatal("no gap expected")
			}
		}
	})
}
