package rules

import (
	"fmt"
	"unicode"
)

// limits bound what staff-written text may make the evaluator do.
type limits struct {
	maxLength int   // characters in one expression
	maxNodes  int   // syntax-tree nodes in one expression
	maxTotal  int   // syntax-tree nodes in all the expressions of one Build
	maxDigits int   // digits in any number a calculation produces
	maxScale  int32 // decimal places any literal, rounding or division may ask for
	maxText   int   // bytes of any text a calculation produces
	divPlaces int32 // places kept by a non-terminating division
}

func defaultLimits() limits {
	return limits{maxLength: 10000, maxNodes: 2000, maxTotal: 50000, maxDigits: 100, maxScale: 40, maxText: 10000, divPlaces: 20}
}

// config is what options set. It is copied into each compiled program, never shared.
type config struct {
	lim    limits
	inputs []Input
	funcs  []Func
	errs   []string
}

// Option configures Compile and Build. Options are plain values; there are no package-level
// settings. A bad option (MaxLength(0)) is reported by Compile or Build as an E012 error
// without a position.
type Option func(*config)

// Input declares one typed input an expression may read.
type Input struct {
	Name string `json:"name"`
	Type Type   `json:"type"`
	Unit string `json:"unit,omitempty"` // e.g. 万元; informative
	Desc string `json:"desc,omitempty"`
	// Aliases are other column headings real templates give the input (预算数 may be headed
	// 调整后预算数 or 全年预算数), in order of preference; informative to the language, read
	// by the table readers.
	Aliases []string `json:"aliases,omitempty"`
	Pos     Pos      `json:"-"` // where the input is declared in a file; zero for one declared in Go
}

// WithInput declares an input named name of type t.
func WithInput(name string, t Type) Option {
	return func(c *config) { c.inputs = append(c.inputs, Input{Name: name, Type: t}) }
}

// WithInputs declares several inputs.
func WithInputs(in ...Input) Option {
	return func(c *config) { c.inputs = append(c.inputs, in...) }
}

// Func is a vendor's own function, callable from rule text by Name with arguments of the
// declared types. Call receives the arguments in order and must not keep the slice.
// An error it returns stops the record with code R005 and the error's text; the *Error
// wraps it, so errors.Is and errors.As reach it. A panic in Call is reported as R008.
type Func struct {
	Name   string
	Params []Type
	Result Type
	Call   func(args []Value) (Value, error)
}

// WithFunction registers a vendor function. Its name may be Chinese; it may not shadow a built-in.
func WithFunction(f Func) Option {
	return func(c *config) { c.funcs = append(c.funcs, f) }
}

func positive(name string, n int, set func(*config)) Option {
	return func(c *config) {
		if n <= 0 {
			c.errs = append(c.errs, fmt.Sprintf("%s 必须为正数，收到 %d", name, n))
			return
		}
		set(c)
	}
}

// MaxLength bounds the characters in one expression (default 10,000).
func MaxLength(n int) Option {
	return positive("MaxLength", n, func(c *config) { c.lim.maxLength = n })
}

// MaxNodes bounds the syntax-tree nodes of one expression (default 2,000).
func MaxNodes(n int) Option {
	return positive("MaxNodes", n, func(c *config) { c.lim.maxNodes = n })
}

// MaxTotalNodes bounds the syntax-tree nodes of all the expressions one Build compiles
// together (default 50,000, far above any real rule set): compiling costs memory in
// proportion to them, so a hostile Spec is refused before it is compiled.
func MaxTotalNodes(n int) Option {
	return positive("MaxTotalNodes", n, func(c *config) { c.lim.maxTotal = n })
}

// MaxDigits bounds the digits of any number a calculation produces (default 100, at most
// 1,000,000). A result beyond it is an R006 error, never an unbounded allocation.
func MaxDigits(n int) Option {
	return positive("MaxDigits", n, func(c *config) { c.lim.maxDigits = min(n, maxMaxDigits) })
}

