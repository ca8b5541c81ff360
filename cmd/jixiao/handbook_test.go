package main

// TestHandbook executes every example in handbook.md, so the handbook for rule authors
// cannot go stale. Its conventions (the handbook's appendix repeats them for its maintainers):
//
//   - ```yaml is a complete rule file. It is loaded into a fresh rulefile.NewLibrary() (into
//     rulesets.Library(), which holds the default rule sets, when it has an extends line) and
//     its tests are run: all must pass, and there must be at least one.
//   - ```jixiao holds expressions, one a line, written `表达式  ⇒  结果`: the expression is
//     compiled with rules.Compile and evaluated, and Value.String() must equal the result.
//     `表达式  ⇒  错误 E002` (or `错误 E002：说明`) expects the first error to carry that code
//     (and that message). `# 输入: 预算数=940, 执行数=928.56` declares inputs for the lines
//     below it: a number is a decimal, true/false a bool, 2024-08-31 a date, [1, 2] a list,
//     "…" text. Other lines starting with # are comments.
//   - ```csv marked <!-- file: 自评表.csv --> is a data file, written into the work folder under
//     that name (as the block reads, UTF-8, ending in a newline) for the sh blocks after it to
//     read; a csv block without a file marker is an error, since nothing could use it.
//   - ```sh holds jixiao command lines. They run through this command's own run function, in
//     a temporary folder holding the handbook's named files.
//   - ```text marked <!-- output --> is what the sh block before it prints (standard output
//     and standard error together, as on a terminal), line for line; a line holding only …
//     stands for any number of lines.
//
// Markers are HTML comments on the lines just before a block:
//
//	<!-- file: 规则/示例.yaml -->       the yaml or csv block is this file: its name in messages, and a file sh blocks can use
//	<!-- expect-error: E001, E002 -->   the yaml block must fail to load with exactly these codes
//	<!-- same-library -->               load into the library of the yaml block before, not a fresh one
//	<!-- same-as: rulesets/x.yaml -->   the yaml block must equal that embedded default file
//	<!-- tests: 1 passed, 1 failed -->  the yaml block's tests must end so (default: all pass)
//	<!-- exit: 1 -->                    every command of the sh block must exit so (default 0)
//	<!-- output -->                     the text block is the output of the sh block before it
//
// The table of error codes must list rules.Codes() in order with their titles, and every
// message quoted 「like this」 in it must be one an example produced with that code. The table
// of built-ins must match rules.Builtins(), and every built-in needs a passing example.
// A failure names the handbook line of the example.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// hbFile is the handbook, kept beside the rule-file format it describes.
const hbFile = "../../rulefile/handbook.md"

// hbUpdate rewrites the handbook's output blocks with what the commands print now:
// go test ./cmd/jixiao -run Handbook -update-handbook, then review the diff.
var hbUpdate = flag.Bool("update-handbook", false, "rewrite handbook.md output blocks with the actual output")

