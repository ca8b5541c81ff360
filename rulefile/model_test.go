package rulefile_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
)

// The model-based test of "a library always equals a fresh load": random sequences of loads
// (LoadBytes, LoadEach, Stage and Commit) of small rule files that extend one another, each
// followed by a comparison with a fresh library loaded with the files the library should now
// hold. The model is just those files: the last file loaded for each id and effective date.

var mdIDs = []string{"a", "b", "c"}
var mdDays = []string{"2024-01-01", "2025-01-01"}

// mdUntil are the ends a version may have: before the next version, or overlapping it.
var mdUntil = []string{"2024-06-30", "2025-06-30"}

// mdFile is rule set id from day eff, extending ext ("" for none), with param k = n (a
// regional file overrides its base's k). Each adds a formula on its base's, so every result
// shows which versions of its bases it was compiled against.
func mdFile(id, eff, ext string, n int) rulefile.Source {
	return mdFileUntil(id, eff, "", ext, n)
}

// mdFileUntil is mdFile with an until ("" for none).
func mdFileUntil(id, eff, until, ext string, n int) rulefile.Source {
	var b strings.Builder
	fmt.Fprintf(&b, "ruleset: %s\neffective: %s\n", id, eff)
	if until != "" {
		fmt.Fprintf(&b, "until: %s\n", until)
	}
	if ext != "" {
		fmt.Fprintf(&b, "extends: %s\n", ext)
	}
	fmt.Fprintf(&b, "params:\n  k: %d\nformulas:\n", n)
	if ext != "" {
		fmt.Fprintf(&b, "  y_%s: y_%s * 10 + k\n", id, ext)
	} else {
		fmt.Fprintf(&b, "  y_%s: k\n", id)
	}
	return rulefile.Source{Name: fmt.Sprintf("%s-%s-%s-%s-%d.yaml", id, eff, until, ext, n), Data: []byte(b.String())}
}

// mdOp is one load of a sequence.
type mdOp struct {
	kind  int // 0 LoadBytes, 1 LoadEach, 2 Stage and Commit
	files []rulefile.Source
}

func (o mdOp) String() string {
	names := make([]string, len(o.files))
	for i, f := range o.files {
		names[i] = f.Name
	}
	return fmt.Sprintf("%s(%s)", []string{"LoadBytes", "LoadEach", "Stage+Commit"}[o.kind], strings.Join(names, ", "))
}

// mdOps draws a sequence of loads from r.
func mdOps(r *rand.Rand, n int) []mdOp {
	ops := make([]mdOp, n)
	for i := range ops {
		op := mdOp{kind: r.IntN(3)}
		for j := 0; j <= r.IntN(2); j++ {
			id := mdIDs[r.IntN(len(mdIDs))]
			ext := ""
			if r.IntN(3) > 0 {
				ext = mdIDs[r.IntN(len(mdIDs))]
			}
			until := ""
			if r.IntN(4) == 0 {
				until = mdUntil[r.IntN(len(mdUntil))]
			}
			op.files = append(op.files, mdFileUntil(id, mdDays[r.IntN(len(mdDays))], until, ext, 1+r.IntN(9)))
		}
		ops[i] = op
	}
	return ops
}

// mdKey is a version's identity in a library.
func mdKey(rs *rulefile.RuleSet) string {
	return rs.ID() + "@" + rs.Effective().Format("2006-01-02")
}

// mdState describes every version in lib: its file, hash and results on its first day.
func mdState(lib *rulefile.Library) map[string]string {
	out := map[string]string{}
	for _, rs := range lib.RuleSets() {
		ev, err := rs.Evaluate(rs.Effective(), nil)
		res := ""
		if err != nil {
			res = "error: " + err.Error()
		} else {
			j, _ := ev.Values.MarshalJSON()
			res = string(j)
		}
		out[mdKey(rs)] = rs.File() + " " + rs.Hash() + " " + res
	}
	return out
}

