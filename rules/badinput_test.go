package rules_test

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// within fails the test if fn does not return in time: staff text must never hang a batch.
func within(t *testing.T, limit time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("did not finish within %v", limit)
	}
}

// valueOrError evaluates text and asserts it ends either in a value or in well-formed errors.
func valueOrError(t *testing.T, text string, in map[string]any, opts ...rules.Option) (rules.Value, error) {
	t.Helper()
	var v rules.Value
	var err error
	safely(t, "compile and eval", func() {
		var p *rules.Program
		p, err = rules.Compile(text, opts...)
		if err != nil {
			errList(t, err)
			return
		}
		v, err = p.EvalValue(in)
		if err != nil {
			errList(t, err)
		}
	})
	return v, err
}

func TestEmptyAndBlank(t *testing.T) {
	for _, text := range []string{"", " ", "\t\n  \r\n", "\u3000", "  \n\n"} {
		t.Run(fmt.Sprintf("%q", text), func(t *testing.T) {
			_, err := rules.Compile(text)
			e := onlyCode(t, err, rules.ErrEmpty)
			assert.Equal(t, 1, e.Line)
			assert.Equal(t, 1, e.Col)
		})
	}
}

func TestInvisibleAndInvalidCharacters(t *testing.T) {
	for _, c := range []struct {
		name, text string
		code       rules.Code
		col        int
		reason     string
	}{
		{"NUL", "1 +\x00 2", rules.ErrChar, 4, "a NUL byte at rune offset 3"},
		{"文本中的NUL", "部门 == \"a\x00b\"", rules.ErrChar, 9, "NUL inside quotes is still refused; 部门 == \"a is 8 runes"},
		{"无效UTF8", "1 + \xff", rules.ErrChar, 5, "an invalid byte after four valid runes"},
		{"截断的UTF8", "执行率 + \xe6\x89", rules.ErrChar, 7, "a truncated 3-byte sequence after '执行率 + '"},
		{"响铃", "1 +\a 2", rules.ErrChar, 4, "BEL is a control character"},
		{"转义序列", "\x1b[31m1", rules.ErrChar, 1, "a terminal escape pasted in"},
		{"DEL", "1\x7f + 2", rules.ErrChar, 2, "DEL is a control character"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			_, err := rules.Compile(c.text, std()...)
			e := hasCode(t, err, c.code)
			assert.Equal(t, 1, e.Line)
			assert.Equal(t, c.col, e.Col, "%v", err)
		})
	}
	// A byte-order mark some editors write at the start of a text is not part of the rule.
	t.Run("BOM", func(t *testing.T) {
		p, err := rules.Compile("\ufeff1 + 1", std()...)
		require.NoError(t, err)
		v, err := p.EvalValue(nil)
		require.NoError(t, err)
		assert.Equal(t, "2", v.String())
	})
	// Characters pasted from Word or a web page: clean errors (or a value), never a panic.
	for _, text := range []string{"\ufeff1 + 1", "1 +\u200b 1", "1 + 1\u2028", "执行率\u00a0> 1", "1 + 1 \U0001F600"} {
		t.Run(fmt.Sprintf("%q", text), func(t *testing.T) {
			valueOrError(t, text, vars{"执行率": d("2")}, std()...)
		})
	}
}

// englishPhrases are fragments of expr's English messages; staff must never see them.
var englishPhrases = []string{"unrecognized", "unexpected", "expected", "literal", "token", "cannot", "mismatched",
	"undefined", "invalid", "unknown", "character", "operator", "argument"}

// TestMessagesAreChinese: every message a policy officer reads is in Chinese, without expr's
// English text and without the pre-lexer's stand-in 0 for a number the author typed.
func TestMessagesAreChinese(t *testing.T) {
	for _, text := range []string{
		"1 +\u200b 1", "1 @ 2", "执行率 $ 1", "1 + 1 \U0001F600", "执行率 25", "(1 + 2) 3",
		"7%2", "round(1,", "[1, 2", "1 +", "执行率 >", "if 执行率 { 1 }", "let = 1; 2", "let x 1; x",
		"执行率 ? 1", "1 ? : 2", "a b c", "1 ,2", "\"abc", "`abc", "'abc", "执行率 === 1", "!", "[", "]", "(",
		"#", "$", "~1", "1 | 2", "1 & 2", "执行率.", "..", "?.", "1 ?? ", "{", "}", "let", "not", "in",
		"部门 == \"财政局\\农业股\"", "\"\\q\"", "\"\\u12\"", "0x1F", "1_000", "[1 2]", "(1, 2)", "1 === 2",
	} {
		t.Run(fmt.Sprintf("%q", text), func(t *testing.T) {
			_, err := rules.Compile(text, std()...)
			list := errList(t, err)
			for _, e := range list {
				lower := strings.ToLower(e.Msg)
				for _, p := range englishPhrases {
					assert.NotContains(t, lower, p, "English leaked into %q", e.Msg)
				}
				if !strings.Contains(text, "0") {
					assert.NotContains(t, e.Msg, " 0", "the message quotes a 0 the author never typed: %q", e.Msg)
				}
			}
		})
	}
}