// maxMaxDigits caps MaxDigits, so limits stay far inside int32 where exponents are compared.
const maxMaxDigits = 1_000_000

// MaxScale bounds the decimal places a literal, round, floor, ceil or division may ask for
// (default 40). It may not be below DivisionPlaces (default 20).
func MaxScale(n int) Option {
	return positive("MaxScale", n, func(c *config) { c.lim.maxScale = int32(min(n, 1000)) }) //nolint:gosec // G115: 0 < n ≤ 1000
}

// MaxText bounds the bytes of any text a calculation produces (default 10,000).
func MaxText(n int) Option {
	return positive("MaxText", n, func(c *config) { c.lim.maxText = n })
}

// DivisionPlaces sets the decimal places kept by a division that does not terminate
// (default 20, rounded half away from zero). It may not exceed MaxScale.
func DivisionPlaces(n int) Option {
	return positive("DivisionPlaces", n, func(c *config) { c.lim.divPlaces = int32(min(n, 1000)) }) //nolint:gosec // G115: 0 < n ≤ 1000
}

func newConfig(opts []Option) (*config, error) {
	c := &config{lim: defaultLimits()}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.lim.divPlaces > c.lim.maxScale {
		c.errs = append(c.errs, fmt.Sprintf("DivisionPlaces(%d) 超过 MaxScale(%d)", c.lim.divPlaces, c.lim.maxScale))
	}
	var errs ErrorList // an option has no place in any rule text: no position
	for _, m := range c.errs {
		errs = append(errs, &Error{Code: ErrDeclaration, Msg: m})
	}
	for _, in := range c.inputs {
		if msg := checkName(in.Name); msg != "" {
			errs = append(errs, &Error{Code: ErrDeclaration, Msg: "输入 " + msg})
		}
		if in.Type < TypeDecimal || in.Type > TypeList {
			errs = append(errs, &Error{Code: ErrDeclaration, Msg: fmt.Sprintf("输入 %s 的类型无效", in.Name)})
		}
	}
	for _, f := range c.funcs {
		if msg := checkName(f.Name); msg != "" || f.Call == nil {
			errs = append(errs, &Error{Code: ErrDeclaration, Msg: fmt.Sprintf("自定义函数 %q 无效（名称%s，函数体不能为空）", f.Name, msg)})
		}
		if _, ok := builtinByName(f.Name); ok {
			errs = append(errs, &Error{Code: ErrDeclaration, Msg: fmt.Sprintf("自定义函数 %s 与内置函数同名", f.Name)})
		}
	}
	return c, errs.Err()
}

// reserved words expr's grammar gives a meaning to; a name cannot be one of them.
var reserved = map[string]bool{"true": true, "false": true, "nil": true, "let": true, "if": true, "else": true,
	"in": true, "not": true, "and": true, "or": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true}

// decimalPointInName reports whether rs[i] is a '.' between two digits after the name's
// start, as in PM2.5浓度: staff name indicators that way, and the pre-lexer reads it so.
func decimalPointInName(rs []rune, i int) bool {
	return rs[i] == '.' && i > 1 && isDigitRune(rs[i-1]) && i+1 < len(rs) && isDigitRune(rs[i+1])
}

// checkName returns why name cannot be used as a name in rule text, or "".
func checkName(name string) string {
	if name == "" {
		return "名称为空"
	}
	if reserved[name] {
		return fmt.Sprintf("“%s”是保留字", name)
	}
	rs := []rune(name)
	for i, r := range rs {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r)) || decimalPointInName(rs, i) {
			continue
		}
		return fmt.Sprintf("“%s”含有不能用于名称的%s（名称由文字、字母、数字和下划线组成，不以数字开头）", name, runeName(r))
	}
	return mixedScript(name)
}

// runeName shows a character in a message in the staff's words: a space, which quotes alone
// would not make visible, is named.
func runeName(r rune) string {
	switch r {
	case ' ':
		return "空格"
	case '\u3000':
		return "全角空格"
	case '\t':
		return "Tab"
	}
	return "字符“" + string(r) + "”"
}
