package monitor

// The names a monitoring rule set and this package share. They are the interface between
// policy and mechanism, not policy: what a grade means, how deviation is computed and when
// a project is flagged are all written in the rule set under these names.
const (
	InputBudget     = "预算数"  // decimal, 万元
	InputSpent      = "执行数"  // decimal, 万元
	InputMonth      = "月份"   // int, the checkpoint's month
	InputCheckpoint = "监控日期" // date, the checkpoint; supplied only when the rule set declares it

	// IndicatorPrefix + i + IndicatorExpected and IndicatorPrefix + i + IndicatorActual are
	// the decimal inputs carrying a record's i-th indicator (from 1), e.g. 指标1序时目标 and
	// 指标1完成. A rule set declares as many indicators as it grades.
	IndicatorPrefix   = "指标"
	IndicatorExpected = "序时目标"
	IndicatorActual   = "完成"

	ResultGrade     = "等级"   // text, one of the grades of the 等级 table
	ResultDeviation = "偏差"   // decimal, as the report shows it
	ResultRedFlag   = "红标"   // bool
	ResultRectifyBy = "整改期限" // date, read only when 红标 is true

	// GradeTable is the decision table whose literal outcomes, in row order, are the
	// profile's grades from best to worst.
	GradeTable = "等级"
	// ColourParamPrefix + a grade's name is the text param holding its display colour. A
	// profile declares a colour for every grade or for none.
	ColourParamPrefix = "颜色_"
)

// ClassifiedName is shown in place of a 涉密 project's name in every output.
const ClassifiedName = "（涉密）"
