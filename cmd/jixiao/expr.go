package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

const exprHelp = `选项：
  --set 名称=值      声明一个输入并给出它的值，可重复。值能读作数字时是数值
                     （10,113.65、１２．５、20%），true 或 false 是布尔，
                     2024-05-31 这样的写法是日期，[1, 2.5] 是数值列表，其余是文本。
  --format 格式      text（默认）只打印值；json 打印一行
                     {"value":"0.98782978723404255319","type":"decimal"}，
                     出错时打印 {"errors":[...]}，每个错误带 code、line、col。
  -h, --help         显示本说明。

表达式以 - 开头时，先写 -- 结束选项。数字都是精确小数：0.1 + 0.2 == 0.3 为 true；
取舍要写明，如 round(x, 2) 是四舍五入。

示例：
  jixiao expr --set 预算数=10,113.65 --set 执行数=9993.67 -- '执行数 / 预算数'
  jixiao expr 'round(2.675, 2)'
  jixiao expr -- '-5 + 3'

退出码：0 算出结果；1 表达式有误或计算出错（错误写成 <expr>:行:列: 说明）；2 用法错误。`

type exprOptions struct {
	sets   []string
	format string
}

func newExprCmd() *cobra.Command {
	o := &exprOptions{}
	c := &cobra.Command{
		Use:         "expr [--set 名称=值]... [--format text|json] [--] 表达式",
		Short:       "计算一个表达式",
		Long:        "计算一个规则表达式，把结果打印到标准输出。",
		Example:     exprHelp,
		Annotations: map[string]string{annotationTakesExpr: "true"},
		Args:        exactlyOne("缺少要计算的表达式", "只能计算一个表达式，这里给了 %d 个参数（表达式中有空格时请用引号括起来）"),
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args[0])
		},
	}
	// StringArray, not StringSlice: a value such as 10,113.65 must not be split at its comma.
	c.Flags().StringArrayVar(&o.sets, "set", nil, "声明一个输入：名称=值")
	c.Flags().StringVar(&o.format, "format", "text", "输出格式：text 或 json")
	return c
}

// setting is one --set: a declared input and its value.
type setting struct {
	name  string
	typ   rules.Type
	value any
	// notNumber says why a value that looks like a number was taken as text (10万元, 1e5).
	notNumber error
}

func (o *exprOptions) run(c *cobra.Command, text string) error {
	if err := checkFormat(c, o.format); err != nil {
		return err
	}
	settings, err := parseSettings(c, o.sets)
	if err != nil {
		return err
	}
	opts := make([]rules.Option, len(settings))
	vars := make(map[string]any, len(settings))
	for i, s := range settings {
		opts[i] = rules.WithInput(s.name, s.typ)
		vars[s.name] = s.value
	}
	// A bad name in a --set is a usage error, not a problem of the expression: check the
	// declarations alone first.
	if _, err := rules.Compile("true", opts...); err != nil {
		return badDeclaration(c, err)
	}

	p, err := rules.Compile(text, opts...)
	if err != nil {
		return o.findings(c, settings, err)
	}
	v, err := p.EvalValue(vars)
	if err != nil {
		return o.findings(c, settings, err)
	}

	var out []byte
	if o.format == "json" {
		raw, err := v.MarshalJSON()
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		out, err = jsonLine(struct {
			Value json.RawMessage `json:"value"`
			Type  string          `json:"type"`
		}{raw, v.Type().Key()})
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
	} else {
		out = v.AppendText(nil)
		out = append(out, '\n')
	}
	return write(c.OutOrStdout(), out)
}

// parseSettings reads each --set NAME=VALUE. A value that reads as a number is a decimal
// input, true and false are truth values, anything else is text.
func parseSettings(c *cobra.Command, sets []string) ([]setting, error) {
	as, err := parseAssignments(c, sets)
	if err != nil {
		return nil, err
	}
	out := make([]setting, len(as))
	for i, a := range as {
		if out[i] = classify(a.name, a.value); out[i].typ == rules.TypeList && out[i].notNumber != nil {
			return nil, usagef(c, "--set %s 的值有误：%v", a.name, out[i].notNumber)
		}
	}
	return out, nil
}

