package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/scoring"
	"github.com/jixiao-go/jixiao/tables"
)

const scoreHelp = `选项：
  --form 种类           表的种类：self（单位自评表，默认）、key（重点评价表：决策、过程、产出、效益）或
                        department（部门整体支出评价表：默认按 weighted-department-overall，部门决策 25、
                        综合管理 30、部门绩效 45）；也可写 自评、重点评价、部门整体
  --rules 文件或规则集  换用一套规则：规则文件（在内置规则之上载入，可 extends 内置规则）或内置规则集的名称，
                        如 langfang-execution（执行率按整分计）、dazhou-application（达州的结果应用）、
                        qingshen-self-evaluation（产出 60、效益 30）。可写多次；按规则集的输入确定它替换哪一步
  --at 日期             按这一天生效的规则计算，如 2024-12-31；不写时用今天
  --format 格式         table（默认）或 json
  --sheet 表名          数据是 .xlsx 工作簿时读哪一张表，不写时读第一张
  --strict              有不能打分的行时退出码为 1
  -h, --help            显示本说明。

数据文件是 CSV（UTF-8，或 Excel 在中文 Windows 上默认存的 GB18030）或 .xlsx 工作簿（第一张表），按内容识别。
第 1 行是表头，每行一个三级指标，同一项目的各行项目编号相同（列的写法见规则编写手册“jixiao score”一节）。
必须有的列：项目编号、预算数、执行数（重点评价表可以没有）、一级指标、三级指标、指标性质、指标值、实际值、分值；
可选的列：项目名称、二级指标、度量单位、指标方向、得分、总分。一级指标按规则写（产出、效益、满意度；写成 产出指标
等也认）。部门整体支出评价表用部门编号（或单位编号、项目编号）、
部门名称，并须有 年初预算数、预算调整数、重点支出安排数、项目支出总额 四列，代替预算数和执行数。金额只需写在项目的
一行（合并单元格导出后其余行为空）；列名后可写单位，如 预算数（元），按单位换算为万元。
指标性质写 ≥、≤、=、定性 或 评分（符号也可写在指标值前，如 ≥95%，这时指标性质可空）。指标值、实际值后可写单位
（≤30天、45天），写了的须与度量单位相同。定性指标的实际值写 达成、
部分达成 或 未达成，得分列是评价人按表中分值给的评定得分（分值因不适用或缺少满意度调整时按比例换算）；评分指标（如重点评价的 立项依据充分性）的得分列是评价人打的分，须在
0 到分值之间；实际值写 不适用 的指标不计分，同一一级指标的其余指标按分值比例分摊它的分值。

表中写了得分（定量指标）或总分的，按表中写出的位数与算出的分数核对，不一致的逐条列出。
读不出的行逐行报告行号和原因（表头是第 1 行）；一个项目有行读不出或不能打分时，它的每一行都列为不能打分，
读入的行数 = 打分的行数 + 不能打分的行数。

--format json 每行一个 JSON 对象：每个项目 {"id","name","execution_rate","over_budget","must_explain",
"execution_score","score","grade","action","action_code","items":[{"name","level1","points","score"}]}（部门另有
"bands":[{"name","rate","score"}]；没有执行率时 execution_rate、over_budget、must_explain 为 null，
execution_score 是计入总分的预算执行率得分，重点评价表和部门整体表为 null；表格输出则在表下列出执行数超过
预算数的和须说明原因的项目），数都是精确小数的字符串；每个不能打分的行 {"row","error"}；每条核对结果
{"finding","row","declared","computed","difference"}；最后一行 {"summary":{...}}。

示例：
  jixiao score 自评表.csv
  jixiao score --rules dazhou-application --format json 自评表.csv
  jixiao score --form key 重点评价表.csv
  jixiao score --form department 部门整体评价表.csv
  jixiao score --rules 示例县评分.yaml --at 2024-12-31 --strict 自评表.csv

退出码：0 完成（核对发现不一致也是 0）；1 用 --strict 时有不能打分的行，或规则文件有误；
2 用法错误、文件不存在、表头缺少列。`

type scoreOptions struct {
	rules  []string
	at     string
	format string
	form   string
	sheet  string
	strict bool
}

