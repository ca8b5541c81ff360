//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// TestCheckRefusesBeforeReading: jixiao check reads no file it would have to refuse. A FIFO
// named *.yaml would block forever, a link to /dev/zero never end, a 3 GB sparse file fill
// memory, and a link in a directory may not bring in a file from outside it. Each is a
// problem of its file (exit 1, the library's own message), and the other files are checked.
func TestCheckRefusesBeforeReading(t *testing.T) {
	outside := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("ruleset: secret\n"), 0o600))
	dir := t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o600))
	zero := false
	if _, err := os.Stat("/dev/zero"); err == nil {
		require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")))
		zero = true
	}
	big, err := os.Create(filepath.Join(dir, "sparse.yaml"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(3<<30))
	require.NoError(t, big.Close())
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "link-out.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "typo.yaml"), []byte(
		"ruleset: typo\neffective: 2024-01-01\ninputs:\n  x: {type: decimal}\nformulas:\n  y: z\n"), 0o600))

	stdout, stderr, code := runCLI("check", dir)
	assert.Empty(t, stdout)
	assert.Equal(t, exitFindings, code, "refused files are findings, not usage errors: %s", stderr)
	fifo := filepath.Join(dir, "fifo.yaml")
	sparse := filepath.Join(dir, "sparse.yaml")
	assert.Contains(t, stderr, fifo+": 不是普通文件，不能作为规则文件读取\n")
	assert.Contains(t, stderr, sparse+": 文件过大：3221225472 字节，上限 1048576 字节\n")
	assert.Contains(t, stderr, filepath.Join(dir, "link-out.yaml")+": 是指向目录之外的链接，不能作为规则文件读取\n")
	assert.NotContains(t, stderr, "secret", "nothing of the file outside is read")
	assert.Contains(t, stderr, filepath.Join(dir, "typo.yaml")+":6:6:", "the other files are still checked")
	if zero {
		assert.Contains(t, stderr, filepath.Join(dir, "zero.yaml")+": 是指向目录之外的链接", "a device is refused, here first as a link out of the tree")
	}
	files := 4
	if zero {
		files = 5
	}
	assert.True(t, strings.HasSuffix(stderr, "个文件有误，共 "+strconv.Itoa(files)+" 个文件）\n"), stderr)

	// the same messages as the library gives for the same files
	for _, name := range []string{fifo, sparse} {
		_, err := rulefile.NewLibrary().LoadFiles(name)
		list := rules.Errors(err)
		require.Len(t, list, 1, name)
		assert.Contains(t, stderr, list[0].Error()+"\n", "the CLI and the library refuse alike")
	}

	// a file named on the command line is the user's choice, even through a link
	_, stderr, code = runCLI("check", filepath.Join(dir, "link-out.yaml"))
	assert.Equal(t, exitFindings, code)
	assert.NotContains(t, stderr, "目录之外", "a link the user names is followed")
	_, stderr, code = runCLI("check", fifo)
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, fifo+": 不是普通文件，不能作为规则文件读取\n发现 1 个问题（1 个文件有误，共 1 个文件）\n", stderr)
}
