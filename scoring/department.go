package scoring

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rules"
)

// itemSuffix marks a department rule set's result as a banded item's score: 预算调整率得分
// is 预算调整率's.
const itemSuffix = "得分"

// departmentTotal is the department rule set's sum of its items.
const departmentTotal = "总得分"

// DepartmentFigures are the figures a 部门整体支出 evaluation's banded items are computed
// from. The zero value has no 年初预算数, which the default rule set cannot divide by.
type DepartmentFigures struct {
	Initial     decimal.Decimal // 年初预算数
	Adjustment  decimal.Decimal // 预算调整数: 调整后预算 − 年初预算; a cut is negative and counts as much as a rise
	KeySpending decimal.Decimal // 重点支出安排数
	Projects    decimal.Decimal // 项目支出总额
}

// DepartmentItem is one banded item: its rate, as the rule set rounds it for banding, and the
// points its band gives.
type DepartmentItem struct {
	Name  string              // 预算调整率
	Rate  decimal.NullDecimal // the result named Name, if the rule set gives one
	Score decimal.Decimal     // the result named Name+得分
}

// DepartmentScore is a department's banded items and their total.
type DepartmentScore struct {
	Items []DepartmentItem // in the rule set's order
	Total decimal.Decimal  // 总得分
}

// Item is a banded item by name, and whether the rule set has it.
func (d DepartmentScore) Item(name string) (DepartmentItem, bool) {
	for _, it := range d.Items {
		if it.Name == name {
			return it, true
		}
	}
	return DepartmentItem{}, false
}

// ScoreDepartment scores a department's banded 部门整体支出 items with the profile's
// department rule set: its items are the results named “<比率>得分” (except 总得分), so a
// vendor adds an item by adding a table. A zero 年初预算数 or 项目支出总额 is the rule
// set's division error (R001), never a silent 0.
func (s *Scorer) ScoreDepartment(f DepartmentFigures) (DepartmentScore, error) {
	rs := s.department
	res, err := s.evaluate(rs, map[string]any{"年初预算数": f.Initial, "预算调整数": f.Adjustment,
		"重点支出安排数": f.KeySpending, "项目支出总额": f.Projects})
	if err != nil {
		return DepartmentScore{}, fmt.Errorf("部门整体支出：%w", err)
	}
	var d DepartmentScore
	for _, name := range res.Names() {
		item, ok := strings.CutSuffix(name, itemSuffix)
		if !ok || name == departmentTotal {
			continue
		}
		v, err := value(rs, res, name, rules.TypeDecimal)
		if err != nil {
			return DepartmentScore{}, err
		}
		it := DepartmentItem{Name: item, Score: v.Decimal()}
		if rate, err := value(rs, res, item, rules.TypeDecimal); err == nil {
			it.Rate = decimal.NewNullDecimal(rate.Decimal())
		}
		d.Items = append(d.Items, it)
	}
	total, err := value(rs, res, departmentTotal, rules.TypeDecimal)
	if err != nil {
		return DepartmentScore{}, err
	}
	d.Total = total.Decimal()
	return d, nil
}
