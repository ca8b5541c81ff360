package tables

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/internal/suggest"
)

// maxColumns is Excel's column limit (XFD): a cell beyond it is not a spreadsheet's.
const maxColumns = 16384

// errUnzipLimit is returned when a workbook unpacks beyond its limit.
var errUnzipLimit = errors.New("unzip limit")

// budget counts the bytes unpacked from a workbook against its limit, so a zip bomb is
// refused after reading at most the limit.
type budget struct{ left int64 }

// maxRun is the most bytes a part may hold between two '<': more than any cell's text
// (Excel keeps at most 32,767 characters, six bytes each when escaped) or tag. encoding/xml
// keeps a whole text or tag in memory, so without it a sheet of a gigabyte of blanks — a
// few megabytes zipped — would be held at once, twice over as its buffer grows.
const maxRun = 1 << 20

// errRunLimit is returned when a part has a text or tag longer than maxRun.
var errRunLimit = errors.New("run limit")

type limited struct {
	r   io.Reader
	b   *budget
	run int // bytes since the last '<'
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.b.left -= int64(n)
	if l.b.left < 0 {
		return 0, errUnzipLimit // drop the bytes past the limit: nothing after them is read
	}
	if i := bytes.LastIndexByte(p[:n], '<'); i >= 0 {
		l.run = n - i - 1
	} else {
		l.run += n
	}
	if l.run > maxRun {
		return 0, errRunLimit
	}
	return n, err
}

// workbook is an opened .xlsx.
type workbook struct {
	zr     *zip.Reader
	budget *budget
}

func (w workbook) open(name string) (io.ReadCloser, error) {
	f, err := w.zr.Open(name)
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{bufio.NewReader(&limited{r: f, b: w.budget}), f}, nil
}

// sheetInfo is one sheet the workbook lists.
type sheetInfo struct {
	name, part string
	hidden     bool
}

func openXLSX(r io.Reader, cfg config) (*Reader, error) {
	data, err := io.ReadAll(io.LimitReader(r, cfg.maxUnzip+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > cfg.maxUnzip {
		return nil, xlsxOpenError(errUnzipLimit)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	wb := workbook{zr: zr, budget: &budget{left: cfg.maxUnzip}}
	sheets, err := wb.sheets()
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	sheet, err := pickSheet(sheets, cfg.sheet)
	if err != nil {
		return nil, err
	}
	sst, err := wb.sharedStrings()
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	rc, err := wb.open(sheet.part)
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	t := &xlsxTable{dec: xml.NewDecoder(rc), sst: sst, name: sheet.name}
	header, err := t.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("工作表“%s”是空的，没有表头", sheet.name)
		}
		return nil, errors.Join(err, rc.Close())
	}
	return &Reader{format: FormatXLSX, header: header.Cells, next: t.next, close: rc.Close}, nil
}

// sheets lists the workbook's sheets in order, with the part each is stored in.
func (w workbook) sheets() ([]sheetInfo, error) {
	targets := map[string]string{}
	if err := w.each("xl/_rels/workbook.xml.rels", func(e xml.StartElement) error {
		if e.Name.Local == "Relationship" {
			targets[attr(e, "Id")] = attr(e, "Target")
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var list []sheetInfo
	err := w.each("xl/workbook.xml", func(e xml.StartElement) error {
		if e.Name.Local != "sheet" {
			return nil
		}
		target, ok := targets[attr(e, "id")]
		if !ok {
			return fmt.Errorf("工作表“%s”找不到它的内容", attr(e, "name"))
		}
		part := strings.TrimPrefix(target, "/")
		if !strings.HasPrefix(target, "/") {
			part = path.Join("xl", target)
		}
		list = append(list, sheetInfo{name: attr(e, "name"), part: part, hidden: attr(e, "state") != "" && attr(e, "state") != "visible"})
		return nil
	})
	return list, err
}

// each calls fn for every start element of a part.
func (w workbook) each(name string, fn func(xml.StartElement) error) (err error) {
	rc, err := w.open(name)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, rc.Close()) }() // a part that fails its checksum is corrupt
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
}

// maxSharedText is the most memory the shared text may take: a workbook of a million rows of
// distinct names needs a tenth of it, and a zip bomb of millions of tiny texts, each costing
// more in memory than in the file, is refused before it takes more.
const maxSharedText = 256 << 20

// sstEntry is what a string costs beside its bytes: its header in the list, twice while the
// list grows, and the rounding of a short string's allocation.
const sstEntry = 48

// sharedStrings reads the workbook's shared text, which cells of type s point into by index.
// Phonetic guides (rPh) are not part of a cell's text.
func (w workbook) sharedStrings() (_ []string, err error) {
	rc, err := w.open("xl/sharedStrings.xml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, rc.Close()) }() // a part that fails its checksum is corrupt
	var list []string
	var cur strings.Builder
	var held int64 // bytes the list holds
	dec := xml.NewDecoder(rc)
	inT, skip := false, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return list, nil
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "si":
				cur.Reset()
			case "rPh":
				skip++
			case "t":
				inT = skip == 0
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "si":
				if held += int64(cur.Len()) + sstEntry; held > maxSharedText {
					return nil, errUnzipLimit
				}
				list = append(list, cur.String())
			case "rPh":
				skip--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(e)
			}
		}
	}
}

