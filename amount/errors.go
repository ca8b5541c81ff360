package amount

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// ErrSyntax is matched, through errors.Is, by every *ParseError this package returns.
var ErrSyntax = errors.New("amount: 无法识别的数字或金额")

// Error codes of ParseError. They are stable: a platform may switch on them to show its own text.
const (
	CodeEmpty       = "AMT001" // 内容为空或只有空白
	CodeBadChar     = "AMT002" // 无法识别的字符，或数字中间有空格
	CodeExtraPoint  = "AMT003" // 多了一个小数点
	CodeGrouping    = "AMT004" // 千分位分隔符位置不对
	CodeSign        = "AMT005" // 正负号重复或不在最前面
	CodeNoDigits    = "AMT006" // 没有数字
	CodeScientific  = "AMT007" // 科学计数法（1e5）
	CodeNotANumber  = "AMT008" // NaN、Inf、Infinity
	CodePercent     = "AMT009" // 百分号重复、位置不对或后面还有字符
	CodeTooLong     = "AMT010" // 超过 MaxDigits 位数字或 MaxInputBytes 字节
	CodeBadEncoding = "AMT011" // 不是有效的 UTF-8 文本
	CodeUnknownUnit = "AMT012" // 不是 元、万元、亿元 之一
	CodePercentAmt  = "AMT013" // 金额写成了百分数
	CodeLonePoint   = "AMT014" // 小数点前或后缺少数字
	CodeUnitNumber  = "AMT015" // 只需要数字的地方带了单位
)

// ParseError reports why a text is not a number, an amount or a unit.
// Offset counts runes from 0 (each invalid UTF-8 byte counts as one); Msg, in Chinese, counts characters
// from 1, as staff do. Input is the text as given; Error quotes at most its first 40 characters.
type ParseError struct {
	Input  string
	Offset int
	Code   string
	Msg    string

	subject string // 数字, 金额 or 单位: what was being read
}

// Error reads like: 无法识别的数字 "12.3.4"：第5个字符处多了一个小数点.
func (e *ParseError) Error() string {
	subject := e.subject
	if subject == "" {
		subject = subjectNumber
	}
	return "无法识别的" + subject + " " + quoteShort(e.Input) + "：" + e.Msg
}

// Is makes errors.Is(err, ErrSyntax) true.
func (e *ParseError) Is(target error) bool { return target == ErrSyntax }

const (
	subjectNumber = "数字"
	subjectAmount = "金额"
	subjectUnit   = "单位"
	quoteRunes    = 40
)

// quoteShort quotes s as Go does (invalid bytes and control characters escaped), cut to quoteRunes runes.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) <= quoteRunes {
		return strconv.Quote(s)
	}
	cut, n := 0, 0
	for cut < len(s) && n < quoteRunes {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
		n++
	}
	return strconv.Quote(s[:cut]) + "…"
}

// showRune quotes one character for a message: "万", "\x00".
func showRune(r rune) string { return strconv.Quote(string(r)) }

// nth writes a 0-based rune offset the way staff count: 第5个字符.
func nth(offset int) string { return "第" + strconv.Itoa(offset+1) + "个字符" }