// assignment is one --set NAME=VALUE as typed.
type assignment struct {
	name, value string
}

// parseAssignments splits each --set at its first = (or the full-width ＝ a Chinese input
// method types). A missing =, an empty name or a name given twice is a usage error.
func parseAssignments(c *cobra.Command, sets []string) ([]assignment, error) {
	out := make([]assignment, 0, len(sets))
	seen := make(map[string]bool, len(sets))
	for _, s := range sets {
		i := strings.IndexAny(s, "=＝")
		if i < 0 {
			return nil, usagef(c, "--set %q 缺少等号，应写成 名称=值", s)
		}
		name := strings.TrimSpace(s[:i])
		_, size := firstRune(s[i:])
		value := s[i+size:]
		if name == "" {
			return nil, usagef(c, "--set %q 缺少名称，应写成 名称=值", s)
		}
		if seen[name] {
			return nil, usagef(c, "--set 重复给出了 %s", name)
		}
		seen[name] = true
		out = append(out, assignment{name: name, value: value})
	}
	return out, nil
}

func classify(name, value string) setting {
	if v := strings.TrimSpace(value); hasAnyPrefix(v, "[", "［") || hasAnySuffix(v, "]", "］") { // [1, 2 too: refused, not text
		ds, err := rulefile.ParseList(v)
		if err == nil {
			return setting{name: name, typ: rules.TypeList, value: ds}
		}
		return setting{name: name, typ: rules.TypeList, notNumber: listProblem(err)} // a usage error
	}
	d, err := amount.ParseDecimal(value)
	if err == nil {
		return setting{name: name, typ: rules.TypeDecimal, value: d}
	}
	switch strings.TrimSpace(value) {
	case "true":
		return setting{name: name, typ: rules.TypeBool, value: true}
	case "false":
		return setting{name: name, typ: rules.TypeBool, value: false}
	}
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(value)); err == nil {
		return setting{name: name, typ: rules.TypeDate, value: t} // 2024-05-31 is a date
	}
	s := setting{name: name, typ: rules.TypeString, value: value}
	if r, _ := firstRune(strings.TrimSpace(value)); strings.ContainsRune("0123456789０１２３４５６７８９+-＋－.．", r) {
		s.notNumber = err
	}
	return s
}

// listProblem is ParseList's message, without the code a platform would key on.
func listProblem(err error) error {
	if list := rules.Errors(err); len(list) > 0 {
		return errors.New(list[0].Msg)
	}
	return err
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// badDeclaration reports names the rules package refuses (a space, a reserved word, a
// built-in's name) as a usage error.
func badDeclaration(c *cobra.Command, err error) error {
	list := rules.Errors(err)
	if len(list) == 0 {
		return usagef(c, "--set 有误：%v", err)
	}
	msgs := make([]string, len(list))
	for i, e := range list {
		msgs[i] = e.Msg
	}
	return usagef(c, "--set 有误：%s", strings.Join(msgs, "；"))
}

// findings prints every problem on its own line as FILE:LINE:COL: 说明 on stderr, and in
// JSON mode also as one line of structured errors on stdout.
func (o *exprOptions) findings(c *cobra.Command, settings []setting, err error) error {
	list := rules.Errors(err)
	if len(list) == 0 {
		return &findingsError{msg: err.Error()}
	}
	var b strings.Builder
	for _, e := range list {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	for _, s := range settings {
		if s.notNumber != nil {
			fmt.Fprintf(&b, "提示：--set %s 的值不是数字，已按文本处理：%v\n", s.name, s.notNumber)
		}
	}
	writeMessage(c.ErrOrStderr(), b.String())
	return findings(c, o.format, list)
}

// jsonLine encodes v as one line of JSON, keeping < > & as they are.
func jsonLine(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// write prints a command's output. A failed write ends the command with exit code 1 and the
// message 无法写出结果: a command whose output was lost must not report success.
func write(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return &findingsError{msg: fmt.Sprintf("无法写出结果：%v", err)}
	}
	return nil
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