// pickSheet is the named sheet, or the first visible one.
func pickSheet(list []sheetInfo, name string) (sheetInfo, error) {
	names := make([]string, len(list))
	for i, s := range list {
		names[i] = s.name
		if name != "" && s.name == name {
			return s, nil
		}
	}
	if name != "" {
		msg := fmt.Sprintf("工作簿里没有名为“%s”的工作表；有：%s", name, strings.Join(names, "、"))
		if s := suggest.Closest(name, names); s != "" {
			msg += fmt.Sprintf("。是不是“%s”？", s)
		}
		return sheetInfo{}, errors.New(msg)
	}
	for _, s := range list {
		if !s.hidden {
			return s, nil
		}
	}
	return sheetInfo{}, errors.New("工作簿里没有可见的工作表")
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xlsxTable streams the rows of one sheet. Rows the sheet leaves out are not returned; their
// numbers are skipped, so row numbers are the sheet's.
type xlsxTable struct {
	dec  *xml.Decoder
	sst  []string
	name string
	row  int // the last row read
}

func (t *xlsxTable) next() (Row, error) {
	row, err := t.readRow()
	var re *RowError
	switch {
	case errors.As(err, &re):
		t.row = re.Row
	case err == nil:
		t.row = row.Num
	}
	return row, err
}

// readRow reads the next <row> element of the sheet.
func (t *xlsxTable) readRow() (Row, error) {
	for {
		tok, err := t.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return Row{}, io.EOF
			}
			return Row{}, xlsxReadError(err, t.row+1)
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "row" {
			continue
		}
		num := t.row + 1
		if r := attr(e, "r"); r != "" {
			n, err := strconv.Atoi(r)
			if err != nil || n < num || n > MaxXLSXRows {
				return Row{}, &RowError{Row: num, Msg: fmt.Sprintf("工作表的行号“%s”有误（文件可能已损坏）", r)}
			}
			num = n
		}
		return t.readCells(num)
	}
}

// readCells reads the cells of row num up to its end tag.
func (t *xlsxTable) readCells(num int) (Row, error) {
	row := Row{Num: num}
	for {
		tok, err := t.dec.Token()
		if err != nil {
			return Row{}, xlsxReadError(err, num)
		}
		switch e := tok.(type) {
		case xml.EndElement:
			if e.Name.Local == "row" {
				return row, nil
			}
		case xml.StartElement:
			if e.Name.Local != "c" {
				continue
			}
			col := len(row.Cells)
			if ref := attr(e, "r"); ref != "" {
				c, ok := column(ref)
				if !ok || c < col {
					return Row{}, &RowError{Row: num, Msg: fmt.Sprintf("单元格位置“%s”有误（文件可能已损坏）", ref)}
				}
				col = c
			}
			text, err := t.cellText(e)
			var bad *badCell
			if errors.As(err, &bad) {
				return Row{}, &RowError{Row: num, Msg: bad.msg}
			}
			if err != nil {
				return Row{}, xlsxReadError(err, num)
			}
			for len(row.Cells) < col {
				row.Cells = append(row.Cells, "")
			}
			row.Cells = append(row.Cells, text)
		}
	}
}

