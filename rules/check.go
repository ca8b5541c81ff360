package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jixiao-go/jixiao/internal/suggest"

	"github.com/expr-lang/expr/ast"
	"github.com/shopspring/decimal"
)

type symKind uint8

const (
	symInput symKind = iota
	symConst
	symResult
	symLet
)

// symbol is a name rule text may read: an input, a constant (param), an earlier result or a let.
type symbol struct {
	name string
	typ  Type
	kind symKind
	slot int
	val  Value // constants
	list *node // list-valued lets are substituted, not stored
}

// checker turns one expression's syntax tree into typed IR, collecting every problem.
type checker struct {
	src   *source
	syms  map[string]*symbol
	funcs map[string]*Func
	lets  []*symbol
	errs  ErrorList
	lim   limits
	slots *slotAlloc
	used  []*symbol // program-level symbols read, in order of first use
	useAt map[*symbol]int
	hints *int // suggestions left to compute in this Build (each costs a pass over all names)
	// broken holds names whose declaration was refused and reported: reading one says nothing more
	broken map[string]bool
	// misused holds params already reported used as the wrong type (良下限: "80" read as a
	// number): the same param misused again is the same mistake and is not reported again
	misused map[string]bool
}

// slotAlloc hands out frame slots; each name and let gets its own.
type slotAlloc struct{ n int }

func (a *slotAlloc) next() int { a.n++; return a.n - 1 }

func (c *checker) fail(code Code, from, to int, format string, args ...any) {
	c.errs = append(c.errs, c.src.errAt(code, from, to, fmt.Sprintf(format, args...)))
}

func loc(n ast.Node) (int, int) {
	l := n.Location()
	return l.From, l.To
}

// bad marks a node whose type could not be decided; operations on it report nothing more.
func bad(from, to int) *node { return &node{typ: TypeInvalid, from: from, to: to} }

func (c *checker) check(n ast.Node) *node {
	from, to := loc(n)
	var out *node
	switch n := n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		out = c.literal(from, to)
	case *ast.StringNode:
		out = &node{op: opLit, typ: TypeString, lit: TextOf(n.Value)}
	case *ast.BoolNode:
		out = &node{op: opLit, typ: TypeBool, lit: BoolOf(n.Value)}
	case *ast.IdentifierNode:
		out = c.ident(c.src.realName(n.Value, from), from, to)
	case *ast.UnaryNode:
		out = c.unary(n, from, to)
	case *ast.BinaryNode:
		out = c.binary(n, from, to)
	case *ast.ConditionalNode:
		out = c.conditional(n)
	case *ast.VariableDeclaratorNode:
		out = c.let(n, from, to)
	case *ast.CallNode:
		out = c.call(n, from, to)
	case *ast.BuiltinNode:
		out = c.callNamed(n.Name, n.Arguments, from)
	case *ast.ArrayNode:
		out = c.list(n.Nodes, from, to)
	default:
		c.fail(ErrUnsupported, from, to+1, "%s", unsupportedMsg(n))
		out = bad(from, to)
	}
	out.src = c.src
	out.at = from
	out.from, out.to = spanOf(out, from, max(to, out.to))
	defer func() { out.from, out.to = c.src.balance(out.from, out.to) }()
	switch n := n.(type) {
	case *ast.CallNode, *ast.BuiltinNode:
		out.to = c.src.closeParen(from, out.to)
	case *ast.ConditionalNode:
		if !n.Ternary {
			out.from = min(out.from, from)
			out.to = c.src.closeBrace(out.to)
		}
	}
	return out
}

func spanOf(n *node, from, to int) (int, int) {
	for _, k := range n.kids {
		from, to = min(from, k.from), max(to, k.to)
	}
	return from, to
}

func unsupportedMsg(n ast.Node) string {
	switch n.(type) {
	case *ast.MemberNode, *ast.ChainNode:
		return "不支持用 . 访问成员或方法（名称中不能有点号）"
	case *ast.SliceNode:
		return "不支持下标或切片访问"
	case *ast.NilNode:
		return "不支持 nil（空值）：缺少的数据请在输入中补齐"
	case *ast.MapNode, *ast.PairNode:
		return "不支持 {…} 映射写法"
	case *ast.SequenceNode:
		return "一个表达式只能有一个结果；分步计算请写 let 名称 = …; 结果"
	case *ast.BytesNode:
		return "不支持字节串"
	}
	return "不支持这种写法（# 或谓词）"
}

