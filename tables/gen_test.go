package tables

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The -update flag rewrites the committed fixtures in testdata from the text below:
//
//	go test ./tables -run Fixtures -update
var update = flag.Bool("update", false, "rewrite testdata fixtures")

// gbText is testdata/gb18030.csv as text: what Excel on Chinese Windows saves as "CSV (逗号分隔)".
const gbText = "项目编号,项目名称,部门,预算数（万元）,执行数（万元）\r\n" +
	"MF001,乡村道路硬化,交通运输局,120,64\r\n" +
	"MF002,\"学生营养餐,午餐\",教育局,\"1,000.50\",800\r\n" +
	"MF003,𠀀字项目（四字节字）,文广局,15,8\r\n"

func TestFixtures(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(gbText)
	require.NoError(t, err)
	path := filepath.Join("testdata", "gb18030.csv")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(gb), 0o600))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, gb, string(got), "testdata/gb18030.csv is gbText in GB18030; run with -update after changing it")

	small := filepath.Join("testdata", "small.xlsx")
	if *update {
		x := NewXLSX()
		s, err := x.AddSheet("表", []Column{{Name: "a"}, {Name: "b", Number: true}})
		require.NoError(t, err)
		require.NoError(t, s.Row(Cell{Text: "文本"}, Cell{Text: "1.50", Fill: "红色"}))
		require.NoError(t, s.Row(Cell{Text: "0.30000000000000004"}, Cell{Text: "2"}))
		require.NoError(t, s.Flush())
		f, err := os.Create(small)
		require.NoError(t, err)
		_, err = x.WriteTo(f)
		require.NoError(t, errors.Join(err, f.Close(), x.Close()))
	}
	_, err = os.Stat(small)
	require.NoError(t, err, "testdata/small.xlsx seeds FuzzOpenXLSX; run with -update to write it")
}
