package main

import (
	"errors"
	"fmt"
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
  --format 格式       table（默认）、csv、json 或 xlsx
  -o 文件             把结果写到文件（xlsx 不能显示在屏幕上，要用 -o 或重定向到文件）；出错时不留下写了一半的文件
  --encoding 编码     CSV 输出的编码：utf8（默认，带 BOM，Excel 直接打开）或 gb18030
  --sheet 工作表      数据是 .xlsx 时读这个工作表（默认第一个）
  --input-encoding 编码  CSV 数据的编码：auto（默认，按内容识别 UTF-8、GB18030、UTF-16）、utf8、gb18030
  --strict            有不能评级的行时退出码为 1
  --previous 文件     上次监控时点的数据文件（格式同数据文件）：按上次的监控日期用同一规则集评级，报告每个项目
                      等级的变化（好转、变差、不变、新增、退出），以及上次挂红标的项目是否已好转
  --previous-checkpoint 日期  上次的监控日期，用 --previous 时必填
  --previous-sheet 工作表  上次的数据是 .xlsx 时读这个工作表（默认第一个）
  --calendar 文件     工作日历：规则集按工作日计算整改期限（参数 整改期限口径: 工作日）时必填。CSV（UTF-8），
                      表头 日期,类型（可加 说明），每行一天：2024-10-01,休 是节假日，2024-10-12,班 是调休上班日；
                      没写的日子周一到周五上班、周六周日休息。日历要包括监控日期和整改期限所在的年份
  -h, --help          显示本说明。

数据文件是 Excel 工作簿（.xlsx）或 CSV（UTF-8、GB18030 或 UTF-16，按内容识别；旧版 .xls 请另存为 .xlsx），
第 1 行是表头（表头上方的标题行可以保留：前 10 行里含有必需各列的那一行是表头；标题行写了“单位：元”而金额列表头没写单位时按它换算），每行一个项目。必须有的列：项目编号、项目名称、部门、预算数、执行数；
可选的列：资金类型（也可以叫 资金性质、资金来源、资金类别；如 衔接资金、债务）、涉密或是否涉密（是/否；其他含“涉密”的列名是表头错误），以及表头是规则所声明输入名的列，按列名交给规则：
绩效指标按顺序写成 指标1序时目标、指标1完成、指标2序时目标、指标2完成……（都是占全年目标的比例，如 50%），
财政部红黄绿灯的 指标N方向（正向/反向/定性）和 指标N达成（达成/部分达成/未达成），合肥两问的 达到阶段性目标（是/否）。空格子用规则写的默认值；规则没有声明的 指标N… 列是表头错误，不会被悄悄忽略。金额默认是万元；表头可以写明单位：预算数（万元）、
预算数（元）、预算数（亿元）、预算数（单位：元），按单位精确换算。单元格按财务人员的写法读取：1,000.50、全角数字、前后空格都可以。
涉密项目计入各项合计，但任何输出中都不显示名称，以（涉密）代替。

不能评级的行（预算数为空、为零或不是数字，缺少列或格子比表头多，项目编号与前面的行重复，合计行，规则报告数据有误）逐行报告行号和原因
（行号是表格中的行，表头是第 1 行；格子读不出时写明列的表头和格子的内容），其余行照常评级；空行和只有逗号的行
不算数据行，汇总中单独计数。读入的行数 = 评级的行数 + 不能评级的行数。

--format json 每行一个 JSON 对象：每个项目 {"id","name","grade","deviation","red_flag","rectify_by"}，
deviation 是精确小数的字符串，保留规则集取舍的位数（如 0.2000），rectify_by 是整改期限（未挂红标为 null）；每个不能评级的行 {"row","error"}；
用 --previous 时，每个项目再有一行 {"transition":{"id","name","before","after","change","flagged_before","recovered"}}；
最后一行 {"summary":{...}}：checkpoint、ruleset、version、hash（规则集内容哈希）、rows = graded + rejected、
skipped（空行）、red_flags、grades（各等级的 grade、colour、count、funds_wan、funds_yi）、total，
以及按部门、按资金类型的汇总 by_dept、by_fund（key、count、funds_wan、funds_yi、grades）。
--format csv 每个数据行一行（不能评级的行也在内，最后一列是原因）；汇总和与上次的比较写在标准错误上。
--format xlsx 写一个工作簿：监控结果（等级按规则集写的颜色填色，表头冻结，最后一行合计）、汇总（按等级的项目数和资金）、
按部门、按资金类型、与上次相比（用 --previous 时）、规则集（名字、版本、内容哈希、监控日期）。
同样的输入总是得到逐字节相同的输出。在终端里运行较久时，标准错误上显示进度条。

示例：
  jixiao monitor --checkpoint 2024-08-31 项目.csv
  jixiao monitor --checkpoint 2024-05-31 --format json 项目.csv
  jixiao monitor --checkpoint 2024-08-31 --sheet 8月 --format xlsx -o 8月监控.xlsx 项目.xlsx
  jixiao monitor --checkpoint 2024-08-31 --rules 示例县监控.yaml --strict 项目.csv
  jixiao monitor --checkpoint 2024-08-31 --ruleset minfeng-monitor-dimensions 指标.csv
  jixiao monitor --checkpoint 2024-09-30 --previous 8月.csv --previous-checkpoint 2024-08-31 9月.csv
  jixiao monitor --checkpoint 2024-08-31 --rules 按工作日整改.yaml --calendar 2024工作日历.csv 项目.csv

退出码：0 完成；1 用 --strict 时有不能评级的行，或规则文件有误；2 用法错误、文件不存在、表头缺少列、
工作日历有误或缺少（规则集按工作日计算整改期限时）。`

type monitorOptions struct {
	checkpoint string
	rules      string
	ruleset    string
	strict     bool
	out        outputOptions
	source     tableSource

	previous           string
	previousCheckpoint string
	previousSheet      string
	calendar           string
}

func newMonitorCmd() *cobra.Command {
	o := &monitorOptions{}
	c := &cobra.Command{
		Use:     "monitor --checkpoint 日期 [--rules 文件] [--ruleset 规则集] [--format table|csv|json|xlsx] [-o 文件] [--strict] [--calendar 文件] 数据.csv|数据.xlsx",
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
	o.out.addFlags(c)
	c.Flags().StringVar(&o.source.sheet, "sheet", "", "读 .xlsx 的这个工作表（默认第一个）")
	c.Flags().StringVar(&o.source.encoding, "input-encoding", "auto", "数据文件（CSV）的编码：auto（自动识别）、utf8、gb18030、utf16le 或 utf16be")
	c.Flags().BoolVar(&o.strict, "strict", false, "有不能评级的行时退出码为 1")
	c.Flags().StringVar(&o.previous, "previous", "", "上次监控的数据文件，用于比较等级变化和红标整改结果")
	c.Flags().StringVar(&o.previousCheckpoint, "previous-checkpoint", "", "上次的监控日期，如 2024-05-31")
	c.Flags().StringVar(&o.previousSheet, "previous-sheet", "", "上次的数据文件是 .xlsx 时读这个工作表（默认第一个）")
	c.Flags().StringVar(&o.calendar, "calendar", "", "工作日历文件（按工作日计算整改期限时用）")
	return c
}

func (o *monitorOptions) run(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef(c, "需要一个数据文件，这里有 %d 个", len(args))
	}
	if err := o.out.check(c); err != nil {
		return err
	}
	if err := o.source.check(); err != nil {
		return usagef(c, "%v", err)
	}
	if err := o.out.notInput(c, args[0], o.previous, o.calendar, o.rules); err != nil {
		return err
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
	runOpts, err := o.calendarOption(c, profile)
	if err != nil {
		return err
	}
	if _, err := profile.Grader(at, runOpts...); err != nil {
		return runError(c, err)
	}
	before, beforeRejected, err := o.previousRun(c, profile, runOpts)
	if err != nil {
		return err
	}
	report, err := o.stream(c, args[0], profile, at, runOpts, before, beforeRejected)
	if err != nil {
		return err
	}
	if o.strict && report.rejected > 0 {
		return &findingsError{msg: fmt.Sprintf("有 %d 行不能评级（--strict）", report.rejected)}
	}
	return nil
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
	var re *rules.Error
	if errors.As(err, &re) && re.Code == rules.ErrFileReference {
		// a mistyped --ruleset is a usage error, as a mistyped option is
		return nil, usagef(c, "--ruleset：%s", re.Msg)
	}
	if err != nil {
		return nil, &findingsError{msg: err.Error()}
	}
	return p, nil
}
