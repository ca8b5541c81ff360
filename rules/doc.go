// Package rules is jixiao's rule language: expressions policy staff can read and edit,
// evaluated over exact decimals, and the rule-set files that hold them.
//
// Every number is an exact decimal with shopspring/decimal's digits: literals are read from
// their text (0.1 + 0.2 == 0.3, 20% is 0.20, integers of any size), division keeps 20 places
// rounded half away from zero, and rounding is always named (round is 四舍五入). Names may be
// Chinese; full-width punctuation typed with a Chinese input method is accepted.
//
// Compile an expression once and evaluate it many times:
//
//	p, err := rules.Compile("round(执行数 / 预算数, 4) >= 90%",
//		rules.WithInput("执行数", rules.TypeDecimal), rules.WithInput("预算数", rules.TypeDecimal))
//	v, err := p.EvalValue(map[string]any{"执行数": "928.56", "预算数": "940"})
//
// A Spec (or a rule file read by a Library) compiles formulas and decision tables together;
// Bind reads records straight from a struct and, with a reused Result, evaluates without
// allocating. A Program is immutable and safe for concurrent use.
//
// Errors are values, never panics: *Error carries the file, line, column (in characters),
// rune offsets, the rule and a stable Code from Codes(); ErrorList reports every problem at
// once; messages are in Chinese. Run-time errors (division by zero, a missing input, a
// decision table with no matching row) carry the position of the rule text that failed.
//
// Internally an expression is parsed with expr-lang/expr's parser, type-checked into a small
// typed IR, and compiled into Go closures twice from one walker: over a 128-bit fixed-point
// decimal (the fast path) and over decimal.Decimal, which recomputes a record whose values
// do not fit 128 bits. Both follow shopspring's scale rules, so the digits are identical.
package rules
