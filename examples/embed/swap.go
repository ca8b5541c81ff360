package main

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

// swapReport is what the hot swap showed. Only facts that do not depend on timing are kept:
// how many batches ran while the swap happened varies from run to run and is not reported.
type swapReport struct {
	before, after *rulefile.RuleSet
	tests         int  // tests of the revised file, run before it went live
	inFlightOld   bool // the batch that picked the old version before the swap finished on it
	afterAllNew   bool // every batch started after the swap used the new version
	unmixed       bool // every batch's outcomes equal, row by row, those of its own version alone
	changes       []gradeChange
}

type gradeChange struct {
	from, to string
	codes    []string
}

// batchCheck is one batch run during the swap, checked against the references.
type batchCheck struct {
	hash       string
	startedNew bool // Library.Get was called after LoadBytes had returned
	unmixed    bool // every outcome equals the reference of the batch's version
}

// postSwapBatches is how many batches the evaluation loop runs after the swap before it stops.
const postSwapBatches = 3

// hotSwap loads a revised version of the vendor rule set (same id, same effective date) into
// the live library while other goroutines evaluate, and checks that no batch mixed versions:
//   - a batch held in flight picks its version before the swap and computes after it;
//   - an evaluation loop runs batch after batch before, during and after the swap.
func hotSwap(lib *rulefile.Library, at time.Time, recs []record) (*swapReport, error) {
	old, err := lib.Get(rulesetID, at)
	if err != nil {
		return nil, err
	}
	file, err := readUpdate()
	if err != nil {
		return nil, err
	}
	staged, err := stage(file)
	if err != nil {
		return nil, fmt.Errorf("修订的规则文件未通过预检，不切换：%w", err)
	}
	next := staged[0]
	// References: every record evaluated with each version on its own.
	refOld, err := evalBatch(old, at, recs)
	if err != nil {
		return nil, err
	}
	refNew, err := evalBatch(next, at, recs)
	if err != nil {
		return nil, err
	}
	refs := map[string]*batch{old.Hash(): refOld, next.Hash(): refNew}
	// evalCheck evaluates one batch with the version rs and checks it against its reference.
	evalCheck := func(rs *rulefile.RuleSet, startedNew bool) (batchCheck, error) {
		b, err := evalBatch(rs, at, recs)
		if err != nil {
			return batchCheck{}, err
		}
		ref := refs[rs.Hash()]
		return batchCheck{hash: rs.Hash(), startedNew: startedNew, unmixed: ref != nil && sameBatch(b, ref)}, nil
	}

	swapped := make(chan struct{}) // closed once LoadBytes has returned

	picked, heldDone := make(chan struct{}), make(chan struct{})
	var held batchCheck
	var heldErr error
	go func() { // the batch held in flight across the swap
		defer close(heldDone)
		rs, err := lib.Get(rulesetID, at)
		if err != nil {
			heldErr = err
			return
		}
		close(picked)
		<-swapped
		held, heldErr = evalCheck(rs, false)
	}()

	running, loopDone := make(chan struct{}), make(chan struct{})
	var loop []batchCheck
	var loopErr error
	go func() { // the platform's evaluation loop: one Library.Get per batch
		defer close(loopDone)
		for post := 0; post < postSwapBatches; {
			startedNew := closed(swapped)
			rs, err := lib.Get(rulesetID, at)
			if err != nil {
				loopErr = err
				return
			}
			c, err := evalCheck(rs, startedNew)
			if err != nil {
				loopErr = err
				return
			}
			loop = append(loop, c)
			if len(loop) == 1 {
				close(running)
			}
			if startedNew {
				post++
			}
		}
	}()

	// Swap once the held batch has its version and the loop is under way.
	var loaded []*rulefile.RuleSet
	var loadErr error
	if waitFor(picked, heldDone) && waitFor(running, loopDone) {
		loaded, loadErr = lib.LoadBytes(file)
	}
	close(swapped)
	<-heldDone
	<-loopDone
	if err := errors.Join(loadErr, heldErr, loopErr); err != nil {
		return nil, err
	}
	if len(loaded) != 1 || loaded[0].Hash() != next.Hash() {
		return nil, fmt.Errorf("载入的规则集与预检的不同")
	}

	r := &swapReport{before: old, after: loaded[0], tests: len(next.Tests()), changes: gradeChanges(recs, refOld, refNew)}
	r.inFlightOld = held.hash == old.Hash() && held.unmixed
	r.unmixed, r.afterAllNew = held.unmixed, true
	for _, c := range loop {
		r.unmixed = r.unmixed && c.unmixed
		if c.startedNew && c.hash != next.Hash() {
			r.afterAllNew = false
		}
	}
	return r, nil
}

// waitFor waits until signal is closed, or done is (the goroutine ended early); it reports
// whether the signal came.
func waitFor(signal, done chan struct{}) bool {
	select {
	case <-signal:
		return true
	case <-done:
		return closed(signal)
	}
}

func closed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func sameBatch(a, b *batch) bool {
	if len(a.out) != len(b.out) {
		return false
	}
	for i := range a.out {
		if !a.out[i].same(b.out[i]) {
			return false
		}
	}
	return true
}

// gradeChanges lists the records whose grade differs between two versions, by change.
func gradeChanges(recs []record, before, after *batch) []gradeChange {
	byKey := map[[2]string]*gradeChange{}
	for i := range recs {
		o, n := before.out[i], after.out[i]
		if o.err != nil || n.err != nil || o.grade == n.grade {
			continue
		}
		k := [2]string{o.grade, n.grade}
		if byKey[k] == nil {
			byKey[k] = &gradeChange{from: o.grade, to: n.grade}
		}
		byKey[k].codes = append(byKey[k].codes, recs[i].Code)
	}
	var out []gradeChange
	for _, c := range byKey {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].from != out[j].from {
			return gradeLess(out[i].from, out[j].from)
		}
		return gradeLess(out[i].to, out[j].to)
	})
	return out
}

// param gives the value of a rule set's param in force on day at (the zero Value if there is none).
func param(rs *rulefile.RuleSet, name string, at time.Time) rules.Value {
	for _, p := range rs.Params() {
		if p.Name != name {
			continue
		}
		var v rules.Value
		for _, pv := range p.Values {
			if pv.Since.IsZero() || !pv.Since.After(at) {
				v = pv.Value
			}
		}
		return v
	}
	return rules.Value{}
}
