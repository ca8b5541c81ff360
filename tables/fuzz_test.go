package tables_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/jixiao-go/jixiao/tables"
)

// FuzzOpen reads arbitrary bytes as a table: it must never panic, every row must be numbered
// after the one before, and reading must end.
func FuzzOpen(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "\xEF\xBB\xBFa\n\n\"x\ny\"\n", "a\tb\n1\t2", "\xFF\xFEa\x00,\x00b\x00",
		"\xD6\xD0,\xCE\xC4\n1,2\n", "PK\x03\x04", "a,b\nx\"y,1\n\"open", "<html>", "a\n,,,\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := tables.Open(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer r.Close()
		last := 1
		for i := 0; i <= len(data)+1; i++ {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			n := row.Num
			var re *tables.RowError
			if errors.As(err, &re) {
				n = re.Row
			} else if err != nil {
				return
			}
			if n <= last {
				t.Fatalf("row %d after row %d", n, last)
			}
			last = n
		}
		t.Fatalf("more rows than bytes")
	})
}
