package main

import (
	"embed"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/rulesets"
)

// The vendor's own rule files ship inside its binary, beside jixiao's defaults.
//
//go:embed vendor/*.yaml
var vendorFiles embed.FS

// A revised rule file that county staff send later; the platform loads it without a restart.
//
//go:embed updates/*.yaml
var updateFiles embed.FS

// rulesetID is the vendor's regional monitoring profile (vendor/acme-county-monitor.yaml).
const rulesetID = "acme-county-monitor"

// categoryFactor weights a project's deviation by its category. The values are made once,
// so the function returns them without allocating.
var categoryFactor = map[string]rules.Value{
	"基本建设": rules.NumberOf(decimal.RequireFromString("1.2")),
	"民生保障": rules.NumberOf(decimal.RequireFromString("1.0")),
	"一般公用": rules.NumberOf(decimal.RequireFromString("0.8")),
}

// categories lists the known categories in a fixed order, for data and messages.
var categories = []string{"基本建设", "民生保障", "一般公用"}

// categoryFunc is 项目类别系数(类别): a vendor function that rule text calls by its Chinese name.
// An unknown category is an error, which stops that record with code R005.
func categoryFunc() rules.Func {
	return rules.Func{
		Name:   "项目类别系数",
		Params: []rules.Type{rules.TypeString},
		Result: rules.TypeDecimal,
		Call: func(args []rules.Value) (rules.Value, error) {
			if v, ok := categoryFactor[args[0].Text()]; ok {
				return v, nil
			}
			return rules.Value{}, fmt.Errorf("未知项目类别“%s”（可选：%s）", args[0].Text(), strings.Join(categories, "、"))
		},
	}
}

// vendorOptions apply to every rule set the platform compiles: defaults and its own alike.
// The vendor also bounds rule files at 256 KB, far above its own and below what would
// strain its servers.
func vendorOptions() []rulefile.Option {
	return []rulefile.Option{
		rulefile.RuleOptions(rules.WithFunction(categoryFunc())),
		rulefile.MaxFileSize(256 << 10),
	}
}

// openLibrary loads jixiao's default rule sets and then the vendor's, which extend them.
func openLibrary() (*rulefile.Library, error) {
	lib, err := rulesets.Library(vendorOptions()...)
	if err != nil {
		return nil, err
	}
	if _, err := lib.LoadFS(vendorFiles, "vendor"); err != nil {
		return nil, err
	}
	return lib, nil
}

// stage compiles revised rule files in a scratch library and runs their tests, so a file
// that does not compile or fails its own tests never reaches the live library.
// It returns the staged rule sets, whose hashes the live library will have once loaded.
func stage(files ...rulefile.Source) ([]*rulefile.RuleSet, error) {
	scratch, err := openLibrary()
	if err != nil {
		return nil, err
	}
	sets, err := scratch.LoadBytes(files...)
	if err != nil {
		return nil, err
	}
	for _, rs := range sets {
		for _, r := range rs.RunTests() {
			if !r.Passed() {
				return nil, fmt.Errorf("%s：测试 %s 未通过：%v%v", rs.File(), r.Name, r.Err, r.Failures)
			}
		}
	}
	return sets, nil
}

// readUpdate reads the revised vendor file as the platform would receive it.
func readUpdate() (rulefile.Source, error) {
	const name = "updates/acme-county-monitor.yaml"
	data, err := updateFiles.ReadFile(name)
	return rulefile.Source{Name: name, Data: data}, err
}
