package rulefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jixiao-go/jixiao/rules"
)

// Library holds many rule sets, each in one or more dated versions, and picks the version
// in force on a date. Loading into a Library is all-or-nothing and swaps the new contents in
// atomically: an evaluation that already picked a version keeps it, so no evaluation ever
// mixes versions. The zero Library is not usable; make one with NewLibrary. A nil or zero
// Library answers every call with an error of code rules.ErrMisuse (RuleSets with none).
type Library struct {
	cfg config
	mu  sync.Mutex // serialises loads; readers never wait
	cur atomic.Pointer[catalog]
}

// catalog is an immutable snapshot of a Library's rule sets.
type catalog struct {
	sets map[string][]*RuleSet // by id, versions in order of Effective
}

// NewLibrary makes an empty Library. Its options are fixed from then on: RuleOptions (vendor
// functions, inputs, the language's limits) apply to every rule set compiled into it, and
// MaxFileSize bounds each file. A bad option is reported by every load.
func NewLibrary(opts ...Option) *Library {
	l := &Library{cfg: newConfig(opts)}
	l.cur.Store(&catalog{sets: map[string][]*RuleSet{}})
	return l
}

// Get returns the version of rule set id in force on day at. A version without until is in
// force until the next version's effective date.
func (l *Library) Get(id string, at time.Time) (*RuleSet, error) {
	c, err := l.snapshot()
	if err != nil {
		return nil, err
	}
	return c.get(id, at)
}

// snapshot is the library's current contents, or the misuse of a nil or zero Library.
func (l *Library) snapshot() (*catalog, error) {
	if l == nil {
		return nil, misuse("Library 为 nil，请用 NewLibrary 创建")
	}
	c := l.cur.Load()
	if c == nil {
		return nil, misuse("Library 未经 NewLibrary 创建")
	}
	return c, nil
}

func (c *catalog) get(id string, at time.Time) (*RuleSet, error) {
	versions, ok := c.sets[id]
	if !ok {
		ids := make([]string, 0, len(c.sets))
		for k := range c.sets {
			ids = append(ids, k)
		}
		return nil, &rules.Error{Code: rules.ErrFileReference, Msg: "没有规则集 " + id + hint(id, ids)}
	}
	d := day(at)
	var found *RuleSet
	for _, rs := range versions {
		if !rs.effective.After(d) {
			found = rs
		}
	}
	if found == nil || !found.InForce(d) {
		return nil, &rules.Error{Code: rules.ErrFileVersion,
			Msg: fmt.Sprintf("规则集 %s 在 %s 没有生效的版本", id, d.Format("2006-01-02"))}
	}
	return found, nil
}

// Evaluate evaluates one record with the version of rule set id in force on day at.
func (l *Library) Evaluate(id string, at time.Time, vars map[string]any) (*Evaluation, error) {
	rs, err := l.Get(id, at)
	if err != nil {
		return nil, err
	}
	return rs.Evaluate(at, vars)
}

// RuleSets lists every version of every rule set, by id and then effective date.
func (l *Library) RuleSets() []*RuleSet {
	c, err := l.snapshot()
	if err != nil {
		return nil
	}
	ids := make([]string, 0, len(c.sets))
	for id := range c.sets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []*RuleSet
	for _, id := range ids {
		out = append(out, c.sets[id]...)
	}
	return out
}

// Source is one rule file's name and contents.
type Source struct {
	Name string
	Data []byte
}

// LoadBytes compiles rule files given as bytes and adds them. It returns every problem in
// every file at once (an ErrorList), and then adds nothing. A file with the same rule-set id
// and effective date as a version already in the library replaces it (hot swap).
func (l *Library) LoadBytes(files ...Source) ([]*RuleSet, error) {
	return l.load(files, nil, false)
}

// LoadEach is LoadBytes for tools that check many files: every file that compiles is added
// even when others have problems; the problems are returned together as an ErrorList.
func (l *Library) LoadEach(files ...Source) ([]*RuleSet, error) {
	return l.load(files, nil, true)
}

