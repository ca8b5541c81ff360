package rules

// References lists the names an expression reads, in order of first appearance: inputs,
// params, formulas and tables (and the functions it calls), as the author wrote them. Names a
// let binds are left out. Tools use it to find declarations nothing reads (jixiao check warns
// of an unused input). Text that does not parse gives the names read before the problem, or
// none; the problem itself is Compile's to report.
func References(e Expr) []string {
	src, tree, _ := parse(e, "", defaultLimits())
	if tree == nil {
		return nil
	}
	names, at := refs(tree)
	for i, n := range names {
		names[i] = src.realName(n, at[n])
	}
	return names
}