// hbUnproducible are the codes no rule text can produce, so the code table describes them
// in words instead of quoting a message an example produced.
var hbUnproducible = map[rules.Code]string{
	rules.ErrFunction:   "raised by a vendor's own Go function",
	rules.ErrCanceled:   "raised when the platform cancels a batch",
	rules.ErrInternal:   "raised only when the engine itself has a bug",
	rules.ErrMisuse:     "raised only when a platform's Go code calls the package wrongly",
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

func (b *hbBlock) name() string { return fmt.Sprintf("%s#L%d", hbFile, b.fence) }

var (
	hbMarkRe  = regexp.MustCompile(`^<!--\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->$`)
	hbMarks   = map[string]bool{"file": true, "expect-error": true, "same-library": true, "same-as": true, "tests": true, "exit": true, "output": true}
	hbExtends = regexp.MustCompile(`(?m)^extends:`)
	hbWantErr = regexp.MustCompile(`^错误\s+([EFR]\d{3})(?:\s*[：:]\s*(.+))?$`)
	hbCodeRow = regexp.MustCompile("^\\|\\s*`?([EFRW]\\d{3})`?\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|")
	hbQuoted  = regexp.MustCompile(`「([^」]+)」`)
	hbDefRow  = regexp.MustCompile("^\\s*\\|\\s*`([a-z]+-[a-z-]+)`\\s*\\|\\s*([^|]*?)\\s*\\|\\s*`?([a-z-]*)`?\\s*\\|")
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

// hbRunner carries what one block leaves for the next: the folder of the handbook's files,
// the library of the last yaml block, the output of the last sh block, and the messages and
// built-ins the examples exercised.
type hbRunner struct {
	dir   string // work folder: the handbook's named files, where commands run
	lib   *rulefile.Library
	out   *hbOutput
	fixes map[*hbBlock]string   // output blocks to rewrite under -update-handbook
	msgs  map[string]rules.Code // every message an example produced, with its code
	funcs map[string]bool       // built-ins with an example that ran
	// counts, for the log
	nexprs, ncmds int
}

type hbOutput struct {
	line int // the sh block
	text string
}

func TestHandbook(t *testing.T) {
	src, err := os.ReadFile(hbFile)
	require.NoError(t, err)
	blocks := hbParse(t, string(src))
	require.NotEmpty(t, blocks)
	r := &hbRunner{dir: filepath.Join(t.TempDir(), "work"), fixes: map[*hbBlock]string{},
		msgs: map[string]rules.Code{}, funcs: map[string]bool{}}
	require.NoError(t, os.Mkdir(r.dir, 0o755))
	counts := map[string]int{}
	for _, b := range blocks {
		b := b
		counts[b.lang]++
		t.Run(fmt.Sprintf("L%04d_%s", b.fence, b.lang), func(t *testing.T) {
			if b.lang != "text" {
				defer func(prev *hbOutput) {
					if r.out == prev {
						r.out = nil // an output block must follow its sh block directly
					}
				}(r.out)
			}
			switch b.lang {
			case "yaml":
				r.yaml(t, b)
			case "csv":
				r.csv(t, b)
			case "jixiao":
				r.exprs(t, b)
			case "sh":
				r.shell(t, b)
			case "text":
				r.output(t, b)
			default:
				t.Errorf("%s:%d: 代码块语言 %q 不会被执行；请用 yaml、csv、jixiao、sh，或带 <!-- output --> 的 text", hbFile, b.fence, b.lang)
			}
		})
	}
	if *hbUpdate && len(r.fixes) > 0 {
		require.NoError(t, os.WriteFile(hbFile, []byte(hbRewrite(string(src), r.fixes)), 0o644))
		t.Logf("handbook.md: rewrote %d output blocks", len(r.fixes))
	}
	t.Run("code_table", func(t *testing.T) { r.codeTable(t, string(src)) })
	t.Run("builtin_table", func(t *testing.T) { r.builtinTable(t, string(src)) })
	t.Run("defaults_table", func(t *testing.T) { hbDefaultsTable(t, string(src)) })
	t.Logf("handbook.md: %d rule files, %d expressions in %d jixiao blocks, %d commands in %d sh blocks, %d outputs compared",
		counts["yaml"], r.nexprs, counts["jixiao"], r.ncmds, counts["sh"], counts["text"])
}

// output compares a text block with the output of the sh block before it.
func (r *hbRunner) output(t *testing.T, b *hbBlock) {
	if _, ok := b.marks["output"]; !ok {
		t.Errorf("%s:%d: text 代码块须带 <!-- output --> 标记，表示它是上一个 sh 代码块的输出", hbFile, b.fence)
		return
	}
	if r.out == nil {
		t.Errorf("%s:%d: 输出块前面应紧跟一个 sh 代码块", hbFile, b.fence)
		return
	}
	got, want := hbLines(r.out.text), hbLines(b.text())
	if *hbUpdate && (!hbMatch(want, got) || strings.Join(want, "\n") == "…") {
		r.fixes[b] = r.out.text
	} else if !hbMatch(want, got) {
		t.Errorf("%s:%d: 输出与实际不符（命令在第 %d 行）\n--- 手册中：\n%s\n--- 实际：\n%s", hbFile, b.fence,
			r.out.line, strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	r.out = nil
}

// hbRewrite replaces the content of the given blocks.
func hbRewrite(src string, fixes map[*hbBlock]string) string {
	lines := strings.Split(src, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		for b, text := range fixes {
			if b.fence == i+1 {
				out = append(out, hbLines(text)...)
				i += len(b.lines)
			}
		}
	}
	return strings.Join(out, "\n")
}

func hbLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		out = append(out, strings.TrimRight(l, " \r"))
	}
	return out
}

// hbMatch compares line for line, where a want line holding only … matches any lines.
func hbMatch(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for i := 0; i <= len(got); i++ {
			if hbMatch(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && want[0] == got[0] && hbMatch(want[1:], got[1:])
}

// --- csv blocks ----------------------------------------------------------------------------

// csv writes a data file into the work folder for the sh blocks after it (jixiao score reads
// one). Only the file marker applies: a csv block is data, not a rule file.
func (r *hbRunner) csv(t *testing.T, b *hbBlock) {
	if err := hbWriteData(r.dir, b); err != nil {
		t.Errorf("%s:%d: %v", hbFile, b.fence, err)
	}
}

// hbWriteData writes a csv block to the file its marker names, under dir.
func hbWriteData(dir string, b *hbBlock) error {
	name := b.marks["file"]
	if name == "" {
		return fmt.Errorf("csv 代码块须带 <!-- file: 名称.csv --> 标记，命令才能读到它")
	}
	for m := range b.marks {
		if m != "file" {
			return fmt.Errorf("标记 %q 不适用于 csv 代码块", m)
		}
	}
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.text()), 0o644)
}

// TestHandbookCSVBlock checks the csv convention on blocks parsed as the handbook's are.
func TestHandbookCSVBlock(t *testing.T) {
	tests := []struct {
		reason  string
		src     string
		file    string // the file written, relative to the work folder
		want    string // its content
		wantErr string
	}{
		{reason: "a marked block is written as it reads, with a final newline",
			src:  "<!-- file: 自评表.csv -->\n```csv\n项目编号,分值\nP1,\"1,000\"\n```\n",
			file: "自评表.csv", want: "项目编号,分值\nP1,\"1,000\"\n"},
		{reason: "a name with a folder makes the folder",
			src:  "<!-- file: 数据/表.csv -->\n```csv\na\n```\n",
			file: "数据/表.csv", want: "a\n"},
		{reason: "without a file marker nothing could read the block",
			src: "```csv\na\n```\n", wantErr: "file: 名称.csv"},
		{reason: "a yaml marker means the author meant something else",
			src: "<!-- file: a.csv -->\n<!-- same-library -->\n```csv\na\n```\n", wantErr: "same-library"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			blocks := hbParse(t, tt.src)
			require.Len(t, blocks, 1, tt.reason)
			require.Equal(t, "csv", blocks[0].lang, tt.reason)
			dir := t.TempDir()
			err := hbWriteData(dir, blocks[0])
			if tt.wantErr != "" {
				require.Error(t, err, tt.reason)
				assert.Contains(t, err.Error(), tt.wantErr, tt.reason)
				return
			}
			require.NoError(t, err, tt.reason)
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.file)))
			require.NoError(t, err, tt.reason)
			assert.Equal(t, tt.want, string(got), tt.reason)
		})
	}
}

