package amount

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits on the text the parsers accept. Longer input is rejected with CodeTooLong before it is read,
// so a 1 MB cell costs nothing.
const (
	MaxDigits     = 100  // digits written, leading and trailing zeros included
	MaxInputBytes = 1024 // bytes of input, surrounding blanks included
)

// reading is a number as read from text, before what follows it is interpreted.
type reading struct {
	neg      bool
	digits   [MaxDigits]byte // ASCII digits, integer part then fraction
	n        int             // digits used
	frac     int             // how many of them follow the decimal point
	suffix   string          // text after the number and any blanks, trailing blanks removed
	suffixAt int             // rune offset of suffix in the input
}

// decimal builds the value from the digits without going through a string or a float.
func (rd *reading) decimal() decimal.Decimal {
	// digit refuses more than MaxDigits digits, so frac (<= n) always fits the int32 exponent.
	if rd.frac < 0 || rd.frac > MaxDigits {
		panic("amount: fraction digit count out of range")
	}
	exp := -int32(rd.frac)
	if rd.n <= 18 {
		var v int64
		for _, c := range rd.digits[:rd.n] {
			v = v*10 + int64(c-'0')
		}
		if rd.neg {
			v = -v
		}
		return decimal.New(v, exp)
	}
	var v big.Int
	v.SetString(string(rd.digits[:rd.n]), 10)
	if rd.neg {
		v.Neg(&v)
	}
	return decimal.NewFromBigInt(&v, exp)
}

// scanner reads one number from in. Offsets are rune offsets in in.
type scanner struct {
	in      string
	s       string // what is left to read, trailing blanks already cut
	at      int    // rune offset of s
	subject string
	rd      reading
	group   int // digits since the start or the last comma
	comma   int // offset of the last thousands separator, -1 if none
	point   int // offset of the decimal point, -1 if none
}

// scan reads the number at the start of in and leaves the rest in suffix.
func scan(in, subject string) (reading, error) {
	sc := scanner{in: in, subject: subject, comma: -1, point: -1}
	if err := sc.start(); err != nil {
		return reading{}, err
	}
	if err := sc.notANumber(); err != nil {
		return reading{}, err
	}
	if err := sc.sign(); err != nil {
		return reading{}, err
	}
	if err := sc.body(); err != nil {
		return reading{}, err
	}
	if err := sc.blanks(); err != nil {
		return reading{}, err
	}
	sc.rd.suffix, sc.rd.suffixAt = sc.s, sc.at
	return sc.rd, nil
}

func (sc *scanner) fail(offset int, code, msg string) error {
	return &ParseError{Input: sc.in, Offset: offset, Code: code, Msg: msg, subject: sc.subject}
}

func (sc *scanner) peek() (rune, int) {
	if sc.s == "" {
		return -1, 0
	}
	return utf8.DecodeRuneInString(sc.s)
}

func (sc *scanner) advance(size int) {
	sc.s = sc.s[size:]
	sc.at++
}

// start checks length and encoding and cuts the surrounding blanks.
func (sc *scanner) start() error {
	if len(sc.in) > MaxInputBytes {
		return sc.fail(utf8.RuneCountInString(sc.in[:MaxInputBytes]), CodeTooLong,
			"内容过长（超过"+strconv.Itoa(MaxInputBytes)+"字节）")
	}
	if bad := invalidUTF8(sc.in); bad >= 0 {
		return sc.fail(bad, CodeBadEncoding, nth(bad)+"处不是有效的 UTF-8 编码（文件可能是 GBK 编码，请另存为 UTF-8）")
	}
	sc.at = leadingBlanks(sc.in)
	sc.s = strings.TrimFunc(sc.in, isBlank)
	if sc.s == "" {
		return sc.fail(0, CodeEmpty, "内容为空")
	}
	return nil
}

// notANumber rejects NaN and Inf, which decimal libraries elsewhere may accept.
func (sc *scanner) notANumber() error {
	rest := sc.s
	if r, size := sc.peek(); signOf(r) != 0 {
		rest = rest[size:]
	}
	for _, word := range []string{"nan", "inf", "infinity"} {
		if strings.EqualFold(rest, word) {
			return sc.fail(sc.at, CodeNotANumber, strconv.Quote(rest)+" 不是数字，请填写具体数值")
		}
	}
	return nil
}

func (sc *scanner) sign() error {
	r, size := sc.peek()
	if signOf(r) == 0 {
		return nil
	}
	sc.rd.neg = signOf(r) < 0
	sc.advance(size)
	if r, _ := sc.peek(); signOf(r) != 0 {
		return sc.fail(sc.at, CodeSign, nth(sc.at)+"处多了一个正负号")
	}
	return nil
}

// body reads digits, thousands separators and the decimal point, then checks how the number ends.
func (sc *scanner) body() error {
	for {
		r, size := sc.peek()
		var err error
		switch {
		case digitOf(r) >= 0:
			err = sc.digit(digitOf(r))
		case isComma(r):
			err = sc.separator()
		case isPoint(r):
			err = sc.decimalPoint()
		default:
			return sc.end(r)
		}
		if err != nil {
			return err
		}
		sc.advance(size)
	}
}

func (sc *scanner) digit(d int) error {
	rd := &sc.rd
	if rd.n == MaxDigits {
		return sc.fail(sc.at, CodeTooLong, nth(sc.at)+"处超过"+strconv.Itoa(MaxDigits)+"位数字")
	}
	rd.digits[rd.n] = "0123456789"[d] // d is 0-9 (digitOf); indexing checks it
	rd.n++
	sc.group++
	if sc.point >= 0 {
		rd.frac++
	}
	return nil
}