// mdRun applies ops to a library and checks it against a fresh load after each; it returns
// a description of the first divergence, or "".
func mdRun(ops []mdOp) string {
	lib := rulefile.NewLibrary()
	model := map[string]rulefile.Source{} // by id@effective
	keyOf := func(f rulefile.Source) string {
		lines := strings.SplitN(string(f.Data), "\n", 3)
		return strings.TrimPrefix(lines[0], "ruleset: ") + "@" + strings.TrimPrefix(lines[1], "effective: ")
	}
	for i, op := range ops {
		var sets []*rulefile.RuleSet
		var err error
		switch op.kind {
		case 0:
			sets, err = lib.LoadBytes(op.files...)
		case 1:
			sets, err = lib.LoadEach(op.files...)
		case 2:
			var st *rulefile.Staged
			if st, err = lib.Stage(op.files...); err == nil {
				sets, err = st.RuleSets(), st.Commit()
			}
		}
		if err == nil || op.kind == 1 {
			for _, rs := range sets {
				for _, f := range op.files {
					if f.Name == rs.File() {
						model[keyOf(f)] = f
					}
				}
			}
		}
		var files []rulefile.Source
		for _, f := range model {
			files = append(files, f)
		}
		sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
		fresh := rulefile.NewLibrary()
		if _, ferr := fresh.LoadBytes(files...); ferr != nil {
			return fmt.Sprintf("after %v: the library holds files a fresh library refuses: %v", ops[:i+1], ferr)
		}
		got, want := mdState(lib), mdState(fresh)
		for k, w := range want {
			if got[k] != w {
				return fmt.Sprintf("after %v: %s is\n  %s\nwhere a fresh load gives\n  %s", ops[:i+1], k, got[k], w)
			}
		}
		for k, g := range got {
			if _, ok := want[k]; !ok {
				return fmt.Sprintf("after %v: %s (%s) is not in a fresh load", ops[:i+1], k, g)
			}
		}
	}
	return ""
}

// TestLibraryEqualsFreshLoad runs many random load sequences against the fresh-load oracle.
func TestLibraryEqualsFreshLoad(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		if msg := mdRun(mdOps(r, 1+r.IntN(6))); msg != "" {
			t.Fatal(msg)
		}
	}
}

// TestLibraryEqualsFreshLoadCases are the sequences that once diverged, kept by name.
func TestLibraryEqualsFreshLoadCases(t *testing.T) {
	rows := []struct {
		name   string
		ops    []mdOp
		reason string
	}{
		{"LoadEach of a new base", []mdOp{
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 1), mdFile("b", mdDays[0], "a", 1)}},
			{1, []rulefile.Source{mdFile("a", mdDays[0], "", 5)}},
		}, "b must be recompiled on the new a"},
		{"cycle across loads", []mdOp{
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 1), mdFile("b", mdDays[0], "a", 1)}},
			{0, []rulefile.Source{mdFile("a", mdDays[0], "b", 2)}},
		}, "a extends b extends a: refused, as a fresh load refuses it"},
		{"cycle across loads, LoadEach", []mdOp{
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 1), mdFile("b", mdDays[0], "a", 1)}},
			{1, []rulefile.Source{mdFile("a", mdDays[0], "b", 2)}},
		}, "a extends b extends a: refused, as a fresh load refuses it"},
		{"self extends", []mdOp{
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 1)}},
			{0, []rulefile.Source{mdFile("a", mdDays[0], "a", 2)}},
		}, "a version extending itself: refused"},
		{"later version extends earlier", []mdOp{
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 1), mdFile("a", mdDays[1], "a", 1)}},
			{0, []rulefile.Source{mdFile("a", mdDays[0], "", 7)}},
		}, "the 2025 version extends the 2024 one: recompiled when 2024 is swapped"},
	}
	for _, r := range rows {
		ldReason(t, r.name, r.reason)
		if msg := mdRun(r.ops); msg != "" {
			t.Errorf("%s: %s", r.name, msg)
		}
	}
}

// FuzzLoadSequence drives load sequences from fuzzed bytes against the fresh-load oracle.
//
//	go test -run XXX -fuzz FuzzLoadSequence -fuzztime 5m -parallel 1 ./rulefile/
func FuzzLoadSequence(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(4))
	f.Add(uint64(8), uint64(0), uint8(6))
	f.Fuzz(func(t *testing.T, s1, s2 uint64, n uint8) {
		r := rand.New(rand.NewPCG(s1, s2))
		if msg := mdRun(mdOps(r, 1+int(n%8))); msg != "" {
			t.Fatal(msg)
		}
	})
}

var _ = require.NoError
