package rules_test

// TestHandbook executes every example in handbook.md, so the handbook for rule authors
// cannot go stale. The conventions, which the handbook's last section repeats for its
// maintainers:
//
//   - ```yaml is a complete rule file. It is loaded into a fresh rules.NewLibrary() (into
//     rulesets.Library(), which holds the default rule sets, when it has an extends line) and
//     its tests must all pass, and there must be at least one.
//   - ```jixiao holds expressions, one a line, written `表达式  ⇒  结果`: the expression is
//     compiled with rules.Compile, evaluated, and Value.String() must equal the result.
//     `表达式  ⇒  错误 E002` (optionally `错误 E002：说明`) expects the first error to carry
//     that code (and that message). `# 输入: 预算数=940, 执行数=928.56` declares inputs for the
//     lines below it: a number is a decimal, true/false a bool, 2024-08-31 a date, [1, 2] a
//     list and "…" text. Other lines starting with # are comments.
//   - ```sh holds jixiao command lines (check, test, explain, expr), run through the rules
//     package against the handbook's own files (see file below) and the default rule sets.
//   - ```text must be marked <!-- output --> and is the exact output of the yaml or sh block
//     before it; a line holding only … skips lines.
//
// Markers are HTML comments on the lines just before a block:
//
//	<!-- file: 规则/示例.yaml -->     the yaml block is this file (named so in messages; sh blocks can use it)
//	<!-- expect-error: F002 -->       the yaml block must fail to load with exactly these codes (comma-separated)
//	<!-- same-library -->             load into the library of the yaml block before, not a fresh one
//	<!-- same-as: rulesets/x.yaml --> the yaml block must equal that embedded default file
//	<!-- tests: 1 passed, 1 failed --> the yaml block's tests must end so (default: all pass)
//	<!-- exit: 1 -->                  the sh block ends in findings (exit code 1; default 0)
//	<!-- output -->                   the text block is the output of the block before
//
// The table of error codes must list rules.Codes() in order with their titles, and every
// message quoted 「like this」 in it must be one an example above produced with that code.
// The table of built-ins must match rules.Builtins(), and every built-in needs a passing example.

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

const hbFile = "handbook.md"

// hbUnproducible are the codes no rule text can produce, so the code table describes them
// in words instead of quoting a message an example produced.
var hbUnproducible = map[rules.Code]string{
	rules.ErrFunction:   "raised by a vendor's own Go function",
	rules.ErrCanceled:   "raised when the platform cancels a batch",
	rules.ErrFileLimit:  "needs a rule file over 1 MB",
	rules.ErrTestFailed: "no code path of the rules package emits it yet",
}

type hbBlock struct {
	lang  string
	fence int // handbook line of the opening ```
	lines []string
	marks map[string]string
}

// at is the handbook line of content line i (0-based).
func (b *hbBlock) at(i int) int { return b.fence + 1 + i }

func (b *hbBlock) text() string { return strings.Join(b.lines, "\n") + "\n" }

func (b *hbBlock) name() string { return fmt.Sprintf("%s:%d", hbFile, b.fence) }

var (
	hbMarkRe  = regexp.MustCompile(`^<!--\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->$`)
	hbMarks   = map[string]bool{"file": true, "expect-error": true, "same-library": true, "same-as": true, "tests": true, "exit": true, "output": true}
	hbExtends = regexp.MustCompile(`(?m)^extends:`)
	hbWantErr = regexp.MustCompile(`^错误\s+([EFR]\d{3})(?:\s*[：:]\s*(.+))?$`)
	hbCodeRow = regexp.MustCompile("^\\|\\s*`?([EFR]\\d{3})`?\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|")
	hbQuoted  = regexp.MustCompile(`「([^」]+)」`)
	hbFuncRow = regexp.MustCompile("^\\|\\s*`([a-z_]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]*?)\\s*\\|")
)

