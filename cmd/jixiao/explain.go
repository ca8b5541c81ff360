package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/rulefile"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
)

const explainHelp = `选项：
  --set 名称=值      给出一个输入的值，可重复。值按规则集声明的类型读取：数值如 10,113.65、
                     20%（单位是 万元 等金额单位时也可写 6314600元，换算精确）；整数如 8；
                     日期如 2024-08-31；布尔 true 或 false；文本原样。
  --at 日期          计算日期，决定用哪个版本、哪些参数值；默认是规则集的生效日期
                     （规则集有几个版本时必须写）。
  --ruleset 规则集   文件（或目录）中有多个规则集时，选其中一个。
  --format 格式      text（默认）逐项说明；json 打印一行 JSON（含 values 和 trace）。
  -h, --help         显示本说明。

文件也可以写内置规则集的名称，如 minfeng-monitor。
输出先列规则集、版本、生效日期、hash、计算日期和输入，再按声明顺序列出每个公式和决策表的结果，
其下缩进列出读取的值、参数、中间步骤，以及决策表逐行的判断（✓ 成立并给出结果，✗ 不成立）。

示例：
  jixiao explain minfeng-monitor --at 2024-08-31 --set 预算数=631.46 --set 执行数=520.22 --set 月份=8
  jixiao explain 民丰县监控.yaml --set 预算数=10,113.65 --set 执行数=9993.67 --set 月份=8

退出码：0 算出并解释了结果；1 规则文件有误或计算出错（如缺少输入）；
2 用法错误：文件不存在、--set 的名称不是输入或值读不出、--at 不在生效期内。`

type explainOptions struct {
	trace   []rules.TraceStep // how far a failed evaluation got, for JSON mode
	at      string
	ruleset string
	sets    []string
	format  string
}

func newExplainCmd() *cobra.Command {
	o := &explainOptions{}
	c := &cobra.Command{
		Use:     "explain [--at 日期] [--ruleset 规则集] [--set 名称=值]... [--format text|json] 文件",
		Short:   "用规则集计算一条记录，逐步说明每个结果的来历",
		Long:    "用规则文件中的规则集计算一条记录，列出每个公式和决策表的结果，并逐步说明它是怎么算出来的。",
		Example: explainHelp,
		Args:    exactlyOne("缺少规则文件", "只能解释一个规则文件，这里给了 %d 个参数"),
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args[0])
		},
	}
	c.Flags().StringArrayVar(&o.sets, "set", nil, "给出一个输入：名称=值")
	c.Flags().StringVar(&o.at, "at", "", "计算日期，如 2024-08-31")
	c.Flags().StringVar(&o.ruleset, "ruleset", "", "要解释的规则集")
	c.Flags().StringVar(&o.format, "format", "text", "输出格式：text 或 json")
	return c
}

func (o *explainOptions) run(c *cobra.Command, source string) error {
	if err := checkFormat(c, o.format); err != nil {
		return err
	}
	assigns, err := parseAssignments(c, o.sets)
	if err != nil {
		return err
	}
	var at time.Time
	if o.at != "" {
		var ok bool
		if at, ok = parseDay(o.at); !ok {
			return usagef(c, "--at 应为日期，如 2024-08-31，这里是 %q", o.at)
		}
	}
	l, cands, err := o.candidates(c, source)
	if err != nil {
		return err
	}
	if len(l.problems) > 0 {
		l.writeProblems(c.ErrOrStderr())
		return o.jsonErrors(c, l.problems)
	}
	rs, err := o.pick(c, source, cands, at)
	if err != nil {
		return err
	}
	if at.IsZero() {
		at = rs.Effective()
	}
	vars, err := inputValues(c, rs, assigns)
	if err != nil {
		return err
	}
	ev, err := rs.Explain(at, vars)
	if err != nil {
		if ev != nil {
			o.trace = ev.Trace // JSON mode gives it beside the errors
		}
		if ev != nil && len(ev.Trace) > 0 && o.format == "text" {
			// how far the rules got, then (on stderr) where they stopped
			failed := map[string]bool{}
			for _, e := range rules.Errors(err) {
				failed[e.RuleID] = true
			}
			if werr := write(c.OutOrStdout(), []byte(renderExplanation(rs, ev, vars, failed))); werr != nil {
				return werr
			}
		}
		return o.evalError(c, rs, err)
	}
	if o.format == "json" {
		out, err := jsonLine(ev)
		if err != nil {
			return &findingsError{msg: "无法输出结果：" + err.Error()}
		}
		return write(c.OutOrStdout(), out)
	}
	return write(c.OutOrStdout(), []byte(renderExplanation(rs, ev, vars, nil)))
}

