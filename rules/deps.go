package rules

import (
	"github.com/expr-lang/expr/ast"
)

// refs lists the names an expression reads, in order of first appearance, with the offset of
// that appearance. Names bound by let are left out; a let may not reuse a program-level name,
// so a name that is let-bound anywhere in the expression never means a result.
func refs(n ast.Node) ([]string, map[string]int) {
	var v refVisitor
	if n != nil {
		ast.Walk(&n, &v)
	}
	var out []string
	for _, r := range v.order {
		if !v.lets[r] {
			out = append(out, r)
		}
	}
	return out, v.at
}

type refVisitor struct {
	order []string
	at    map[string]int
	lets  map[string]bool
}

func (v *refVisitor) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if v.at == nil {
			v.at = map[string]int{}
		}
		if _, seen := v.at[n.Value]; !seen {
			v.at[n.Value] = n.Location().From
			v.order = append(v.order, n.Value)
		}
	case *ast.VariableDeclaratorNode:
		if v.lets == nil {
			v.lets = map[string]bool{}
		}
		v.lets[n.Name] = true
	}
}

// countNodes counts the nodes of a syntax tree.
func countNodes(tree ast.Node) int {
	var v nodeCounter
	ast.Walk(&tree, &v)
	return int(v)
}

type nodeCounter int

func (v *nodeCounter) Visit(*ast.Node) { *v++ }
