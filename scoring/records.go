package scoring

import (
	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// The records the hot rule sets are evaluated on, one struct per place in a Profile: the
// fields are the inputs by their rule-file names.
type (
	executionRecord struct {
		Budget decimal.Decimal `rule:"预算数"`
		Spent  decimal.Decimal `rule:"执行数"`
	}
	gradeRecord struct {
		Score decimal.Decimal `rule:"总分"`
	}
	applicationRecord struct {
		Grade string `rule:"等级"`
	}
	indicatorRecord struct {
		Nature      string          `rule:"性质"`
		Direction   string          `rule:"方向"`
		Target      decimal.Decimal `rule:"指标值"`
		Actual      decimal.Decimal `rule:"实际值"`
		Points      decimal.Decimal `rule:"分值"`
		Outcome     string          `rule:"定性结果"`
		HasAssessed bool            `rule:"有评定"`
		Assessed    decimal.Decimal `rule:"评定得分"`
	}
)

// The results read from each hot rule set, in the order the mechanisms index them.

func executionOutputs() []output {
	return []output{{"执行率", rules.TypeDecimal}, {"显示执行率", rules.TypeDecimal},
		{"得分", rules.TypeDecimal}, {"须说明原因", rules.TypeBool}, {"超额执行", rules.TypeBool}}
}

func gradeOutputs() []output {
	return []output{{"显示总分", rules.TypeDecimal}, {"等级", rules.TypeString}}
}

func applicationOutputs() []output {
	return []output{{"代码", rules.TypeString}, {"结果应用", rules.TypeString}}
}

func indicatorOutputs() []output {
	return []output{{"评定有效", rules.TypeBool}, {"完成率", rules.TypeDecimal},
		{"得分", rules.TypeDecimal}, {"定性下限", rules.TypeDecimal}, {"定性上限", rules.TypeDecimal}}
}
