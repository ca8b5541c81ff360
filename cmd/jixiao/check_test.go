package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulesets"
)

const checkUse = "check [--format text|json] [--strict] 文件或目录..."

const (
	twoMistakes = "testdata/bad/two-mistakes.yaml:8:16: 规则 显示执行率：未知名称 执形率，是否为 执行率？\n" +
		"testdata/bad/two-mistakes.yaml:11:19: 规则 等级：语法错误：比较相等请写 ==，不是 =\n"
)

// embeddedFiles counts the rule files that ship in rulesets/, one rule set each.
func embeddedFiles(t *testing.T) int {
	t.Helper()
	names, err := fs.Glob(rulesets.FS(), "*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	return len(names)
}

func TestCheck(t *testing.T) {
	runCases(t, []cliCase{
		{name: "有效的文件", args: []string{"check", "testdata/good/hotan-monitor.yaml"},
			stderr: "检查通过：1 个文件，1 个规则集\n",
			reason: "有效时退出码 0，标准错误上一句确认；文件 extends 内置的 national-monitor"},
		{name: "有效的目录", args: []string{"check", "testdata/good"},
			stderr: "检查通过：2 个文件，2 个规则集\n",
			reason: "目录中的 .yaml 都检查；README.txt 和以 . 开头的草稿目录不检查"},
		{name: "内置规则集的文件", args: []string{"check", "../../rulesets"},
			stderr: fmt.Sprintf("检查通过：%d 个文件，%d 个规则集\n", embeddedFiles(t), embeddedFiles(t)),
			reason: "随程序发布的规则文件本身有效，同 id 同日期的文件替换内置版本"},
		{name: "同一文件给两次", args: []string{"check", "testdata/good", "./testdata/good/hotan-monitor.yaml"},
			stderr: "检查通过：2 个文件，2 个规则集\n",
			reason: "重复给出的文件只读一次，不报“两个版本同日生效”"},
		{name: "有错的文件", args: []string{"check", "testdata/bad/two-mistakes.yaml"},
			stderr: twoMistakes + "发现 2 个问题（1 个文件有误，共 1 个文件）\n", code: exitFindings,
			reason: "每个问题一行 文件:行:列: 说明，一次报完，最后一行是合计"},
		{name: "好坏混合", args: []string{"check", "testdata/good", "testdata/bad"},
			stderr: twoMistakes + "发现 2 个问题（1 个文件有误，共 3 个文件）\n", code: exitFindings,
			reason: "有效的文件不影响有错文件的报告，合计说明共检查了几个文件"},
		{name: "缺少参数", args: []string{"check"},
			stderr: usageErr("check", checkUse, "缺少规则文件或目录"), code: exitUsage,
			reason: "不给文件是用法错误"},
		{name: "文件不存在", args: []string{"check", "testdata/good", "testdata/nope.yaml"},
			stderr: usageErr("check", checkUse, "找不到规则文件或目录 testdata/nope.yaml"), code: exitUsage,
			reason: "不存在的路径是不可用的输入，退出码 2，其他文件也不检查"},
		{name: "未知格式", args: []string{"check", "--format", "xml", "testdata/good"},
			stderr: usageErr("check", checkUse, `--format 只能是 text 或 json，这里是 "xml"`), code: exitUsage,
			reason: "只有 text 和 json 两种格式"},
	})
}

func TestCheckEmptyDir(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("x"), 0o644))
	stdout, stderr, code := runCLI("check", dir)
	assert.Equal(t, exitUsage, code, "没有规则文件的目录不能算检查通过")
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "jixiao check: 目录 "+dir+" 中没有 .yaml 或 .yml 规则文件\n")
}

func TestCheckJSON(t *testing.T) {
	stdout, stderr, code := runCLI("check", "--format", "json", "testdata/bad", "testdata/good")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, twoMistakes+"发现 2 个问题（1 个文件有误，共 3 个文件）\n", stderr, "说明照常写到标准错误")

	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 3, "每个问题一行，最后一行是汇总")
	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, map[string]any{"code": "E002", "message": "未知名称 执形率，是否为 执行率？",
		"file": "testdata/bad/two-mistakes.yaml", "line": 8.0, "col": 16.0, "offset": 140.0, "end": 143.0,
		"rule": "显示执行率"}, first, "the keys of rules.Error; offsets count characters")
	assert.Contains(t, lines[1], `"code":"E001"`)
	assert.Contains(t, lines[1], "比较相等请写 ==", "JSON 不转义 = 和中文")
	assert.Equal(t, `{"summary":{"files":3,"rulesets":2,"problems":2,"warnings":0}}`, lines[2])

	stdout, stderr, code = runCLI("check", "--format=json", "testdata/good")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, `{"summary":{"files":2,"rulesets":2,"problems":0,"warnings":0}}`+"\n", stdout)
	assert.Equal(t, "检查通过：2 个文件，2 个规则集\n", stderr)
}

