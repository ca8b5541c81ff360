package main

// scoreForm is the kind of evaluation table jixiao score reads: each has its columns and its
// scoring call.
type scoreForm int

const (
	formSelf       scoreForm = iota // 单位自评表: scoring.ScoreProject
	formKey                         // 重点评价表: scoring.ScoreKeyEvaluation
	formDepartment                  // 部门整体支出评价表: scoring.ScoreDepartment
)

var formNames = [...]struct{ flag, alias, title, unit string }{
	formSelf:       {"self", "自评", "单位自评表", "项目"},
	formKey:        {"key", "重点评价", "重点评价表", "项目"},
	formDepartment: {"department", "部门整体", "部门整体支出评价表", "部门"},
}

func parseForm(s string) (scoreForm, bool) {
	for f, n := range formNames {
		if s == n.flag || s == n.alias {
			return scoreForm(f), true
		}
	}
	return formSelf, false
}

func (f scoreForm) title() string { return formNames[f].title }

// unit is what one scored thing of the form is called: 项目 or 部门.
func (f scoreForm) unit() string { return formNames[f].unit }

// amountColumns are the form's per-project amounts: written on one row of the project (a
// merged cell exported), read exactly in 万元 whatever unit the header or cell names.
func (f scoreForm) amountColumns() []string {
	if f == formDepartment {
		return []string{"年初预算数", "预算调整数", "重点支出安排数", "项目支出总额"}
	}
	return []string{"预算数", "执行数"}
}

// scoreColumns are the columns of the form's table: the name jixiao documents first, then the
// names county forms also use for it. A unit in brackets after a name, as in 预算数（万元）,
// is allowed and honoured.
func (f scoreForm) columns() []scoreColumn {
	cols := []scoreColumn{{[]string{"项目编号", "项目代码"}, true}, {[]string{"项目名称"}, false}}
	switch f {
	case formSelf:
		cols = append(cols, scoreColumn{[]string{"预算数", "全年预算数", "调整后预算数", "年初预算数"}, true},
			scoreColumn{[]string{"执行数", "全年执行数", "执行金额"}, true})
	case formKey:
		cols = append(cols, scoreColumn{[]string{"预算数", "全年预算数", "调整后预算数", "年初预算数"}, false},
			scoreColumn{[]string{"执行数", "全年执行数", "执行金额"}, false})
	case formDepartment:
		cols = []scoreColumn{{[]string{"部门编号", "单位编号", "项目编号"}, true}, {[]string{"部门名称", "单位名称", "项目名称"}, false}}
		for _, n := range f.amountColumns() {
			cols = append(cols, scoreColumn{[]string{n}, true})
		}
	}
	return append(cols,
		scoreColumn{[]string{"一级指标"}, true},
		scoreColumn{[]string{"二级指标"}, false},
		scoreColumn{[]string{"三级指标", "指标名称"}, true},
		scoreColumn{[]string{"指标性质"}, true},
		scoreColumn{[]string{"指标值", "年度指标值"}, true},
		scoreColumn{[]string{"实际值", "实际完成值"}, true},
		scoreColumn{[]string{"度量单位", "计量单位"}, false},
		scoreColumn{[]string{"分值", "权重"}, true},
		scoreColumn{[]string{"指标方向"}, false},
		scoreColumn{[]string{"得分"}, false},
		scoreColumn{[]string{"总分"}, false},
	)
}

// idColumn and nameColumn are the names the form's id and name columns are read under.
func (f scoreForm) idColumn() string   { return f.columns()[0].names[0] }
func (f scoreForm) nameColumn() string { return f.columns()[1].names[0] }