// --- yaml blocks ---------------------------------------------------------------------------

func (r *hbRunner) yaml(t *testing.T, b *hbBlock) {
	data := []byte(b.text())
	name := b.marks["file"]
	if name == "" {
		name = b.name()
	} else {
		path := filepath.Join(r.dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, data, 0o644))
	}
	if same := b.marks["same-as"]; same != "" {
		want, err := fs.ReadFile(rulesets.FS(), strings.TrimPrefix(same, "rulesets/"))
		if assert.NoError(t, err, "%s:%d: same-as", hbFile, b.fence) {
			assert.Equal(t, string(want), string(data), "%s:%d: 这段与 %s 不一致：请把该文件原样复制进手册", hbFile, b.fence, same)
		}
	}
	var lib *rulefile.Library
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
		lib = rulefile.NewLibrary()
	}
	r.lib = lib
	sets, err := lib.LoadBytes(rulefile.Source{Name: name, Data: data})
	if want, ok := b.marks["expect-error"]; ok {
		r.expectCodes(t, b, name, err, want)
		return
	}
	if err != nil {
		for _, e := range hbErrLines(err) {
			t.Errorf("%s:%d: 规则文件加载失败：%s", hbFile, hbLineOf(b, name, e.pos), e.text)
		}
		return
	}
	passed, failed := 0, 0
	_, wantSummary := b.marks["tests"]
	for _, rs := range sets {
		for _, res := range rs.RunTests() {
			for _, e := range rules.Errors(res.Err) {
				r.msgs[e.Msg] = e.Code
			}
			if res.Passed() {
				passed++
				continue
			}
			failed++
			if wantSummary {
				continue
			}
			for _, f := range res.Failures {
				t.Errorf("%s:%d: 测试 %s：%s", hbFile, hbLineOf(b, name, f.Pos), res.Name, f.String())
			}
			if res.Err != nil {
				t.Errorf("%s:%d: 测试 %s 出错：%v", hbFile, hbLineOf(b, name, res.Pos), res.Name, res.Err)
			}
		}
	}
	summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
	if wantSummary {
		assert.Equal(t, b.marks["tests"], summary, "%s:%d: 测试结果与 <!-- tests --> 标记不符", hbFile, b.fence)
	} else {
		assert.Positive(t, passed, "%s:%d: 示例规则文件应至少带一个测试", hbFile, b.fence)
	}
}