// brokenDir is the rules package's collection of mistakes policy staff make, each with the
// report the rules package promises in its golden file.
const (
	brokenDir       = "../../rulefile/testdata/broken"
	brokenGoldenDir = "../../rulefile/testdata/golden"
)

// withDefaults is how jixiao check's report differs from the rules package's golden file,
// which loads each broken file into an empty library: the CLI loads the embedded defaults
// first, so a misspelt extends gets a suggestion.
var withDefaults = map[string][2]string{
	"extends-unknown": {"没有生效的版本：被继承的规则文件要和本文件一起检查和加载\n", "没有生效的版本，是否为 national-monitor？\n"},
}

var countLine = regexp.MustCompile(`^发现 ([0-9]+) 个问题（[0-9]+ 个文件有误，共 [0-9]+ 个文件）(；另有 [0-9]+ 个警告)?$`)

// TestCheckBrokenFiles runs jixiao check on every broken rule file and expects exactly the
// lines the rules package's golden file lists, with the path as the user typed it, and the
// count. A broken file that compiles (its mistake is in a test or shows at run time) passes
// check and fails jixiao test.
func TestCheckBrokenFiles(t *testing.T) {
	entries, err := os.ReadDir(brokenDir)
	if os.IsNotExist(err) {
		t.Skip("rulefile/testdata/broken is not there")
	}
	require.NoError(t, err)
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		path := brokenDir + "/" + e.Name()
		t.Run(name, func(t *testing.T) {
			golden, err := os.ReadFile(filepath.Join(brokenGoldenDir, name+".txt"))
			require.NoError(t, err)
			want := strings.ReplaceAll(string(golden), "testdata/broken/", brokenDir+"/")
			if d, ok := withDefaults[name]; ok {
				require.Contains(t, want, d[0])
				want = strings.ReplaceAll(want, d[0], d[1])
			}

			stdout, stderr, code := runCLI("check", path)
			assert.Empty(t, stdout)
			if code == exitOK {
				assert.Regexp(t, `^检查通过：[0-9]+ 个文件，[0-9]+ 个规则集\n$`, stderr)
				stdout, _, code = runCLI("test", path)
				assert.Equal(t, exitFindings, code, "a broken file that compiles fails its tests")
				assert.Regexp(t, `(?m)^[0-9]+ passed, [1-9][0-9]* failed\n\z`, stdout)
				return
			}
			assert.Equal(t, exitFindings, code)
			lines := strings.SplitAfter(stderr, "\n")
			require.GreaterOrEqual(t, len(lines), 3, stderr)
			count := strings.TrimSuffix(lines[len(lines)-2], "\n")
			var problems []string // the warnings of the files that did load follow the problems
			for _, l := range lines[:len(lines)-2] {
				if !strings.Contains(l, ": 警告 W") {
					problems = append(problems, l)
				}
			}
			body := strings.Join(problems, "")
			assert.Equal(t, want, body, "jixiao check prints what the rules package reports")
			m := countLine.FindStringSubmatch(count)
			require.NotNil(t, m, "last line is the count: %q", count)
			assert.Equal(t, strconv.Itoa(strings.Count(body, "\n")), m[1])
		})
	}
}

// TestCheckStable runs check twice on every broken file at once: the same bytes, in file
// order, since reports are compared month to month.
func TestCheckStable(t *testing.T) {
	if _, err := os.Stat(brokenDir); os.IsNotExist(err) {
		t.Skip("rulefile/testdata/broken is not there")
	}
	_, first, code := runCLI("check", brokenDir, "testdata")
	assert.Equal(t, exitFindings, code)
	_, second, _ := runCLI("check", brokenDir, "testdata")
	assert.Equal(t, first, second)
	positioned := regexp.MustCompile(`^[^\n]+:[1-9][0-9]*:[1-9][0-9]*: \S`)
	lines := strings.Split(strings.TrimSuffix(first, "\n"), "\n")
	for _, line := range lines[:len(lines)-1] {
		assert.Regexp(t, positioned, line, "every line reads FILE:LINE:COL: 说明")
	}
	assert.Regexp(t, countLine, lines[len(lines)-1])
}