// load compiles files and adds them; unread holds the problems of files that could not be
// read at all, reported with the others' problems.
func (l *Library) load(files []Source, unread rules.ErrorList, partial bool) ([]*RuleSet, error) {
	if _, err := l.snapshot(); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	next, added, err := l.prepare(l.cur.Load(), files, partial)
	if len(unread) > 0 {
		err = append(unread, rules.Errors(err)...).Err()
	}
	if err != nil && !partial {
		return nil, err
	}
	l.cur.Store(next)
	return added, err
}

// prepare compiles files on top of base into a new catalog, leaving base as it was. What
// extends a replaced rule set is recompiled on the new one. In a partial load, a file whose
// rule set would break a rule set extending it is left out, with the reason, and the rest is
// prepared again without it: the library never holds rule sets that do not compile together.
func (l *Library) prepare(base *catalog, files []Source, partial bool) (*catalog, []*RuleSet, error) {
	if err := l.cfg.err(); err != nil {
		return base, nil, err // nothing loads under a bad option; the library stays as it was
	}
	var refused rules.ErrorList
	for {
		sc := &setCompiler{opts: l.cfg.rules, maxFileSize: l.cfg.maxFileSize}
		drafts, failed := readDrafts(files, sc)
		next := base.clone()
		added := next.compileAll(drafts, failed, sc)
		errs, broken := next.rebase(added, sc)
		if !partial || len(broken) == 0 {
			all := append(append(refused, sc.errs...), errs...)
			return next, added, all.Err()
		}
		refused = append(refused, errs...)
		keep := files[:0:0]
		for _, f := range files {
			cut := false
			for rs := range broken {
				if rs.file == f.Name {
					cut = true
					refused = append(refused, &rules.Error{Code: rules.ErrFileReference, File: rs.file,
						Line: rs.filePos.Line, Col: rs.filePos.Col, Offset: rs.filePos.Offset, End: rs.filePos.Offset, RuleID: rs.id,
						Msg: "规则集 " + rs.id + " 未载入：载入后，扩展它的规则集无法编译（见其问题）"})
				}
			}
			if !cut {
				keep = append(keep, f)
			}
		}
		files = keep
	}
}

// Staged is a load compiled against a Library but not yet in it: a platform runs the new
// rule sets' tests (or its own checks) first, then commits. The zero Staged is not usable.
type Staged struct {
	lib  *Library
	base *catalog
	next *catalog
	sets []*RuleSet
}

// Stage compiles files against the library as it is now, without changing it. Every
// problem is returned at once, as LoadBytes does.
func (l *Library) Stage(files ...Source) (*Staged, error) {
	if _, err := l.snapshot(); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	base := l.cur.Load()
	next, added, err := l.prepare(base, files, false)
	if err != nil {
		return nil, err
	}
	return &Staged{lib: l, base: base, next: next, sets: added}, nil
}

// RuleSets lists the rule sets the staged files define.
func (s *Staged) RuleSets() []*RuleSet {
	if s == nil {
		return nil
	}
	return append([]*RuleSet(nil), s.sets...)
}

// Commit swaps the staged rule sets into the library, atomically. It refuses (code F006) if
// the library changed after Stage, since the staged rule sets were compiled against what
// it held then.
func (s *Staged) Commit() error {
	if s == nil || s.lib == nil {
		return misuse("Staged 为 nil 或未经 Library.Stage 创建")
	}
	s.lib.mu.Lock()
	defer s.lib.mu.Unlock()
	if s.lib.cur.Load() != s.base {
		return &rules.Error{Code: rules.ErrFileVersion,
			Msg: "规则库在预检之后已有变化，请重新预检后再提交"}
	}
	s.lib.cur.Store(s.next)
	return nil
}

// readDrafts reads every file. A file with problems of its own is still compiled when it
// has an id and a date, so its expression errors show up in the same check; it is never
// added. failed holds the ids of files with problems.
func readDrafts(files []Source, sc *setCompiler) ([]*draft, map[string]bool) {
	var drafts []*draft
	failed := map[string]bool{}
	for _, f := range files {
		d, errs := readDraft(f.Name, f.Data, sc.maxFileSize)
		sc.errs = append(sc.errs, errs...)
		if d == nil {
			continue
		}
		if len(errs) > 0 {
			failed[d.id] = true
			d.broken = true
			if d.id == "" || !d.hasEff {
				continue
			}
		}
		drafts = append(drafts, d)
	}
	return drafts, failed
}

