package rules

import (
	"fmt"
	"testing"
)

// benchAnalyzer prepares a Build of one 500-row table up to the logic check.
func benchAnalyzer(b *testing.B, rows func(k int) string) *analyzer {
	t := Table{Name: "档次"}
	for k := 0; k < 500; k++ {
		t.Rows = append(t.Rows, Row{When: Expr{Text: rows(k)}, Then: Outcome{Value: TextOf(fmt.Sprint(k))}})
	}
	t.Rows = append(t.Rows, Row{Else: true, Then: Outcome{Value: TextOf("无")}})
	cfg, err := newConfig(nil)
	if err != nil {
		b.Fatal(err)
	}
	c := &analyzer{cfg: cfg, syms: map[string]*symbol{}, funcs: map[string]*Func{}, byName: map[string]*def{},
		firstUse: map[*symbol]*Error{}, hints: 200, misused: map[string]bool{}}
	c.declareAll(Spec{Inputs: []Input{{Name: "总分", Type: TypeDecimal}, {Name: "月份", Type: TypeInt}, {Name: "实际", Type: TypeDecimal}}, Tables: []Table{t}})
	c.parseAll()
	c.sortDefs()
	c.checkAll()
	if len(c.errs) > 0 {
		b.Fatal(c.errs)
	}
	return c
}

// BenchmarkCheckLogic times the table analysis alone on 500-row tables, beside the rest of
// Build for the same table (parse, check, compile: the baseline it adds to).
func BenchmarkCheckLogic(b *testing.B) {
	kinds := []struct {
		name string
		row  func(k int) string
	}{
		{"bands", func(k int) string { return fmt.Sprintf("总分 >= %d and 总分 < %d", k, k+1) }},
		{"grid", func(k int) string { return fmt.Sprintf("总分 >= %d and 月份 == %d", 500-k, k%12) }},
		{"hostile", func(k int) string {
			return fmt.Sprintf("月份 == %d and 实际 > %d and 总分 < %d", k, k*7%101, k*13%97)
		}},
	}
	for _, kind := range kinds {
		c := benchAnalyzer(b, kind.row)
		b.Run(kind.name+"/analysis", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.errs, c.logicSpent = nil, 0
				c.checkLogic()
				if len(c.errs) > 0 {
					b.Fatal(c.errs)
				}
			}
		})
		spec := Spec{Inputs: []Input{{Name: "总分", Type: TypeDecimal}, {Name: "月份", Type: TypeInt}, {Name: "实际", Type: TypeDecimal}},
			Tables: []Table{*c.defs[0].table}}
		b.Run(kind.name+"/whole-build", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Build(spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
