package tables

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Format is how a table file is stored.
type Format int

// The formats a table may come in. The zero Format is FormatCSV.
const (
	FormatCSV  Format = iota // comma- or tab-separated text, in Encoding
	FormatXLSX               // an Excel 2007+ workbook
)

// String is the format's usual file extension, without the dot: csv or xlsx; a Format that is
// neither prints as Format(n).
func (f Format) String() string {
	switch f {
	case FormatCSV:
		return "csv"
	case FormatXLSX:
		return "xlsx"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Encoding is the character encoding of a text table.
type Encoding int

// The encodings a text table may come in. The zero Encoding is UTF8.
const (
	UTF8    Encoding = iota // with or without a byte-order mark
	GB18030                 // also reads GBK and GB2312, which it extends: Excel's CSV on Chinese Windows
	UTF16LE                 // Excel's "Unicode 文本", with its byte-order mark
	UTF16BE
)

// String is the encoding's usual name (UTF-8, GB18030, UTF-16LE, UTF-16BE); an Encoding that
// is none of them prints as Encoding(n) rather than panicking.
func (e Encoding) String() string {
	names := [...]string{"UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"}
	if e < 0 || int(e) >= len(names) {
		return fmt.Sprintf("Encoding(%d)", int(e))
	}
	return names[e]
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	magicZip   = []byte("PK\x03\x04")
	magicOLE   = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff tells the format and encoding of a file from its first bytes, or refuses it.
// head is as much of the file as the reader could peek, and whole says it is the whole file:
// if not, a rune cut at its end is not a sign of another encoding.
func sniff(head []byte, whole bool) (Format, Encoding, error) {
	switch {
	case bytes.HasPrefix(head, magicZip):
		if !bytes.Contains(head, []byte("[Content_Types].xml")) && !bytes.Contains(head, []byte("xl/")) {
			return 0, 0, &formatError{"这是一个 zip 压缩文件，不是 Excel 表格（.xlsx）；请解压后选择其中的表格文件"}
		}
		return FormatXLSX, 0, nil
	case bytes.HasPrefix(head, magicOLE):
		return 0, 0, &formatError{"这是旧版 Excel 文件（.xls），或是设置了打开密码的表格：请在 Excel 中“另存为” .xlsx 或 CSV（如有密码请先取消）后再读取"}
	case bytes.HasPrefix(head, bomUTF8):
		return FormatCSV, UTF8, nil
	case bytes.HasPrefix(head, bomUTF16LE):
		return FormatCSV, UTF16LE, nil
	case bytes.HasPrefix(head, bomUTF16BE):
		return FormatCSV, UTF16BE, nil
	case looksLikeHTML(head):
		return 0, 0, &formatError{"这是网页格式的表格（一些系统导出的 .xls 其实是网页）：请在 Excel 中打开后“另存为” .xlsx 或 CSV 再读取"}
	case bytes.IndexByte(head, 0) >= 0:
		return 0, 0, &formatError{"这不是文本表格：文件中有空字节（可能是其他程序的文件，或是没有字节顺序标记的 UTF-16 文本）；请另存为 .xlsx 或 CSV"}
	}
	if validPrefix(head, whole) {
		return FormatCSV, UTF8, nil
	}
	return FormatCSV, GB18030, nil
}

// validPrefix reports whether head is UTF-8, allowing, unless head is the whole file, one
// rune cut off at its end.
func validPrefix(head []byte, whole bool) bool {
	if utf8.Valid(head) {
		return true
	}
	if whole {
		return false
	}
	start := len(head) - 1
	for start > 0 && len(head)-start < utf8.UTFMax && !utf8.RuneStart(head[start]) {
		start--
	}
	return start >= 0 && !utf8.FullRune(head[start:]) && utf8.Valid(head[:start])
}

// looksLikeHTML reports whether the file starts, after blanks, with an HTML or XML tag.
func looksLikeHTML(head []byte) bool {
	t := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<table", "<?xml"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}
