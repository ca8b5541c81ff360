package rules

// Spec is everything a Program computes: typed inputs, constants, formulas and decision
// tables. Formulas and tables may refer to each other in any order; Build sorts them by
// dependency. Package rulefile reads a rule-set file into a Spec; Go code may also build one
// directly.
type Spec struct {
	Inputs   []Input
	Consts   []Const
	Formulas []Formula
	Tables   []Table
}

// Const is a named constant (a rule set's param) with the value in force.
type Const struct {
	Name  string
	Value Value
	Pos   Pos // where the name is written
}

// Formula names one expression whose value is a result.
type Formula struct {
	Name string
	Expr Expr
	Pos  Pos // where the name is written; zero means the expression's own position
}

// Table is a decision table: its rows are tried in order and the first whose When holds
// gives the result. Without an Else row, a record no row matches is an R004 error.
type Table struct {
	Name string
	Rows []Row
	Pos  Pos // where the table's name is written
}

// Row is one row of a decision table.
type Row struct {
	When Expr // ignored for the else row
	Else bool
	Then Outcome
	Pos  Pos // where the row starts
}

// Outcome is what a row gives: a literal Value, or an expression when Expr is not nil.
type Outcome struct {
	Value Value
	Expr  *Expr
	Pos   Pos // where a literal is written
}