func (sc *scanner) separator() error {
	switch {
	case sc.point >= 0:
		return sc.fail(sc.at, CodeGrouping, nth(sc.at)+"处的逗号在小数部分，千分位分隔符只能写在整数部分")
	case sc.group == 0 && sc.comma < 0:
		return sc.fail(sc.at, CodeGrouping, nth(sc.at)+"处的逗号前面没有数字")
	case sc.group == 0:
		return sc.fail(sc.at, CodeGrouping, nth(sc.at)+"处多了一个逗号")
	case sc.comma < 0 && sc.group > 3:
		return sc.fail(sc.at, CodeGrouping,
			nth(sc.at)+"处的千分位逗号前有"+strconv.Itoa(sc.group)+"位数字，应为1到3位")
	}
	if err := sc.endGroup(); err != nil {
		return err
	}
	sc.comma, sc.group = sc.at, 0
	return nil
}

// endGroup checks that the digits after the last thousands separator are exactly three.
func (sc *scanner) endGroup() error {
	if sc.comma < 0 || sc.group == 3 {
		return nil
	}
	return sc.fail(sc.comma, CodeGrouping,
		nth(sc.comma)+"处的千分位逗号后应为3位数字，实际为"+strconv.Itoa(sc.group)+"位")
}

func (sc *scanner) decimalPoint() error {
	if sc.point >= 0 {
		return sc.fail(sc.at, CodeExtraPoint, nth(sc.at)+"处多了一个小数点")
	}
	if err := sc.endGroup(); err != nil {
		return err
	}
	if sc.rd.n == 0 {
		return sc.fail(sc.at, CodeLonePoint, nth(sc.at)+"处的小数点前缺少数字（如 0.5）")
	}
	sc.point, sc.group = sc.at, 0
	return nil
}

// end checks the number read so far, r being the first character after it (-1 at the end).
func (sc *scanner) end(r rune) error {
	if sc.point >= 0 && sc.rd.frac == 0 {
		return sc.fail(sc.point, CodeLonePoint, nth(sc.point)+"处的小数点后缺少数字")
	}
	if sc.point < 0 {
		if err := sc.endGroup(); err != nil {
			return err
		}
	}
	switch {
	case sc.rd.n == 0:
		return sc.noDigits(r)
	case isExponent(r):
		return sc.fail(sc.at, CodeScientific, nth(sc.at)+"处：不接受科学计数法，请写出完整数字（如 100000，而不是 1e5）")
	case signOf(r) != 0:
		return sc.fail(sc.at, CodeSign, nth(sc.at)+"处：正负号只能写在数字最前面")
	}
	return nil
}

// noDigits explains a text with no digit where one was expected.
func (sc *scanner) noDigits(r rune) error {
	switch {
	case r < 0:
		return sc.fail(sc.at, CodeNoDigits, "只有正负号，没有数字")
	case isPercent(r):
		return sc.fail(sc.at, CodeNoDigits, nth(sc.at)+"处的百分号前面没有数字")
	case isBlank(r):
		return sc.fail(sc.at, CodeBadChar, nth(sc.at)+"处：正负号和数字之间不能有空格")
	}
	if _, ok := unitOf(sc.s); ok {
		return sc.fail(sc.at, CodeNoDigits, "只有单位"+strconv.Quote(sc.s)+"，没有数字")
	}
	return sc.fail(sc.at, CodeBadChar, badChar(sc.at, r))
}

// blanks skips the blanks between a number and its suffix; a digit after them means a blank inside a number.
func (sc *scanner) blanks() error {
	blankAt := sc.at
	for {
		r, size := sc.peek()
		if !isBlank(r) {
			if sc.at > blankAt && (digitOf(r) >= 0 || isComma(r) || isPoint(r)) {
				return sc.fail(blankAt, CodeBadChar, nth(blankAt)+"处：数字中间不能有空格")
			}
			return nil
		}
		sc.advance(size)
	}
}

// badChar explains a character that has no place in a number.
func badChar(at int, r rune) string {
	switch {
	case r == '。':
		return nth(at) + "处的句号不能当小数点，请用“.”"
	case strings.ContainsRune("零〇一二两三四五六七八九十百千", r):
		return nth(at) + showRune(r) + "是汉字数字，请用阿拉伯数字填写（如 100）"
	}
	return nth(at) + showRune(r) + "无法识别"
}

// invalidUTF8 returns the rune offset of the first invalid byte of s, or -1.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	n := 0
	for i := 0; i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return n
		}
		i += size
	}
	return -1
}

// isBlank is a character staff's cells carry around a number: spaces, tabs, the full-width space
// U+3000, no-break space, and the invisible zero-width space and byte-order mark.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// leadingBlanks counts the blank runes at the start of s.
func leadingBlanks(s string) int {
	n := 0
	for _, r := range s {
		if !isBlank(r) {
			break
		}
		n++
	}
	return n
}

// digitOf maps 0-9 and full-width ０-９ to their value, anything else to -1.
func digitOf(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// signOf gives +1 for + and ＋, -1 for -, － and the minus sign U+2212, 0 otherwise.
func signOf(r rune) int {
	switch r {
	case '+', '＋':
		return 1
	case '-', '－', '−':
		return -1
	}
	return 0
}

func isComma(r rune) bool    { return r == ',' || r == '，' }
func isPoint(r rune) bool    { return r == '.' || r == '．' }
func isPercent(r rune) bool  { return r == '%' || r == '％' }
func isExponent(r rune) bool { return r == 'e' || r == 'E' || r == 'ｅ' || r == 'Ｅ' }