// candidates loads source on top of the defaults and returns the rule sets it defines. A
// source that is not a path but the id of a default rule set (minfeng-monitor) gives that
// rule set's versions.
func (o *explainOptions) candidates(c *cobra.Command, source string) (*loaded, []*rulefile.RuleSet, error) {
	if _, err := os.Stat(source); err != nil && errors.Is(err, os.ErrNotExist) && looksLikeID(source) {
		l, err := loadRuleFiles(nil)
		if err != nil {
			return nil, nil, err
		}
		var cands []*rulefile.RuleSet
		var ids []string
		for _, rs := range l.lib.RuleSets() {
			if rs.ID() == source {
				cands = append(cands, rs)
			}
			if len(ids) == 0 || ids[len(ids)-1] != rs.ID() {
				ids = append(ids, rs.ID())
			}
		}
		if len(cands) == 0 {
			return nil, nil, usagef(c, "找不到规则文件 %s，也没有叫这个名字的内置规则集%s", source, suggestion(source, ids))
		}
		return l, cands, nil
	}
	files, err := readRuleFiles(c, []string{source})
	if err != nil {
		return nil, nil, err
	}
	l, err := loadRuleFiles(files)
	if err != nil {
		return nil, nil, err
	}
	return l, l.sets, nil
}

// looksLikeID reports whether s could be a rule set's id rather than a file's path.
func looksLikeID(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return s != "" && !strings.ContainsAny(s, `/\`) && ext != ".yaml" && ext != ".yml"
}

// pick chooses the rule set to explain: the one --ruleset names (or the only one), in the
// version in force on day at (or the only version when no date is given).
func (o *explainOptions) pick(c *cobra.Command, source string, cands []*rulefile.RuleSet, at time.Time) (*rulefile.RuleSet, error) {
	ids := distinctIDs(cands)
	if o.ruleset != "" {
		var keep []*rulefile.RuleSet
		for _, rs := range cands {
			if rs.ID() == o.ruleset {
				keep = append(keep, rs)
			}
		}
		if len(keep) == 0 {
			return nil, usagef(c, "%s 中没有规则集 %s%s（有：%s）", source, o.ruleset,
				suggestion(o.ruleset, ids), strings.Join(ids, "、"))
		}
		cands, ids = keep, []string{o.ruleset}
	}
	switch {
	case len(cands) == 0:
		return nil, usagef(c, "%s 中没有规则集", source)
	case len(ids) > 1:
		return nil, usagef(c, "%s 中有 %d 个规则集（%s），请用 --ruleset 选一个", source, len(ids), strings.Join(ids, "、"))
	}
	if at.IsZero() {
		if len(cands) == 1 {
			return cands[0], nil
		}
		return nil, usagef(c, "规则集 %s 有 %d 个版本（%s），请用 --at 给出计算日期", ids[0], len(cands), spans(cands))
	}
	// the version in force is the latest one that has started (a version without until
	// ends where the next begins), as rulefile.Library.Get chooses
	var found *rulefile.RuleSet
	for _, rs := range cands {
		if !rs.Effective().After(at) && (found == nil || rs.Effective().After(found.Effective())) {
			found = rs
		}
	}
	if found != nil && found.InForce(at) {
		return found, nil
	}
	return nil, usagef(c, "规则集 %s 在 %s 不生效（生效期：%s）", ids[0], at.Format(dayLayout), spans(cands))
}

func distinctIDs(sets []*rulefile.RuleSet) []string {
	var ids []string
	seen := map[string]bool{}
	for _, rs := range sets {
		if !seen[rs.ID()] {
			seen[rs.ID()] = true
			ids = append(ids, rs.ID())
		}
	}
	return ids
}

// spans lists when each version is in force.
func spans(sets []*rulefile.RuleSet) string {
	out := make([]string, len(sets))
	for i, rs := range sets {
		out[i] = rs.Effective().Format(dayLayout) + " 起"
		if !rs.Until().IsZero() {
			out[i] = rs.Effective().Format(dayLayout) + " 至 " + rs.Until().Format(dayLayout)
		}
	}
	return strings.Join(out, "、")
}

const dayLayout = "2006-01-02"

// parseDay reads a calendar day: 2024-08-31, 2024/08/31, 2024-8-31.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{dayLayout, "2006/01/02", "2006-1-2", "2006/1/2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// inputValues reads each --set as the type its input declares. A name that is not an input,
// or a value that does not read as the input's type, is a usage error.
func inputValues(c *cobra.Command, rs *rulefile.RuleSet, assigns []assignment) (map[string]any, error) {
	inputs := rs.Inputs()
	byName := make(map[string]rules.Input, len(inputs))
	names := make([]string, len(inputs))
	for i, in := range inputs {
		byName[in.Name] = in
		names[i] = in.Name
	}
	vars := make(map[string]any, len(assigns))
	for _, a := range assigns {
		in, ok := byName[a.name]
		if !ok {
			return nil, usagef(c, "%s", notAnInput(rs, a.name, names))
		}
		v, problem := readInput(in, a.value)
		if problem != "" {
			return nil, usagef(c, "--set %s 的值有误：%s", a.name, problem)
		}
		vars[a.name] = v
	}
	return vars, nil
}

// notAnInput explains why a --set name cannot be given.
func notAnInput(rs *rulefile.RuleSet, name string, inputs []string) string {
	list := "（没有输入）"
	if len(inputs) > 0 {
		list = "（输入有：" + strings.Join(inputs, "、") + "）"
	}
	for _, p := range rs.Params() {
		if p.Name == name {
			return fmt.Sprintf("--set %s：%s 是规则集 %s 的参数，不是输入，不能用 --set 改变%s", name, name, rs.ID(), list)
		}
	}
	for _, f := range rs.Formulas() {
		if f.Name == name {
			return fmt.Sprintf("--set %s：%s 是公式，由规则算出，不是输入%s", name, name, list)
		}
	}
	for _, t := range rs.Tables() {
		if t.Name == name {
			return fmt.Sprintf("--set %s：%s 是决策表，由规则算出，不是输入%s", name, name, list)
		}
	}
	return fmt.Sprintf("--set %s：规则集 %s 没有输入 %s%s%s", name, rs.ID(), name, suggestion(name, inputs), list)
}

// readInput reads a command-line value as the input's declared type, exactly.
func readInput(in rules.Input, text string) (rules.Value, string) {
	switch in.Type {
	case rules.TypeDecimal, rules.TypeInt:
		d, err := readNumber(text, in.Unit)
		if err != nil {
			return rules.Value{}, err.Error()
		}
		if in.Type == rules.TypeInt && !d.IsInteger() {
			return rules.Value{}, fmt.Sprintf("%s 应为整数，这里是 %s", in.Name, d.String())
		}
		return rules.NumberOf(d), ""
	case rules.TypeBool:
		switch strings.TrimSpace(text) {
		case "true", "是", "真":
			return rules.BoolOf(true), ""
		case "false", "否", "假":
			return rules.BoolOf(false), ""
		}
		return rules.Value{}, fmt.Sprintf("%s 应为 true 或 false，这里是 %q", in.Name, text)
	case rules.TypeDate:
		if t, ok := parseDay(text); ok {
			return rules.DateOf(t), ""
		}
		return rules.Value{}, fmt.Sprintf("%s 应为日期，如 2024-08-31，这里是 %q", in.Name, text)
	case rules.TypeList:
		return readList(in.Name, text)
	}
	return rules.TextOf(text), ""
}

// readNumber reads a number; for an input in 元, 万元 or 亿元 it may carry a unit, converted
// exactly to the input's unit.
func readNumber(text, unit string) (decimal.Decimal, error) {
	if unit != "" {
		if u, err := amount.ParseUnit(unit); err == nil {
			a, err := amount.ParseAmount(text, u)
			if err != nil {
				return decimal.Decimal{}, err
			}
			return a.In(u).Value(), nil
		}
	}
	return amount.ParseDecimal(text)
}

// readList reads a list of numbers as a rule file's test does: [1, 2.5] or 1, 2.5, with no
// thousands separators (1,000, 2 is refused as ambiguous).
func readList(name, text string) (rules.Value, string) {
	ds, err := rulefile.ParseList(text)
	if err != nil {
		return rules.Value{}, name + " " + listProblem(err).Error()
	}
	return rules.ListOf(ds), ""
}

// evalError prints why the record could not be evaluated.
func (o *explainOptions) evalError(c *cobra.Command, rs *rulefile.RuleSet, err error) error {
	list := rules.Errors(err)
	if len(list) == 0 {
		return &findingsError{msg: err.Error()}
	}
	var b strings.Builder
	for _, e := range list {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	if errors.Is(err, rules.ErrMissingInput) {
		names := make([]string, 0)
		for _, in := range rs.Inputs() {
			names = append(names, in.Name)
		}
		fmt.Fprintf(&b, "提示：用 --set 名称=值 给出输入（规则集 %s 的输入：%s）\n", rs.ID(), strings.Join(names, "、"))
	}
	writeMessage(c.ErrOrStderr(), b.String())
	return o.jsonErrors(c, list)
}

// jsonErrors ends the command with findings (see findings). After a run-time error, JSON
// mode gives the trace up to it beside the errors: {"errors":[...],"trace":[...]}.
func (o *explainOptions) jsonErrors(c *cobra.Command, list rules.ErrorList) error {
	if o.format != "json" || len(o.trace) == 0 {
		return findings(c, o.format, list)
	}
	out, err := jsonLine(struct {
		Errors rules.ErrorList   `json:"errors"`
		Trace  []rules.TraceStep `json:"trace"`
	}{list, o.trace})
	if err != nil {
		return &findingsError{msg: "无法输出错误：" + err.Error()}
	}
	if err := write(c.OutOrStdout(), out); err != nil {
		return err
	}
	return &findingsError{}
}

// suggestion is "，是否为 X？" for the candidate closest to name, or "" when none is close.
func suggestion(name string, cands []string) string {
	if best := suggest.Closest(name, append([]string(nil), cands...)); best != "" {
		return "，是否为 " + best + "？"
	}
	return ""
}
