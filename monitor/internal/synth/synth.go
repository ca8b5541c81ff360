// Package synth generates synthetic, seeded project-level monitoring data whose summary by
// grade is given in advance: so many projects and so much money per grade at a checkpoint.
// It reproduces the seed report's monitoring tables (testdata/seed/monitoring.csv) as
// projects for tests and the demo. The data is invented; only the totals are the seed's.
//
// Generation is deterministic: the same Spec and seed give the same records on every
// platform (math/rand/v2's PCG, integers only). Every record is graded with the profile the
// Spec names and checked to land in its target grade, so the data cannot drift from the rules.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
)

// Target is one grade's line of a summary: how many projects, and their funds.
type Target struct {
	Grade string
	Count int
	Funds amount.Amount
}

// Spec says what to generate for one checkpoint. IDs are numbered from FirstID, so two
// checkpoints share the projects their ranges share.
type Spec struct {
	Checkpoint time.Time
	Targets    []Target
	FirstID    int
	Seed       uint64
}

// depts and funds are the synthetic 部门 and fund types records are spread over.
func depts() []string {
	return []string{"教育局", "卫生健康委员会", "农业农村和水利局", "住房和城乡建设局", "民政局",
		"交通运输局", "自然资源局", "文化体育广播电视和旅游局", "尼雅镇", "萨勒吾则克乡"}
}

func funds() []string {
	return []string{"一般公共预算", "衔接资金", "债务", "政府性基金"}
}

// Generate makes the records of spec, graded by p at spec.Checkpoint into exactly the
// target counts and funds. The deviation it aims at for each project stays well inside its
// grade's band (second grade 1%–19%, the others 22%–90%) so rounding to 0.01万元 cannot move it; the
// check afterwards is what guarantees it.
func Generate(p *monitor.Profile, spec Spec) ([]monitor.Record, error) {
	//nolint:gosec // test data must be reproducible from a seed; nothing here is secret
	rng := rand.New(rand.NewPCG(spec.Seed, uint64(spec.Checkpoint.Unix())))
	month := decimal.NewFromInt(int64(spec.Checkpoint.Month()))
	expected := month.DivRound(decimal.NewFromInt(12), 20)
	var recs []monitor.Record
	want := map[string]string{}
	for _, t := range spec.Targets {
		g, ok := p.Grade(t.Grade)
		if !ok {
			return nil, fmt.Errorf("规则集 %s 没有等级 %s", p.RuleSet().ID(), t.Grade)
		}
		budgets, err := split(rng, t.Funds, t.Count)
		if err != nil {
			return nil, fmt.Errorf("等级 %s：%w", t.Grade, err)
		}
		for _, b := range budgets {
			id := fmt.Sprintf("2024-%04d", spec.FirstID+len(recs))
			recs = append(recs, project(rng, id, b, spent(rng, g.Rank, b, expected)))
			want[id] = t.Grade
		}
	}
	rng.Shuffle(len(recs), func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
	for i := range recs {
		recs[i].Row = i + 2
	}
	return recs, check(p, spec.Checkpoint, recs, want)
}

func project(rng *rand.Rand, id string, budget, spent decimal.Decimal) monitor.Record {
	return monitor.Record{
		ID:     id,
		Name:   "合成项目" + id[5:],
		Dept:   pick(rng, depts()),
		Fund:   pick(rng, funds()),
		Secret: rng.IntN(30) == 0,
		Budget: amount.New(budget, amount.Wan),
		Spent:  amount.New(spent, amount.Wan),
	}
}

// split divides funds (in 0.01万元) into n positive parts with random weights.
func split(rng *rand.Rand, funds amount.Amount, n int) ([]decimal.Decimal, error) {
	cents := funds.In(amount.Wan).Value().Shift(2)
	if !cents.IsInteger() || n <= 0 || cents.IntPart() < int64(n) {
		return nil, fmt.Errorf("资金 %s 不能分给 %d 个项目（须为 0.01 万元的整数倍且每个项目至少 0.01 万元）", funds, n)
	}
	total := cents.IntPart()
	weights := make([]int64, n)
	var sum int64
	for i := range weights {
		weights[i] = int64(1 + rng.IntN(100))
		sum += weights[i]
	}
	parts := make([]decimal.Decimal, n)
	var given int64
	for i, w := range weights {
		c := max(total*w/sum, 1)
		if i == n-1 {
			c = total - given
		}
		given += c
		parts[i] = decimal.New(c, -2)
	}
	if parts[n-1].Sign() <= 0 {
		return nil, fmt.Errorf("资金 %s 太少，分不给 %d 个项目", funds, n)
	}
	return parts, nil
}

// spent aims at a deviation inside the band of the grade of this rank in a Minfeng-like
// profile: none for the best grade, 1%–19% for the second, 22%–90% for the rest.
func spent(rng *rand.Rand, rank int, budget, expected decimal.Decimal) decimal.Decimal {
	due := budget.Mul(expected)
	var bp int
	switch rank {
	case 0:
		ahead := decimal.New(int64(rng.IntN(3000)), -4) // up to 30% ahead, capped at the budget
		return decimal.Min(due.Mul(decimal.NewFromInt(1).Add(ahead)).RoundCeil(2), budget)
	case 1:
		bp = 100 + rng.IntN(1800)
	default:
		bp = 2200 + rng.IntN(6800)
	}
	short := decimal.New(int64(bp), -4)
	return due.Mul(decimal.NewFromInt(1).Sub(short)).Round(2)
}

func check(p *monitor.Profile, at time.Time, recs []monitor.Record, want map[string]string) error {
	run, err := p.Run(context.Background(), at, recs)
	if err != nil {
		return err
	}
	if len(run.Rejected) > 0 {
		return fmt.Errorf("合成数据第 %d 行不能评级：%w", run.Rejected[0].Row, run.Rejected[0].Err)
	}
	for _, o := range run.Graded {
		if o.Grade.Name != want[o.ID] {
			return fmt.Errorf("合成项目 %s 评为 %s，应为 %s", o.ID, o.Grade.Name, want[o.ID])
		}
	}
	return nil
}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }
