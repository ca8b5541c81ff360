package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// logicDir holds rule files with the logic mistakes jixiao check finds beyond syntax (issue
// 7): rows that never match, duplicate rows, gaps in a table without else, text compared
// with a value it never takes, and one message per broken declaration. Each file or folder
// has a golden of what jixiao check prints: go test ./cmd/jixiao -run CheckLogic -update.
const logicDir = "testdata/logic"

func TestCheckLogicGolden(t *testing.T) {
	entries, err := os.ReadDir(logicDir)
	require.NoError(t, err)
	n := 0
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok && !e.IsDir() {
			continue
		}
		if e.IsDir() {
			name = e.Name()
		}
		n++
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCLI("check", filepath.Join(logicDir, e.Name()))
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout, stderr)
			golden := filepath.Join(logicDir, name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden: run go test ./cmd/jixiao -run CheckLogic -update and review it")
			assert.Equal(t, string(want), got)
			if name == "clean" {
				assert.Equal(t, 0, code, "a correct file gets no false alarm")
			} else {
				assert.Equal(t, 1, code, "a logic mistake is an error: exit 1")
			}
		})
	}
	assert.GreaterOrEqual(t, n, 10, "one broken file per kind of mistake, and a clean one")
}
