package rulefile_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing/fstest"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// scoreFile is a small rule file: grade bands by score, with a test beside the rules.
const scoreFile = `ruleset: 示例-评分
title: 评分分档
effective: 2024-01-01
inputs:
  总分: {type: decimal}
params:
  优下限: 90
  良下限: 80
tables:
  等级:
    - when: 总分 >= 优下限
      then: 优
    - when: 总分 >= 良下限
      then: 良
    - else: 差
tests:
  - name: 九十为优
    given: {总分: 90}
    expect: {等级: 优}
`

// regionFile extends 示例-评分 and changes one param.
const regionFile = `ruleset: 示例-评分-地区
extends: 示例-评分
effective: 2024-01-01
params:
  良下限: 85
tests:
  - name: 八十四为差
    given: {总分: 84}
    expect: {等级: 差}
`

var day = time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A library holds rule sets; Evaluate picks the version in force on the day.
func ExampleLibrary_Evaluate() {
	lib := rulefile.NewLibrary()
	if _, err := lib.LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}); err != nil {
		fmt.Println(err)
		return
	}
	ev, err := lib.Evaluate("示例-评分", day, map[string]any{"总分": "89.99"})
	if err != nil {
		fmt.Println(err)
		return
	}
	grade, _ := ev.Values.Get("等级")
	fmt.Println(grade, ev.RuleSet, ev.Version)
	// Output: 良 示例-评分 2024-01-01
}

// Every problem of every file comes back at once, each with its file, line, column and code.
func ExampleLibrary_LoadBytes_errors() {
	bad := `ruleset: 示例-监控
effective: 2024-01-01
inputs:
  执行数: {type: decimal}
  预算数: {type: decimal}
formulas:
  执行率: 执形数 / 预算数
tables:
  等级:
    - when: 执行率 = 1
      then: 优
    - else: 差
`
	_, err := rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "监控.yaml", Data: []byte(bad)})
	for _, e := range rules.Errors(err) {
		fmt.Println(e)
		fmt.Println("  ", e.File, e.Line, e.Col, e.RuleID, string(e.Code), e.Code.Title())
	}
	// Output:
	// 监控.yaml:7:8: 规则 执行率：未知名称 执形数，是否为 执行数？
	//    监控.yaml 7 8 执行率 E002 未知名称
	// 监控.yaml:10:17: 规则 等级：语法错误：比较相等请写 ==，不是 =
	//    监控.yaml 10 17 等级 E001 语法错误
}

// A regional file extends a base and overrides only the params it changes.
func ExampleLibrary_Get() {
	lib := rulefile.NewLibrary()
	must(lib.LoadBytes(
		rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)},
		rulefile.Source{Name: "地区.yaml", Data: []byte(regionFile)}))
	for _, id := range []string{"示例-评分", "示例-评分-地区"} {
		rs := must(lib.Get(id, day))
		ev := must(rs.Evaluate(day, map[string]any{"总分": "84"}))
		grade, _ := ev.Values.Get("等级")
		fmt.Println(rs.ID(), rs.Extends(), grade)
	}
	// Output:
	// 示例-评分  良
	// 示例-评分-地区 示例-评分 差
}

// LoadEach adds every file that compiles and reports the others, for tools that check folders.
func ExampleLibrary_LoadEach() {
	lib := rulefile.NewLibrary()
	added, err := lib.LoadEach(
		rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)},
		rulefile.Source{Name: "空.yaml", Data: []byte("# 还没写\n")})
	fmt.Println(len(added), added[0].ID())
	fmt.Println(err)
	fmt.Println(len(lib.RuleSets()))
	// Output:
	// 1 示例-评分
	// 空.yaml:1:1: 文件为空：规则文件至少要有 ruleset 和 effective
	// 1
}

// LoadFS reads rule files from any file system: embedded files, a zip, a test's map.
func ExampleLibrary_LoadFS() {
	fsys := fstest.MapFS{
		"规则/评分.yaml": {Data: []byte(scoreFile)},
		"规则/地区.yml":  {Data: []byte(regionFile)},
		"规则/说明.txt":  {Data: []byte("不是规则文件，被跳过")},
	}
	sets, err := rulefile.NewLibrary().LoadFS(fsys, "规则")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rs := range sets {
		fmt.Println(rs.ID(), rs.File())
	}
	// Unordered output:
	// 示例-评分 规则/评分.yaml
	// 示例-评分-地区 规则/地区.yml
}

// LoadFiles reads files and folders from the operating system; messages name the paths given.
func ExampleLibrary_LoadFiles() {
	dir, err := os.MkdirTemp("", "rules")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(dir+"/评分.yaml", []byte(scoreFile), 0o600); err != nil {
		fmt.Println(err)
		return
	}
	sets, err := rulefile.NewLibrary().LoadFiles(dir)
	fmt.Println(len(sets), err)
	// Output: 1 <nil>
}

