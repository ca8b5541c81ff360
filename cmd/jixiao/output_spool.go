package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
)

// spoolMemory is how many bytes a spool keeps in memory before it moves to a temporary file:
// a report of a few thousand rows never touches the disk, one of a million rows stays small.
const spoolMemory = 4 << 20

// spool keeps bytes a report appends until it can write them: the table format pads every
// column to its widest cell, known only at the end. Past spoolMemory the bytes go to a
// temporary file, so memory stays flat in the number of rows. Its zero value is empty and
// ready; close removes the file.
type spool struct {
	mem  []byte
	file *os.File
	bw   *bufio.Writer
	err  error // the first failure to spill; reported by reader
	size int64
}

// write appends p.
func (s *spool) write(p []byte) {
	s.size += int64(len(p))
	switch {
	case s.err != nil:
		return
	case s.file == nil && len(s.mem)+len(p) <= spoolMemory:
		s.mem = append(s.mem, p...)
		return
	case s.file == nil:
		if s.file, s.err = os.CreateTemp("", "jixiao-report-*.tmp"); s.err != nil {
			return
		}
		s.bw = bufio.NewWriterSize(s.file, 64<<10)
		_, s.err = s.bw.Write(s.mem)
		s.mem = nil
	}
	if s.err == nil {
		_, s.err = s.bw.Write(p)
	}
}

// empty reports whether nothing was appended.
func (s *spool) empty() bool { return s.size == 0 }

// reader reads back everything appended, from the start.
func (s *spool) reader() (io.Reader, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.file == nil {
		return bytes.NewReader(s.mem), nil
	}
	if err := s.bw.Flush(); err != nil {
		return nil, err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(s.file, 64<<10), nil
}

// close removes the temporary file, if there is one; the spool is empty after it.
func (s *spool) close() error {
	f := s.file
	*s = spool{}
	if f == nil {
		return nil
	}
	return errors.Join(f.Close(), os.Remove(f.Name()))
}

// writeSpool writes title and then what s holds, or nothing when s is empty.
func writeSpool(w io.Writer, title string, s *spool) error {
	if s.empty() {
		return nil
	}
	r, err := s.reader()
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, title); err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}