// compileAll compiles drafts in extends order into the catalog and returns those added.
func (c *catalog) compileAll(drafts []*draft, failed map[string]bool, sc *setCompiler) []*RuleSet {
	var added []*RuleSet
	sc.loading = make(map[string]bool, len(drafts))
	for _, d := range drafts {
		sc.loading[d.id] = true
	}
	for _, d := range orderDrafts(drafts, sc) {
		base, ok := c.base(d, failed, sc)
		if !ok {
			failed[d.id] = true
			continue
		}
		rs := sc.compile(d, base)
		if rs == nil || d.broken {
			failed[d.id] = true
			continue
		}
		if !c.put(rs, added, sc, d) {
			failed[d.id] = true
			continue
		}
		added = append(added, rs)
	}
	return added
}

func (c *catalog) clone() *catalog {
	n := &catalog{sets: make(map[string][]*RuleSet, len(c.sets))}
	for k, v := range c.sets {
		n.sets[k] = append([]*RuleSet(nil), v...)
	}
	return n
}

// put adds rs, replacing a version with the same effective date loaded earlier (not in this
// same load), and reports versions whose explicit until overlaps the next version. It reports
// whether rs was put (a second version from the same day in one load is not, nor a version
// overlapping another).
func (c *catalog) put(rs *RuleSet, sameLoad []*RuleSet, sc *setCompiler, d *draft) bool {
	vs := append([]*RuleSet(nil), c.sets[rs.id]...) // the catalog keeps its own until rs fits
	replaced := false
	for i, v := range vs {
		if v.effective.Equal(rs.effective) {
			for _, s := range sameLoad {
				if s == v {
					sc.fail(d.effPos, rules.ErrFileVersion, rs.id, "规则集 %s 有两个版本都从 %s 生效（另一个在 %s）", rs.id, rs.effective.Format("2006-01-02"), v.file)
					return false
				}
			}
			vs[i], replaced = rs, true // hot swap: the same version, revised
		}
	}
	if !replaced {
		vs = append(vs, rs)
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].effective.Before(vs[j].effective) })
	fits := true
	for i := 1; i < len(vs); i++ {
		prev := vs[i-1]
		if prev.hasUntil && !prev.until.Before(vs[i].effective) {
			sc.fail(d.effPos, rules.ErrFileVersion, rs.id, "规则集 %s 的版本生效期重叠：%s（%s）与 %s（%s）", rs.id,
				prev.span(), prev.file, vs[i].span(), vs[i].file)
			fits = false
		}
	}
	if fits { // an overlapping version is not added: a partial load must not keep it
		c.sets[rs.id] = vs
	}
	return fits
}

// LoadFS loads rule files from fsys: each path is a file or a directory searched for
// *.yaml and *.yml files (in name order).
func (l *Library) LoadFS(fsys fs.FS, paths ...string) ([]*RuleSet, error) {
	if _, err := l.snapshot(); err != nil {
		return nil, err
	}
	if fsys == nil {
		return nil, misuse("LoadFS 的文件系统为 nil")
	}
	var files []Source
	var unread rules.ErrorList
	for _, p := range paths {
		names, err := ruleFiles(fsys, p)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := readBounded(fsys, name, name, l.cfg.maxFileSize)
			if refused(err, &unread) {
				continue
			}
			if err != nil {
				return nil, err
			}
			files = append(files, Source{Name: name, Data: data})
		}
	}
	return l.load(files, unread, false)
}

