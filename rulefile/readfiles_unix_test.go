//go:build unix

package rulefile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// TestLoadFilesRefusesBeforeReading: a file's cost is bounded by the size limit, not by what
// the path holds. A FIFO named *.yaml would block forever, a link to /dev/zero never end,
// and a 3 GB sparse file fill memory: each is refused before it is read, and reported with
// the other files' problems.
func TestLoadFilesRefusesBeforeReading(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o600))
	if _, err := os.Stat("/dev/zero"); err == nil {
		require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")))
	}
	big, err := os.Create(filepath.Join(dir, "sparse.yaml"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(3<<30))
	require.NoError(t, big.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "typo.yaml"), []byte(
		"ruleset: typo\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n  y: z\n"), 0o600))

	_, err = rulefile.NewLibrary().LoadFiles(dir)
	list := rules.Errors(err)
	byFile := map[string]rules.Code{}
	for _, e := range list {
		byFile[filepath.Base(e.File)] = e.Code
	}
	assert.Equal(t, rules.ErrFileValue, byFile["fifo.yaml"], "a FIFO is not a regular file: %v", err)
	assert.Equal(t, rules.ErrFileLimit, byFile["sparse.yaml"], "3 GB is over the limit: %v", err)
	assert.Equal(t, rules.ErrUnknownName, byFile["typo.yaml"], "the other files are still checked: %v", err)
	if _, ok := byFile["zero.yaml"]; ok {
		assert.Equal(t, rules.ErrFileValue, byFile["zero.yaml"], "a device is not a regular file")
	}

	// the same through a single path, and through LoadFS
	_, err = rulefile.NewLibrary().LoadFiles(filepath.Join(dir, "fifo.yaml"))
	assert.ErrorIs(t, err, rules.ErrFileValue)
	_, err = rulefile.NewLibrary().LoadFS(os.DirFS(dir), "sparse.yaml")
	assert.ErrorIs(t, err, rules.ErrFileLimit)
	assert.Contains(t, err.Error(), "sparse.yaml: 文件过大：3221225472 字节，上限 1048576 字节")
}

// TestLoadFilesNoLinkOut: walking a directory follows no link out of it; a link inside the
// tree is fine.
func TestLoadFilesNoLinkOut(t *testing.T) {
	outside := t.TempDir()
	good := "ruleset: %s\neffective: 2024-01-01\nformulas:\n  y: 1\n"
	require.NoError(t, os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(fmt.Sprintf(good, "secret")), 0o600))
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "in.yaml"), []byte(fmt.Sprintf(good, "in")), 0o600))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o700))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "sub", "out.yaml")))

	_, err := rulefile.NewLibrary().LoadFiles(dir)
	list := rules.Errors(err)
	require.Len(t, list, 1, "%v", err)
	assert.Equal(t, rules.ErrFileValue, list[0].Code)
	assert.Equal(t, filepath.Join(dir, "sub", "out.yaml")+": 是指向目录之外的链接，不能作为规则文件读取", list[0].Error())

	require.NoError(t, os.Remove(filepath.Join(dir, "sub", "out.yaml")))
	sets, err := rulefile.NewLibrary().LoadFiles(dir)
	require.NoError(t, err)
	assert.Len(t, sets, 1, "in.yaml")
	_, err = rulefile.NewLibrary().LoadFiles(filepath.Join(outside, "secret.yaml"))
	assert.NoError(t, err, "a file named directly is the caller's choice")
}
