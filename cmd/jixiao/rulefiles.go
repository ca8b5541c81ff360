package main

import (
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

// readRuleFiles reads the rule files named on the command line: each path is a file, or a
// directory searched for *.yaml and *.yml files (in name order, hidden folders such as .git
// skipped). Names are the paths as the user gave them, so messages point at their files. A
// file named twice is read once. A path that does not exist or cannot be read, or a directory
// without rule files, is a usage error.
func readRuleFiles(c *cobra.Command, paths []string) ([]rulefile.Source, error) {
	if len(paths) == 0 {
		return nil, usagef(c, "缺少规则文件或目录")
	}
	var files []rulefile.Source
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
			data, err := os.ReadFile(name) //nolint:gosec // G304: reading the rule files the user named is what the command is for
			if err != nil {
				return nil, usagef(c, "无法读取规则文件 %s：%s", name, describeIOError(err))
			}
			files = append(files, rulefile.Source{Name: name, Data: data})
		}
	}
	return files, nil
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
	files    []rulefile.Source
	sets     []*rulefile.RuleSet // compiled from the user's files, in the order the files were given
	problems rules.ErrorList     // every problem of every file, sorted by file and position
}

// loadRuleFiles loads the embedded default rule sets first, so that a user's file may extend
// them (extends: national-monitor), and then every file given. A file that compiles is
// loaded even when others have problems; the problems of all files are kept together.
func loadRuleFiles(files []rulefile.Source) (*loaded, error) {
	lib := rulefile.NewLibrary()
	if _, err := rulesets.Load(lib); err != nil {
		return nil, &findingsError{msg: "内置规则集有误：" + err.Error()}
	}
	sets, err := lib.LoadEach(files...)
	problems := rules.Errors(err)
	if err != nil && len(problems) == 0 {
		return nil, &findingsError{msg: err.Error()}
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

// writeProblems prints every problem as FILE:LINE:COL: 说明, one a line, and a count.
func (l *loaded) writeProblems(w io.Writer) {
	var b strings.Builder
	for _, e := range l.problems {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "发现 %d 个问题（%d 个文件有误，共 %d 个文件）\n", len(l.problems), l.badFiles(), len(l.files))
	writeMessage(w, b.String())
}
