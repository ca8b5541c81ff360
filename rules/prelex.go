package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jixiao-go/jixiao/internal/textpos"
)

// fullWidth maps characters a Chinese input method types in place of ASCII punctuation.
// Each maps to exactly one rune, so rune offsets (and so error columns) do not move.
func fullWidth(r rune) (rune, bool) {
	switch {
	case r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return r, false // full-width letters are part of names as declared (指标Ａ)
	case r >= 0xFF01 && r <= 0xFF5E: // （）０-９＋－＊／，．％＜＝＞［］
		return r - 0xFEE0, true
	case r == 0x3000: // ideographic space
		return ' ', true
	case r == '“' || r == '”':
		return '"', true
	case r == '‘' || r == '’':
		return '\'', true
	case r == '【':
		return '[', true
	case r == '】':
		return ']', true
	}
	return r, false
}

// lookalikes are single characters staff type that stand for two-character operators.
var lookalikes = map[rune]string{
	'≤': "<=", '≥': ">=", '≠': "!=", '×': "*", '÷': "/", '－': "-", '—': "-", '–': "-",
}

// prelex prepares text for expr's parser. It never changes the rune count, so every offset
// expr reports is an offset into the author's text.
func prelex(e Expr, ruleID string, lim limits) (*source, ErrorList) {
	text := e.Text
	s := &source{text: text, pos: e.Pos, locate: e.Locate, ruleID: ruleID, lits: map[int]string{}, pct: map[int]bool{}, badLit: map[int]bool{}}
	s.lines = lineStarts(text)
	if off, ok := textpos.FirstInvalid(text); !ok {
		return s, ErrorList{s.errAt(ErrChar, off, off+1, "文本不是有效的 UTF-8 编码，请用 UTF-8 保存文件")}
	}
	rs := []rune(text)
	s.runes = len(rs)
	if len(rs) > lim.maxLength {
		return s, ErrorList{s.errAt(ErrLimit, lim.maxLength, len(rs), fmt.Sprintf("表达式过长：%d 个字符，上限 %d", len(rs), lim.maxLength))}
	}
	if strings.TrimSpace(text) == "" {
		return s, ErrorList{s.errAt(ErrEmpty, 0, 0, "表达式为空")}
	}
	var errs ErrorList
	out := make([]rune, len(rs))
	for i := 0; i < len(rs); {
		r := rs[i]
		if n, ok := fullWidth(r); ok && n != '"' && n != '\'' && (!isDigitRune(n) || !identBefore(out, i)) {
			r = n // a full-width digit inside a name stays as declared (指标１)
		}
		switch {
		case r == '"' || r == '\'' || r == '`' || rs[i] == '“' || rs[i] == '‘':
			i = s.copyString(rs, out, i, &errs)
			continue
		case r == 0xFEFF && i == 0:
			r = ' ' // a byte-order mark some editors put at the start
		case r == 0 || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r') || unicode.Is(unicode.Cf, r):
			errs = append(errs, s.errAt(ErrChar, i, i+1, fmt.Sprintf("表达式中有不可见的控制字符 %U，请删除", r)))
			r = ' '
		case lookalikes[r] != "":
			errs = append(errs, s.errAt(ErrChar, i, i+1, fmt.Sprintf("请用 %s 代替 %c", lookalikes[r], r)))
			r = ' '
		case r == '.' && inName(out, rs, i):
			s.dotInName(i)
			r = '$' // expr reads $ as part of a name; realName turns it back
		case r == '.' && i+1 < len(rs) && isDigitRune(fw(rs[i+1])) && (i == 0 || !isDigitRune(out[i-1]) && out[i-1] != '.') && !identBefore(out, i):
			errs = append(errs, s.errAt(ErrNumber, i, i+1, "小数要写出整数部分：请写成 0"+string(fwString(rs[i:]))))
			r = ' ' // the digits after it are read as a number, so no second message
		case r >= '0' && r <= '9' && !identBefore(out, i):
			i = s.number(rs, out, i, &errs)
			continue
		case r == '%':
			errs = append(errs, s.errAt(ErrUnsupported, i, i+1, "% 只能紧跟在数字后面表示百分数（如 20%）；取余请写 mod(a, b)"))
			r = ' '
		case r == '/' && i+1 < len(rs) && (fw(rs[i+1]) == '/' || fw(rs[i+1]) == '*'), r == '#' && hashComment(out, i):
			i = s.comment(rs, out, i, &errs)
			continue
		}
		out[i] = r
		i++
	}
	s.norm, s.nrunes = string(out), out
	return s, errs
}

