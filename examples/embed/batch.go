package main

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// workers is the size of the evaluation pool; chunk is how many records a worker takes at once.
const (
	workers = 4
	chunk   = 64
)

// outcome is what the platform keeps of one record's evaluation.
type outcome struct {
	grade string      // 等级
	alert string      // 预警
	flag  bool        // 红标
	score rules.Value // 关注分
	err   error
}

// batch is one batch's outcomes, in record order, with the one rule-set version that made them.
type batch struct {
	rs  *rulefile.RuleSet
	out []outcome
}

// evalBatch evaluates recs with one version of the rules, picked by the caller once per
// batch (Library.Get), on a pool of workers. Each worker reuses one Result, so a record is
// read from its struct fields and evaluated without allocating. Outcomes are stored by
// record index, so what is printed does not depend on which worker ran first.
func evalBatch(rs *rulefile.RuleSet, at time.Time, recs []record) (*batch, error) {
	prog, err := rs.Program(at)
	if err != nil {
		return nil, err
	}
	bind, err := rules.Bind[record](prog)
	if err != nil {
		return nil, err
	}
	b := &batch{rs: rs, out: make([]outcome, len(recs))}
	starts := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := prog.NewResult()
			for s := range starts {
				for i := s; i < min(s+chunk, len(recs)); i++ {
					b.out[i] = evalOne(bind, &recs[i], res)
				}
			}
		}()
	}
	for s := 0; s < len(recs); s += chunk {
		starts <- s
	}
	close(starts)
	wg.Wait()
	return b, nil
}

func evalOne(bind *rules.Binding[record], rec *record, res *rules.Result) outcome {
	if err := bind.EvalInto(rec, res); err != nil {
		return outcome{err: err}
	}
	grade, _ := res.Get("等级")
	alert, _ := res.Get("预警")
	flag, _ := res.Get("红标")
	score, _ := res.Get("关注分")
	return outcome{grade: grade.Text(), alert: alert.Text(), flag: flag.Bool(), score: score}
}

// same reports whether two outcomes agree in every result.
func (o outcome) same(p outcome) bool {
	if (o.err == nil) != (p.err == nil) {
		return false
	}
	if o.err != nil {
		return o.err.Error() == p.err.Error()
	}
	return o.grade == p.grade && o.alert == p.alert && o.flag == p.flag && o.score.Equal(p.score)
}

// gradeTotal is the count and funds of the projects given one grade.
type gradeTotal struct {
	grade  string
	count  int
	budget decimal.Decimal // 万元
	spent  decimal.Decimal // 万元
}

// tally is a batch summed up: every row of the export is either out (evaluated) or rejected.
type tally struct {
	in, out  int
	rejected []rejection // in row order
	grades   []gradeTotal
	alerts   map[string]int
	flagged  []record
	top      []scored
}

type scored struct {
	rec   record
	grade string
	score decimal.Decimal
}

// gradeOrder is the order grades are printed in; a grade not listed would follow, by name.
var gradeOrder = map[string]int{"优": 0, "良": 1, "中": 2, "差": 3}

// summarise folds a batch into counts and funds per grade, in record order.
func summarise(rows int, recs []record, b *batch, rejects []rejection) *tally {
	t := &tally{in: rows, rejected: append([]rejection(nil), rejects...), alerts: map[string]int{}}
	byGrade := map[string]*gradeTotal{}
	var all []scored
	for i, o := range b.out {
		rec := recs[i]
		if o.err != nil {
			t.rejected = append(t.rejected, rejection{rec.Row, rec.Code, errorCode(o.err), o.err.Error()})
			continue
		}
		t.out++
		g := byGrade[o.grade]
		if g == nil {
			g = &gradeTotal{grade: o.grade}
			byGrade[o.grade] = g
		}
		g.count++
		g.budget = g.budget.Add(rec.Budget)
		g.spent = g.spent.Add(rec.Spent)
		t.alerts[o.alert]++
		if o.flag {
			t.flagged = append(t.flagged, rec)
		}
		all = append(all, scored{rec, o.grade, o.score.Decimal()})
	}
	for _, g := range byGrade {
		t.grades = append(t.grades, *g)
	}
	sort.Slice(t.grades, func(i, j int) bool { return gradeLess(t.grades[i].grade, t.grades[j].grade) })
	sort.Slice(t.rejected, func(i, j int) bool { return t.rejected[i].Row < t.rejected[j].Row })
	sort.SliceStable(all, func(i, j int) bool { return all[i].score.GreaterThan(all[j].score) })
	t.top = all[:min(5, len(all))]
	return t
}

func gradeLess(a, b string) bool {
	ra, oka := gradeOrder[a]
	rb, okb := gradeOrder[b]
	switch {
	case oka && okb:
		return ra < rb
	case oka != okb:
		return oka
	}
	return a < b
}

// errorCode is the stable code of an evaluation error (the first, if there are several).
func errorCode(err error) string {
	if errs := rules.Errors(err); len(errs) > 0 {
		return string(errs[0].Code)
	}
	return "—"
}

// check verifies that every row is accounted for: rows in = rows out + rows rejected.
func (t *tally) check() error {
	if t.in != t.out+len(t.rejected) {
		return fmt.Errorf("行数不平：读入 %d 行，输出 %d 行，拒绝 %d 行", t.in, t.out, len(t.rejected))
	}
	return nil
}
