// Package rules is jixiao's rule language: expressions that policy staff read and edit,
// computed over exact decimals. Rule-set files (YAML with versions, params and tests) are
// package rulefile's, which compiles them with this package.
//
// Compile one expression, or Build a Spec of formulas and decision tables; options declare
// the inputs, vendor functions and limits. Either gives an immutable *Program, safe for
// concurrent use:
//
//	p, err := rules.Compile("round(执行数 / 预算数, 4) >= 90%",
//		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
//	v, err := p.EvalValue(map[string]any{"执行数": "928.56", "预算数": "940"})
//
// Zero values: a zero Value holds nothing (TypeInvalid, as is the zero Type); a zero Pos is a
// stand-alone expression, printed <expr>; a zero Spec has nothing to compute. Programs and
// Results are made only by Compile, Build and NewResult. There are no package-level settings.
//
// Every number is an exact decimal with shopspring/decimal's digits: literals are read from
// their text (0.1 + 0.2 == 0.3, 20% is 0.20), a division that does not terminate keeps 20
// places rounded half away from zero, and rounding is always named (round is 四舍五入).
// Names may be Chinese; full-width punctuation typed with a Chinese input method is accepted.
//
// EvalValue, EvalResult and Explain take inputs by name. Bind reads them straight from a
// struct and, with a Result reused through EvalInto or EvalBatch, evaluates a record without
// allocating.
//
// Errors are values, never panics: each problem is an *Error with a Chinese message, its
// file, line and column (in characters), its rule and a stable Code from Codes(); ErrorList
// reports every problem at once. A problem that is in no rule text (an option, a Go struct,
// a cancelled batch) has no position and prints without one.
//
// Internally expr-lang/expr's parser reads the text; the package checks its types and
// compiles it into Go closures over a 128-bit decimal, recomputing through decimal.Decimal a
// record that does not fit, with the same digits.
package rules

// The stages, by file, for a reader of the code:
//
//	prelex.go, parse.go        text → expr's syntax tree (IME punctuation, exact number literals)
//	analyze.go, deps.go        a Spec's names declared, definitions sorted by dependency
//	check.go, check_builtin.go syntax tree → typed IR (ir.go), every problem as a Chinese error
//	vocab.go                   text compared with a value its result never takes (E016)
//	tablecheck.go, tablecond.go, tablebox.go, interval.go, textset.go
//	                           decision tables read as sets of values: rows that never match,
//	                           repeated rows, values no row matches (E013–E015)
//	compile*.go, arith.go      IR → closures, once over fixed.Num and once over decimal.Decimal
//	build.go                   Compile and Build: the stages in order
//	program.go, frame.go, input.go, bind.go, batch.go, result.go, explain.go: evaluation
//	misuse.go                  a caller's mistake (nil Program, record, context) as ErrMisuse
//	script.go                  names mixing look-alike scripts (Latin а/Cyrillic а) refused