// comment refuses a // or /* at i, which expr would read as a comment and skip: 执行数 // 预算数
// would silently compute 执行数; and a # that YAML left in the expression (执行数/预算数#说明,
// or a # in a | block, where YAML has no comments). Strings were copied before this is
// reached, so the // of a quoted "http://…" never gets here. The comment is blanked (to the
// line's end, or to */) so that the parser reports nothing more about it.
func (s *source) comment(rs, out []rune, i int, errs *ErrorList) int {
	if rs[i] == '#' {
		// YAML took it for text: no blank before it, or in quotes, or in a | block
		*errs = append(*errs, s.errAt(ErrComment, i, i+1,
			"表达式中的 # 没有被当作注释：YAML 只把前面有空格、又不在引号或 | 块里的 # 当作注释，请把说明移到表达式之外"))
		return s.blankComment(rs, out, i, "#")
	}
	mark := "/" + string(fw(rs[i+1]))
	msg := "表达式中不能写注释 " + mark + "：YAML 的注释以 # 开头（写在表达式后面，# 前留一个空格）"
	if mark == "//" {
		msg += "；除法只写一个 /"
	}
	*errs = append(*errs, s.errAt(ErrComment, i, i+2, msg))
	return s.blankComment(rs, out, i, mark)
}

// hashComment reports whether the # at i reads as a comment left in the text: it follows
// the end of an operand (执行数/预算数#说明) or starts a line after the first (in a | block). A #
// elsewhere (all(明细, # > 0)) is expr's predicate syntax, which the parser refuses itself.
func hashComment(out []rune, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch p := out[k]; p {
		case ' ', '\t':
			continue
		case '\n', '\r':
			return true
		default:
			return p == ')' || p == ']' || p == '"' || p == '\'' || identBefore(out, k+1)
		}
	}
	return false
}

// blankComment blanks the comment that mark opens at i, to its line's end (// and #) or
// its */, and gives the offset after it.
func (s *source) blankComment(rs, out []rune, i int, mark string) int {
	end := len(rs)
	for k := i + len([]rune(mark)); k < len(rs); k++ {
		if mark != "/*" && (rs[k] == '\n' || rs[k] == '\r') {
			end = k
			break
		}
		if mark == "/*" && fw(rs[k]) == '*' && k+1 < len(rs) && fw(rs[k+1]) == '/' {
			end = k + 2
			break
		}
	}
	for k := i; k < end; k++ {
		out[k] = ' '
	}
	return end
}

// inName reports whether the '.' at i is a decimal point inside a name such as PM2.5浓度:
// between a digit that continues a name and another digit.
func inName(out, rs []rune, i int) bool {
	return i > 0 && isDigitRune(out[i-1]) && identBefore(out, i-1) && i+1 < len(rs) && isDigitRune(fw(rs[i+1]))
}

func (s *source) dotInName(i int) {
	if s.dots == nil {
		s.dots = map[int]bool{}
	}
	s.dots[i] = true
}

// realName is the name the author wrote for the identifier expr read at rune offset from:
// the decimal points the pre-lexer gave expr as $ are put back. A $ the author typed stays.
func (s *source) realName(name string, from int) string {
	if len(s.dots) == 0 || !strings.ContainsRune(name, '$') {
		return name
	}
	rs := []rune(name)
	for k, r := range rs {
		if r == '$' && s.dots[from+k] {
			rs[k] = '.'
		}
	}
	return string(rs)
}

// identBefore reports whether the rune before i continues an identifier (as in 指标2).
func identBefore(out []rune, i int) bool {
	if i == 0 {
		return false
	}
	p := out[i-1]
	return p == '_' || p == '$' || unicode.IsLetter(p) || unicode.IsDigit(p) // $: a point inside a name
}

