package rulefile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/rules"
)

// draft is a rule file as read, before what it extends is merged and it is compiled.
type draft struct {
	broken    bool // the file has problems of its own: compiled only to report more of them
	file      *yamlFile
	hash      string
	id        string
	title     string
	version   string
	source    string
	extends   string
	extPos    rules.Pos
	effective time.Time
	until     time.Time
	hasEff    bool // presence is its own field: 0001-01-01 is a date, not "not given"
	hasUntil  bool
	idPos     rules.Pos
	effPos    rules.Pos
	inputs    []rules.Input
	inputPos  map[string]rules.Pos
	defaults  map[string]inputDefault
	params    []Param
	formulas  []rules.Formula
	tables    []rules.Table
	tests     []testDraft
	results   []string // every formula and table name written, even those with problems
}

// loader reads one file, collecting every problem instead of stopping at the first.
type loader struct {
	f    *yamlFile
	errs rules.ErrorList
	d    *draft
}

func (l *loader) fail(p rules.Pos, code rules.Code, rule, format string, args ...any) {
	l.errs = append(l.errs, &rules.Error{Code: code, Msg: fmt.Sprintf(format, args...), File: p.File,
		Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset, RuleID: rule}) // a zero Pos stays unpositioned
}

// readDraft parses a rule file of at most maxSize bytes. It never panics, whatever the bytes.
func readDraft(name string, data []byte, maxSize int) (*draft, rules.ErrorList) {
	f, body, errs := parseYAML(name, data, maxSize)
	if f == nil {
		return nil, errs
	}
	sum := sha256.Sum256(data)
	l := &loader{f: f, errs: errs, d: &draft{file: f, hash: hex.EncodeToString(sum[:]), inputPos: map[string]rules.Pos{}}}
	if isNull(body) {
		l.fail(f.pos(nil), rules.ErrFileMissing, "", "文件为空：规则文件至少要有 ruleset 和 effective")
		return nil, l.errs
	}
	l.top(body)
	return l.d, l.errs
}

// pair is one key and value of a mapping.
type pair struct {
	key   string
	kn    ast.Node // the key
	value ast.Node
	flow  bool // written {key: value, …}
}

// mapping reads a mapping, reporting duplicate keys (YAML would silently keep the last).
func (l *loader) mapping(n ast.Node, what, rule string) ([]pair, bool) {
	if l.f.isRefused(n) {
		return nil, false // reported once, by strictNodes
	}
	m, ok := asMapping(n)
	if !ok {
		if off, ok := l.f.colonTyped(n); ok {
			l.errs = append(l.errs, l.f.fullWidthError(off)) // 预算数：120 where a mapping goes
			return nil, false
		}
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为“键: 值”的映射，这里是%s", what, kindName(n))
		return nil, false
	}
	seen := map[string]bool{}
	var out []pair
	for _, kv := range m.Values {
		key, ok := l.key(kv.Key, what, rule)
		if !ok {
			continue
		}
		if seen[key] {
			l.fail(l.f.pos(kv.Key), rules.ErrDuplicate, rule, "%s 中的 %s 重复出现", what, key)
			continue
		}
		seen[key] = true
		out = append(out, pair{key, kv.Key, kv.Value, m.IsFlowStyle})
	}
	return out, true
}

// key reads a mapping key: a single value. An alias, a merge key (<<) or a value YAML
// would not read was refused already.
func (l *loader) key(k ast.Node, what, rule string) (string, bool) {
	if _, merge := unwrap(k).(*ast.MergeKeyNode); merge || l.f.isRefused(k) {
		return "", false
	}
	if !isScalar(k) {
		l.fail(l.f.pos(k), rules.ErrFileKey, rule, "%s 中的键应为一个名称，这里是%s", what, kindName(k))
		return "", false
	}
	return scalarText(k), true
}

