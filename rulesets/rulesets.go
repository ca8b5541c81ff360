// Package rulesets holds the default rule sets jixiao ships: the national defaults and
// Minfeng county's rules from its 2024 account of performance work. They are ordinary rule
// files, embedded in the module and loaded through the same path a vendor's own files take;
// a vendor may replace any of them or extend them with a regional file.
package rulesets

import (
	"embed"
	"io/fs"

	"github.com/jixiao-go/jixiao/rulefile"
)

//go:embed *.yaml
var files embed.FS

// FS is the embedded rule files, for reading or for loading into a Library.
func FS() fs.FS { return files }

// Load loads the default rule sets into lib. Their file names read rulesets/<name>.yaml, the
// path of the file in this module, so a message or trace about them names a file one can open.
func Load(lib *rulefile.Library) ([]*rulefile.RuleSet, error) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil, err
	}
	var in []rulefile.Source
	for _, e := range entries {
		data, err := fs.ReadFile(files, e.Name())
		if err != nil {
			return nil, err
		}
		in = append(in, rulefile.Source{Name: "rulesets/" + e.Name(), Data: data})
	}
	return lib.LoadBytes(in...)
}

// Library makes a Library holding the default rule sets, with opts as NewLibrary takes them.
func Library(opts ...rulefile.Option) (*rulefile.Library, error) {
	lib := rulefile.NewLibrary(opts...)
	if _, err := Load(lib); err != nil {
		return nil, err
	}
	return lib, nil
}