func isIdentRune(r rune) bool {
	if n, ok := fullWidth(r); ok {
		r = n
	}
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// copyString copies a quoted string unchanged (full-width text inside quotes is the author's),
// turning Chinese quotation marks into ASCII ones.
func (s *source) copyString(rs, out []rune, i int, errs *ErrorList) int {
	open := rs[i]
	closeSet := string(open)
	switch open {
	case '"', '“', '”', '＂':
		closeSet = "\"“”＂"
		out[i] = '"'
	case '\'', '‘', '’', '＇':
		closeSet = "'‘’＇"
		out[i] = '\''
	default:
		out[i] = open
	}
	j := i + 1
	for ; j < len(rs); j++ {
		r := rs[j]
		if r == '\\' && open != '`' && j+1 < len(rs) {
			out[j], out[j+1] = r, rs[j+1]
			j++
			continue
		}
		if strings.ContainsRune(closeSet, r) {
			out[j] = out[i]
			return j + 1
		}
		if r == 0 {
			*errs = append(*errs, s.errAt(ErrChar, j, j+1, "文本中有不可见的控制字符 NUL，请删除"))
			r = ' '
		}
		out[j] = r
	}
	*errs = append(*errs, s.errAt(ErrSyntax, i, j, "文本缺少结束引号"))
	return j
}

// number reads a numeric literal at i, keeps its exact text and blanks it for expr as "0",
// so expr never reads it through float64 and never rejects a big integer.
func (s *source) number(rs, out []rune, i int, errs *ErrorList) int {
	start, reported := i, len(*errs)
	defer func() {
		if len(*errs) > reported { // one mistake, one message: the checker says nothing more of it
			s.badLit[start] = true
		}
	}()
	var b strings.Builder
	digits := func() int {
		n := 0
		for i < len(rs) {
			r, _ := fullWidth(rs[i])
			if r < '0' || r > '9' {
				break
			}
			b.WriteRune(r)
			i++
			n++
		}
		return n
	}
	at := func(k int) rune {
		if k >= len(rs) {
			return 0
		}
		r, _ := fullWidth(rs[k])
		return r
	}
	digits()
	if at(i) == '.' && at(i+1) != '.' {
		b.WriteByte('.')
		i++
		if digits() == 0 {
			*errs = append(*errs, s.errAt(ErrNumber, start, i, fmt.Sprintf("数字 %s 的小数点后缺少数字", b.String())))
		}
	}
	if r := at(i); (r == 'e' || r == 'E') && (isDigitRune(at(i+1)) || ((at(i+1) == '+' || at(i+1) == '-') && isDigitRune(at(i+2)))) {
		mant := b.String()
		b.WriteRune(r)
		i++
		if at(i) == '+' || at(i) == '-' {
			b.WriteRune(at(i))
			i++
		}
		digits()
		*errs = append(*errs, s.errAt(ErrNumber, start, i, fmt.Sprintf("规则中不用科学计数法 %s：请直接写出数字（如 %s 后面补零）", b.String(), mant)))
	}
	text := b.String()
	switch r := at(i); {
	case r == '.' && isDigitRune(at(i+1)):
		*errs = append(*errs, s.errAt(ErrNumber, start, i+1, fmt.Sprintf("数字写法有误：%s 后面多了一个小数点", text)))
		i++ // 1.5.2 is one mistake: the rest of it is part of the same number
		for isDigitRune(at(i)) || at(i) == '.' && isDigitRune(at(i+1)) {
			i++
		}
	case r == '万' || r == '亿' || r == '元':
		*errs = append(*errs, s.errAt(ErrNumber, start, i+1, fmt.Sprintf("规则中的数字不带单位：请直接写 %s，单位在输入声明中说明", text)))
	case i < len(rs) && isIdentRune(rs[i]):
		*errs = append(*errs, s.errAt(ErrNumber, start, i+1, fmt.Sprintf("数字 %s 后面紧跟了字母或文字，名称不能以数字开头", text)))
	}
	out[start] = '0'
	for k := start + 1; k < i; k++ {
		out[k] = ' '
	}
	s.lits[start] = text
	if at(i) == '%' {
		s.pct[start] = true
		out[i] = ' '
		i++
		if k := skipSpaces(rs, i); k < len(rs) && (isIdentRune(rs[k]) || rs[k] == '(') {
			*errs = append(*errs, s.errAt(ErrUnsupported, i-1, i, "% 在这里像是取余：取余请写 mod(a, b)；百分数后面要有运算符"))
		}
	}
	return i
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func fw(r rune) rune {
	n, _ := fullWidth(r)
	return n
}

// fwString gives the number starting at rs[0] ('.' and digits), for a message.
func fwString(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		r = fw(r)
		if (i == 0 && r == '.') || isDigitRune(r) {
			out = append(out, r)
			continue
		}
		break
	}
	return out
}

func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
		i++
	}
	return i
}