// unknownKey reports a key that is not part of the format, with the closest known key; a
// hint when a flow-style row {…} was cut by a comma inside an expression; and one when the
// key holds a full-width colon (type：decimal), which an input method types for ": ".
func (l *loader) unknownKey(p pair, allowed []string, where, rule string) {
	at := l.f.pos(p.kn)
	if off, ok := l.f.colonTyped(p.kn); ok {
		l.errs = append(l.errs, l.f.fullWidthError(off)) // {type：decimal}: the item became a key
		return
	}
	if best := suggest.Closest(p.key, append([]string(nil), allowed...)); best != "" {
		l.fail(at, rules.ErrFileKey, rule, "%s中有未知的键 %s，是否为 %s？", where, excerpt(p.key), best)
		return
	}
	if p.flow {
		l.fail(at, rules.ErrFileKey, rule,
			"%s中出现了未知的键 %q：多半是 {…} 写法中表达式里的逗号把它截断了。请改用块式写法（每个键单独一行），或给表达式加引号", where, excerpt(p.key))
		return
	}
	l.fail(at, rules.ErrFileKey, rule, "%s中有未知的键 %s（可用的键：%s）", where, excerpt(p.key), strings.Join(allowed, "、"))
}

// scalar reads a single value.
func (l *loader) scalar(n ast.Node, what, rule string) (string, bool) {
	if l.f.isRefused(n) {
		return "", false // reported once, by strictNodes
	}
	if !isScalar(n) || isNull(n) {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为单个值，这里是%s", what, kindName(n))
		return "", false
	}
	return scalarText(n), true
}

func (l *loader) date(n ast.Node, what, rule string) (time.Time, bool) {
	s, ok := l.scalar(n, what, rule)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为日期，写作 2024-01-01，这里是 %q", what, excerpt(s))
		return time.Time{}, false
	}
	if t.Year() < 1 { // the layout's four digits stop at 9999; year 0000 still parses
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应在 0001-01-01 到 9999-12-31 之间，这里是 %q", what, excerpt(s))
		return time.Time{}, false
	}
	return t, true
}

var topKeys = []string{"ruleset", "title", "version", "effective", "until", "source", "extends", "desc",
	"inputs", "params", "formulas", "tables", "tests"}

func (l *loader) top(n ast.Node) {
	pairs, ok := l.mapping(n, "规则文件", "")
	if !ok {
		return
	}
	d := l.d
	has := map[string]bool{}
	for _, p := range pairs {
		has[p.key] = true
		switch p.key {
		case "ruleset":
			d.id, _ = l.scalar(p.value, "ruleset", "")
			d.idPos = l.f.pos(p.value)
			if msg := checkID(d.id); msg != "" && d.id != "" {
				l.fail(d.idPos, rules.ErrFileValue, d.id, "ruleset %s", msg)
			}
		case "title":
			d.title, _ = l.scalar(p.value, "title", d.id)
		case "version":
			d.version, _ = l.scalar(p.value, "version", d.id)
		case "source":
			d.source, _ = l.scalar(p.value, "source", d.id)
		case "desc":
			l.scalar(p.value, "desc", d.id)
		case "extends":
			d.extends, _ = l.scalar(p.value, "extends", d.id)
			d.extPos = l.f.pos(p.value)
		case "effective":
			d.effective, d.hasEff = l.date(p.value, "effective", d.id)
			d.effPos = l.f.pos(p.value)
		case "until":
			d.until, d.hasUntil = l.date(p.value, "until", d.id)
		case "inputs":
			l.inputs(p.value)
		case "params":
			l.params(p.value)
		case "formulas":
			l.formulas(p.value)
		case "tables":
			l.tables(p.value)
		case "tests":
			l.tests(p.value)
		default:
			l.unknownKey(p, topKeys, "规则文件", d.id)
		}
	}
	for _, k := range []string{"ruleset", "effective"} {
		if !has[k] {
			l.fail(l.f.pos(n), rules.ErrFileMissing, d.id, "规则文件缺少必填的键 %s", k)
		}
	}
	if d.hasUntil && d.hasEff && d.until.Before(d.effective) {
		l.fail(d.effPos, rules.ErrFileVersion, d.id, "until（%s）早于 effective（%s）", d.until.Format("2006-01-02"), d.effective.Format("2006-01-02"))
	}
	if d.version == "" && d.hasEff {
		d.version = d.effective.Format("2006-01-02")
	}
}

// checkID says why s cannot be a rule-set id ("" if it can).
func checkID(s string) string {
	if strings.ContainsAny(s, " \t\n/\\:") {
		return fmt.Sprintf("%q 不能含空格、斜杠或冒号", excerpt(s))
	}
	return ""
}