// cellText reads one <c> element to its end and returns the text its value stands for.
func (t *xlsxTable) cellText(c xml.StartElement) (string, error) {
	var v, inline strings.Builder
	where := ""
	for {
		tok, err := t.dec.Token()
		if err != nil {
			return "", err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			where = e.Name.Local
			if where == "rPh" {
				if err := t.dec.Skip(); err != nil {
					return "", err
				}
				where = ""
			}
		case xml.EndElement:
			if e.Name.Local == "c" {
				return t.value(attr(c, "t"), v.String(), inline.String(), attr(c, "r"))
			}
			where = ""
		case xml.CharData:
			switch where {
			case "v":
				v.Write(e)
			case "t":
				inline.Write(e)
			}
		}
	}
}

// value is a cell's text by its type: shared or inline text, a formula's text, TRUE/FALSE,
// an error value as Excel shows it, or a number with its binary noise removed.
func (t *xlsxTable) value(typ, v, inline, ref string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(t.sst) {
			return "", &badCell{fmt.Sprintf("单元格 %s 指向不存在的文本（文件可能已损坏）", ref)}
		}
		return t.sst[i], nil
	case "inlineStr":
		return inline, nil
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE", nil
		}
		return "FALSE", nil
	case "str", "e", "d":
		return v, nil
	}
	return excelNumber(strings.TrimSpace(v)), nil
}

// badCell is a cell whose value cannot be read, though the sheet around it can.
type badCell struct{ msg string }

func (b *badCell) Error() string { return b.msg }

// column reads the column of a cell reference such as "AB12" (0 for column A).
func column(ref string) (int, bool) {
	c := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		c = c*26 + int(ref[i]-'A'+1)
		if c > maxColumns {
			return 0, false
		}
	}
	return c - 1, i > 0
}

// excelNumber undoes the binary noise of a number cell: Excel keeps 15 significant digits and
// writes a sum like 0.1+0.2 as 0.30000000000000004. A number with more than 15 significant
// digits is rounded to 15, in decimal, as Excel shows it, and an exponent is written out; the
// text of anything else is returned as stored.
func excelNumber(s string) string {
	if len(s) > 40 {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Exponent() < -100 || d.Exponent() > 100 {
		return s // not a number, or one whose plain form would be huge: leave it to the caller
	}
	digits := int32(d.NumDigits()) //nolint:gosec // G115: s has at most 40 characters, so at most 40 digits
	if digits <= 15 && !strings.ContainsAny(s, "eE") {
		return s
	}
	if digits > 15 {
		d = d.Round(-d.Exponent() - (digits - 15))
	}
	return d.String()
}

// xlsxOpenError says in Chinese why a workbook could not be opened.
func xlsxOpenError(err error) error {
	if errors.Is(err, errUnzipLimit) {
		return &formatError{"这个 .xlsx 超过了读取上限（解压后过大，可能是异常文件）；如确需读取，请拆分成几个文件"}
	}
	if errors.Is(err, errRunLimit) {
		return &formatError{"这个 .xlsx 里有一段超过 1 MB 的文字或标记，不是 Excel 能写出的表格（文件可能已损坏或是异常文件）；请在 Excel 中打开后重新另存为 .xlsx"}
	}
	return &formatError{fmt.Sprintf("这个文件像 Excel 表格（.xlsx），但无法读取（%v）；请在 Excel 中打开后重新另存为 .xlsx", err)}
}

// xlsxReadError is a failure while streaming a sheet: past the limit, or broken XML.
func xlsxReadError(err error, row int) error {
	if errors.Is(err, errUnzipLimit) || errors.Is(err, errRunLimit) {
		return xlsxOpenError(err)
	}
	return fmt.Errorf("读取工作表第 %d 行时出错，文件可能已损坏：%v", row, err)
}