// TestModuloHint: % written as modulo is refused with a pointer to mod(a, b).
func TestModuloHint(t *testing.T) {
	for _, text := range []string{"执行数 % 预算数", "7 % 2", "执行数%预算数", "月份 % 3 == 0", "7%2", "月份%3"} {
		t.Run(text, func(t *testing.T) {
			_, err := rules.Compile(text, std()...)
			list := errList(t, err)
			hint := false
			for _, e := range list {
				hint = hint || strings.Contains(e.Msg, "mod(")
			}
			assert.True(t, hint, "no mod() hint in %v", err)
		})
	}
}

func TestLengthAndNodeLimits(t *testing.T) {
	t.Run("超长", func(t *testing.T) {
		text := strings.Repeat("1+", 5000) + "1" // 10,001 characters
		_, err := rules.Compile(text)
		e := onlyCode(t, err, rules.ErrLimit)
		assert.Contains(t, e.Msg, "10001")
	})
	t.Run("长而有效", func(t *testing.T) {
		// 800 terms of 12 characters: 9,599 characters and 1,599 nodes, both under the limits.
		var b strings.Builder
		want := decimal.Zero
		for i := 0; i < 800; i++ {
			if i > 0 {
				b.WriteString(" + ")
			}
			term := fmt.Sprintf("%06d.%02d", (i*7919)%1000000, i%100)
			b.WriteString(term)
			want = want.Add(d(term))
		}
		require.LessOrEqual(t, len(b.String()), 10000)
		v := compileRun(t, b.String(), nil)
		sameValue(t, num(want), v, "the sum of 800 exact terms")
	})
	t.Run("节点过多", func(t *testing.T) {
		text := strings.Repeat("1+", 1500) + "1" // 3,001 characters, 3,001 nodes
		_, err := rules.Compile(text)
		hasCode(t, err, rules.ErrLimit)
		_, err = rules.Compile(text, rules.MaxNodes(5000))
		require.NoError(t, err, "MaxNodes raises the bound")
	})
	t.Run("自定义长度上限", func(t *testing.T) {
		_, err := rules.Compile("1 + 2 + 3", rules.MaxLength(5))
		onlyCode(t, err, rules.ErrLimit)
	})
}

func TestDeepNesting(t *testing.T) {
	open, closing := strings.Repeat("(", 5000), strings.Repeat(")", 5000)
	t.Run("五千层括号默认上限", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			_, err := rules.Compile(open + "1" + closing)
			onlyCode(t, err, rules.ErrLimit) // 10,001 characters
		})
	})
	t.Run("五千层括号放宽长度", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			v, err := valueOrError(t, open+"1"+closing, nil, rules.MaxLength(20000))
			if err == nil {
				sameValue(t, numS("1"), v, "parentheses do not change a value")
			}
		})
	})
	t.Run("五千层未闭合", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			_, err := valueOrError(t, open+"1", nil, rules.MaxLength(20000))
			hasCode(t, err, rules.ErrSyntax)
		})
	})
	t.Run("五千层函数", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			text := strings.Repeat("abs(", 5000) + "-1" + strings.Repeat(")", 5000)
			_, err := valueOrError(t, text, nil, rules.MaxLength(30000))
			hasCode(t, err, rules.ErrLimit)
		})
	})
	t.Run("三千层函数放宽节点", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			text := strings.Repeat("abs(", 3000) + "-1" + strings.Repeat(")", 3000)
			v, err := valueOrError(t, text, nil, rules.MaxLength(30000), rules.MaxNodes(20000))
			if err == nil {
				sameValue(t, numS("1"), v, "abs of abs ... of -1 is 1")
			}
		})
	})
	t.Run("五千层负号", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			valueOrError(t, strings.Repeat("-", 5000)+"1", nil, rules.MaxLength(20000), rules.MaxNodes(20000))
			valueOrError(t, strings.Repeat("!", 5000)+"true", nil, rules.MaxLength(20000), rules.MaxNodes(20000))
		})
	})
	t.Run("深层三元与let", func(t *testing.T) {
		within(t, 20*time.Second, func() {
			var b strings.Builder
			for i := 0; i < 400; i++ {
				fmt.Fprintf(&b, "let v%d = %d; ", i, i)
			}
			b.WriteString("v399 + v0")
			v, err := valueOrError(t, b.String(), nil)
			if assert.NoError(t, err) {
				sameValue(t, numS("399"), v, "v399 + v0 = 399 + 0")
			}
		})
	})
}

