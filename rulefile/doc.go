// Package rulefile reads the rule-set files policy staff write and keeps them in a versioned
// Library: YAML files holding typed inputs, params that change by date, formulas, decision
// tables and the tests kept beside them, compiled with package rules.
//
// Make a Library, load files, and evaluate a record with the version in force on a day:
//
//	lib := rulefile.NewLibrary()
//	if _, err := lib.LoadFiles("规则/"); err != nil {
//		// every problem of every file at once: file, line, column, rule and code
//	}
//	ev, err := lib.Evaluate("minfeng-monitor", day, map[string]any{"预算数": "120", "执行数": "64", "月份": 8})
//
// A file may extend another rule set and override only the params it changes; several
// dated versions of one rule set may be loaded at once, and Get picks the one in force.
// Loading the same id and effective date again replaces that version atomically (hot swap):
// evaluations already running keep the version they picked. Stage compiles and tests a
// revision against the live library before Commit swaps it in.
//
// A RuleSet is immutable and safe for concurrent use. Its Program(day) is a rules.Program,
// so a platform evaluates millions of records through rules.Bind without allocating, and
// wraps a result with RuleSet.Evaluation to record which rules produced it (审计留痕: id,
// version, effective date and the file's sha256).
//
// Errors are the rules package's positioned *rules.Error and rules.ErrorList, in Chinese,
// with codes F0xx for problems of the file itself. The handbook for rule authors,
// handbook.md beside this package, describes the file format; every example in it is run by
// the tests of cmd/jixiao.
package rulefile
