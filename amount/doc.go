// Package amount holds exact sums of money in 元, 万元 and 亿元 and reads and writes numbers the way
// Chinese finance staff write them.
//
// The zero Amount is 0元 and ready to use; the zero Unit is Yuan. The best constructor is ParseAmount,
// which reads what a report or a spreadsheet cell holds:
//
//	a, err := amount.ParseAmount("13.304271亿元", amount.Wan) // Wan when the text has no unit
//	a.In(amount.Wan).String()                                // "133042.71万元", exactly
//
// From a decimal already at hand, use New(v, amount.Wan).
//
// Every number is a shopspring decimal.Decimal and never passes through float64. Converting between
// units moves the decimal point (1亿元 = 10000万元 = 100000000元), so it never rounds. Rounding happens only
// where it is named: RoundHalfUp (四舍五入, halves away from zero) and the Format functions built on it,
// which never print an exponent and do not depend on shopspring's package-level settings. The package
// has no settings of its own.
//
// ParseDecimal and ParseAmount accept thousands separators with checked groups (10,113.65), full-width
// digits, point, comma, signs and percent sign (１２．５％), a trailing percent (20% is 0.20) and
// surrounding blanks, including the full-width space. They reject everything else with a *ParseError
// that says in Chinese what is wrong and where, carries a stable code (CodeExtraPoint is "AMT003", ...)
// and matches ErrSyntax with errors.Is:
//
//	无法识别的数字 "12.3.4"：第5个字符处多了一个小数点
//
// They never panic, whatever the input: invalid UTF-8, NUL bytes and text longer than MaxInputBytes
// bytes or MaxDigits digits are errors too.
//
// The package imports only the standard library and shopspring/decimal, so every other package of
// jixiao can use it.
package amount