func TestBadInputValues(t *testing.T) {
	p, err := rules.Compile("预算数 + 月份", std()...)
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		in     vars
		msgHas string
		reason string
	}{
		{"浮点数", vars{"预算数": 0.1, "月份": 1}, "浮点", "a float64 is not the amount the record holds"},
		{"float32", vars{"预算数": float32(0.5), "月份": 1}, "浮点", "float32 neither"},
		{"整数输入给小数", vars{"预算数": d("1"), "月份": d("8.5")}, "整数", "月份 is declared Int"},
		{"整数输入给小数文本", vars{"预算数": d("1"), "月份": "8.5"}, "整数", "text 8.5 is not whole either"},
		{"非数字文本", vars{"预算数": "十万", "月份": 1}, "预算数", "十万 is not a number"},
		{"布尔", vars{"预算数": true, "月份": 1}, "预算数", "true is not a number"},
		{"nil", vars{"预算数": nil, "月份": 1}, "预算数", "nil is not a number"},
		{"小数位过多", vars{"预算数": d("0." + strings.Repeat("1", 41)), "月份": 1}, "小数位", "41 places exceed MaxScale 40"},
		{"位数过多", vars{"预算数": d(strings.Repeat("9", 101)), "月份": 1}, "位数", "101 digits exceed MaxDigits 100"},
		{"指数过大", vars{"预算数": decimal.New(1, 1000), "月份": 1}, "位数", "1e1000 has 1001 digits written out"},
		{"空指针", vars{"预算数": (*decimal.Decimal)(nil), "月份": 1}, "预算数", "a nil pointer holds no number"},
		{"空big.Int", vars{"预算数": (*big.Int)(nil), "月份": 1}, "预算数", "a nil big.Int holds no number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			needReason(t, c.name, c.reason)
			safely(t, "Eval", func() {
				_, err := p.EvalValue(c.in)
				e := onlyCode(t, err, rules.ErrInputValue)
				assert.Contains(t, e.Msg, c.msgHas)
			})
		})
	}
	t.Run("整数输入给8.0", func(t *testing.T) {
		v, err := p.EvalValue(vars{"预算数": d("1"), "月份": d("8.0")})
		require.NoError(t, err, "8.0 is a whole number")
		sameValue(t, num(d("1").Add(d("8.0"))), v)
	})
	t.Run("四十位输入", func(t *testing.T) {
		big40 := d("1234567890123456789012345678901234567890.5")
		v, err := p.EvalValue(vars{"预算数": big40, "月份": 3})
		require.NoError(t, err)
		sameValue(t, num(big40.Add(d("3"))), v, "41 digits in, exact out")
		v, err = p.EvalValue(vars{"预算数": new(big.Int).Exp(big.NewInt(10), big.NewInt(39), nil), "月份": 1})
		require.NoError(t, err)
		sameValue(t, num(decimal.New(1, 39).Add(d("1"))), v, "a *big.Int input of 10^39")
	})
}

