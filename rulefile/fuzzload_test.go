package rulefile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// FuzzLoad reads arbitrary bytes as a rule file. It must never panic; a file that does not
// load fails with a rules.ErrorList of positioned, coded, non-empty problems inside the file;
// a file that loads runs its own tests and explains a record with no inputs, without panicking,
// and whatever fails there fails with positioned errors too.
//
// The seed corpus is testdata/fuzz/FuzzLoad (good and broken rule files, hostile inputs) plus
// every file under testdata/broken and testdata/rulesets, so a new example is a new seed.
//
//	go test -run XXX -fuzz FuzzLoad -fuzztime 5m -parallel 1 ./rulefile/
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{brokenDir, filepath.Join("testdata", "rulesets")} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	codes := rules.Codes()
	const name = "fuzz.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := 1 // an upper bound: YAML also breaks lines at \r, NEL, LS and PS
		for _, sep := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
			lines += bytes.Count(data, []byte(sep))
		}
		check := func(stage string, err error) {
			t.Helper()
			all := rules.Errors(err)
			if len(all) == 0 {
				t.Fatalf("%s: error %T without positions: %v", stage, err, err)
			}
			for _, e := range all {
				if e == nil {
					t.Fatalf("%s: nil *rules.Error in %v", stage, err)
				}
				placed := e.Line >= 1 && e.Col >= 1 || e.Line == 0 && e.Col == 0 && e.Code == rules.ErrFileLimit // the file as a whole
				if !placed || e.Msg == "" || !slices.Contains(codes, e.Code) {
					t.Fatalf("%s: malformed error %#v", stage, *e)
				}
				if e.File == name && e.Line > lines {
					t.Fatalf("%s: line %d is past the end of a %d-line file: %v", stage, e.Line, lines, e)
				}
			}
		}
		lib := rulefile.NewLibrary()
		sets, err := lib.LoadBytes(rulefile.Source{Name: name, Data: data})
		if err != nil {
			var list rules.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("load error is %T, not rules.ErrorList: %v", err, err)
			}
			check("load", err)
			return
		}
		if len(sets) != 1 {
			t.Fatalf("one file loaded as %d rule sets", len(sets))
		}
		rs := sets[0]
		if w := rs.Warnings(); len(w) > 0 {
			check("warnings", w)
		}
		for _, r := range rs.RunTests() {
			if r.Err != nil {
				check("test "+r.Name, r.Err)
			}
		}
		ev, err := rs.Explain(rs.Effective(), map[string]any{})
		if err != nil {
			check("explain", err)
			return
		}
		if ev.RuleSet != rs.ID() || ev.Hash != rs.Hash() {
			t.Fatalf("evaluation names %s/%s, rule set is %s/%s", ev.RuleSet, ev.Hash, rs.ID(), rs.Hash())
		}
	})
}