// LoadFiles loads rule files from the operating system's paths (files or directories).
// File names in messages are the paths as given. In a directory, a link leading out of it is
// refused, as a file that is not a regular file is, and reported with the other problems.
func (l *Library) LoadFiles(paths ...string) ([]*RuleSet, error) {
	if _, err := l.snapshot(); err != nil {
		return nil, err
	}
	var files []Source
	var unread rules.ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到规则文件 %s：%w", p, errors.Unwrap(err))
		}
		paths := []string{p}
		if info.IsDir() {
			names, err := ruleFiles(os.DirFS(p), ".")
			if err != nil {
				return nil, err
			}
			paths = paths[:0]
			for _, name := range names {
				paths = append(paths, filepath.Join(p, filepath.FromSlash(name)))
			}
		}
		for _, name := range paths {
			src, err := ReadFile(name, p, l.cfg.maxFileSize)
			if refused(err, &unread) {
				continue
			}
			if err != nil {
				return nil, err
			}
			files = append(files, src)
		}
	}
	return l.load(files, unread, false)
}

// ReadFile reads one rule file from the operating system, as LoadFiles does, for tools that
// gather files themselves before LoadBytes or LoadEach. It refuses a file before reading it
// when it is not a regular file (a FIFO would block, a device never end), when it is over
// limit bytes, and, when root is a directory the file was found in, when it is a link leading
// out of root. A refusal is a *rules.Error naming the file (F003 or F005), to be reported with
// the other files' problems; any other error is the operating system's.
func ReadFile(name, root string, limit int) (Source, error) {
	if root != "" && name != root && !insideTree(name, root) {
		return Source{}, &rules.Error{Code: rules.ErrFileValue, File: name, Msg: "是指向目录之外的链接，不能作为规则文件读取"}
	}
	data, err := readBounded(os.DirFS(filepath.Dir(name)), filepath.Base(name), name, limit)
	if err != nil {
		return Source{}, err
	}
	return Source{Name: name, Data: data}, nil
}

// insideTree reports whether name, found by walking the directory root, still lies inside
// root once links are followed: a link in the tree may not bring in a file from elsewhere.
func insideTree(name, root string) bool {
	target, err := resolvePath(name)
	if err != nil {
		return true // a broken link: reading it reports it
	}
	top, err := resolvePath(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(top, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolvePath is p's absolute path with every link followed.
func resolvePath(p string) (string, error) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(target)
}

// readBounded reads the rule file name in fsys (shown as shown in messages), refusing before
// it reads what is not a regular file (a FIFO would block, a device never end) and what is
// over limit bytes, so a file's cost is bounded by the limit, not by what the disk holds.
func readBounded(fsys fs.FS, name, shown string, limit int) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &rules.Error{Code: rules.ErrFileValue, File: shown, Msg: "不是普通文件，不能作为规则文件读取"}
	}
	if info.Size() > int64(limit) {
		return nil, tooLarge(shown, info.Size(), limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if len(data) > limit { // it grew after Stat
		return nil, tooLarge(shown, int64(len(data)), limit)
	}
	return data, nil
}

// refused reports whether err is the reader's refusal of the file itself (too large, not a
// regular file), adding it to list so it is reported with every other file's problems.
func refused(err error, list *rules.ErrorList) bool {
	var e *rules.Error
	if !errors.As(err, &e) {
		return false
	}
	*list = append(*list, e)
	return true
}

// tooLarge is the F005 error of a file over the size limit, as the reader reports it.
func tooLarge(name string, size int64, limit int) *rules.Error {
	return &rules.Error{Code: rules.ErrFileLimit, File: name,
		Msg: fmt.Sprintf("文件过大：%d 字节，上限 %d 字节", size, limit)}
}

// ruleFiles lists the rule files at p: p itself, or the *.yaml/*.yml files below it.
func ruleFiles(fsys fs.FS, p string) ([]string, error) {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("找不到规则文件 %s：%w", p, err)
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = fs.WalkDir(fsys, p, func(name string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() && name != p && strings.HasPrefix(de.Name(), ".") {
			return fs.SkipDir // .git, .github and editors' folders hold no rule files
		}
		ext := strings.ToLower(path.Ext(name))
		if !de.IsDir() && (ext == ".yaml" || ext == ".yml") {
			out = append(out, name)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func sortedIDs(m map[string][]*RuleSet) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