func TestBindBadStructs(t *testing.T) {
	p, err := rules.Compile("预算数 * 2", std()...)
	require.NoError(t, err)
	_, err = rules.Bind[struct {
		X float64 `rule:"预算数"`
	}](p)
	e := onlyCode(t, err, rules.ErrDeclaration) // a float64 field cannot hold an exact amount
	assert.Equal(t, [2]int{1, 1}, [2]int{e.Line, e.Col}, "at the input's first use: %v", e)
	assert.Contains(t, e.Msg, "float64")
	_, err = rules.Bind[struct {
		Y decimal.Decimal `rule:"执行数"`
	}](p)
	hasCode(t, err, rules.ErrMissingInput) // the struct lacks 预算数
	_, err = rules.Bind[int](p)
	e = onlyCode(t, err, rules.ErrDeclaration)
	assert.Equal(t, "Bind 需要结构体类型，收到 int", e.Error(), "no position: the problem is in Go, not in rule text")
	_, err = rules.Bind[struct {
		X float64 `rule:"预算数"`
		Y string  `rule:"执行数"`
	}](mustCompile(t, "预算数 + 执行数"))
	assert.Equal(t, []rules.Code{rules.ErrDeclaration, rules.ErrDeclaration}, codes(errList(t, err)),
		"every field of the wrong type is reported at once: %v", err)

	type rec struct {
		Budget decimal.Decimal `rule:"预算数"`
	}
	b, err := rules.Bind[rec](p)
	require.NoError(t, err)
	res := p.NewResult()
	big40 := d("9999999999999999999999999999999999999999.99")
	require.NoError(t, b.EvalInto(&rec{Budget: big40}, res))
	sameValue(t, num(big40.Mul(d("2"))), res.Value(0), "a 42-digit field through the Binding")
	q, _ := rules.Compile("1")
	err = b.EvalInto(&rec{}, q.NewResult())
	e = onlyCode(t, err, rules.ErrMisuse) // a Result from another program is the caller's mistake
	assert.Zero(t, e.Line)
	err = p.EvalInto(nil, q.NewResult())
	onlyCode(t, err, rules.ErrMisuse)
}

func mustCompile(t *testing.T, text string) *rules.Program {
	t.Helper()
	p, err := rules.Compile(text, std()...)
	require.NoError(t, err)
	return p
}

func TestPlacesLimits(t *testing.T) {
	runErrRows(t, []errRow{
		{name: "九亿位", expr: "round(1, 999999999)", code: rules.ErrLimit, col: 10,
			reason: "places are checked at compile time: no allocation of a billion digits"},
		{name: "四十一位", expr: "ceil(1, 41)", code: rules.ErrLimit, reason: "MaxScale is 40"},
		{name: "非整数位数", expr: "round(1, 0.5)", code: rules.ErrLimit, reason: "places must be whole"},
		{name: "巨大指数文字", expr: "1e999999999", code: rules.ErrNumber, reason: "a literal written with a huge exponent is refused, not expanded"},
		{name: "巨小指数文字", expr: "1e-999999999", code: rules.ErrNumber, reason: "a literal with a billion places is refused"},
		{name: "一百零一位数字", expr: "1" + strings.Repeat("0", 100), code: rules.ErrLimit, reason: "10^100 written out has 101 digits, over MaxDigits 100"},
		{name: "溢出指数文字", expr: "1e99999999999999999999", code: rules.ErrNumber, reason: "the exponent does not fit"},
	})
	v := compileRun(t, "round(1, 40)", nil)
	sameValue(t, num(d("1").Round(40)), v, "40 places is within the limit")
	// A negative constant is a unary minus over a literal: refused at compile time or, at the
	// latest, per record — never an allocation of a billion digits.
	within(t, 5*time.Second, func() {
		_, err := valueOrError(t, "floor(1, -999999999)", nil)
		require.Error(t, err)
		assert.True(t, errors.Is(err, rules.ErrLimit) || errors.Is(err, rules.ErrRuntimeLimit), "%v", err)
	})
}