var inputKeys = []string{"type", "unit", "desc", "default", "aliases"}

func (l *loader) inputs(n ast.Node) {
	pairs, ok := l.mapping(n, "inputs", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		pos := l.f.pos(p.kn)
		if off, ok := l.f.colonTyped(p.kn); ok {
			// 预算数：{type: decimal}: the colon typed full-width made the name and half its
			// declaration one key. Reported at the colon; the name stays declared, so its uses
			// raise nothing more.
			l.errs = append(l.errs, l.f.fullWidthError(off))
			name, _, _ := strings.Cut(p.key, "：")
			l.brokenInput(strings.TrimSpace(name), pos)
			continue
		}
		in := rules.Input{Name: p.key, Pos: pos} // Build checks the name and reports it here
		typeNode, defNode, ok := l.inputFields(p, &in)
		if !ok {
			l.brokenInput(p.key, pos)
			continue
		}
		if l.f.isRefused(typeNode) {
			// reported once; declare it so its uses raise no second error (the file is refused)
			l.d.inputs = append(l.d.inputs, rules.Input{Name: p.key, Type: rules.TypeDecimal, Pos: pos})
			continue
		}
		s, ok := l.scalar(typeNode, "输入 "+p.key+" 的 type", l.d.id)
		if !ok {
			l.brokenInput(p.key, pos)
			continue
		}
		t, ok := rules.ParseType(s)
		if !ok {
			l.fail(l.f.pos(typeNode), rules.ErrFileValue, l.d.id, "输入 %s 的类型 %s 无效（可选：decimal、int、string、bool、date、list）%s", p.key, s, typeHint(s))
			l.brokenInput(p.key, pos)
			continue
		}
		in.Type = t
		l.d.inputs = append(l.d.inputs, in)
		l.d.inputPos[in.Name] = pos
		if defNode != nil {
			if def, ok := l.readDefault(in, defNode); ok {
				if l.d.defaults == nil {
					l.d.defaults = map[string]inputDefault{}
				}
				l.d.defaults[in.Name] = def
			}
		}
	}
	l.checkAliases()
}

// inputFields reads an input written {type: …, unit: …, desc: …, default: …} into in and
// gives its type node and its default's node (nil without one); an input written 预算数:
// decimal is its own type node. A missing type is reported unless the mapping already had a
// problem (tpye: decimal is reported as a misspelt key).
func (l *loader) inputFields(p pair, in *rules.Input) (ast.Node, ast.Node, bool) {
	if _, ok := asMapping(p.value); !ok {
		return p.value, nil, true
	}
	var typeNode, defNode ast.Node
	before := len(l.errs)
	fields, _ := l.mapping(p.value, "输入 "+p.key, l.d.id)
	for _, f := range fields {
		switch f.key {
		case "type":
			typeNode = f.value
		case "unit":
			in.Unit, _ = l.scalar(f.value, "unit", l.d.id)
		case "desc":
			in.Desc, _ = l.scalar(f.value, "desc", l.d.id)
		case "default":
			defNode = f.value
		case "aliases":
			in.Aliases = l.aliases(f.value, p.key)
		default:
			l.unknownKey(f, inputKeys, "输入 "+p.key, l.d.id)
		}
	}
	if typeNode == nil && len(l.errs) == before && !l.f.refusedKey(p.value) {
		l.fail(in.Pos, rules.ErrFileMissing, l.d.id, "输入 %s 缺少 type（可选：decimal、int、string、bool、date、list）", p.key)
	}
	return typeNode, defNode, typeNode != nil
}

