// Command jixiao computes budget-performance rules from the command line, for finance-bureau
// staff and for CI:
//
//	jixiao check 规则/
//	jixiao test 规则/
//	jixiao explain minfeng-monitor --at 2024-08-31 --set 预算数=631.46 --set 执行数=520.22 --set 月份=8
//	jixiao expr --set 预算数=10,113.65 --set 执行数=9993.67 -- '执行数 / 预算数'
//	jixiao demo
//
// Results go to stdout and messages, in Chinese, to stderr. The exit code is 0 when the command
// did its job, 1 for findings (an invalid expression or rule file, an evaluation error, a failed
// rule test) and 2 for a usage error (an unknown flag, a missing argument, a missing file).
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