func TestRuntimeLimits(t *testing.T) {
	t.Run("运行时巨大位数", func(t *testing.T) {
		p, err := rules.Compile("round(执行率, 月份)", std()...)
		require.NoError(t, err)
		within(t, 5*time.Second, func() {
			for _, m := range []int64{999999999, -999999999, 41, 1 << 40} {
				_, err := p.EvalValue(vars{"执行率": d("1.5"), "月份": m})
				e := onlyCode(t, err, rules.ErrRuntimeLimit)
				assert.Equal(t, 12, e.Col, "points at the places argument 月份: 'round(执行率, ' is 11 characters")
			}
		})
		v, err := p.EvalValue(vars{"执行率": d("1.25"), "月份": 1})
		require.NoError(t, err)
		sameValue(t, num(d("1.25").Round(1)), v)
	})
	t.Run("反复平方", func(t *testing.T) {
		var b strings.Builder
		prev := "x"
		for i := 0; i < 30; i++ {
			name := fmt.Sprintf("a%d", i)
			fmt.Fprintf(&b, "let %s = %s * %s; ", name, prev, prev)
			prev = name
		}
		b.WriteString(prev)
		p, err := rules.Compile(b.String(), rules.WithInput("x", rules.TypeDecimal))
		require.NoError(t, err)
		for _, x := range []string{"2", "1.0000001", "0.5", "-3", "99999999999999999999"} {
			within(t, 5*time.Second, func() {
				_, err := p.EvalValue(vars{"x": d(x)})
				onlyCode(t, err, rules.ErrRuntimeLimit)
			})
		}
		v, err := p.EvalValue(vars{"x": d("1")})
		require.NoError(t, err, "1 squared 30 times stays 1")
		sameValue(t, numS("1"), v)
	})
	t.Run("大数相乘超限", func(t *testing.T) {
		e60 := "1" + strings.Repeat("0", 60)         // 10^60, 61 digits
		e99 := "1" + strings.Repeat("0", 99)         // 10^99, 100 digits: the most MaxDigits allows
		tiny := "0." + strings.Repeat("0", 39) + "1" // 10^-40, 40 places: the most MaxScale allows
		for _, text := range []string{e60 + " * " + e60, e99 + " + 0.1", tiny + " * " + tiny + " * " + tiny + " * " + tiny} {
			_, err := valueOrError(t, text, nil)
			hasCode(t, err, rules.ErrRuntimeLimit)
		}
	})
	t.Run("文本拼接增长", func(t *testing.T) {
		var b strings.Builder
		prev := "部门"
		for i := 0; i < 30; i++ {
			name := fmt.Sprintf("s%d", i)
			fmt.Fprintf(&b, "let %s = %s + %s; ", name, prev, prev)
			prev = name
		}
		b.WriteString(prev)
		p, err := rules.Compile(b.String(), std()...)
		require.NoError(t, err)
		within(t, 10*time.Second, func() {
			_, err := p.EvalValue(vars{"部门": "财政局"})
			e := onlyCode(t, err, rules.ErrRuntimeLimit)
			assert.Contains(t, e.Msg, "10000")
		})
		p, err = rules.Compile("部门 + 部门", append(std(), rules.MaxText(8))...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"部门": "财政局"}) // 9 bytes each
		onlyCode(t, err, rules.ErrRuntimeLimit)
	})
	t.Run("日期越界", func(t *testing.T) {
		p, err := rules.Compile("add_days(日期, 月份)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"日期": "2024-01-01", "月份": 1 << 40})
		onlyCode(t, err, rules.ErrInputValue)
		p, err = rules.Compile("make_date(月份, 1, 1)", std()...)
		require.NoError(t, err)
		_, err = p.EvalValue(vars{"月份": 10000})
		onlyCode(t, err, rules.ErrInputValue)
	})
}

// TestSpecMisuse: a vendor building a Spec in Go may leave a value out. Build must answer with
// an error (or a program that evaluates cleanly), never a panic.
func TestSpecMisuse(t *testing.T) {
	for _, c := range []struct {
		name string
		spec rules.Spec
	}{
		{"空规则", rules.Spec{}},
		{"结果值为空", rules.Spec{Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{{Else: true}}}}}},
		{"条件行结果为空", rules.Spec{Inputs: []rules.Input{{Name: "偏差", Type: rules.TypeDecimal}},
			Tables: []rules.Table{{Name: "等级", Rows: []rules.Row{{When: rules.Expr{Text: "偏差 > 0"}}}}}}},
		{"参数值为空", rules.Spec{Consts: []rules.Const{{Name: "良上限"}}, Formulas: []rules.Formula{fml("甲", "良上限")}}},
		{"决策表无行", rules.Spec{Tables: []rules.Table{{Name: "等级"}}}},
		{"公式无名", rules.Spec{Formulas: []rules.Formula{fml("", "1"), fml("乙", "2")}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			safely(t, "Build and Eval", func() {
				p, err := rules.Build(c.spec)
				if err != nil {
					errList(t, err)
					return
				}
				_, err = p.EvalValue(nil)
				if err != nil {
					errList(t, err)
				}
			})
		})
	}
}
