package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/jixiao-go/jixiao/tables"
)

// outputOptions are the flags a batch command writes its report with.
type outputOptions struct {
	format   string // table, csv, json or xlsx
	path     string // -o: the file to write; "" for stdout
	encoding string // CSV only: utf8 (with a byte-order mark) or gb18030
}

func (o *outputOptions) addFlags(c *cobra.Command) {
	c.Flags().StringVar(&o.format, "format", "table", "输出格式：table、csv、json 或 xlsx")
	c.Flags().StringVarP(&o.path, "output", "o", "", "把结果写到这个文件（xlsx 必须写到文件）")
	c.Flags().StringVar(&o.encoding, "encoding", "utf8", "CSV 输出的编码：utf8（带 BOM，Excel 直接打开）或 gb18030")
}

// check refuses an unknown format or encoding, and an .xlsx that would go to a terminal.
func (o *outputOptions) check(c *cobra.Command) error {
	switch o.format {
	case "table", "csv", "json", "xlsx":
	default:
		return usagef(c, "--format 只能是 table、csv、json 或 xlsx，这里是 %q", o.format)
	}
	if _, ok := csvEncodings[strings.ToLower(o.encoding)]; !ok {
		return usagef(c, "--encoding 只能是 utf8 或 gb18030，这里是 %q", o.encoding)
	}
	if c.Flags().Changed("encoding") && o.format != "csv" {
		return usagef(c, "--encoding 只用于 --format csv（table 和 json 总是 UTF-8，xlsx 不需要编码）")
	}
	if o.format == "xlsx" && o.path == "" && isTerminal(c.OutOrStdout()) {
		return usagef(c, "xlsx 是二进制文件，不能显示在屏幕上：请用 -o 报告.xlsx 写到文件")
	}
	return nil
}

var csvEncodings = map[string]tables.Encoding{"utf8": tables.UTF8, "utf-8": tables.UTF8, "gb18030": tables.GB18030, "gbk": tables.GB18030}

func (o *outputOptions) csvEncoding() tables.Encoding {
	return csvEncodings[strings.ToLower(o.encoding)]
}

// isTerminal tells whether w is a terminal, where binary output would garble the screen and a
// progress bar is wanted.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) //nolint:gosec // a file descriptor fits an int
}

// notInput refuses -o naming one of the files the command reads: the report would replace
// the data it was made from.
func (o *outputOptions) notInput(c *cobra.Command, inputs ...string) error {
	if o.path == "" {
		return nil
	}
	out, err := os.Stat(o.path)
	if err != nil {
		return nil //nolint:nilerr // no such file yet: it cannot be an input
	}
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
			return usagef(c, "-o %s 就是要读的文件 %s：写结果会覆盖数据，请换一个文件名", o.path, in)
		}
	}
	return nil
}

// destination is where the report goes: stdout, or the -o file, written beside its final
// name and renamed into place only when the command succeeds, so a failed run never leaves
// half a report under the name staff open.
type destination struct {
	bw     *bufio.Writer
	ew     *errWriter
	tmp    *os.File
	direct *os.File // -o names a device or a pipe (/dev/stdout): written in place
	path   string
}

func (o *outputOptions) open(c *cobra.Command) (*destination, error) {
	w := c.OutOrStdout()
	d := &destination{path: o.path}
	st, err := os.Stat(o.path)
	switch {
	case o.path == "" || err != nil || st.Mode().IsRegular():
	case st.IsDir():
		return nil, usagef(c, "-o %s 是一个文件夹：请写出报告的文件名，如 -o %s", o.path, filepath.Join(o.path, "报告."+o.format))
	default:
		// a device or a pipe is not replaced by a file of the same name: it is written to
		f, err := os.OpenFile(o.path, os.O_WRONLY, 0)
		if err != nil {
			return nil, usagef(c, "-o %s：无法写入：%s", o.path, describeIOError(err))
		}
		d.direct, w = f, f
	}
	if o.path != "" && d.direct == nil {
		f, err := os.CreateTemp(filepath.Dir(o.path), "."+filepath.Base(o.path)+".*.tmp")
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef(c, "-o %s：文件夹 %s 不存在", o.path, filepath.Dir(o.path))
		}
		if err != nil {
			return nil, usagef(c, "-o %s：无法写入：%s", o.path, describeIOError(err))
		}
		d.tmp, w = f, f
	}
	d.ew = &errWriter{w: w}
	d.bw = bufio.NewWriterSize(d.ew, 64<<10)
	return d, nil
}

// Write buffers p for the report.
func (d *destination) Write(p []byte) (int, error) { return d.bw.Write(p) }

// finish writes out what is buffered and, for -o, moves the file into place; after a failure
// (failed true) it removes the temporary file instead.
func (d *destination) finish(failed bool) error {
	err := d.bw.Flush()
	if d.direct != nil {
		return writeFailure(errors.Join(err, d.direct.Close()))
	}
	if d.tmp == nil {
		return writeFailure(err)
	}
	err = errors.Join(err, d.tmp.Chmod(0o644), d.tmp.Close()) // CreateTemp makes it private
	if failed || err != nil {
		_ = os.Remove(d.tmp.Name()) // the half-written report; its name was never shown
		return writeFailure(err)
	}
	if err := os.Rename(d.tmp.Name(), d.path); err != nil {
		_ = os.Remove(d.tmp.Name())
		return writeFailure(err)
	}
	return nil
}

func writeFailure(err error) error {
	var fe *findingsError
	if err == nil || errors.As(err, &fe) {
		return err
	}
	return &findingsError{msg: fmt.Sprintf("无法写出结果：%v", err)}
}

// errWriter remembers the first write error, so a closed pipe stops the batch early.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// batchContext is the command's context, cancelled by Ctrl-C (SIGINT): the batch stops between
// chunks of rows and the -o file is not left half written.
func batchContext(c *cobra.Command) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(c.Context(), os.Interrupt)
}

// batchError says why a batch stopped: a write that failed or an interruption is a finding
// (exit 1; the output is incomplete), a data file that could not be read to its end is
// unusable input (exit 2).
func batchError(c *cobra.Command, err error) error {
	var fe *findingsError
	switch {
	case errors.As(err, &fe):
		return err
	case errors.Is(err, context.Canceled):
		return &findingsError{msg: "已中断：结果没有写完（用 -o 时不留下文件）"}
	}
	return usagef(c, "读取数据时出错：%v", err)
}

// closeSink releases what a report writer holds (an .xlsx's temporary files), whether the run
// finished or not.
func closeSink(sink any) {
	if c, ok := sink.(io.Closer); ok {
		_ = c.Close() // temporary files only: the report is written or already refused
	}
}

// batchMemory is the soft memory limit a batch runs under. The rows in flight, the writers'
// buffers and the 项目编号 seen take some tens of megabytes whatever the row count; the
// default garbage collector lets the heap grow to twice what is live before collecting,
// which for an .xlsx of a million rows (excelize's buffers) is about 200 MB. Under the limit
// it collects sooner instead.
const batchMemory = 128 << 20

// limitMemory sets the batch's soft memory limit, unless the user set one (GOMEMLIMIT), and
// returns what undoes it.
func limitMemory() (restore func()) {
	old := debug.SetMemoryLimit(-1) // -1 reads the limit without changing it
	if old != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(batchMemory)
	return func() { debug.SetMemoryLimit(old) }
}