// aliases reads an input's other column headings: one text or a list of texts.
func (l *loader) aliases(n ast.Node, input string) []string {
	items := []ast.Node{n}
	if seq, ok := asSequence(n); ok {
		items = seq.Values
	}
	var out []string
	for _, it := range items {
		s, ok := l.scalar(it, "输入 "+input+" 的 aliases", l.d.id)
		if !ok {
			continue
		}
		if strings.TrimSpace(s) == "" {
			l.fail(l.f.pos(it), rules.ErrFileValue, l.d.id, "输入 %s 的别名不能为空", input)
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// checkAliases refuses an alias that is another input's name or another input's alias: a
// column of that heading could then be read as either.
func (l *loader) checkAliases() {
	owner := map[string]string{}
	for _, in := range l.d.inputs {
		owner[in.Name] = in.Name
	}
	for _, in := range l.d.inputs {
		for _, a := range in.Aliases {
			if o, taken := owner[a]; taken && o != in.Name {
				l.fail(in.Pos, rules.ErrFileValue, l.d.id, "输入 %s 的别名“%s”已是输入 %s 的名称或别名：表格中这一列不知该读作哪个输入", in.Name, a, o)
				continue
			}
			owner[a] = in.Name
		}
	}
}

var paramValueKeys = []string{"since", "value", "reference", "desc"}

func (l *loader) params(n ast.Node) {
	pairs, ok := l.mapping(n, "params", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		prm := Param{Name: p.key, Pos: l.f.pos(p.kn)}
		seq, isSeq := asSequence(p.value)
		_, isMap := asMapping(p.value)
		switch {
		case l.f.isRefused(p.value):
			// reported once, by strictNodes; declared without a value below
		case isScalar(p.value):
			prm.Values = []ParamValue{{Value: l.literal(p.value), Pos: l.f.pos(p.value)}}
		case isMap:
			if v, ok := l.paramValue(p.value, p.key, false); ok {
				prm.Values = []ParamValue{v}
			}
		case isSeq && (len(seq.Values) == 0 || isScalar(seq.Values[0])):
			// 上限: [1, 2] is one mistake: say it once, not once per item
			l.fail(prm.Pos, rules.ErrFileValue, l.d.id, "参数 %s 写成了列表：参数只能是一个值，或带 since 和 value 的分段取值", p.key)
		case isSeq:
			for _, item := range seq.Values {
				if v, ok := l.paramValue(item, p.key, true); ok {
					prm.Values = append(prm.Values, v)
				}
			}
			l.checkSince(prm)
		default:
			l.fail(prm.Pos, rules.ErrFileValue, l.d.id, "参数 %s 应为一个值，或带 since 的列表", p.key)
		}
		if len(prm.Values) == 0 {
			// its problem is reported: declared without a value, so its uses raise no second error
			prm.Values = []ParamValue{{}}
		}
		l.d.params = append(l.d.params, prm)
	}
}

func (l *loader) paramValue(n ast.Node, name string, dated bool) (ParamValue, bool) {
	fields, ok := l.mapping(n, "参数 "+name+" 的取值", l.d.id)
	if !ok {
		return ParamValue{}, false
	}
	v := ParamValue{Pos: l.f.pos(n)}
	hasValue, hasSince := false, false
	for _, f := range fields {
		switch f.key {
		case "since":
			v.Since, hasSince = l.date(f.value, "since", l.d.id)
			v.SincePos = l.f.pos(f.value)
		case "value":
			v.Value, v.Pos, hasValue = l.literal(f.value), l.f.pos(f.value), true
		case "reference":
			v.Reference, _ = l.scalar(f.value, "reference", l.d.id)
		case "desc":
		default:
			l.unknownKey(f, paramValueKeys, "参数 "+name, l.d.id)
		}
	}
	if !hasValue {
		l.fail(l.f.pos(n), rules.ErrFileMissing, l.d.id, "参数 %s 的取值缺少 value", name)
		return v, false
	}
	if dated && !hasSince && len(fields) > 0 {
		l.fail(l.f.pos(n), rules.ErrFileMissing, l.d.id, "参数 %s 的分段取值缺少 since（从哪天起生效）", name)
		return v, false
	}
	return v, true
}

// checkSince requires dated values in increasing order of date, each date once.
func (l *loader) checkSince(p Param) {
	for i := 1; i < len(p.Values); i++ {
		if !p.Values[i].Since.After(p.Values[i-1].Since) {
			l.fail(p.Values[i].SincePos, rules.ErrFileVersion, l.d.id, "参数 %s 的 since 日期应从早到晚排列且不重复", p.Name)
		}
	}
}

// literal reads a plain value: true/false, a number if it reads as one (exactly, from its
// text), a date written 2024-01-01, otherwise text. A quoted value is always text.
func (l *loader) literal(n ast.Node) rules.Value {
	if l.f.isRefused(n) {
		return rules.Value{} // reported once, by strictNodes
	}
	if !isScalar(n) {
		l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "这里应为单个值，这里是%s", kindName(n))
		return rules.Value{}
	}
	if isQuoted(n) || yamlTag(n) == "!!str" {
		return rules.TextOf(scalarText(n))
	}
	if s, ok := cnQuotedText(n); ok {
		return rules.TextOf(s) // then: “优” is 优, as “良” is in an expression
	}
	if l.commentInValue(n, l.d.id) {
		return rules.Value{}
	}
	v := plainLiteral(scalarText(n), yamlTag(n))
	if v.Type() == rules.TypeString && startsLikeNumber(scalarText(n)) {
		return l.constExpr(n)
	}
	return v
}

// yamlBool reads YAML 1.2's six ways to write a boolean.
func yamlBool(s string) (b, ok bool) {
	switch s {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// startsLikeNumber reports whether an unquoted value begins like a number (8/12, 20万, 1e3):
// staff mean a number there, so it must not silently become text.
func startsLikeNumber(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "-+－＋")
	for _, r := range s {
		return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
	}
	return false
}

// constExpr reads a value written as a constant expression such as 8/12; if it is not one,
// the expression's own errors say why, with a hint to quote real text.
func (l *loader) constExpr(n ast.Node) rules.Value {
	e := l.f.exprOf(unwrap(n))
	p, err := rules.Build(rules.Spec{Formulas: []rules.Formula{{Expr: e}}}, rules.MaxNodes(200))
	if err == nil {
		if v, err := p.EvalValue(nil); err == nil && v.Type() == rules.TypeDecimal {
			return v
		}
	}
	for _, x := range rules.Errors(err) {
		c := *x
		c.RuleID = l.d.id
		c.Msg += "（如果这是文本，请加引号）"
		l.errs = append(l.errs, &c)
	}
	if err == nil {
		l.fail(l.f.pos(n), rules.ErrFileValue, l.d.id, "值 %s 应为数字（如果这是文本，请加引号）", scalarText(n))
	}
	return rules.Value{}
}

// yamlTag is the YAML type a plain value was read as, where it matters to plainLiteral:
// "!!bool" for true and false, "!!null" for an empty value, ~ or null, else "".
func yamlTag(n ast.Node) string {
	if t, ok := n.(*ast.TagNode); ok && t.Start != nil && t.Start.Value == "!!str" {
		return "!!str" // an explicit !!str is text, as if quoted
	}
	switch unwrap(n).(type) {
	case *ast.BoolNode:
		return "!!bool"
	case nil, *ast.NullNode:
		return "!!null"
	}
	return ""
}

// plainLiteral reads a plain value's text; tag is yamlTag's.
// YAML 1.2's booleans are true, True, TRUE, false, False and FALSE; goccy's BoolNode holds
// just these.
func plainLiteral(s, tag string) rules.Value {
	switch tag {
	case "!!bool":
		if b, ok := yamlBool(s); ok {
			return rules.BoolOf(b)
		}
	case "!!null":
		return rules.Value{}
	case "!!str":
		return rules.TextOf(s)
	}
	if d, err := amount.ParseDecimal(s); err == nil {
		return rules.NumberOf(d)
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return rules.DateOf(t)
	}
	return rules.TextOf(s)
}

var formulaKeys = []string{"expr", "desc"}

func (l *loader) formulas(n ast.Node) {
	pairs, ok := l.mapping(n, "formulas", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		l.d.results = append(l.d.results, p.key)
		e, ok := l.exprNode(p.value, "公式 "+p.key, p.key)
		if ok {
			l.d.formulas = append(l.d.formulas, rules.Formula{Name: p.key, Expr: e, Pos: l.f.pos(p.kn)})
		}
	}
}

// exprNode reads an expression written as a plain value or as {expr: …, desc: …}.
func (l *loader) exprNode(n ast.Node, what, rule string) (rules.Expr, bool) {
	if _, ok := asMapping(n); ok {
		fields, _ := l.mapping(n, what, rule)
		var e ast.Node
		for _, f := range fields {
			switch f.key {
			case "expr":
				e = f.value
			case "desc":
			default:
				l.unknownKey(f, formulaKeys, what, rule)
			}
		}
		if e == nil {
			l.fail(l.f.pos(n), rules.ErrFileMissing, rule, "%s 缺少 expr", what)
			return rules.Expr{}, false
		}
		n = e
	}
	if l.f.isRefused(n) {
		return rules.Expr{}, false // reported once, by strictNodes
	}
	if !isScalar(n) || isNull(n) {
		l.fail(l.f.pos(n), rules.ErrFileValue, rule, "%s 应为一个表达式，这里是%s", what, kindName(n))
		return rules.Expr{}, false
	}
	return l.f.exprOf(unwrap(n)), true
}

var rowKeys = []string{"when", "then", "else", "desc"}

func (l *loader) tables(n ast.Node) {
	pairs, ok := l.mapping(n, "tables", l.d.id)
	if !ok {
		return
	}
	for _, p := range pairs {
		l.d.results = append(l.d.results, p.key)
		t := rules.Table{Name: p.key, Pos: l.f.pos(p.kn)}
		rows, ok := asSequence(p.value)
		if !ok {
			if !l.f.isRefused(p.value) {
				l.fail(l.f.pos(p.value), rules.ErrFileValue, p.key, "决策表 %s 应为行的列表（每行以 - 开头）", p.key)
			}
			continue
		}
		okAll := true
		for i, rn := range rows.Values {
			r, ok := l.row(rn, p.key, i+1)
			okAll = okAll && ok
			t.Rows = append(t.Rows, r)
		}
		if okAll {
			l.d.tables = append(l.d.tables, t)
		}
	}
}

func (l *loader) row(n ast.Node, table string, num int) (rules.Row, bool) {
	r := rules.Row{Pos: l.f.pos(n)}
	fields, ok := l.mapping(n, fmt.Sprintf("决策表 %s 第 %d 行", table, num), table)
	if !ok {
		return r, false
	}
	var when, then, els ast.Node
	okAll := true
	for _, f := range fields {
		switch f.key {
		case "when":
			when = f.value
		case "then":
			then = f.value
		case "else":
			els = f.value
		case "desc":
		default:
			l.unknownKey(f, rowKeys, fmt.Sprintf("决策表 %s 第 %d 行", table, num), table)
			okAll = false
		}
	}
	switch {
	case els != nil && (when != nil || then != nil):
		l.fail(r.Pos, rules.ErrFileValue, table, "决策表 %s 第 %d 行：else 行只写 else: 结果，不能再有 when 或 then", table, num)
		return r, false
	case els != nil:
		r.Else = true
		then = els
	case when == nil || then == nil:
		l.fail(r.Pos, rules.ErrFileMissing, table, "决策表 %s 第 %d 行需要 when 和 then（或只写 else）", table, num)
		return r, false
	default:
		e, ok := l.exprNode(when, fmt.Sprintf("决策表 %s 第 %d 行的 when", table, num), table)
		r.When, okAll = e, okAll && ok
	}
	out, ok := l.outcome(then, table, num)
	r.Then = out
	return r, okAll && ok
}

// outcome reads then: a plain value is a literal; {expr: …} is computed.
func (l *loader) outcome(n ast.Node, table string, num int) (rules.Outcome, bool) {
	if _, ok := asMapping(n); ok {
		e, ok := l.exprNode(n, fmt.Sprintf("决策表 %s 第 %d 行的结果", table, num), table)
		return rules.Outcome{Expr: &e, Pos: l.f.pos(n)}, ok
	}
	if l.f.isRefused(n) {
		return rules.Outcome{}, false // reported once, by strictNodes
	}
	if !isScalar(n) || isNull(n) {
		l.fail(l.f.pos(n), rules.ErrFileValue, table, "决策表 %s 第 %d 行的结果应为一个值，或 {expr: 表达式}", table, num)
		return rules.Outcome{}, false
	}
	if _, cn := cnQuotedText(n); !cn && !isQuoted(n) && yamlTag(n) != "!!str" && l.commentInValue(n, table) {
		return rules.Outcome{}, false
	}
	v := l.literal(n)
	return rules.Outcome{Value: v, Pos: l.f.pos(n)}, v.IsValid() // an invalid value is reported
}
