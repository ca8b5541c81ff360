package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

// eval's CSV, written in UTF-8 with its byte-order mark or in GB18030, reads back through
// tables.Open as the same rows — names outside GBK (𠀀) included — and can be evaluated again.
func TestEvalCSVEncodingsReadBack(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "项目.csv")
	require.NoError(t, os.WriteFile(data, []byte("项目名称,预算数,执行数\n𠀀村道路,100,90\n镕桥,940,928.56\n坏行,0,5\n"), 0o600))
	var want [][]string
	for _, enc := range []string{"utf8", "gb18030"} {
		out := filepath.Join(dir, enc+".csv")
		_, stderr, code := runCLI("eval", "--rules", "national-execution", "--format", "csv", "--encoding", enc, "-o", out, data)
		require.Equal(t, exitOK, code, stderr)
		f, err := os.Open(out)
		require.NoError(t, err)
		r, err := tables.Open(f)
		require.NoError(t, err)
		wantEnc := map[string]tables.Encoding{"utf8": tables.UTF8, "gb18030": tables.GB18030}[enc]
		assert.Equal(t, wantEnc, r.Encoding(), "%s: the encoding asked for is the one found", enc)
		rows := [][]string{r.Header()}
		for row, err := r.Next(); err == nil; row, err = r.Next() {
			rows = append(rows, row.Cells)
		}
		require.NoError(t, r.Close())
		require.NoError(t, f.Close())
		require.Len(t, rows, 4, "%s: the header and every row, the rejected one included", enc)
		assert.Equal(t, "𠀀村道路", rows[1][1], "%s: a character outside GBK survives", enc)
		if want == nil {
			want = rows
			continue
		}
		assert.Equal(t, want, rows, "GB18030 reads back as the same rows as UTF-8")

		_, stderr, code = runCLI("eval", "--rules", "national-execution", "--format", "csv", out)
		assert.Equal(t, exitOK, code, "%s: the output is itself a table eval reads: %s", enc, stderr)
	}
}
