package tables_test

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

// FuzzOpen reads arbitrary bytes as a table: it must never panic, every row must be numbered
// after the one before, and reading must end.
func FuzzOpen(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "t\n\nx,a\n1,2\n", "t\n\x00", "\xEF\xBB\xBFa\n\n\"x\ny\"\n", "a\tb\n1\t2", "\xFF\xFEa\x00,\x00b\x00",
		"\xD6\xD0,\xCE\xC4\n1,2\n", "PK\x03\x04", "a,b\nx\"y,1\n\"open", "<html>", "a\n,,,\n"} {
		f.Add([]byte(s))
	}
	fields := []tables.Field{{Name: "a", Required: true}, {Name: "b", Aliases: []string{"x"}, Required: true}}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRows(t, data)
		fuzzRows(t, data, tables.HeaderFor(fields)) // the header may be found below title rows
	})
}

// fuzzRows reads data as FuzzOpen says: no panic, rows in order after the header, an end.
func fuzzRows(t *testing.T, data []byte, opts ...tables.Option) {
	r, err := tables.Open(bytes.NewReader(data), opts...)
	if err != nil {
		return
	}
	defer r.Close()
	last := r.HeaderRow()
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
}

// TestXLSXMutations reads 3,000 seeded mutations of a small workbook (bytes replaced, dropped
// and inserted): a broken zip, XML or reference must be an error, never a panic or a hang, and
// every row number must be accounted for. (Go's fuzzer stalls on this zip-shaped seed, so the
// mutations are made here, reproducibly.)
func TestXLSXMutations(t *testing.T) {
	seed, err := os.ReadFile("testdata/small.xlsx")
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(2026, 11))
	opened := 0
	for k := 0; k < 3000; k++ {
		data := mutate(rng, seed)
		r, err := tables.Open(bytes.NewReader(data), tables.MaxUnzip(1<<20))
		if err != nil {
			continue
		}
		opened++
		rows, rejected, last := 0, 0, 1
		for {
			row, err := r.Next()
			var re *tables.RowError
			if errors.As(err, &re) {
				rejected++
				last = re.Row
				continue
			}
			if err != nil {
				break
			}
			require.Greater(t, row.Num, last, "mutation %d: rows go forward", k)
			rows++
			last = row.Num
		}
		require.LessOrEqual(t, rows+rejected+r.Skipped(), last, "mutation %d: no row counted twice", k)
		_ = r.Close() // a corrupt part may report its checksum here
	}
	t.Logf("%d of 3000 mutations still opened", opened)
}

func mutate(rng *rand.Rand, seed []byte) []byte {
	data := append([]byte(nil), seed...)
	for j := 0; j < 1+rng.IntN(4); j++ {
		i := rng.IntN(len(data))
		switch rng.IntN(3) {
		case 0:
			data[i] = byte(rng.IntN(256))
		case 1:
			data = append(data[:i], data[i+1:]...)
		default:
			data = append(data[:i], append([]byte{byte(rng.IntN(256))}, data[i:]...)...)
		}
	}
	return data
}
