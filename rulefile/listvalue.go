package rulefile

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

// ParseList reads a list of numbers written as text, as a test's given and a command line's
// --set take it: [50, 45.5], or 50, 45.5 without brackets; [] is the empty list. Items are
// separated by commas (full-width ones too), so no number may carry a thousands separator:
// 1,000, 2 could be one thousand and two, or 1, 000 and 2, and is refused (code F012) instead
// of read one way. Any other item that is not a number is an F003 error. The errors carry no
// position: the caller knows where the text is.
func ParseList(text string) ([]decimal.Decimal, error) {
	if group, ok := thousandsGroup(text); ok {
		return nil, &rules.Error{Code: rules.ErrAmbiguous, Msg: fmt.Sprintf(
			"列表 %s 有歧义：%s 可以读作一个带千分位的数，也可以读作几个数。列表各项之间用逗号和空格分隔，数字不写千分位逗号（如 [1000, 2]）",
			excerpt(strings.TrimSpace(text)), group)}
	}
	body := strings.TrimSpace(text)
	if opens, closes := strings.HasPrefix(body, "["), strings.HasSuffix(body, "]"); opens != closes {
		side := map[bool]string{true: "右方括号“]”", false: "左方括号“[”"}[opens]
		return nil, &rules.Error{Code: rules.ErrFileValue, Msg: fmt.Sprintf("列表 %s 缺少%s：写成 [1, 2.5]，或不写方括号", excerpt(body), side)}
	}
	body = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(body, "["), "]"))
	if body == "" {
		return []decimal.Decimal{}, nil
	}
	parts := strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == '，' })
	ds := make([]decimal.Decimal, 0, len(parts))
	for i, p := range parts {
		d, err := amount.ParseDecimal(strings.TrimSpace(p))
		if err != nil {
			return nil, &rules.Error{Code: rules.ErrFileValue, Msg: fmt.Sprintf(
				"应为数字列表，如 [1, 2.5]；第 %d 项 %s 不是数字", i+1, excerpt(strings.TrimSpace(p)))}
		}
		ds = append(ds, d)
	}
	return ds, nil
}

// thousandsGroup finds, in a list written as text, a number that reads as written with a
// thousands separator (a comma between digits followed by exactly three digits: 1,000 or
// 12,345.5), which a list's own commas make ambiguous. It gives that number as written.
func thousandsGroup(text string) (string, bool) {
	rs := []rune(text)
	isDigit := func(k int) bool {
		return k >= 0 && k < len(rs) && (rs[k] >= '0' && rs[k] <= '9' || rs[k] >= '０' && rs[k] <= '９')
	}
	for i, r := range rs {
		if (r != ',' && r != '，') || !isDigit(i-1) || !isDigit(i+1) || !isDigit(i+2) || !isDigit(i+3) || isDigit(i+4) {
			continue
		}
		start, end := i-1, i+4
		for isDigit(start - 1) {
			start--
		}
		for end < len(rs) && (isDigit(end) || rs[end] == '.' || (rs[end] == ',' || rs[end] == '，') && isDigit(end+1)) {
			end++
		}
		return string(rs[start:end]), true
	}
	return "", false
}
