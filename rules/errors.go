package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is one problem, found while compiling or evaluating, with where it is.
// Line and Col are 1-based; Col counts characters (runes), so a Chinese name is one column
// per character. Offset and End are rune offsets into the file (or the expression text when
// there is no file), for editors that underline a span. A problem that is in no rule text
// (an option, a Go struct, a cancelled batch) has Line 0 and Col 0.
type Error struct {
	Code   Code   `json:"code"`
	Msg    string `json:"message"` // Chinese, without the position
	File   string `json:"file"`    // with Line ≥ 1, "" prints as <expr>
	Line   int    `json:"line"`    // 0: the problem has no place in any text
	Col    int    `json:"col"`
	Offset int    `json:"offset"`
	End    int    `json:"end"`
	RuleID string `json:"rule,omitempty"` // the formula, table or rule set the problem is in
	// RuleSet is the rule set that was being evaluated when a run-time error happened; with
	// extends, File may be the base's file while RuleSet names the regional one.
	RuleSet string `json:"ruleset,omitempty"`
	cause   error  // a standard error behind this one (context.Canceled, a vendor's error)
}

// Error prints FILE:LINE:COL: 规则 ID：说明, the form every jixiao command uses. A problem
// without a line prints no position: FILE: 说明 when only the file is known, else just
// 规则 ID：说明. A nil *Error prints <nil>, as fmt does.
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	switch {
	case e.Line > 0 && e.File == "":
		fmt.Fprintf(&b, "<expr>:%d:%d: ", e.Line, e.Col)
	case e.Line > 0:
		fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Col)
	case e.File != "":
		fmt.Fprintf(&b, "%s: ", e.File)
	}
	if e.RuleID != "" {
		fmt.Fprintf(&b, "规则 %s：", e.RuleID)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Is reports whether target is this error's Code, so errors.Is(err, rules.ErrDivByZero) works.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && e != nil && c == e.Code
}

// Unwrap gives the standard error behind this one, if any: context.Canceled or
// context.DeadlineExceeded for a cancelled batch, a vendor function's own error for R005,
// the recovered error for R008. errors.Is and errors.As see through it.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.cause
}

// ErrorList is every problem found at once, in file order. It is never empty when returned
// as an error.
type ErrorList []*Error

// Error prints one problem per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap exposes each problem to errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Errors returns the problems inside err: the list itself, a single *Error as a list of one,
// or nil when err carries none.
func Errors(err error) ErrorList {
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return nil
}

// sorted orders problems by file and position and drops exact repeats, so output is stable.
func (l ErrorList) sorted() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := l[:0]
	for i, e := range l {
		if i > 0 && sameProblem(e, l[i-1]) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Err returns the list sorted by file and position, without exact repeats, as an error; or
// nil when it is empty. Tools that gather problems from several places report them this way.
// A nil entry is no problem and is dropped.
func (l ErrorList) Err() error {
	out := l
	for i, e := range l {
		if e == nil { // rare: copy, keeping the others in order
			out = append(l[:i:i], nil...)
			for _, e := range l[i:] {
				if e != nil {
					out = append(out, e)
				}
			}
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out.sorted()
}

// sameProblem reports whether two problems say the same thing at the same place. The cause is
// left out: an error value need not be comparable.
func sameProblem(a, b *Error) bool {
	x, y := *a, *b
	x.cause, y.cause = nil, nil
	return x == y
}
