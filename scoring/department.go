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

// A weighted department rule set names, for a 一级 item, the full marks and the score of the
// banded items it holds: 综合管理分档分值 and 综合管理分档合计.
const (
	bandedPointsSuffix = "分档分值"
	bandedScoreSuffix  = "分档合计"
)

// DepartmentFigures are a 部门整体支出 evaluation's inputs: the figures its banded items are
// computed from and, under a weighted rule set (部门决策 25 / 综合管理 30 / 部门绩效 45), the
// evaluation table's other rows. The zero value has no 年初预算数, which the default rule set
// cannot divide by.
type DepartmentFigures struct {
	Initial     decimal.Decimal // 年初预算数
	Adjustment  decimal.Decimal // 预算调整数: 调整后预算 − 年初预算; a cut is negative and counts as much as a rise
	KeySpending decimal.Decimal // 重点支出安排数
	Projects    decimal.Decimal // 项目支出总额
	// Items are the table's rows the rule set does not band: 评分 rows the evaluator scored,
	// indicators scored by completion. Each names its 一级 item in Level1.
	Items []Indicator
}

// DepartmentItem is one banded item: its rate, as the rule set rounds it for banding, and the
// points its band gives.
type DepartmentItem struct {
	Name  string              // 预算调整率
	Rate  decimal.NullDecimal // the result named Name, if the rule set gives one
	Score decimal.Decimal     // the result named Name+得分
}