// hbLineOf maps a position in a block's file to the handbook line.
func hbLineOf(b *hbBlock, name string, p rules.Pos) int {
	if p.File == name && p.Line >= 1 && p.Line <= len(b.lines) {
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
			t.Errorf("%s:%d: 意外的错误 %s：%s", hbFile, hbLineOf(b, name, rules.Pos{File: e.File, Line: e.Line}), e.Code, e.Error())
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
		r.nexprs++
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
	return p.EvalValue(vars)
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
		return rules.TypeString, s[1 : len(s)-1], nil
	case strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”"):
		return rules.TypeString, strings.TrimSuffix(strings.TrimPrefix(s, "“"), "”"), nil
	case s == "true" || s == "false":
		return rules.TypeBool, s == "true", nil
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
		var ds []decimal.Decimal
		for _, p := range strings.Split(strings.Trim(s, "[]"), ",") {
			d, err := amount.ParseDecimal(strings.TrimSpace(p))
			if err != nil {
				return 0, nil, err
			}
			ds = append(ds, d)
		}
		return rules.TypeList, ds, nil
	}
	if d, err := time.Parse("2006-01-02", s); err == nil {
		return rules.TypeDate, d, nil
	}
	d, err := amount.ParseDecimal(s)
	if err != nil {
		return 0, nil, err
	}
	return rules.TypeDecimal, d, nil
}

// --- sh blocks -----------------------------------------------------------------------------

// shell runs each jixiao command of the block through the command's run function, in the
// folder holding the handbook's files. Every command must end with the exit code the block's
// <!-- exit --> marker gives (0 when there is none); what they print, standard output and
// standard error together as a terminal shows them, is what an output block shows.
func (r *hbRunner) shell(t *testing.T, b *hbBlock) {
	wantExit := b.marks["exit"]
	if wantExit == "" {
		wantExit = "0"
	}
	var out bytes.Buffer
	n := 0
	for i, raw := range b.lines {
		line := b.at(i)
		s := strings.TrimSpace(raw)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		args, err := hbSplit(s)
		if err != nil || len(args) < 2 || args[0] != "jixiao" {
			t.Errorf("%s:%d: 命令行应写成 jixiao 子命令 …：%s", hbFile, line, s)
			continue
		}
		n++
		r.ncmds++
		var one bytes.Buffer
		code := r.runIn(t, args[1:], &one, &one)
		assert.Equal(t, wantExit, strconv.Itoa(code), "%s:%d: %s 的退出码不符；输出：\n%s", hbFile, line, s, one.String())
		out.Write(one.Bytes())
		if args[1] == "check" && code == 1 {
			r.checkJSON(t, line, args[2:])
		}
	}
	assert.Positive(t, n, "%s:%d: sh 代码块中没有命令", hbFile, b.fence)
	r.out = &hbOutput{line: b.fence, text: out.String()}
}

// runIn runs the command in the handbook's work folder, as a staff member in that folder would.
func (r *hbRunner) runIn(t *testing.T, args []string, stdout, stderr *bytes.Buffer) int {
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(r.dir))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	return run(args, strings.NewReader(""), stdout, stderr)
}

// checkJSON runs jixiao check --format json on the same files to learn the code of each
// message the command printed, for the table of error codes.
func (r *hbRunner) checkJSON(t *testing.T, line int, args []string) {
	var stdout, stderr bytes.Buffer
	_ = r.runIn(t, append([]string{"check", "--format", "json"}, args...), &stdout, &stderr) // exit 1: the problems are the point
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var e struct {
			Code    rules.Code `json:"code"`
			Message string     `json:"message"`
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Errorf("%s:%d: jixiao check --format json 的输出不是 JSON：%s", hbFile, line, l)
			continue
		}
		if e.Code != "" {
			r.msgs[e.Message] = e.Code
		}
	}
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

// hbDefaultsTable checks the table of the default rule sets against the embedded ones: every
// rule set listed once, in id order, with its title and what it extends.
func hbDefaultsTable(t *testing.T, src string) {
	lib, err := rulesets.Library()
	require.NoError(t, err)
	var want, got []string
	for _, rs := range lib.RuleSets() {
		if len(want) == 0 || !strings.HasPrefix(want[len(want)-1], rs.ID()+"|") {
			want = append(want, rs.ID()+"|"+rs.Title()+"|"+rs.Extends())
		}
	}
	for _, l := range strings.Split(src, "\n") {
		if m := hbDefRow.FindStringSubmatch(l); m != nil {
			got = append(got, m[1]+"|"+m[2]+"|"+m[3])
		}
	}
	assert.Equal(t, want, got, "%s: 自带规则集的表应按名称顺序列出 rulesets 中的每个规则集，标题和继承与文件相同", hbFile)
}
