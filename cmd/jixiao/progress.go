package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// progress draws a bar on stderr while a long batch runs, when stderr is a terminal; piped
// or redirected, it writes nothing. It shows how much of the input file has been read.
type progress struct {
	w       io.Writer // nil: no bar
	size    int64     // the input's size in bytes, 0 when unknown
	read    *atomic.Int64
	rows    int
	start   time.Time
	next    time.Time
	drawn   bool
	now     func() time.Time
	barSize int
}

// progressDelay is how long a batch runs before a bar appears: a short run shows none.
const progressDelay = 500 * time.Millisecond

func newProgress(stderr io.Writer, path string) *progress {
	p := &progress{read: &atomic.Int64{}, now: time.Now, barSize: 30}
	if !isTerminal(stderr) {
		return p
	}
	p.w = stderr
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		p.size = st.Size()
	}
	p.start = p.now()
	p.next = p.start.Add(progressDelay)
	return p
}

// reader counts the bytes read from r, for the bar.
func (p *progress) reader(r io.Reader) io.Reader { return &countingReader{r: r, n: p.read} }

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// row counts one row written, redrawing the bar a few times a second.
func (p *progress) row() {
	p.rows++
	if p.w == nil || p.rows%1024 != 0 {
		return
	}
	if now := p.now(); now.After(p.next) {
		p.next = now.Add(200 * time.Millisecond)
		p.draw(now)
	}
}

func (p *progress) draw(now time.Time) {
	line := fmt.Sprintf("已处理 %d 行  %d 秒", p.rows, int(now.Sub(p.start)/time.Second))
	if p.size > 0 {
		read := min(p.read.Load(), p.size)
		done := int(read * int64(p.barSize) / p.size)
		line = fmt.Sprintf("[%s%s] %3d%%  %s", strings.Repeat("█", done), strings.Repeat("░", p.barSize-done), read*100/p.size, line)
	}
	_, _ = fmt.Fprintf(p.w, "\r%s\x1b[K", line) // a bar that cannot be drawn is no reason to stop the batch
	p.drawn = true
}

// done clears the bar, so what follows on stderr starts on a clean line.
func (p *progress) done() {
	if p.drawn {
		_, _ = fmt.Fprint(p.w, "\r\x1b[K") // as draw
		p.drawn = false
	}
}
