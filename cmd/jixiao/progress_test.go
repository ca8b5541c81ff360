package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestProgress draws the bar with a clock the test moves: nothing for a short run, the share
// of the file read and the rows done for a long one, and a clean line at the end. Piped
// (stderr not a terminal), a progress writes nothing at all.
func TestProgress(t *testing.T) {
	var piped bytes.Buffer
	p := newProgress(&piped, filepath.Join("testdata", "monitor", "项目.csv"))
	for i := 0; i < 5000; i++ {
		p.row()
	}
	p.done()
	assert.Empty(t, piped.String(), "stderr piped: no bar")

	var tty bytes.Buffer
	clock := time.Date(2024, 8, 31, 9, 0, 0, 0, time.UTC)
	p = &progress{w: &tty, size: 1000, read: p.read, now: func() time.Time { return clock }, barSize: 10, start: clock, next: clock.Add(progressDelay)}
	for i := 0; i < 1024; i++ {
		p.row()
	}
	assert.Empty(t, tty.String(), "within the first half second: no bar")
	clock = clock.Add(2 * time.Second)
	p.read.Store(250)
	for i := 0; i < 1024; i++ {
		p.row()
	}
	assert.Equal(t, "\r[██░░░░░░░░]  25%  已处理 2048 行  2 秒\x1b[K", tty.String(), "a quarter of the file read")
	p.done()
	assert.True(t, strings.HasSuffix(tty.String(), "\r\x1b[K"), "the bar is cleared before the summary")
}
