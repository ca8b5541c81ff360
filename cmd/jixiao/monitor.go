package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// defaultMonitorRules is the rule set graded with when the command names none: the county
// the seed describes. It is a name, not policy; the policy is in its file.
const defaultMonitorRules = "minfeng-monitor"

const monitorHelp = `选项：
  --checkpoint 日期   监控日期，如 2024-08-31（必填）。月份取这一天所在的月份，规则按这一天生效的版本计算
  --rules 文件        用这个规则文件（在内置规则之上载入，可 extends 内置规则）；不写时用内置的 minfeng-monitor
  --ruleset 规则集    规则文件中有多个规则集时选一个；也可只写它选内置规则集，如 national-monitor
  --format 格式       table（默认）、csv 或 json
  --strict            有不能评级的行时退出码为 1
  --previous 文件     上次监控时点的数据文件（格式同数据文件）：按上次的监控日期用同一规则集评级，报告每个项目
                      等级的变化（好转、变差、不变、新增、退出），以及上次挂红标的项目是否已好转
  --previous-checkpoint 日期  上次的监控日期，用 --previous 时必填
  -h, --help          显示本说明。

数据文件是 CSV（UTF-8），第 1 行是表头，每行一个项目。必须有的列：项目编号、项目名称、部门、预算数、执行数；
可选的列：资金类型（如 衔接资金、债务）、涉密（是/否），以及表头是规则所声明输入名的列，按列名交给规则：
绩效指标按顺序写成 指标1序时目标、指标1完成、指标2序时目标、指标2完成……（都是占全年目标的比例，如 50%），
合肥两问的 达到阶段性目标（是/否）。空格子用规则写的默认值；规则没有声明的 指标N… 列是表头错误，不会被悄悄忽略。金额默认是万元；表头可以写明单位：预算数（万元）、
预算数（元）、预算数（亿元），按单位精确换算。单元格按财务人员的写法读取：1,000.50、全角数字、前后空格都可以。
涉密项目计入各项合计，但任何输出中都不显示名称，以（涉密）代替。

不能评级的行（预算数为空、为零或不是数字，缺少列）逐行报告行号和原因（表头是第 1 行），其余行照常评级；
读入的行数 = 评级的行数 + 不能评级的行数。

--format json 每行一个 JSON 对象：每个项目 {"id","name","grade","deviation","red_flag","rectify_by"}，
deviation 是精确小数的字符串，rectify_by 是整改期限（未挂红标为 null）；每个不能评级的行 {"row","error"}；
用 --previous 时，每个项目再有一行 {"transition":{"id","name","before","after","change","flagged_before","recovered"}}；
最后一行 {"summary":{...}}，含各等级的项目数和资金（万元、亿元），以及按部门、按资金类型的汇总。
--format csv 在标准输出上每个项目一行；不能评级的行、汇总和与上次的比较写在标准错误上。

示例：
  jixiao monitor --checkpoint 2024-08-31 项目.csv
  jixiao monitor --checkpoint 2024-05-31 --format json 项目.csv
  jixiao monitor --checkpoint 2024-08-31 --rules 示例县监控.yaml --strict 项目.csv
  jixiao monitor --checkpoint 2024-08-31 --ruleset minfeng-monitor-dimensions 指标.csv
  jixiao monitor --checkpoint 2024-09-30 --previous 8月.csv --previous-checkpoint 2024-08-31 9月.csv

退出码：0 完成；1 用 --strict 时有不能评级的行，或规则文件有误；2 用法错误、文件不存在、表头缺少列。`

type monitorOptions struct {
	checkpoint string
	rules      string
	ruleset    string
	format     string
	strict     bool

	previous           string
	previousCheckpoint string
}

