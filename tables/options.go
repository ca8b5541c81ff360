package tables

import (
	"errors"
	"fmt"
)

// DefaultMaxUnzip is how many bytes an .xlsx may unpack to by default: a workbook of a
// million rows fits, a zip bomb does not.
const DefaultMaxUnzip = 1 << 30

// Option changes how Open reads a table.
type Option func(*config) error

type config struct {
	fields      []Field
	sheet       string
	encoding    Encoding
	encodingSet bool
	maxUnzip    int64
}

func newConfig(opts []Option) (config, error) {
	c := config{maxUnzip: DefaultMaxUnzip}
	for _, o := range opts {
		if o == nil {
			return c, errors.New("tables.Open：选项为 nil")
		}
		if err := o(&c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Sheet reads the named sheet of a workbook instead of the first one.
func Sheet(name string) Option {
	return func(c *config) error { c.sheet = name; return nil }
}

// WithEncoding reads a text table in e instead of the encoding found from its content.
func WithEncoding(e Encoding) Option {
	return func(c *config) error {
		if e < UTF8 || e > UTF16BE {
			return fmt.Errorf("tables.WithEncoding：未知的编码 %d", int(e))
		}
		c.encoding, c.encodingSet = e, true
		return nil
	}
}

// MaxUnzip limits how many bytes an .xlsx may unpack to (DefaultMaxUnzip by default).
func MaxUnzip(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("tables.MaxUnzip：上限必须是正数，这里是 %d", n)
		}
		c.maxUnzip = n
		return nil
	}
}

// MaxTitleRows is how far down HeaderFor looks for the header: a county's template has a
// title, a 填报单位 line and a unit line above it, rarely more.
const MaxTitleRows = 10

// HeaderFor finds the header among the first MaxTitleRows rows instead of taking the first
// row: it is the first row in which Match finds every required field. The rows above it — a
// title merged across the sheet, 填报单位, 单位：万元 — are not data; Reader.Titles returns
// them and Reader.HeaderRow says where the header is. When no row has them all, the row with
// the most of the fields' names is the header (the first row when none has any), so the
// caller's Match says what that header lacks.
func HeaderFor(fields []Field) Option {
	return func(c *config) error {
		c.fields = append([]Field(nil), fields...)
		return nil
	}
}
