// Package monitor runs a county's budget-performance monitoring (绩效运行监控): it grades
// every project a caller gives it at a checkpoint with a rule set, raises 红标 with their
// rectification dates, sums projects and funds by grade, 部门 and fund type, and compares two
// checkpoints.
//
//	lib, _ := rulesets.Library()                                     // or a vendor's files on top
//	p, err := monitor.FromLibrary(lib, "minfeng-monitor", aug)       // or NewProfile(ruleSet, aug)
//	run, err := p.Run(ctx, aug, records)                             // WithCalendar(cal) for 工作日
//	// run.Graded: each project's Grade, Deviation, RedFlag and RectifyBy, in input order;
//	// run.Rejected: each Row and Err; never lost: run.In() == len(Graded) + len(Rejected)
//	sum := run.Summary()                                             // count and funds by grade, 部门, fund type
//	moves := monitor.Compare(mayRun, run)                            // improved, worsened, new, dropped, recovered
//
// The package holds mechanisms only. Thresholds, the deviation formula, the flagging
// checkpoint, deadlines and the grades with their display colours are policy and live in
// the rule set (rulesets/minfeng-monitor.yaml and the files that extend it). The rule set
// and this package meet at a few names, the constants below (InputBudget and the others): the inputs 预算数, 执行数, 月份
// and (when the rule set declares it) 监控日期 that a run supplies, a record's indicator
// progress as 指标<i>序时目标 and 指标<i>完成, inputs the record leaves out at their declared
// defaults, and the results 等级,
// 偏差, 红标 and 整改期限 (the rectification date the rule set computes) it reads.
// The grades are the literal outcomes of the rule set's decision table 等级, best first,
// and each grade's colour is the text param 颜色_<等级> (a rule set may declare none).
// A rule set refuses a record it cannot grade by giving the text result 数据有误.
//
// Rectification days are calendar days unless the rule set's param 整改期限口径 says 工作日:
// then the run counts 整改期限天数 working days after the checkpoint with the Calendar the
// caller supplies (WithCalendar; ReadCalendar reads the file staff write, holidays 休 and
// make-up working days 班), and refuses to run without one rather than count calendar days.
//
// Deviation is per dimension — budget execution and each indicator — in the mode the rule set
// declares (relative shortfall, percentage points or two-sided), and a project's deviation
// is the worst of them unless the rule set says otherwise: see
// rulesets/minfeng-monitor-dimensions.yaml.
//
// Run grades a slice and holds every outcome. A caller streaming more records than it wants to
// hold (a province's table, read row by row) grades them with a Grader per goroutine and, in
// input order, refuses repeated IDs with IDs and sums the summary with a Tally: Run is built
// from the same three, so both give the same outcomes and the same Summary.
//
// A run never loses a record: every record is graded or rejected with its row and reason,
// and Run.In() == len(Graded) + len(Rejected). 涉密 projects are counted in every total but
// their names are never shown: DisplayName gives （涉密）.
package monitor