func newScoreCmd() *cobra.Command {
	o := &scoreOptions{}
	c := &cobra.Command{
		Use:     "score [--form self|key|department] [--rules 文件或规则集]... [--at 日期] [--format table|json] [--sheet 表名] [--strict] 评价表.csv",
		Short:   "评价打分：单位自评表、重点评价表或部门整体支出评价表，算执行率、指标得分、总分、等级和结果应用",
		Long:    "按规则给表中的每个项目（或部门）计算各指标得分和总分（自评表另有预算执行率得分），定等级，查结果应用，并核对表中写出的得分和总分。",
		Example: scoreHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().StringArrayVar(&o.rules, "rules", nil, "规则文件或内置规则集的名称")
	c.Flags().StringVar(&o.at, "at", "", "按这一天生效的规则计算")
	c.Flags().StringVar(&o.format, "format", "table", "输出格式：table 或 json")
	c.Flags().StringVar(&o.form, "form", "self", "表的种类：self（单位自评）、key（重点评价）或 department（部门整体支出）")
	c.Flags().StringVar(&o.sheet, "sheet", "", "读 .xlsx 工作簿中这张表（不写时读第一张）")
	c.Flags().BoolVar(&o.strict, "strict", false, "有不能打分的行时退出码为 1")
	return c
}

func (o *scoreOptions) run(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef(c, "需要一个评价表文件，这里有 %d 个", len(args))
	}
	if o.format != "table" && o.format != "json" {
		return usagef(c, "--format 只能是 table 或 json，这里是 %q", o.format)
	}
	form, ok := parseForm(o.form)
	if !ok {
		return usagef(c, "--form 只能是 self（单位自评）、key（重点评价）或 department（部门整体支出），这里是 %q", o.form)
	}
	at := time.Now().UTC().Truncate(24 * time.Hour)
	if o.at != "" {
		var ok bool
		if at, ok = parseDay(o.at); !ok {
			return usagef(c, "--at 应为日期，如 2024-12-31，这里是 %q", o.at)
		}
	}
	s, err := o.scorer(c, at, form)
	if err != nil {
		return err
	}
	var opts []tables.Option
	if o.sheet != "" {
		opts = append(opts, tables.Sheet(o.sheet))
	}
	in, err := readScoreFile(args[0], form, opts...)
	if err != nil {
		return usagef(c, "%s：%v", args[0], err)
	}
	ctx, stop := batchContext(c)
	report, err := scoreAll(ctx, s, in)
	stop()
	if err != nil {
		return &findingsError{msg: "打分中断：" + err.Error()}
	}
	if err := report.write(c, o.format); err != nil {
		return err
	}
	if o.strict && len(report.rejected) > 0 {
		return &findingsError{msg: fmt.Sprintf("有 %d 行不能打分（--strict）", len(report.rejected))}
	}
	return nil
}

// scorer loads the --rules files on top of the defaults and puts each rule set they name, or
// each built-in rule set named, in its place in the profile.
func (o *scoreOptions) scorer(c *cobra.Command, at time.Time, form scoreForm) (*scoring.Scorer, error) {
	var paths, ids []string
	for _, r := range o.rules {
		if _, err := os.Stat(r); err == nil || !errors.Is(err, fs.ErrNotExist) {
			paths = append(paths, r)
		} else {
			ids = append(ids, r)
		}
	}
	var files []ruleFile
	if len(paths) > 0 {
		var err error
		if files, err = readRuleFiles(c, paths); err != nil {
			return nil, err
		}
	}
	l, err := loadRuleFiles(files)
	if err != nil {
		return nil, err
	}
	if len(l.problems) > 0 {
		l.writeProblems(c.ErrOrStderr())
		return nil, &findingsError{}
	}
	sets := l.sets
	for _, id := range ids {
		rs, err := l.lib.Get(id, at)
		if err != nil {
			return nil, usagef(c, "--rules %s：既不是文件，也不是 %s 生效的内置规则集", id, at.Format(dayLayout))
		}
		sets = append(sets, rs)
	}
	var p scoring.Profile
	for _, rs := range sets {
		before := p
		if p, err = p.With(rs); err != nil {
			return nil, &findingsError{msg: err.Error()}
		}
		if msg := unusedPlace(before, p, form); msg != "" {
			// Taking the file silently would let a user think it changed the scores.
			return nil, &findingsError{msg: fmt.Sprintf("规则集 %s（%s）%s", rs.ID(), rs.File(), msg)}
		}
	}
	if form == formDepartment && p.Department == "" {
		p.Department = defaultDepartmentForm
	}
	s, err := scoring.New(l.lib, p, at)
	if err != nil {
		return nil, &findingsError{msg: err.Error()}
	}
	return s, nil
}

// defaultDepartmentForm is the department rule set a 部门整体支出 table is scored with unless
// --rules names another: the default profile's rule set has banded items only, no 一级 items
// for the table's rows to fall under.
const defaultDepartmentForm = "weighted-department-overall"

// unusedPlace says why a rule set placed by --rules would not change this form's scores.
func unusedPlace(before, after scoring.Profile, form scoreForm) string {
	switch {
	case before.Department != after.Department && form != formDepartment:
		return "是部门整体支出的规则，只用于 --form department"
	case before.KeyWeights != after.KeyWeights && form != formKey:
		return "是重点评价的权重规则，只用于 --form key"
	case before.Template != after.Template && form != formSelf:
		return "是单位自评表的一级指标分值，只用于 --form self"
	case before.Execution != after.Execution && form == formDepartment:
		return "是预算执行率得分的规则，部门整体支出评价表不计执行率"
	}
	return ""
}

func readScoreFile(path string, form scoreForm, opts ...tables.Option) (scoreInput, error) {
	f, err := os.Open(path) //nolint:gosec // the user names the data file to read; reading it is the command's job
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return scoreInput{}, errors.New("文件不存在")
		}
		return scoreInput{}, errors.New(describeIOError(err))
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	return readScoreTable(f, form, opts...)
}
