//go:build unix

package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputNotAFile checks -o naming something other than a regular file: a device or a pipe
// is written to, never replaced by a file of its name, and a folder is a usage error before
// any work is done.
func TestOutputNotAFile(t *testing.T) {
	rows := []struct {
		reason string
		path   string
		code   int
		want   string
	}{
		{"/dev/null is written to and stays a device", os.DevNull, exitOK, ""},
		{"a folder is not a file name", t.TempDir(), exitUsage, "是一个文件夹"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			before, err := os.Stat(tt.path)
			require.NoError(t, err)
			_, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "-o", tt.path, monitorData)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.want)
			after, err := os.Stat(tt.path)
			require.NoError(t, err)
			assert.Equal(t, before.Mode(), after.Mode(), "still what it was")
		})
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		_, stderr, code := runCLI("monitor", "--checkpoint", "2024-08-31", "--format", "csv", "-o", "/dev/full", monitorData)
		assert.Equal(t, exitFindings, code, "a device that refuses the write is a failed run, not a replaced device")
		assert.Contains(t, stderr, "无法写出结果")
		st, err := os.Stat("/dev/full")
		require.NoError(t, err)
		assert.NotZero(t, st.Mode()&os.ModeDevice)
	}
}
