package rulefile

import (
	"fmt"

	"github.com/jixiao-go/jixiao/rules"
)

// defaultMaxFileSize bounds a rule file unless MaxFileSize says otherwise: far above any real
// rule file (the largest embedded default is a few kilobytes), far below what would strain a
// server.
const defaultMaxFileSize = 1 << 20

// config is what a Library's options set. It is fixed when the Library is made.
type config struct {
	rules       []rules.Option
	maxFileSize int
	errs        []string
}

// Option configures a Library. Options are plain values; there are no package-level settings.
type Option func(*config)

// RuleOptions applies the language's options (vendor functions, inputs, limits) to every
// rule set compiled into the Library.
func RuleOptions(opts ...rules.Option) Option {
	return func(c *config) { c.rules = append(c.rules, opts...) }
}

// MaxFileSize bounds the bytes of one rule file (default 1 MiB); a larger file is refused
// with code F005 before it is parsed.
func MaxFileSize(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.errs = append(c.errs, fmt.Sprintf("MaxFileSize 必须为正数，收到 %d", n))
			return
		}
		c.maxFileSize = n
	}
}

// err reports the options' own problems, without a position: they are the platform's, not
// a file's.
func (c config) err() error {
	var errs rules.ErrorList
	for _, m := range c.errs {
		errs = append(errs, &rules.Error{Code: rules.ErrDeclaration, Msg: m})
	}
	return errs.Err()
}

func newConfig(opts []Option) config {
	c := config{maxFileSize: defaultMaxFileSize}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}
