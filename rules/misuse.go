package rules

import "fmt"

// A caller's mistake (a nil Program, record, Result or context, a Program not made by Compile
// or Build, an index past the results) is reported as an *Error with code ErrMisuse, before
// anything is read: a nil record's fields are read through unsafe pointers at their offsets,
// and a field far into a large struct would fault where recover cannot catch it.

func misuse(format string, args ...any) *Error {
	return &Error{Code: ErrMisuse, Msg: "调用有误：" + fmt.Sprintf(format, args...)}
}

// usable reports whether p was made by Compile or Build (a nil or zero Program was not).
func (p *Program) usable() bool { return p != nil && p.slow != nil }

// checkCall refuses a Program that cannot evaluate and a Result that is not one of its own.
func (p *Program) checkCall(res *Result) *Error {
	if !p.usable() {
		return errNoProgram()
	}
	if res == nil {
		return misuse("Result 为 nil，请用 Program.NewResult 创建")
	}
	if res.prog != p {
		return errForeignResult()
	}
	return nil
}

func errNoProgram() *Error {
	return misuse("Program 为 nil 或未经 Compile/Build 创建")
}

// errIndex is the error of a result index out of range.
func errIndex(i, n int) *Error {
	return misuse("结果序号 %d 超出范围（共 %d 个结果，序号从 0 起）", i, n)
}