// literal reads a number from the author's text, never through float64.
func (c *checker) literal(from, to int) *node {
	text, ok := c.src.lits[from]
	if !ok {
		c.fail(ErrNumber, from, to, "无法识别的数字")
		return bad(from, to)
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		c.fail(ErrNumber, from, to, "无法识别的数字 %s", text)
		return bad(from, to)
	}
	if c.src.pct[from] {
		d = d.Shift(-2)
	}
	end := from + len([]rune(text))
	switch {
	case c.src.badLit[from]:
		return bad(from, end) // the pre-lexer reported its mistake
	case -int64(d.Exponent()) > int64(c.lim.maxScale):
		c.fail(ErrLimit, from, end, "数字 %s 的小数位数超过上限 %d", text, c.lim.maxScale)
		return bad(from, end)
	case int64(d.Exponent()) > int64(c.lim.maxDigits) || d.NumDigits() > c.lim.maxDigits:
		c.fail(ErrLimit, from, end, "数字 %s 的位数超过上限 %d", text, c.lim.maxDigits)
		return bad(from, end)
	}
	return &node{op: opLit, typ: TypeDecimal, lit: NumberOf(d), litDec: d, to: end}
}

func (c *checker) lookup(name string) *symbol {
	for i := len(c.lets) - 1; i >= 0; i-- {
		if c.lets[i].name == name {
			return c.lets[i]
		}
	}
	return c.syms[name]
}

func (c *checker) ident(name string, from, to int) *node {
	s := c.lookup(name)
	if msg := mixedScript(name); s == nil && msg != "" {
		c.fail(ErrChar, from, to, "名称%s", msg)
		return bad(from, to)
	}
	if s == nil {
		if !c.broken[name] {
			c.unknown(name, from, to, false)
		}
		return bad(from, to)
	}
	if s.kind != symLet {
		c.use(s, from)
	}
	switch {
	case s.kind == symConst:
		return &node{op: opLit, typ: s.typ.kind(), lit: s.val, litDec: s.val.Decimal(), name: name}
	case s.list != nil:
		cp := *s.list
		return &cp
	}
	return &node{op: opSlot, typ: s.typ.kind(), slot: s.slot, name: name}
}

func (c *checker) use(s *symbol, at int) {
	if c.useAt == nil {
		c.useAt = map[*symbol]int{}
	}
	if _, seen := c.useAt[s]; !seen {
		c.useAt[s] = at
		c.used = append(c.used, s)
	}
}

// unknown reports an unknown name with the closest known one as a suggestion.
func (c *checker) unknown(name string, from, to int, isCall bool) {
	if !isCall {
		if _, ok := builtinByName(name); ok {
			c.fail(ErrUnknownName, from, to, "%s 是函数，请写成 %s(…)", name, name)
			return
		}
	}
	what := "名称"
	if isCall {
		what = "函数"
	}
	if c.hints != nil {
		if *c.hints <= 0 { // a hostile file may hold thousands of unknown names
			c.fail(ErrUnknownName, from, to, "未知%s %s", what, name)
			return
		}
		*c.hints--
	}
	cands := c.candidates(isCall)
	if half := halfWidth(name); half != name && slices.Contains(cands, half) {
		c.fail(ErrUnknownName, from, to, "未知%s %s：名称中的字母是全角的，是否为 %s？", what, name, half)
		return
	}
	if best := suggest.Closest(name, cands); best != "" {
		c.fail(ErrUnknownName, from, to, "未知%s %s，是否为 %s？", what, name, best)
		return
	}
	c.fail(ErrUnknownName, from, to, "未知%s %s", what, name)
}

// candidates lists the names a misspelt one may have meant: functions for a call, else
// lets and program-level names.
func (c *checker) candidates(isCall bool) []string {
	var out []string
	if isCall {
		for _, b := range builtinSpecs {
			out = append(out, b.name)
		}
		for n := range c.funcs {
			out = append(out, n)
		}
		return out
	}
	for _, s := range c.lets {
		out = append(out, s.name)
	}
	for n := range c.syms {
		if n != c.src.ruleID { // a formula cannot use itself: never suggest it
			out = append(out, n)
		}
	}
	return out
}