func newMonitorCmd() *cobra.Command {
	o := &monitorOptions{}
	c := &cobra.Command{
		Use:     "monitor --checkpoint 日期 [--rules 文件] [--ruleset 规则集] [--format table|csv|json] [--strict] 数据.csv",
		Short:   "绩效运行监控：按规则给每个项目分级，挂红标，按等级汇总",
		Long:    "按监控规则给数据文件中的每个项目计算偏差、分级，挂红标并给出整改期限，按等级、部门、资金类型汇总项目数和资金。",
		Example: monitorHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().StringVar(&o.checkpoint, "checkpoint", "", "监控日期，如 2024-08-31")
	c.Flags().StringVar(&o.rules, "rules", "", "规则文件")
	c.Flags().StringVar(&o.ruleset, "ruleset", "", "规则集")
	c.Flags().StringVar(&o.format, "format", "table", "输出格式：table、csv 或 json")
	c.Flags().BoolVar(&o.strict, "strict", false, "有不能评级的行时退出码为 1")
	c.Flags().StringVar(&o.previous, "previous", "", "上次监控的数据文件，用于比较等级变化和红标整改结果")
	c.Flags().StringVar(&o.previousCheckpoint, "previous-checkpoint", "", "上次的监控日期，如 2024-05-31")
	return c
}

func (o *monitorOptions) run(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef(c, "需要一个数据文件，这里有 %d 个", len(args))
	}
	if o.format != "table" && o.format != "csv" && o.format != "json" {
		return usagef(c, "--format 只能是 table、csv 或 json，这里是 %q", o.format)
	}
	if o.checkpoint == "" {
		return usagef(c, "缺少 --checkpoint 监控日期，如 --checkpoint 2024-08-31")
	}
	at, ok := parseDay(o.checkpoint)
	if !ok {
		return usagef(c, "--checkpoint 应为日期，如 2024-08-31，这里是 %q", o.checkpoint)
	}
	profile, err := o.profile(c, at)
	if err != nil {
		return err
	}
	recs, bad, err := readMonitorFile(args[0], profile.RuleSet().Inputs())
	if err != nil {
		return usagef(c, "%s：%v", args[0], err)
	}
	before, beforeRejected, err := o.previousRun(c, profile)
	if err != nil {
		return err
	}
	run, err := profile.Run(c.Context(), at, recs)
	if err != nil {
		return &findingsError{msg: err.Error()}
	}
	report := newMonitorReport(run, bad)
	report.previous = newPreviousReport(before, run, beforeRejected)
	if err := report.write(c, o.format); err != nil {
		return err
	}
	if o.strict && report.rejected() > 0 {
		return &findingsError{msg: fmt.Sprintf("有 %d 行不能评级（--strict）", report.rejected())}
	}
	return nil
}

func readMonitorFile(path string, inputs []rules.Input) ([]monitor.Record, []rowError, error) {
	f, err := os.Open(path) //nolint:gosec // the user names the data file to read; reading it is the command's job
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, errors.New("文件不存在")
		}
		return nil, nil, errors.New(describeIOError(err))
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	return readMonitorCSV(f, inputs)
}

// profile loads the rule file given (on top of the defaults) and picks the rule set: the one
// --ruleset names, else the only one the file defines, else the default.
func (o *monitorOptions) profile(c *cobra.Command, at time.Time) (*monitor.Profile, error) {
	return o.profileByID(c, o.ruleset, at)
}

// profileByID is profile with the rule set named by id ("" to pick as profile does).
func (o *monitorOptions) profileByID(c *cobra.Command, id string, at time.Time) (*monitor.Profile, error) {
	var files []ruleFile
	if o.rules != "" {
		var err error
		if files, err = readRuleFiles(c, []string{o.rules}); err != nil {
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
	if id == "" {
		id = defaultMonitorRules
		if ids := distinctIDs(l.sets); len(ids) == 1 {
			id = ids[0]
		} else if len(ids) > 1 {
			return nil, usagef(c, "%s 中有 %d 个规则集（%s），请用 --ruleset 选一个", o.rules, len(ids), strings.Join(ids, "、"))
		}
	}
	p, err := monitor.FromLibrary(l.lib, id, at)
	if err != nil {
		return nil, &findingsError{msg: err.Error()}
	}
	return p, nil
}