// hbParse splits the handbook into its fenced blocks with the markers before each.
func hbParse(t *testing.T, src string) []*hbBlock {
	lines := strings.Split(src, "\n")
	var blocks []*hbBlock
	var marks map[string]string
	markLine := 0
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \r")
		if m := hbMarkRe.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			if !hbMarks[m[1]] {
				t.Errorf("%s:%d: 未知的标记 %q", hbFile, i+1, m[1])
			}
			if marks == nil {
				marks, markLine = map[string]string{}, i+1
			}
			marks[m[1]] = m[2]
			continue
		}
		if strings.HasPrefix(l, "```") {
			b := &hbBlock{lang: strings.TrimSpace(strings.TrimPrefix(l, "```")), fence: i + 1, marks: marks}
			if b.marks == nil {
				b.marks = map[string]string{}
			}
			marks = nil
			j := i + 1
			for ; j < len(lines) && strings.TrimRight(lines[j], " \r") != "```"; j++ {
				b.lines = append(b.lines, strings.TrimRight(lines[j], "\r"))
			}
			if j == len(lines) {
				t.Fatalf("%s:%d: 代码块没有结束的 ```", hbFile, i+1)
			}
			blocks = append(blocks, b)
			i = j
			continue
		}
		if strings.TrimSpace(l) != "" && marks != nil {
			t.Errorf("%s:%d: 标记后面应紧跟代码块", hbFile, markLine)
			marks = nil
		}
	}
	return blocks
}

// hbRunner carries what one block leaves for the next: the files declared so far, the
// library of the last yaml block, the output an output block is compared with, and the
// messages and built-ins the examples exercised.
type hbRunner struct {
	disk  map[string][]byte
	lib   *rules.Library
	out   *hbOutput
	msgs  map[string]rules.Code
	funcs map[string]bool
}

type hbOutput struct {
	line     int
	text     string
	consumed bool
}

func TestHandbook(t *testing.T) {
	src, err := os.ReadFile(hbFile)
	require.NoError(t, err)
	blocks := hbParse(t, string(src))
	require.NotEmpty(t, blocks)
	r := &hbRunner{disk: map[string][]byte{}, msgs: map[string]rules.Code{}, funcs: map[string]bool{}}
	counts := map[string]int{}
	for _, b := range blocks {
		b := b
		counts[b.lang]++
		t.Run(fmt.Sprintf("L%04d_%s", b.fence, b.lang), func(t *testing.T) {
			if b.lang != "text" {
				r.unconsumed(t)
			}
			switch b.lang {
			case "yaml":
				r.yaml(t, b)
			case "jixiao":
				r.exprs(t, b)
			case "sh":
				r.shell(t, b)
			case "text":
				r.output(t, b)
			default:
				t.Errorf("%s:%d: 代码块语言 %q 不会被执行；请用 yaml、jixiao、sh，或带 <!-- output --> 的 text", hbFile, b.fence, b.lang)
			}
		})
	}
	r.unconsumed(t)
	t.Run("code_table", func(t *testing.T) { r.codeTable(t, string(src)) })
	t.Run("builtin_table", func(t *testing.T) { r.builtinTable(t, string(src)) })
	t.Logf("handbook blocks executed: %v", counts)
}

// unconsumed fails when a block's output was shown as findings but never checked... it only
// resets the pending output: an output block must follow its block directly.
func (r *hbRunner) unconsumed(t *testing.T) { r.out = nil }

func (r *hbRunner) setOut(b *hbBlock, text string) {
	r.out = &hbOutput{line: b.fence, text: text}
}