func (c *checker) unary(n *ast.UnaryNode, from, to int) *node {
	x := c.check(n.Node)
	switch n.Operator {
	case "-", "+":
		if !c.want(x, TypeDecimal, "正负号 "+n.Operator+" 的操作数") {
			return bad(from, to)
		}
		if n.Operator == "+" {
			return x
		}
		if x.isConst() && x.name == "" {
			// -2 is a literal: round(x, -2) is checked at compile time like round(x, 2)
			d := x.litDec.Neg()
			return &node{op: opLit, typ: TypeDecimal, lit: NumberOf(d), litDec: d}
		}
		return &node{op: opNeg, typ: TypeDecimal, kids: []*node{x}}
	default: // "!", "not"
		if !c.want(x, TypeBool, n.Operator+" 的操作数") {
			return bad(from, to)
		}
		return &node{op: opNot, typ: TypeBool, kids: []*node{x}}
	}
}

// want checks x has kind t, reporting a type error in staff words if not.
func (c *checker) want(x *node, t Type, what string) bool {
	if x.typ == TypeInvalid {
		return false
	}
	if x.typ != t {
		if c.misusedParam(x) {
			return false
		}
		c.fail(ErrType, x.from, x.to, "%s需要%s，这里是%s%s", what, t, x.typ, paramHint(x))
		return false
	}
	return true
}

// misusedParam reports whether x is a param already reported used as the wrong type, and
// records it when it is a param reported now.
func (c *checker) misusedParam(x *node) bool {
	if x.op != opLit || x.name == "" || c.misused == nil {
		return false
	}
	if c.misused[x.name] {
		return true
	}
	c.misused[x.name] = true
	return false
}

// paramHint names a param's value where its type is wrong: the mistake is in the params.
func paramHint(x *node) string {
	if x.op != opLit || x.name == "" {
		return ""
	}
	v := x.lit.String()
	if x.typ == TypeString {
		v = `"` + v + `"`
	}
	return fmt.Sprintf("（参数 %s 的值是%s %s）", x.name, x.typ, v)
}

// dateHint explains a date compared with what was meant as one: 2024-10-01 in an expression
// is a subtraction (2013), so the officer is told how a date is written.
func (c *checker) dateHint(l, r *node) string {
	other := r
	if r.typ == TypeDate {
		other = l
	} else if l.typ != TypeDate {
		return ""
	}
	text := strings.TrimSpace(c.src.snippet(other.from, other.to))
	parts := strings.Split(text, "-")
	if len(parts) != 3 || len(parts[0]) != 4 {
		return ""
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return ""
		}
	}
	return fmt.Sprintf("；表达式里的 %s 是减法，日期请写 make_date(%s, %s, %s)，或写成参数", text,
		parts[0], strings.TrimLeft(parts[1], "0"), strings.TrimLeft(parts[2], "0"))
}

var arith = map[string]op{"+": opAdd, "-": opSub, "*": opMul, "/": opDiv}
var compare = map[string]op{"==": opEq, "!=": opNe, "<": opLt, "<=": opLe, ">": opGt, ">=": opGe}
var logic = map[string]op{"and": opAnd, "&&": opAnd, "or": opOr, "||": opOr}

