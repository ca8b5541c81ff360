package amount

import (
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ParseDecimal reads a number as finance staff type it, exactly, never through float64:
//
//	10,113.65   thousands separators, checked: 1,23 and 1,2345 are errors; full-width ， too
//	１２．５    full-width digits and point, as typed with a Chinese input method
//	-5  －5  +5 a leading sign, half- or full-width (and the minus sign U+2212)
//	20%  ２０％ a trailing percent sign: 20% is 0.20, with the digits of 0.20
//
// Blanks around the number are ignored (spaces, tabs, the full-width space U+3000, no-break space).
// Everything else is a *ParseError matching ErrSyntax, in Chinese: scientific notation (1e5), NaN, Inf,
// a unit (use ParseAmount), ".5" and "5.", more than MaxDigits digits or MaxInputBytes bytes.
func ParseDecimal(s string) (decimal.Decimal, error) {
	rd, err := scan(s, subjectNumber)
	if err != nil {
		return decimal.Zero, err
	}
	percent, err := numberSuffix(s, &rd)
	if err != nil {
		return decimal.Zero, err
	}
	if percent {
		return rd.decimal().Shift(-2), nil
	}
	return rd.decimal(), nil
}

// ParseAmount reads a number as ParseDecimal does, followed by an optional unit: 928.56万元, 13.304271亿元,
// 100元, 5万, 5 万元. Without a unit the amount is in defaultUnit, which must be valid. A percentage is not an amount.
func ParseAmount(s string, defaultUnit Unit) (Amount, error) {
	if !defaultUnit.Valid() {
		return Amount{}, &ParseError{Input: s, Code: CodeUnknownUnit, subject: subjectAmount,
			Msg: "默认单位 " + defaultUnit.String() + " 无效（程序设置错误，应为 元、万元 或 亿元）"}
	}
	rd, err := scan(s, subjectAmount)
	if err != nil {
		return Amount{}, err
	}
	u, err := amountSuffix(s, &rd, defaultUnit)
	if err != nil {
		return Amount{}, err
	}
	return Amount{value: rd.decimal(), unit: u}, nil
}

// numberSuffix accepts nothing or one percent sign after a number.
func numberSuffix(in string, rd *reading) (percent bool, err error) {
	at, text := rd.suffixAt, rd.suffix
	fail := func(offset int, code, msg string) error {
		return &ParseError{Input: in, Offset: offset, Code: code, Msg: msg, subject: subjectNumber}
	}
	if text == "" {
		return false, nil
	}
	r, size := utf8.DecodeRuneInString(text)
	switch {
	case isPercent(r) && len(text) == size:
		return true, nil
	case isPercent(r):
		next, _ := utf8.DecodeRuneInString(text[size:])
		if isPercent(next) {
			return false, fail(at+1, CodePercent, nth(at+1)+"处多了一个百分号")
		}
		return false, fail(at+1, CodePercent, nth(at+1)+"处：百分号后面不能再有其他内容")
	}
	if _, ok := unitOf(text); ok {
		return false, fail(at, CodeUnitNumber, nth(at)+"起是单位"+quoteShort(text)+"，此处只填数字，不带单位")
	}
	return false, fail(at, CodeBadChar, badChar(at, r))
}

// amountSuffix reads the unit after an amount, defaultUnit when there is none.
func amountSuffix(in string, rd *reading, defaultUnit Unit) (Unit, error) {
	at, text := rd.suffixAt, rd.suffix
	fail := func(code, msg string) error {
		return &ParseError{Input: in, Offset: at, Code: code, Msg: msg, subject: subjectAmount}
	}
	r, _ := utf8.DecodeRuneInString(text)
	switch {
	case text == "":
		return defaultUnit, nil
	case isPercent(r):
		return Yuan, fail(CodePercentAmt, nth(at)+"处：金额不能写成百分数")
	case !unicode.IsLetter(r):
		return Yuan, fail(CodeBadChar, badChar(at, r))
	}
	if u, ok := unitOf(text); ok {
		return u, nil
	}
	return Yuan, fail(CodeUnknownUnit, nth(at)+"起的"+quoteShort(text)+"不是可用的单位（元、万元、亿元）")
}
