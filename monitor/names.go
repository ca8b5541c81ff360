package monitor

// The names a monitoring rule set and this package share. They are the interface between
// policy and mechanism, not policy: what a grade means, how deviation is computed and when
// a project is flagged are all written in the rule set under these names.
const (
	InputBudget     = "预算数"  // decimal, 万元
	InputSpent      = "执行数"  // decimal, 万元
	InputMonth      = "月份"   // int, the checkpoint's month
	InputCheckpoint = "监控日期" // date, the checkpoint; supplied only when the rule set declares it
	// InputPlan is a project's own planned share of its budget spent by the checkpoint
	// (decimal, 0.5 is half), which a rule set may declare and a record gives in Extra. The
	// run knows the name only to evaluate such records without a map; its meaning is the
	// rule set's.
	InputPlan = "计划进度"

	// IndicatorPrefix + i + IndicatorExpected and IndicatorPrefix + i + IndicatorActual are
	// the decimal inputs carrying a record's i-th indicator (from 1), e.g. 指标1序时目标 and
	// 指标1完成. A rule set declares as many indicators as it grades.
	IndicatorPrefix   = "指标"
	IndicatorExpected = "序时目标"
	IndicatorActual   = "完成"

	ResultGrade     = "等级" // text, one of the grades of the 等级 table
	ResultDeviation = "偏差" // decimal, as the report shows it
	ResultRedFlag   = "红标" // bool
	// ResultDataProblem is an optional text result: when the rule set gives a non-empty
	// text, the record is not graded and the text is the reason (计划进度应在 0 到 100% 之间).
	// It lets a rule set refuse data it cannot grade without a table that leaves values out.
	ResultDataProblem = "数据有误"

	ResultRectifyBy = "整改期限" // date, read only when 红标 is true and the rule set counts calendar days

	// ResultRectifyDays is the number of days a flagged project has to rectify (decimal, a
	// whole number), read when the rule set counts working days.
	ResultRectifyDays = "整改期限天数"
	// ParamRectifyCounting is the text param saying how the rectification days are counted:
	// CountCalendarDays (the rule set computes 整改期限 itself, the default when the param is
	// not declared) or CountWorkdays (the run counts 整改期限天数 working days after the
	// checkpoint with the calendar the caller supplies, since a rule set has no calendar).
	ParamRectifyCounting = "整改期限口径"
	CountCalendarDays    = "自然日"
	CountWorkdays        = "工作日"

	// GradeTable is the decision table whose literal outcomes, in row order, are the
	// profile's grades from best to worst.
	GradeTable = "等级"
	// ColourParamPrefix + a grade's name is the text param holding its display colour. A
	// profile declares a colour for every grade or for none.
	ColourParamPrefix = "颜色_"
)

// ClassifiedName is shown in place of a 涉密 project's name in every output.
const ClassifiedName = "（涉密）"