func (c *checker) binary(n *ast.BinaryNode, from, to int) *node {
	switch n.Operator {
	case "**", "^":
		c.fail(ErrUnsupported, from, to, "不支持乘方运算 %s", n.Operator)
		return bad(from, to)
	case "in":
		return c.in(n, from, to)
	case "..", "??", "matches", "contains", "startsWith", "endsWith":
		c.fail(ErrUnsupported, from, to, "不支持 %s 运算", n.Operator)
		c.check(n.Left)
		c.check(n.Right)
		return bad(from, to)
	}
	l, r := c.check(n.Left), c.check(n.Right)
	if l.typ == TypeInvalid || r.typ == TypeInvalid {
		return bad(from, to)
	}
	kids := []*node{l, r}
	if o, ok := arith[n.Operator]; ok {
		if o == opAdd && l.typ == TypeString && r.typ == TypeString {
			return &node{op: opConcat, typ: TypeString, kids: kids}
		}
		if c.want(l, TypeDecimal, "运算 "+n.Operator+" 的左边") && c.want(r, TypeDecimal, "运算 "+n.Operator+" 的右边") {
			if o == opDiv && r.isConst() && r.litDec.IsZero() {
				c.fail(ErrDivByZero, r.from, r.to, "除数为零：不能除以 0")
				return bad(from, to)
			}
			return &node{op: o, typ: TypeDecimal, kids: kids}
		}
		return bad(from, to)
	}
	if o, ok := compare[n.Operator]; ok {
		if l.typ != r.typ {
			p := r
			if l.op == opLit && l.name != "" && (r.op != opLit || r.name == "") {
				p = l // the param is the side that is wrong
			}
			if !c.misusedParam(p) {
				c.fail(ErrType, from, to+1, "比较 %s 两边的类型不同：左边是%s，右边是%s%s%s", n.Operator, l.typ, r.typ, paramHint(p), c.dateHint(l, r))
			}
			return bad(from, to)
		}
		ordered := l.typ == TypeDecimal || l.typ == TypeDate
		if o != opEq && o != opNe && !ordered {
			c.fail(ErrType, from, to+1, "%s 不能比较大小：%s只能用 == 或 != 比较", n.Operator, l.typ)
			return bad(from, to)
		}
		if l.typ == TypeList {
			c.fail(ErrType, from, to+1, "列表不能直接比较")
			return bad(from, to)
		}
		return &node{op: o, typ: TypeBool, kids: kids}
	}
	if o, ok := logic[n.Operator]; ok {
		if c.want(l, TypeBool, n.Operator+" 的左边") && c.want(r, TypeBool, n.Operator+" 的右边") {
			return &node{op: o, typ: TypeBool, kids: kids}
		}
		return bad(from, to)
	}
	c.fail(ErrUnsupported, from, to, "不支持 %s 运算", n.Operator)
	return bad(from, to)
}

// in checks x in [a, b, ...] or x in 列表.
func (c *checker) in(n *ast.BinaryNode, from, to int) *node {
	x := c.check(n.Left)
	if x.typ == TypeList {
		c.fail(ErrType, x.from, x.to, "in 的左边需要单个值，这里是列表")
		c.check(n.Right)
		return bad(from, to)
	}
	if arr, ok := n.Right.(*ast.ArrayNode); ok {
		kids := []*node{x}
		okAll := x.typ != TypeInvalid
		for _, e := range arr.Nodes {
			k := c.check(e)
			okAll = okAll && k.typ != TypeInvalid
			if okAll && k.typ != x.typ {
				c.fail(ErrType, k.from, k.to, "in 的列表元素是%s，与左边的%s不同", k.typ, x.typ)
				okAll = false
			}
			kids = append(kids, k)
		}
		if !okAll {
			return bad(from, to)
		}
		return &node{op: opIn, typ: TypeBool, kids: kids}
	}
	l := c.check(n.Right)
	if !c.want(x, TypeDecimal, "in 的左边") || !c.want(l, TypeList, "in 的右边") {
		return bad(from, to)
	}
	return &node{op: opIn, typ: TypeBool, kids: []*node{x, l}}
}

func (c *checker) conditional(n *ast.ConditionalNode) *node {
	cond, a, b := c.check(n.Cond), c.check(n.Exp1), c.check(n.Exp2)
	okCond := c.want(cond, TypeBool, "条件")
	if a.typ == TypeInvalid || b.typ == TypeInvalid || !okCond {
		return bad(cond.from, b.to)
	}
	if a.typ != b.typ {
		c.fail(ErrType, b.from, b.to, "条件的两个结果类型不同：一个是%s，一个是%s", a.typ, b.typ)
		return bad(cond.from, b.to)
	}
	if a.typ == TypeList {
		c.fail(ErrUnsupported, a.from, b.to, "条件的结果不能是列表")
		return bad(cond.from, b.to)
	}
	return &node{op: opIf, typ: a.typ, kids: []*node{cond, a, b}}
}