// DepartmentScore is a department's banded items, its other rows, its 一级 items and its
// total. Under a rule set with only banded items (the default) Groups is empty and the total,
// out of the bands' points rather than 100, is not graded.
type DepartmentScore struct {
	Items   []DepartmentItem // the banded items, in the rule set's order
	Rows    []IndicatorScore // the table's other applicable rows
	Dropped []Indicator      // 不适用
	Groups  []GroupScore     // 一级 items with full marks and scores, in the rule set's order
	Total   decimal.Decimal  // 总得分 of the bands plus the rows' scores
	Graded  Graded           // Ungraded when the rule set has no 一级 items
	Action  Action
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

// ScoreDepartment scores a 部门整体支出 evaluation with the profile's department rule set.
// Its banded items are the results named “<比率>得分” (except 总得分), so a vendor adds an
// item by adding a table. A weighted rule set also gives each 一级 item's full marks
// (“<一级>满分”, except 总满分) and, for a 一级 item holding banded items, their points and
// score (“<一级>分档分值”, “<一级>分档合计”); the table's rows under each 一级 item must then
// add up to the rest of its marks, are scored like a self-evaluation's, and the total is
// graded and applied. A zero 年初预算数 or 项目支出总额 is the rule set's division error
// (R001), never a silent 0; a negative one, or a negative 重点支出安排数, is an error too.
func (s *Scorer) ScoreDepartment(f DepartmentFigures) (DepartmentScore, error) {
	if err := s.ready(); err != nil {
		return DepartmentScore{}, err
	}
	if err := f.checkSigns(); err != nil {
		return DepartmentScore{}, err
	}
	d, res, err := s.departmentBands(f)
	if err != nil {
		return DepartmentScore{}, err
	}
	groups, banded, err := departmentGroups(s.department.ID(), res)
	if err != nil {
		return DepartmentScore{}, err
	}
	if len(groups) == 0 {
		if len(f.Items) > 0 {
			return DepartmentScore{}, fmt.Errorf("部门整体支出：规则集 %s（%s）只有分档指标，没有一级指标分值（名为“某某满分”的结果），不能给评价表的 %d 行指标打分",
				s.department.ID(), s.department.File(), len(f.Items))
		}
		return d, nil
	}
	rest := make([]Group, len(groups))
	for i, g := range groups {
		rest[i] = Group{Name: g.Name, Points: g.Points.Sub(banded[g.Name].Points)}
	}
	scored, err := s.scoreGroups(f.Items, rest)
	if err != nil {
		return DepartmentScore{}, fmt.Errorf("部门整体支出：%w", err)
	}
	d.Rows, d.Dropped, d.Total = scored.items, scored.dropped, d.Total.Add(scored.total)
	for i, g := range groups {
		d.Groups = append(d.Groups, GroupScore{Name: g.Name, Points: g.Points,
			Score: scored.groups[i].Score.Add(banded[g.Name].Score)})
	}
	if d.Graded, err = s.Grade(d.Total); err != nil {
		return DepartmentScore{}, err
	}
	if d.Action, err = s.Apply(d.Graded.Grade); err != nil {
		return DepartmentScore{}, err
	}
	return d, nil
}

// checkSigns refuses a negative 年初预算数, 重点支出安排数 or 项目支出总额, as checkBudget refuses
// a negative budget: a rate over a negative base would be banded (−10% is "within 10%") and
// score points it has no meaning for. 预算调整数 may be negative: a cut counts like a rise.
func (f DepartmentFigures) checkSigns() error {
	for _, v := range []struct {
		name string
		d    decimal.Decimal
	}{{"年初预算数", f.Initial}, {"重点支出安排数", f.KeySpending}, {"项目支出总额", f.Projects}} {
		if v.d.IsNegative() {
			return fmt.Errorf("部门整体支出：%s为负（%s），不能计算分档指标", v.name, v.d)
		}
	}
	return nil
}

// departmentGroups reads a weighted department rule set's 一级 items and, for those holding
// banded items, the bands' points and score; none for a rule set of banded items only.
func departmentGroups(id string, res *rules.Result) ([]Group, map[string]GroupScore, error) {
	var groups []Group
	banded := map[string]GroupScore{}
	for i, name := range res.Names() {
		v := res.Value(i)
		if g, ok := strings.CutSuffix(name, groupSuffix); ok && g != "总" {
			if v.Type() != rules.TypeDecimal {
				return nil, nil, fmt.Errorf("规则集 %s 的 %s 应为数", id, name)
			}
			groups = append(groups, Group{Name: g, Points: v.Decimal()})
		}
	}
	for _, g := range groups {
		pts, hasPts := res.Get(g.Name + bandedPointsSuffix)
		got, hasGot := res.Get(g.Name + bandedScoreSuffix)
		if hasPts != hasGot {
			return nil, nil, fmt.Errorf("规则集 %s 应同时给出 %s%s 和 %s%s", id, g.Name, bandedPointsSuffix, g.Name, bandedScoreSuffix)
		}
		if hasPts {
			if pts.Type() != rules.TypeDecimal || got.Type() != rules.TypeDecimal {
				return nil, nil, fmt.Errorf("规则集 %s 的 %s%s 和 %s%s 应为数", id, g.Name, bandedPointsSuffix, g.Name, bandedScoreSuffix)
			}
			banded[g.Name] = GroupScore{Name: g.Name, Points: pts.Decimal(), Score: got.Decimal()}
		}
	}
	return groups, banded, nil
}

// departmentBands evaluates the rule set and reads its banded items and their 总得分.
func (s *Scorer) departmentBands(f DepartmentFigures) (DepartmentScore, *rules.Result, error) {
	rs := s.department
	res, err := s.evaluate(rs, map[string]any{"年初预算数": f.Initial, "预算调整数": f.Adjustment,
		"重点支出安排数": f.KeySpending, "项目支出总额": f.Projects})
	if err != nil {
		return DepartmentScore{}, nil, fmt.Errorf("部门整体支出：%w", err)
	}
	var d DepartmentScore
	for _, name := range res.Names() {
		item, ok := strings.CutSuffix(name, itemSuffix)
		if !ok || name == departmentTotal {
			continue
		}
		v, err := value(rs, res, name, rules.TypeDecimal)
		if err != nil {
			return DepartmentScore{}, nil, err
		}
		it := DepartmentItem{Name: item, Score: v.Decimal()}
		if rate, err := value(rs, res, item, rules.TypeDecimal); err == nil {
			it.Rate = decimal.NewNullDecimal(rate.Decimal())
		}
		d.Items = append(d.Items, it)
	}
	total, err := value(rs, res, departmentTotal, rules.TypeDecimal)
	if err != nil {
		return DepartmentScore{}, nil, err
	}
	d.Total = total.Decimal()
	return d, res, nil
}
