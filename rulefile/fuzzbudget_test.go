package rulefile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jixiao-go/jixiao/rulefile"
)

// fuzzAllocBudget is what loading one file under 64 KiB may allocate: the worst files the
// limits let through (dated params at the span budget, eight extends deep, 50,000 tokens)
// stay well under it.
const fuzzAllocBudget = 128 << 20

// FuzzLoadBudget fails when a rule file under 64 KiB allocates more than fuzzAllocBudget to
// load, so a file's cost stays bounded by its size whatever it holds.
//
//	go test -run XXX -fuzz FuzzLoadBudget -fuzztime 5m -parallel 1 ./rulefile/
func FuzzLoadBudget(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(brokenDir, "*.yaml"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	var b strings.Builder
	b.WriteString("ruleset: cost\neffective: 2000-01-01\ninputs:\n  x: {type: decimal}\nparams:\n  k:\n")
	for i := 0; i < 21; i++ {
		fmt.Fprintf(&b, "    - since: 2000-01-%02d\n      value: %d\n", i+1, i)
	}
	b.WriteString("formulas:\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "  f%d: round(x * k + %d / (k + 1), 2)\n", i, i)
	}
	f.Add([]byte(b.String()))
	f.Add([]byte("params:\n  p: " + strings.Repeat("[", 99) + strings.Repeat("]", 99) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 64<<10 {
			return
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _ = rulefile.NewLibrary().LoadBytes(rulefile.Source{Name: "budget.yaml", Data: data})
		runtime.ReadMemStats(&after)
		if used := after.TotalAlloc - before.TotalAlloc; used > fuzzAllocBudget {
			t.Fatalf("a %d-byte file allocated %d MiB to load (budget %d MiB)", len(data), used>>20, fuzzAllocBudget>>20)
		}
	})
}