// Stage compiles and tests a revision against the live library; Commit swaps it in.
func ExampleLibrary_Stage() {
	lib := rulefile.NewLibrary()
	must(lib.LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}))
	staged, err := lib.Stage(rulefile.Source{Name: "评分.yaml", Data: []byte(
		`ruleset: 示例-评分
effective: 2024-01-01
inputs:
  总分: {type: decimal}
params:
  优下限: 90
  良下限: 85
tables:
  等级:
    - when: 总分 >= 优下限
      then: 优
    - when: 总分 >= 良下限
      then: 良
    - else: 差
tests:
  - name: 八十四为差
    given: {总分: 84}
    expect: {等级: 差}
`)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rs := range staged.RuleSets() {
		for _, r := range rs.RunTests() {
			fmt.Println("预检", r.Name, r.Passed())
		}
	}
	fmt.Println(grade(lib, "84"))
	if err := staged.Commit(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(grade(lib, "84"))
	// Output:
	// 预检 八十四为差 true
	// 良
	// 差
}

func grade(lib *rulefile.Library, score string) rules.Value {
	ev := must(lib.Evaluate("示例-评分", day, map[string]any{"总分": score}))
	v, _ := ev.Values.Get("等级")
	return v
}

// RunTests runs the tests kept beside the rules; a failure names the result, want and got.
func ExampleRuleSet_RunTests() {
	wrong := scoreFile + `  - name: 故意写错
    given: {总分: 85}
    expect: {等级: 优}
`
	sets := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(wrong)}))
	for _, r := range sets[0].RunTests() {
		fmt.Println(r.Name, r.Passed())
		for _, f := range r.Failures {
			fmt.Println(f)
		}
	}
	// Output:
	// 九十为优 true
	// 故意写错 false
	// 评分.yaml:22:18: 测试 故意写错：等级 期望 “优”，实际 “良”
}

// Program gives the compiled rules in force on a day, for rules.Bind over a platform's own
// records; Evaluation records which rules produced a result.
func ExampleRuleSet_Program() {
	type project struct {
		Score decimal.Decimal `rule:"总分"`
	}
	rs := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}))[0]
	prog := must(rs.Program(day))
	bind := must(rules.Bind[project](prog))
	res := prog.NewResult()
	for _, score := range []string{"95", "80", "59.5"} {
		p := project{Score: decimal.RequireFromString(score)}
		if err := bind.EvalInto(&p, res); err != nil {
			fmt.Println(err)
			return
		}
		ev := rs.Evaluation(day, res)
		g, _ := ev.Values.Get("等级")
		fmt.Println(p.Score, g, ev.RuleSet, ev.Version)
	}
	// Output:
	// 95 优 示例-评分 2024-01-01
	// 80 良 示例-评分 2024-01-01
	// 59.5 差 示例-评分 2024-01-01
}

// Explain traces every value read, param used and table row tried.
func ExampleRuleSet_Explain() {
	rs := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}))[0]
	ev := must(rs.Explain(day, map[string]any{"总分": "85"}))
	for _, s := range ev.Trace {
		if !s.Value.IsValid() {
			fmt.Printf("%s:%d %s %s：不成立\n", s.File, s.Line, s.Kind, s.Text)
			continue
		}
		fmt.Printf("%s:%d %s %s = %s\n", s.File, s.Line, s.Kind, s.Text, s.Value)
	}
	// Output:
	// 评分.yaml:11 value 总分 = 85
	// 评分.yaml:11 param 优下限 = 90
	// 评分.yaml:11 step 总分 >= 优下限 = false
	// 评分.yaml:11 row 总分 >= 优下限：不成立
	// 评分.yaml:13 value 总分 = 85
	// 评分.yaml:13 param 良下限 = 80
	// 评分.yaml:13 step 总分 >= 良下限 = true
	// 评分.yaml:13 row 总分 >= 良下限 = 良
}

// An Evaluation marshals to JSON with exact numbers and the rules that produced it: the
// hash is the sha256 of the file, so the same hash means the same rules.
func ExampleEvaluation() {
	rs := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}))[0]
	ev := must(rs.Evaluate(day, map[string]any{"总分": "89.995"}))
	out, _ := json.Marshal(ev)
	fmt.Println(string(out))
	// Output: {"ruleset":"示例-评分","version":"2024-01-01","effective":"2024-01-01","hash":"d949c516fa3d6f7446ee572d2507b9bb98564087434940e606945396b1368f25","at":"2024-08-31","values":{"等级":"良"}}
}

