package rules_test

import (
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// References lists the names an expression reads, for tools that look for declarations no
// rule uses.
func ExampleReferences() {
	fmt.Println(rules.References(rules.Expr{Text: "round(执行数 / 预算数, 4) >= 良下限"}))
	// Output:
	// [round 执行数 预算数 良下限]
}