// output compares a text block with the output of the block before it.
func (r *hbRunner) output(t *testing.T, b *hbBlock) {
	if _, ok := b.marks["output"]; !ok {
		t.Errorf("%s:%d: text 代码块须带 <!-- output --> 标记，表示它是上一个代码块的输出", hbFile, b.fence)
		return
	}
	if r.out == nil || r.out.consumed {
		t.Errorf("%s:%d: 输出块前面没有可对照的 yaml 或 sh 代码块", hbFile, b.fence)
		return
	}
	r.out.consumed = true
	got := hbLines(r.out.text)
	want := hbLines(b.text())
	if !hbMatch(want, got) {
		t.Errorf("%s:%d: 输出与实际不符（上一个代码块在第 %d 行）\n--- 手册中：\n%s\n--- 实际：\n%s", hbFile, b.fence,
			r.out.line, strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

func hbLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}

// hbMatch compares exactly, unless want has a line holding only …, which skips any lines.
func hbMatch(want, got []string) bool {
	if len(want) == 0 || len(got) == 0 {
		return len(want) == len(got)
	}
	if want[0] == "…" {
		for i := 0; i <= len(got); i++ {
			if hbMatch(want[1:], got[i:]) {
				return true
			}
		}
		return len(want) == 1
	}
	return want[0] == got[0] && hbMatch(want[1:], got[1:])
}

// --- yaml blocks ---------------------------------------------------------------------------

func (r *hbRunner) yaml(t *testing.T, b *hbBlock) {
	data := []byte(b.text())
	name := b.marks["file"]
	if name == "" {
		name = b.name()
	} else {
		r.disk[name] = data
	}
	if same := b.marks["same-as"]; same != "" {
		want, err := fs.ReadFile(rulesets.FS(), strings.TrimPrefix(same, "rulesets/"))
		if assert.NoError(t, err, "%s:%d: same-as", hbFile, b.fence) {
			assert.Equal(t, string(want), string(data), "%s:%d: 这段与 %s 不一致：请把该文件原样复制进手册", hbFile, b.fence, same)
		}
	}
	var lib *rules.Library
	_, sameLib := b.marks["same-library"]
	switch {
	case sameLib:
		require.NotNil(t, r.lib, "%s:%d: same-library 前面没有 yaml 代码块", hbFile, b.fence)
		lib = r.lib
	case hbExtends.Match(data):
		var err error
		lib, err = rulesets.Library()
		require.NoError(t, err)
	default:
		lib = rules.NewLibrary()
	}
	r.lib = lib
	sets, err := lib.LoadBytes(rules.File{Name: name, Data: data})
	if want, ok := b.marks["expect-error"]; ok {
		r.expectCodes(t, b, name, err, want)
		r.setOut(b, hbErrText(err))
		return
	}
	if err != nil {
		for _, line := range hbErrLines(err) {
			t.Errorf("%s:%d: 规则文件加载失败：%s", hbFile, r.lineOf(b, name, line.pos), line.text)
		}
		return
	}
	out, passed, failed := hbRunTests(sets)
	for _, rs := range sets {
		for _, res := range rs.RunTests() {
			if res.Passed() {
				continue
			}
			if _, ok := b.marks["tests"]; ok {
				continue
			}
			for _, f := range res.Failures {
				t.Errorf("%s:%d: 测试 %s：%s", hbFile, r.lineOf(b, name, f.Pos), res.Name, f.String())
			}
			if res.Err != nil {
				t.Errorf("%s:%d: 测试 %s 出错：%v", hbFile, r.lineOf(b, name, res.Pos), res.Name, res.Err)
			}
		}
	}
	summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
	if want, ok := b.marks["tests"]; ok {
		assert.Equal(t, want, summary, "%s:%d: 测试结果与 <!-- tests --> 标记不符", hbFile, b.fence)
	} else {
		assert.Positive(t, passed, "%s:%d: 示例规则文件应至少带一个测试", hbFile, b.fence)
	}
	r.setOut(b, out)
}

// lineOf maps a position in a block's file to the handbook line.
func (r *hbRunner) lineOf(b *hbBlock, name string, p rules.Pos) int {
	if p.File == name && p.Line >= 1 {
		return b.at(p.Line - 1)
	}
	return b.fence
}

func (r *hbRunner) expectCodes(t *testing.T, b *hbBlock, name string, err error, want string) {
	if !assert.Error(t, err, "%s:%d: 这个文件应当报错 %s，却加载成功了", hbFile, b.fence, want) {
		return
	}
	wantSet := map[rules.Code]bool{}
	for _, c := range strings.Split(want, ",") {
		wantSet[rules.Code(strings.TrimSpace(c))] = true
	}
	got := map[rules.Code]bool{}
	for _, e := range rules.Errors(err) {
		got[e.Code] = true
		r.msgs[e.Msg] = e.Code
		if !wantSet[e.Code] {
			line := b.fence
			if e.File == name {
				line = b.at(e.Line - 1)
			}
			t.Errorf("%s:%d: 意外的错误 %s：%s", hbFile, line, e.Code, e.Error())
		}
	}
	for c := range wantSet {
		assert.True(t, got[c], "%s:%d: 期望错误 %s，实际：\n%s", hbFile, b.fence, c, hbErrText(err))
	}
}

type hbErrLine struct {
	pos  rules.Pos
	text string
}

func hbErrLines(err error) []hbErrLine {
	list := rules.Errors(err)
	if len(list) == 0 {
		return []hbErrLine{{text: err.Error()}}
	}
	out := make([]hbErrLine, len(list))
	for i, e := range list {
		out[i] = hbErrLine{pos: rules.Pos{File: e.File, Line: e.Line, Col: e.Col}, text: e.Error()}
	}
	return out
}

func hbErrText(err error) string {
	if err == nil {
		return ""
	}
	var b strings.Builder
	for _, l := range hbErrLines(err) {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// hbRunTests runs the tests of every rule set and prints what a failed test shows and the
// closing line N passed, M failed.
func hbRunTests(sets []*rules.RuleSet) (string, int, int) {
	var b strings.Builder
	passed, failed := 0, 0
	for _, rs := range sets {
		for _, res := range rs.RunTests() {
			if res.Passed() {
				passed++
				continue
			}
			failed++
			for _, f := range res.Failures {
				b.WriteString(f.String())
				b.WriteByte('\n')
			}
			if res.Err != nil {
				b.WriteString(hbErrText(res.Err))
			}
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", passed, failed)
	return b.String(), passed, failed
}

// --- jixiao blocks -------------------------------------------------------------------------

func (r *hbRunner) exprs(t *testing.T, b *hbBlock) {
	var opts []rules.Option
	vars := map[string]any{}
	n := 0
	for i, raw := range b.lines {
		line := b.at(i)
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "#") {
			rest := strings.TrimSpace(strings.TrimPrefix(s, "#"))
			if v, ok := strings.CutPrefix(rest, "输入"); ok && (strings.HasPrefix(v, ":") || strings.HasPrefix(v, "：")) {
				var err error
				opts, vars, err = hbInputs(strings.TrimLeft(v, ":："))
				if err != nil {
					t.Errorf("%s:%d: %v", hbFile, line, err)
				}
			}
			continue
		}
		k := strings.LastIndex(s, "⇒")
		if k < 0 {
			t.Errorf("%s:%d: 表达式行应写成 表达式  ⇒  结果", hbFile, line)
			continue
		}
		n++
		text, want := strings.TrimSpace(s[:k]), strings.TrimSpace(s[k+len("⇒"):])
		got, err := hbEval(text, opts, vars)
		r.check(t, line, text, want, got, err)
	}
	assert.Positive(t, n, "%s:%d: jixiao 代码块中没有表达式", hbFile, b.fence)
}

func hbEval(text string, opts []rules.Option, vars map[string]any) (rules.Value, error) {
	p, err := rules.Compile(text, opts...)
	if err != nil {
		return rules.Value{}, err
	}
	return p.Eval(vars)
}

// check compares one expression's outcome with the result the handbook states.
func (r *hbRunner) check(t *testing.T, line int, text, want string, got rules.Value, err error) {
	for _, e := range rules.Errors(err) {
		r.msgs[e.Msg] = e.Code
	}
	if m := hbWantErr.FindStringSubmatch(want); m != nil {
		list := rules.Errors(err)
		if len(list) == 0 {
			t.Errorf("%s:%d: %s 应报错 %s，实际结果为 %s（%v）", hbFile, line, text, m[1], got.String(), err)
			return
		}
		if list[0].Code != rules.Code(m[1]) {
			t.Errorf("%s:%d: %s 应报错 %s，实际是 %s：%s", hbFile, line, text, m[1], list[0].Code, list[0].Msg)
		}
		if m[2] != "" && list[0].Msg != m[2] {
			t.Errorf("%s:%d: %s 的报错说明不符\n手册：%s\n实际：%s", hbFile, line, text, m[2], list[0].Msg)
		}
		return
	}
	if err != nil {
		t.Errorf("%s:%d: %s 出错：%v", hbFile, line, text, err)
		return
	}
	if got.String() != want {
		t.Errorf("%s:%d: %s\n手册：%s\n实际：%s", hbFile, line, text, want, got.String())
		return
	}
	for _, f := range rules.Builtins() {
		if regexp.MustCompile(`(^|[^\p{L}\p{N}_])` + f.Name + `\s*[(（]`).MatchString(text) {
			r.funcs[f.Name] = true
		}
	}
}

// hbInputs reads `名称=值, 名称=值`; a comma inside a value (10,113.65 or a list) stays.
func hbInputs(s string) ([]rules.Option, map[string]any, error) {
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if len(parts) > 0 && !strings.Contains(p, "=") {
			parts[len(parts)-1] += "," + p
			continue
		}
		parts = append(parts, p)
	}
	var opts []rules.Option
	vars := map[string]any{}
	for _, p := range parts {
		name, value, ok := strings.Cut(p, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" {
			return nil, nil, fmt.Errorf("输入 %q 应写成 名称=值", p)
		}
		typ, v, err := hbValue(value)
		if err != nil {
			return nil, nil, fmt.Errorf("输入 %s：%v", name, err)
		}
		opts = append(opts, rules.WithInput(name, typ))
		vars[name] = v
	}
	return opts, vars, nil
}

func hbValue(s string) (rules.Type, any, error) {
	switch {
	case len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"'):
		return rules.String, s[1 : len(s)-1], nil
	case strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”"):
		return rules.String, strings.TrimSuffix(strings.TrimPrefix(s, "“"), "”"), nil
	case s == "true" || s == "false":
		return rules.Bool, s == "true", nil
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
		var ds []decimal.Decimal
		for _, p := range strings.Split(strings.Trim(s, "[]"), ",") {
			d, err := amount.ParseDecimal(strings.TrimSpace(p))
			if err != nil {
				return 0, nil, err
			}
			ds = append(ds, d)
		}
		return rules.List, ds, nil
	}
	if d, err := time.Parse("2006-01-02", s); err == nil {
		return rules.Date, d, nil
	}
	d, err := amount.ParseDecimal(s)
	if err != nil {
		return 0, nil, err
	}
	return rules.Decimal, d, nil
}

// --- sh blocks -----------------------------------------------------------------------------

func (r *hbRunner) shell(t *testing.T, b *hbBlock) {
	var out strings.Builder
	findings := false
	n := 0
	for i, raw := range b.lines {
		line := b.at(i)
		s := strings.TrimSpace(raw)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		args, err := hbSplit(s)
		if err != nil || len(args) < 2 || args[0] != "jixiao" {
			t.Errorf("%s:%d: 命令行应以 jixiao 子命令 开头：%s", hbFile, line, s)
			continue
		}
		n++
		var text string
		var bad bool
		switch args[1] {
		case "check":
			text, bad = r.cmdLoad(t, line, args[2:], false)
		case "test":
			text, bad = r.cmdLoad(t, line, args[2:], true)
		case "explain":
			text, bad = r.cmdExplain(t, line, args[2:])
		case "expr":
			text, bad = r.cmdExpr(t, line, args[2:])
		default:
			t.Errorf("%s:%d: 未知子命令 %s", hbFile, line, args[1])
			continue
		}
		out.WriteString(text)
		findings = findings || bad
	}
	assert.Positive(t, n, "%s:%d: sh 代码块中没有命令", hbFile, b.fence)
	wantExit := b.marks["exit"]
	if wantExit == "" {
		wantExit = "0"
	}
	gotExit := "0"
	if findings {
		gotExit = "1"
	}
	assert.Equal(t, wantExit, gotExit, "%s:%d: 退出码不符；输出：\n%s", hbFile, b.fence, out.String())
	r.setOut(b, out.String())
}

// hbSplit splits a command line as a shell does for plain words and '…' or "…" quoting.
func hbSplit(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	in, has := rune(0), false
	for _, c := range s {
		switch {
		case in != 0:
			if c == in {
				in = 0
				continue
			}
			cur.WriteRune(c)
		case c == '\'' || c == '"':
			in, has = c, true
		case c == ' ' || c == '\t':
			if has || cur.Len() > 0 {
				args = append(args, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(c)
		}
	}
	if in != 0 {
		return nil, fmt.Errorf("引号没有闭合")
	}
	if has || cur.Len() > 0 {
		args = append(args, cur.String())
	}
	return args, nil
}

// files resolves command-line paths: the handbook's own files (a path ending in / is a
// folder of them) and the embedded default rule sets under rulesets/.
func (r *hbRunner) files(t *testing.T, line int, paths []string) []rules.File {
	var out []rules.File
	for _, p := range paths {
		if data, ok := r.disk[p]; ok {
			out = append(out, rules.File{Name: p, Data: data})
			continue
		}
		if rest, ok := strings.CutPrefix(p, "rulesets/"); ok && rest != "" {
			data, err := fs.ReadFile(rulesets.FS(), rest)
			if assert.NoError(t, err, "%s:%d", hbFile, line) {
				out = append(out, rules.File{Name: p, Data: data})
			}
			continue
		}
		dir := strings.TrimSuffix(p, "/") + "/"
		var names []string
		for name := range r.disk {
			if strings.HasPrefix(name, dir) {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			t.Errorf("%s:%d: 手册中没有文件 %s（请先用 <!-- file: … --> 给出它）", hbFile, line, p)
		}
		for _, name := range names {
			out = append(out, rules.File{Name: name, Data: r.disk[name]})
		}
	}
	return out
}

// cmdLoad is jixiao check and jixiao test: the files are loaded beside the default rule sets.
func (r *hbRunner) cmdLoad(t *testing.T, line int, paths []string, runTests bool) (string, bool) {
	require.NotEmpty(t, paths, "%s:%d: 缺少文件或目录", hbFile, line)
	lib, err := rulesets.Library()
	require.NoError(t, err)
	sets, err := lib.LoadBytes(r.files(t, line, paths)...)
	if err != nil {
		for _, e := range rules.Errors(err) {
			r.msgs[e.Msg] = e.Code
		}
		return hbErrText(err), true
	}
	if !runTests {
		return "", false
	}
	out, _, failed := hbRunTests(sets)
	return out, failed > 0
}

// cmdExplain is jixiao explain 文件 --at 日期 --set 名称=值 …: the formulas and the table
// rows tried, each with its value.
func (r *hbRunner) cmdExplain(t *testing.T, line int, args []string) (string, bool) {
	var path string
	at := ""
	vars := map[string]any{}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--at" && i+1 < len(args):
			at = args[i+1]
			i++
		case a == "--set" && i+1 < len(args):
			k, v, ok := strings.Cut(args[i+1], "=")
			require.True(t, ok, "%s:%d: --set 应写成 名称=值", hbFile, line)
			vars[k] = v
			i++
		case strings.HasPrefix(a, "-"):
			t.Fatalf("%s:%d: explain 没有选项 %s", hbFile, line, a)
		default:
			require.Empty(t, path, "%s:%d: explain 只解释一个文件", hbFile, line)
			path = a
		}
	}
	day, err := time.Parse("2006-01-02", at)
	require.NoError(t, err, "%s:%d: --at 应为日期", hbFile, line)
	lib, err := rulesets.Library()
	require.NoError(t, err)
	sets, err := lib.LoadBytes(r.files(t, line, []string{path})...)
	require.NoError(t, err, "%s:%d", hbFile, line)
	var rs *rules.RuleSet
	for _, s := range sets {
		if s.File == path {
			rs = s
		}
	}
	require.NotNil(t, rs, "%s:%d: %s 中没有规则集", hbFile, line, path)
	ev, err := rs.Explain(day, vars)
	if err != nil {
		return hbErrText(err), true
	}
	var b strings.Builder
	for _, s := range ev.Trace {
		text := strings.Join(strings.Fields(s.Text), " ")
		switch s.Kind {
		case "formula":
			fmt.Fprintf(&b, "公式 %s = %s → %s\n", s.Rule, text, s.Value)
		case "row":
			if s.Matched {
				fmt.Fprintf(&b, "决策表 %s 第 %d 行 %s → 结果 %s\n", s.Rule, s.Row, text, s.Value)
			} else {
				fmt.Fprintf(&b, "决策表 %s 第 %d 行 %s → 不成立\n", s.Rule, s.Row, text)
			}
		}
	}
	return b.String(), false
}

// cmdExpr is jixiao expr [--set 名称=值]… [--] 表达式, reading --set values as the command
// does: a number is a decimal, true/false a bool, anything else text.
func (r *hbRunner) cmdExpr(t *testing.T, line int, args []string) (string, bool) {
	var opts []rules.Option
	vars := map[string]any{}
	var text []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			text = append(text, args[i+1:]...)
			i = len(args)
		case a == "--set" && i+1 < len(args):
			k, v, ok := strings.Cut(args[i+1], "=")
			require.True(t, ok, "%s:%d: --set 应写成 名称=值", hbFile, line)
			switch d, err := amount.ParseDecimal(v); {
			case err == nil:
				opts, vars[k] = append(opts, rules.WithInput(k, rules.Decimal)), d
			case v == "true" || v == "false":
				opts, vars[k] = append(opts, rules.WithInput(k, rules.Bool)), v == "true"
			default:
				opts, vars[k] = append(opts, rules.WithInput(k, rules.String)), v
			}
			i++
		case strings.HasPrefix(a, "-") && a != "-":
			t.Fatalf("%s:%d: expr 的选项 %s 未知（表达式以 - 开头时先写 --）", hbFile, line, a)
		default:
			text = append(text, a)
		}
	}
	require.Len(t, text, 1, "%s:%d: expr 只计算一个表达式", hbFile, line)
	v, err := hbEval(text[0], opts, vars)
	if err != nil {
		for _, e := range rules.Errors(err) {
			r.msgs[e.Msg] = e.Code
		}
		return hbErrText(err), true
	}
	return v.String() + "\n", false
}

// --- tables --------------------------------------------------------------------------------

// codeTable checks the table of error codes against rules.Codes().
func (r *hbRunner) codeTable(t *testing.T, src string) {
	var got []rules.Code
	for i, l := range strings.Split(src, "\n") {
		m := hbCodeRow.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		line, c := i+1, rules.Code(m[1])
		got = append(got, c)
		assert.Equal(t, c.Title(), m[2], "%s:%d: %s 的名称应与 Code.Title() 相同", hbFile, line, c)
		quoted := hbQuoted.FindAllStringSubmatch(m[3], -1)
		if _, ok := hbUnproducible[c]; ok {
			continue
		}
		if len(quoted) == 0 {
			t.Errorf("%s:%d: %s 一行应引用一条由手册中例子产生的说明，写在「」里", hbFile, line, c)
		}
		for _, q := range quoted {
			code, ok := r.msgs[q[1]]
			switch {
			case !ok:
				t.Errorf("%s:%d: 「%s」不是手册中任何例子产生的说明", hbFile, line, q[1])
			case code != c:
				t.Errorf("%s:%d: 「%s」的代码是 %s，不是 %s", hbFile, line, q[1], code, c)
			}
		}
	}
	assert.Equal(t, rules.Codes(), got, "%s: 错误代码表应按 rules.Codes() 的顺序列出每一个代码", hbFile)
}

// builtinTable checks the table of built-ins against rules.Builtins(), and that each has an
// example that ran.
func (r *hbRunner) builtinTable(t *testing.T, src string) {
	rows := map[string][2]string{}
	var order []string
	for i, l := range strings.Split(src, "\n") {
		if m := hbFuncRow.FindStringSubmatch(l); m != nil {
			if _, dup := rows[m[1]]; dup {
				t.Errorf("%s:%d: 函数 %s 重复列出", hbFile, i+1, m[1])
			}
			rows[m[1]] = [2]string{m[2], m[3]}
			order = append(order, m[1])
		}
	}
	var want []string
	for _, f := range rules.Builtins() {
		want = append(want, f.Name)
		row, ok := rows[f.Name]
		if !assert.True(t, ok, "%s: 内置函数表缺少 %s", hbFile, f.Name) {
			continue
		}
		assert.Equal(t, f.Call, row[0], "%s: 函数 %s 的写法应与 rules.Builtins() 相同", hbFile, f.Name)
		assert.Equal(t, f.Desc, row[1], "%s: 函数 %s 的说明应与 rules.Builtins() 相同", hbFile, f.Name)
		assert.True(t, r.funcs[f.Name], "%s: 函数 %s 没有一个能运行通过的例子", hbFile, f.Name)
	}
	assert.Equal(t, want, order, "%s: 内置函数表应按 rules.Builtins() 的顺序", hbFile)
}