func (c *checker) let(n *ast.VariableDeclaratorNode, from, to int) *node {
	v := c.check(n.Value)
	if msg := checkName(n.Name); msg != "" {
		c.fail(ErrDeclaration, from, to, "let %s", msg)
	}
	_, isBuiltin := builtinByName(n.Name)
	if c.lookup(n.Name) != nil || isBuiltin {
		c.fail(ErrDuplicate, from, to, "let 的名称 %s 与已有的名称或函数重复，请换一个名称", n.Name)
	}
	s := &symbol{name: n.Name, typ: v.typ, kind: symLet}
	if v.typ == TypeList {
		s.list = v
	} else {
		s.slot = c.slots.next()
	}
	c.lets = append(c.lets, s)
	body := c.check(n.Expr)
	c.lets = c.lets[:len(c.lets)-1]
	if v.typ == TypeInvalid || body.typ == TypeInvalid {
		return bad(from, to)
	}
	if s.list != nil {
		return body
	}
	return &node{op: opLet, typ: body.typ, slot: s.slot, name: n.Name, kids: []*node{v, body}}
}

func (c *checker) list(elems []ast.Node, from, to int) *node {
	out := &node{op: opList, typ: TypeList}
	okAll := true
	for _, e := range elems {
		k := c.check(e)
		okAll = c.want(k, TypeDecimal, "列表元素") && okAll
		out.kids = append(out.kids, k)
	}
	if !okAll {
		return bad(from, to)
	}
	return out
}

func (c *checker) call(n *ast.CallNode, from, to int) *node {
	id, ok := n.Callee.(*ast.IdentifierNode)
	if !ok {
		c.fail(ErrUnsupported, from, to, "只能调用内置函数或登记的函数")
		return bad(from, to)
	}
	return c.callNamed(id.Value, n.Arguments, from)
}

// callNamed checks a call; errors about the call point at the function's name.
func (c *checker) callNamed(name string, args []ast.Node, from int) *node {
	kids := make([]*node, len(args))
	okAll := true
	for i, a := range args {
		kids[i] = c.check(a)
		okAll = okAll && kids[i].typ != TypeInvalid
	}
	to := from + len([]rune(name))
	if b, ok := builtinByName(name); ok {
		if !okAll {
			return bad(from, to)
		}
		return c.builtin(b, kids, from, to)
	}
	if f, ok := c.funcs[name]; ok {
		if !okAll {
			return bad(from, to)
		}
		return c.vendor(f, kids, from, to)
	}
	switch name {
	case "float", "int", "pow", "now", "date", "duration", "len", "string":
		c.fail(ErrUnsupported, from, to, "%s", disabledMsg(name))
		return bad(from, to)
	}
	if s := c.lookup(name); s != nil {
		c.fail(ErrType, from, to, "%s 不是函数，不能加括号调用", name)
		return bad(from, to)
	}
	c.unknown(name, from, to, true)
	return bad(from, to)
}

func (c *checker) vendor(f *Func, kids []*node, from, to int) *node {
	if len(kids) != len(f.Params) {
		c.fail(ErrArgs, from, to, "函数 %s 需要 %d 个参数，这里给了 %d 个", f.Name, len(f.Params), len(kids))
		return bad(from, to)
	}
	for i, k := range kids {
		if !c.want(k, f.Params[i].kind(), fmt.Sprintf("函数 %s 的第 %d 个参数", f.Name, i+1)) {
			return bad(from, to)
		}
	}
	return &node{op: opFunc, typ: f.Result.kind(), fn: f, name: f.Name, kids: kids}
}

// disabledMsg says why one of expr's own functions is not available in rule text.
func disabledMsg(name string) string {
	switch name {
	case "float", "int", "pow":
		return fmt.Sprintf("函数 %s 已停用：规则中的数字都是精确小数，不经过浮点数；取整请用 round、floor 或 ceil", name)
	case "now", "date", "duration":
		return fmt.Sprintf("函数 %s 已停用：规则不读取系统时钟，日期请作为输入传入，或用 make_date(年, 月, 日)", name)
	case "len":
		return "函数 len 已停用：列表元素个数请用 count(列表)"
	}
	return fmt.Sprintf("函数 %s 已停用：规则中的文本直接用引号写出", name)
}

// halfWidth maps full-width letters and digits to ASCII, to recognise ｍａｘ typed for max.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}
