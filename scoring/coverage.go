package scoring

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// DefaultCoverage is the rule set giving the key-evaluation cycle: Minfeng's 5 years.
const DefaultCoverage = "minfeng-coverage"

// Candidate is a project that key evaluation must cover. The zero Candidate has no ID, which
// PlanCoverage refuses.
type Candidate struct {
	ID            string
	Funds         decimal.Decimal
	LastEvaluated int   // the year of its last evaluation; 0 if never evaluated
	Latest        Grade // its latest grade; Ungraded if never evaluated
}

// PlanYear is the projects to evaluate in one year, in priority order.
type PlanYear struct {
	Year     int
	Projects []Candidate
}

// CoveragePlan spreads every candidate over the cycle's years. The zero CoveragePlan has
// no years.
type CoveragePlan struct {
	Years []PlanYear
}

// CycleYears reads the cycle's length from a coverage rule set (周期年数 from 起始年度).
func CycleYears(lib *rulefile.Library, id string, day time.Time, first int) (int, error) {
	rs, err := lib.Get(id, day)
	if err != nil {
		return 0, err
	}
	ev, err := rs.Evaluate(day, map[string]any{"起始年度": first})
	if err != nil {
		return 0, err
	}
	v, err := value(rs, ev.Values, "周期年数", rules.TypeDecimal)
	if err != nil {
		return 0, err
	}
	d := v.Decimal()
	if !d.IsInteger() || !d.IsPositive() || d.GreaterThan(decimal.NewFromInt(100)) {
		return 0, fmt.Errorf("规则集 %s 的周期年数 %s 应为 1 到 100 的整数", id, d)
	}
	return int(d.IntPart()), nil
}

// PlanCoverage plans which candidates to evaluate in each of years years from first, so every
// one is covered within the cycle: the longest unevaluated first (never evaluated before
// all), then the poorest latest grade, then the largest funds, then the id, so the same input
// always gives the same plan. Each year takes the mean count rounded down or up, the earlier
// years the larger share, so no year differs from the mean by one or more.
func PlanCoverage(list []Candidate, first, years int) (CoveragePlan, error) {
	if years < 1 {
		return CoveragePlan{}, fmt.Errorf("评价周期为 %d 年，至少应为 1 年", years)
	}
	seen := map[string]bool{}
	for i, c := range list {
		if strings.TrimSpace(c.ID) == "" {
			// Without an ID a project cannot be told apart from another, nor found in the plan.
			return CoveragePlan{}, fmt.Errorf("第 %d 个项目没有项目编号", i+1)
		}
		if seen[c.ID] {
			return CoveragePlan{}, fmt.Errorf("项目 %s 出现了两次", c.ID)
		}
		seen[c.ID] = true
	}
	order := append([]Candidate(nil), list...)
	sort.SliceStable(order, func(i, j int) bool { return before(order[i], order[j]) })
	plan := CoveragePlan{Years: make([]PlanYear, years)}
	per, extra := len(order)/years, len(order)%years
	next := 0
	for y := range plan.Years {
		n := per
		if y < extra {
			n++
		}
		plan.Years[y] = PlanYear{Year: first + y, Projects: order[next : next+n : next+n]}
		next += n
	}
	return plan, nil
}

// before orders candidates by priority.
func before(a, b Candidate) bool {
	if a.LastEvaluated != b.LastEvaluated {
		return a.LastEvaluated < b.LastEvaluated
	}
	if pa, pb := poorness(a.Latest), poorness(b.Latest); pa != pb {
		return pa > pb
	}
	if c := a.Funds.Cmp(b.Funds); c != 0 {
		return c > 0
	}
	return a.ID < b.ID
}

// poorness ranks grades for the plan: 差 first; a project never graded has no grade to rank
// and comes after the graded ones of the same year (it can only share a year of 0 with them).
func poorness(g Grade) int {
	if g < Excellent || g > Poor {
		return 0
	}
	return int(g)
}
