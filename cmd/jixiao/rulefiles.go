package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// maxRuleFileSize bounds one rule file, as the library's own default does; the library the
// files are loaded into is given the same bound, so both refuse the same files.
const maxRuleFileSize = 1 << 20

// ruleFile is one rule file named on the command line: its contents, or the reason it was
// refused before it was read, reported with the other files' problems.
type ruleFile struct {
	rulefile.Source
	refused *rules.Error
}

// readRuleFiles reads the rule files named on the command line: each path is a file, or a
// directory searched for *.yaml and *.yml files (in name order, hidden folders such as .git
// skipped). Names are the paths as the user gave them, so messages point at their files. A
// file named twice is read once. A path that does not exist or cannot be read, or a directory
// without rule files, is a usage error. A file that is not a regular file (a FIFO would
// block, a device never end), is over the size limit, or in a directory is a link leading
// out of it, is refused before it is read, as a problem of that file.
func readRuleFiles(c *cobra.Command, paths []string) ([]ruleFile, error) {
	if len(paths) == 0 {
		return nil, usagef(c, "缺少规则文件或目录")
	}
	var files []ruleFile
	seen := map[string]bool{}
	for _, p := range paths {
		names, err := ruleFileNames(c, p)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			key := name
			if abs, err := filepath.Abs(name); err == nil {
				key = abs
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			f, err := readRuleFile(name, p)
			if err != nil {
				return nil, usagef(c, "无法读取规则文件 %s：%s", name, describeIOError(err))
			}
			files = append(files, f)
		}
	}
	return files, nil
}

// readRuleFile reads one rule file found at root (the path the user gave) through the
// library's reader, so the command refuses the same files with the same messages: one that is
// not a regular file, is over the size limit, or in a directory is a link leading out of it.
func readRuleFile(name, root string) (ruleFile, error) {
	src, err := rulefile.ReadFile(name, root, maxRuleFileSize)
	var refusal *rules.Error
	if errors.As(err, &refusal) {
		return ruleFile{Source: rulefile.Source{Name: name}, refused: refusal}, nil
	}
	return ruleFile{Source: src}, err
}

// ruleFileNames lists the rule files at p: p itself, or the rule files below it.
func ruleFileNames(c *cobra.Command, p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef(c, "找不到规则文件或目录 %s", p)
		}
		return nil, usagef(c, "无法读取 %s：%s", p, describeIOError(err))
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var names []string
	err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, usagef(c, "无法读取目录 %s：%s", p, describeIOError(err))
	}
	if len(names) == 0 {
		return nil, usagef(c, "目录 %s 中没有 .yaml 或 .yml 规则文件", p)
	}
	sort.Strings(names)
	return names, nil
}

// describeIOError says in Chinese why a file could not be read.
func describeIOError(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}

// loaded is the outcome of loading the user's rule files on top of the embedded defaults.
type loaded struct {
	lib      *rulefile.Library
	files    []ruleFile
	sets     []*rulefile.RuleSet // compiled from the user's files, in the order the files were given
	problems rules.ErrorList     // every problem of every file, sorted by file and position
}

// loadRuleFiles loads the embedded default rule sets first, so that a user's file may extend
// them (extends: national-monitor), and then every file given. A file that compiles is
// loaded even when others have problems; the problems of all files are kept together.
func loadRuleFiles(files []ruleFile) (*loaded, error) {
	lib := rulefile.NewLibrary(rulefile.MaxFileSize(maxRuleFileSize))
	if _, err := rulesets.Load(lib); err != nil {
		return nil, &findingsError{msg: "内置规则集有误：" + err.Error()}
	}
	var sources []rulefile.Source
	var refused rules.ErrorList
	for _, f := range files {
		if f.refused != nil {
			refused = append(refused, f.refused)
			continue
		}
		sources = append(sources, f.Source)
	}
	sets, err := lib.LoadEach(sources...)
	problems := rules.Errors(err)
	if err != nil && len(problems) == 0 {
		return nil, &findingsError{msg: err.Error()}
	}
	if len(refused) > 0 {
		problems = rules.Errors(append(refused, problems...).Err())
	}
	order := make(map[string]int, len(files))
	for i, f := range files {
		order[f.Name] = i
	}
	sort.SliceStable(sets, func(i, j int) bool { return order[sets[i].File()] < order[sets[j].File()] })
	return &loaded{lib: lib, files: files, sets: sets, problems: problems}, nil
}

// badFiles counts the files the problems are in.
func (l *loaded) badFiles() int {
	files := map[string]bool{}
	for _, e := range l.problems {
		files[e.File] = true
	}
	return len(files)
}

// writeProblems prints every problem as FILE:LINE:COL: 说明, one a line, then the warnings
// of the files that compiled (none, for commands that do not report them), and a count.
func (l *loaded) writeProblems(w io.Writer, warnings ...*rules.Error) {
	var b bytes.Buffer
	for _, e := range l.problems {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	writeWarnings(&b, warnings)
	fmt.Fprintf(&b, "发现 %d 个问题（%d 个文件有误，共 %d 个文件）", len(l.problems), l.badFiles(), len(l.files))
	if len(warnings) > 0 {
		fmt.Fprintf(&b, "；另有 %d 个警告", len(warnings))
	}
	b.WriteByte('\n')
	writeMessage(w, b.String())
}

// warnings gathers the warnings of the rule sets compiled from the user's files, in file
// order. A file with problems gets none: its problems come first, and a warning about the
// same declaration (a misspelt param is also unused) would say one mistake twice.
func (l *loaded) warnings() rules.ErrorList {
	bad := map[string]bool{}
	for _, e := range l.problems {
		bad[e.File] = true
	}
	var out rules.ErrorList
	for _, rs := range l.sets {
		if !bad[rs.File()] {
			out = append(out, rs.Warnings()...)
		}
	}
	return out
}
