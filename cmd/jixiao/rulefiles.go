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

// readRuleFile reads one rule file found at root (the path the user gave), refusing before
// it reads what is not a regular file, what is over the size limit, and a link in a directory
// that leads out of it. The messages are the library's for the same files.
func readRuleFile(name, root string) (ruleFile, error) {
	rf := ruleFile{Source: rulefile.Source{Name: name}}
	refuse := func(code rules.Code, msg string) (ruleFile, error) {
		rf.refused = &rules.Error{Code: code, File: name, Msg: msg}
		return rf, nil
	}
	if name != root && !insideTree(name, root) {
		return refuse(rules.ErrFileValue, "是指向目录之外的链接，不能作为规则文件读取")
	}
	info, err := os.Stat(name)
	if err != nil {
		return rf, err
	}
	if !info.Mode().IsRegular() {
		return refuse(rules.ErrFileValue, "不是普通文件，不能作为规则文件读取")
	}
	if info.Size() > maxRuleFileSize {
		return refuse(rules.ErrFileLimit, tooLargeMsg(info.Size()))
	}
	f, err := os.Open(name) //nolint:gosec // G304: reading the rule files the user named is what the command is for
	if err != nil {
		return rf, err
	}
	defer f.Close() //nolint:errcheck // read only: a failed close loses nothing
	data, err := io.ReadAll(io.LimitReader(f, maxRuleFileSize+1))
	if err != nil {
		return rf, err
	}
	if len(data) > maxRuleFileSize { // it grew after Stat
		return refuse(rules.ErrFileLimit, tooLargeMsg(int64(len(data))))
	}
	rf.Data = data
	return rf, nil
}

func tooLargeMsg(size int64) string {
	return fmt.Sprintf("文件过大：%d 字节，上限 %d 字节", size, maxRuleFileSize)
}

// insideTree reports whether name, found by walking root, still lies inside root once links
// are followed: a link in the tree may not bring in a file from elsewhere.
func insideTree(name, root string) bool {
	target, err := resolve(name)
	if err != nil {
		return true // a broken link: Stat reports it
	}
	top, err := resolve(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(top, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve is p's absolute path with every link followed.
func resolve(p string) (string, error) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(target)
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