// A RuleSet describes itself; its dates are in force inclusively.
func ExampleRuleSet_InForce() {
	rs := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "评分.yaml", Data: []byte(scoreFile)}))[0]
	fmt.Println(rs.ID(), rs.Title(), rs.Version(), rs.Effective().Format("2006-01-02"), rs.Until().IsZero())
	fmt.Println(rs.InForce(day), rs.InForce(time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)))
	for _, p := range rs.Params() {
		fmt.Println(p.Name, p.Values[0].Value)
	}
	fmt.Println(len(rs.Inputs()), len(rs.Formulas()), len(rs.Tables()), len(rs.Tests()))
	desc, _ := json.Marshal(rs)
	fmt.Println(len(desc) > 0)
	// Output:
	// 示例-评分 评分分档 2024-01-01 2024-01-01 true
	// true false
	// 优下限 90
	// 良下限 80
	// 1 0 1 1
	// true
}

// Options fix a library's limits and the language's options for every rule set in it: here
// a vendor function the rule files may call, and a smaller bound on a file's size.
func ExampleNewLibrary() {
	coefficient := rules.Func{
		Name: "类别系数", Params: []rules.Type{rules.TypeString}, Result: rules.TypeDecimal,
		Call: func(args []rules.Value) (rules.Value, error) {
			if args[0].Text() == "基建" {
				return rules.NumberOf(decimal.RequireFromString("1.2")), nil
			}
			return rules.NumberOf(decimal.NewFromInt(1)), nil
		},
	}
	lib := rulefile.NewLibrary(
		rulefile.RuleOptions(rules.WithFunction(coefficient)),
		rulefile.MaxFileSize(64<<10))
	src := `ruleset: 示例-系数
effective: 2024-01-01
inputs:
  类别: {type: string}
  得分: {type: decimal}
formulas:
  加权得分: 得分 * 类别系数(类别)
`
	if _, err := lib.LoadBytes(rulefile.Source{Name: "系数.yaml", Data: []byte(src)}); err != nil {
		fmt.Println(err)
		return
	}
	ev := must(lib.Evaluate("示例-系数", day, map[string]any{"类别": "基建", "得分": "80"}))
	v, _ := ev.Values.Get("加权得分")
	fmt.Println(v)

	_, err := lib.LoadBytes(rulefile.Source{Name: "大.yaml", Data: make([]byte, 70<<10)})
	fmt.Println(err)
	// Output:
	// 96.0
	// 大.yaml: 文件过大：71680 字节，上限 65536 字节
}

// HasUntil tells an until of 0001-01-01 (a day like any other) from no until at all: the
// zero time Until returns is itself that day.
func ExampleRuleSet_HasUntil() {
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadBytes(
		rulefile.Source{Name: "旧.yaml", Data: []byte("ruleset: 旧\neffective: 0001-01-01\nuntil: 0001-01-01\nformulas:\n  y: 1\n")},
		rulefile.Source{Name: "新.yaml", Data: []byte("ruleset: 新\neffective: 2024-01-01\nformulas:\n  y: 1\n")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rs := range sets {
		fmt.Println(rs.ID(), rs.Version(), rs.HasUntil(), rs.InForce(time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)))
	}
	// Output:
	// 旧 0001-01-01 true false
	// 新 2024-01-01 false false
}

// An input may declare a default: a value of its type, or 评价日期 for a date, the day the
// rules are evaluated on. Default tells what an input left out takes.
func ExampleRuleSet_Default() {
	src := `ruleset: 示例-默认值
effective: 2024-01-01
inputs:
  预算数: {type: decimal}
  调减数: {type: decimal, default: 0}
  监控日期: {type: date, default: 评价日期}
formulas:
  预算净额: 预算数 - 调减数
  整改期限: add_days(监控日期, 30)
`
	rs := must(rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "默认值.yaml", Data: []byte(src)}))[0]
	for _, name := range []string{"预算数", "调减数", "监控日期"} {
		if v, ok := rs.Default(name, day); ok {
			fmt.Println(name, "默认", v)
			continue
		}
		fmt.Println(name, "必须给出")
	}
	ev := must(rs.Evaluate(day, map[string]any{"预算数": "100"}))
	deadline, _ := ev.Values.Get("整改期限")
	fmt.Println(deadline)
	// Output:
	// 预算数 必须给出
	// 调减数 默认 0
	// 监控日期 默认 2024-08-31
	// 2024-09-30
}

// ReadFile reads one file as LoadFiles would, for a tool that gathers files itself: a file
// it refuses before reading comes back as a *rules.Error to report with the others' problems.
func ExampleReadFile() {
	dir, err := os.MkdirTemp("", "rules")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := dir + "/评分.yaml"
	if err := os.WriteFile(name, []byte(scoreFile), 0o600); err != nil {
		fmt.Println(err)
		return
	}
	src, err := rulefile.ReadFile(name, dir, 1<<20)
	fmt.Println(len(src.Data) == len(scoreFile), err)
	_, err = rulefile.ReadFile(name, dir, 100)
	var refusal *rules.Error
	fmt.Println(errors.As(err, &refusal), string(refusal.Code), refusal.Msg)
	// Output:
	// true <nil>
	// true F005 文件过大：349 字节，上限 100 字节
}
