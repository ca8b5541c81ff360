package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/tables"
)

// monitorItem is one row as the reader gave it: its cells, or why it could not be read.
type monitorItem struct {
	row tables.Row
	num int
	err string
}

// monitorRow is one data row once worked: an outcome, or the reason it could not be graded.
type monitorRow struct {
	num  int
	read bool // the whole record was read, so its ID counts (see monitor.IDs)
	// outcome is the graded project; of a rejected row, its Record holds what was read
	outcome monitor.Outcome
	graded  bool
	err     string
	line    []byte // the row as the output writes it, encoded by a worker
}

// monitorReport is one run of the command once every row is through: the summary and the
// accounting, for the writers to end with.
type monitorReport struct {
	profile  *monitor.Profile
	summary  monitor.Summary
	rows     int // data rows read: graded + rejected
	graded   int
	rejected int
	skipped  int // blank rows, not counted as data
	// after holds the graded outcomes when they are compared with an earlier checkpoint;
	// otherwise nothing is kept.
	after    *monitor.Run
	previous *previousReport
	// calendar is the working-day calendar file the deadlines were counted with; "" when the
	// rule set counts calendar days.
	calendar string
	// titleUnit is the unit of amounts a title row above the header named, and the amount
	// columns were read in; "" when none did
	titleUnit string
}

// stream reads the data file row by row, grades the rows across cores with tables.Map, and
// writes each in input order as it comes: memory stays flat in the number of rows (unless
// --previous keeps the outcomes to compare, or the table format lays them out at the end).
func (o *monitorOptions) stream(c *cobra.Command, path string, p *monitor.Profile, at time.Time, opts []monitor.RunOption, before *monitor.Run, beforeRejected int) (*monitorReport, error) {
	defer limitMemory()() // from the open: a workbook's shared text is read there
	prog := newProgress(c.ErrOrStderr(), path)
	inputs := p.RuleSet().Inputs()
	r, f, err := o.source.open(path, prog.reader, monitorFields(inputs))
	if err != nil {
		return nil, usagef(c, "%s：%v", path, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	defer r.Close() //nolint:errcheck // temporary files only
	cols, err := readMonitorHeader(r, inputs)
	if err != nil {
		return nil, usagef(c, "%s：%v", path, err)
	}
	rep := &monitorReport{profile: p, titleUnit: cols.titleUnit}
	if p.CountsWorkdays() {
		rep.calendar = o.calendar
	}
	if before != nil {
		rep.after = &monitor.Run{Checkpoint: before.Checkpoint, Profile: p}
	}
	dest, err := o.out.open(c)
	if err != nil {
		return nil, err
	}
	sink, err := newMonitorSink(o.out, dest, p, at, c.ErrOrStderr())
	if err != nil {
		return nil, errors.Join(err, dest.finish(true))
	}
	defer closeSink(sink)
	err = runMonitorRows(c, r, prog, cols, p, at, opts, before, rep, sink)
	if err == nil {
		if before != nil {
			rep.after.Checkpoint = rep.summary.Checkpoint
			rep.previous = newPreviousReport(before, rep.after, beforeRejected)
		}
		err = writeFailure(sink.end(rep))
	}
	if ferr := dest.finish(err != nil); err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// runMonitorRows is the batch itself: read, grade in parallel, account and write in order.
func runMonitorRows(c *cobra.Command, r *tables.Reader, prog *progress, cols monitorColumns, p *monitor.Profile,
	at time.Time, opts []monitor.RunOption, before *monitor.Run, rep *monitorReport, sink monitorSink) error {
	secret := secretIDs(before)
	defer prog.done()
	next := func() (monitorItem, error) {
		row, err := r.Next()
		if err == nil {
			return monitorItem{row: row, num: row.Num}, nil
		}
		var re *tables.RowError
		if errors.As(err, &re) {
			return monitorItem{num: re.Row, err: re.Msg}, nil
		}
		return monitorItem{}, err
	}
	work := func() func(monitorItem) monitorRow {
		g, err := p.Grader(at, opts...)
		var out monitorRow // one per worker: a row handed to the sink by pointer would otherwise escape, a million times
		return func(it monitorItem) monitorRow {
			out = gradeRow(g, err, cols, secret, it)
			out.line = sink.encode(&out)
			return out
		}
	}
	ids := monitor.NewIDs()
	tally := p.NewTally(at)
	var cur monitorRow // as out in work
	emit := func(row monitorRow) error {
		cur = row
		rep.account(&cur, ids, tally)
		prog.row()
		return writeFailure(sink.row(&cur))
	}
	ctx, stop := batchContext(c)
	defer stop()
	if _, err := tables.Map(ctx, tables.Batch{}, next, work, emit); err != nil {
		return batchError(c, err)
	}
	rep.summary = tally.Summary()
	rep.skipped = r.Skipped()
	return nil
}

// gradeRow reads and grades one row, in a worker.
func gradeRow(g *monitor.Grader, gerr error, cols monitorColumns, secret map[string]bool, it monitorItem) monitorRow {
	out := monitorRow{num: it.num, err: it.err}
	if it.err != "" {
		return out
	}
	rec, msg := cols.record(it.row)
	if secret[rec.ID] {
		rec.Secret = true
	}
	out.outcome.Record = rec
	if msg != "" {
		out.err = msg
		return out
	}
	out.read = true
	if gerr != nil {
		out.err = gerr.Error()
		return out
	}
	o, err := g.Grade(&rec)
	if err != nil {
		out.err = err.Error()
		return out
	}
	out.outcome, out.graded = o, true
	return out
}

// account counts one row in input order: a project whose ID an earlier row had is rejected
// here, where the order is known, and the summary is summed as the rows go by.
func (rep *monitorReport) account(row *monitorRow, ids *monitor.IDs, tally *monitor.Tally) {
	rep.rows++
	if row.read {
		if err := ids.Check(&row.outcome.Record); err != nil {
			row.graded, row.err, row.line = false, err.Error(), nil
		}
	}
	if !row.graded {
		rep.rejected++
		tally.Reject()
		return
	}
	rep.graded++
	tally.Add(&row.outcome)
	if rep.after != nil {
		rep.after.Graded = append(rep.after.Graded, row.outcome)
	}
}

// secretIDs are the projects the earlier checkpoint's file marks 涉密: a file that forgets the
// mark must not print a name the other file hides.
func secretIDs(before *monitor.Run) map[string]bool {
	secret := map[string]bool{}
	if before == nil {
		return secret
	}
	for _, o := range before.Graded {
		if o.Secret {
			secret[o.ID] = true
		}
	}
	for _, rj := range before.Rejected {
		if rj.Secret {
			secret[rj.ID] = true
		}
	}
	return secret
}
