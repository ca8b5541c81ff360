package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/scoring"
)

const scoreHelp = `选项：
  --rules 文件或规则集  换用一套规则：规则文件（在内置规则之上载入，可 extends 内置规则）或内置规则集的名称，
                        如 langfang-execution（执行率按整分计）、dazhou-application（达州的结果应用）、
                        qingshen-self-evaluation（产出 60、效益 30）。可写多次；按规则集的输入确定它替换哪一步
  --at 日期             按这一天生效的规则计算，如 2024-12-31；不写时用今天
  --format 格式         table（默认）或 json
  --strict              有不能打分的行时退出码为 1
  -h, --help            显示本说明。

数据文件是 CSV（UTF-8），第 1 行是表头，每行一个三级指标，同一项目的各行项目编号相同（列的写法见规则编写手册
“jixiao score”一节）。必须有的列：项目编号、预算数、执行数、一级指标、三级指标、指标性质、指标值、实际值、分值；
可选的列：项目名称、二级指标、度量单位、指标方向、得分、总分。预算数、执行数只需写在项目的一行（合并单元格导出
后其余行为空）。定性指标的实际值写 达成、部分达成 或 未达成，得分列是评价人的评定得分；实际值写 不适用 的指标
不计分，同一一级指标的其余指标按分值比例分摊它的分值。

表中写了得分（定量指标）或总分的，按表中写出的位数与算出的分数核对，不一致的逐条列出。
读不出的行逐行报告行号和原因（表头是第 1 行）；一个项目有行读不出或不能打分时，它的每一行都列为不能打分，
读入的行数 = 打分的行数 + 不能打分的行数。

--format json 每行一个 JSON 对象：每个项目 {"id","name","execution_rate","score","grade","action","action_code",
"items":[{"name","level1","points","score"}]}，数都是精确小数的字符串；每个不能打分的行 {"row","error"}；
每条核对结果 {"finding","row","declared","computed","difference"}；最后一行 {"summary":{...}}。

示例：
  jixiao score 自评表.csv
  jixiao score --rules dazhou-application --format json 自评表.csv
  jixiao score --rules 示例县评分.yaml --at 2024-12-31 --strict 自评表.csv

退出码：0 完成（核对发现不一致也是 0）；1 用 --strict 时有不能打分的行，或规则文件有误；
2 用法错误、文件不存在、表头缺少列。`

type scoreOptions struct {
	rules  []string
	at     string
	format string
	strict bool
}

func newScoreCmd() *cobra.Command {
	o := &scoreOptions{}
	c := &cobra.Command{
		Use:     "score [--rules 文件或规则集]... [--at 日期] [--format table|json] [--strict] 自评表.csv",
		Short:   "单位自评打分：按规则计算每个项目的执行率、指标得分、总分、等级和结果应用",
		Long:    "按规则给自评表中的每个项目计算预算执行率得分、各指标得分和总分，定等级，查结果应用，并核对表中写出的得分和总分。",
		Example: scoreHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().StringArrayVar(&o.rules, "rules", nil, "规则文件或内置规则集的名称")
	c.Flags().StringVar(&o.at, "at", "", "按这一天生效的规则计算")
	c.Flags().StringVar(&o.format, "format", "table", "输出格式：table 或 json")
	c.Flags().BoolVar(&o.strict, "strict", false, "有不能打分的行时退出码为 1")
	return c
}

func (o *scoreOptions) run(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef(c, "需要一个自评表文件，这里有 %d 个", len(args))
	}
	if o.format != "table" && o.format != "json" {
		return usagef(c, "--format 只能是 table 或 json，这里是 %q", o.format)
	}
	at := time.Now().UTC().Truncate(24 * time.Hour)
	if o.at != "" {
		var ok bool
		if at, ok = parseDay(o.at); !ok {
			return usagef(c, "--at 应为日期，如 2024-12-31，这里是 %q", o.at)
		}
	}
	s, err := o.scorer(c, at)
	if err != nil {
		return err
	}
	in, err := readScoreFile(args[0])
	if err != nil {
		return usagef(c, "%s：%v", args[0], err)
	}
	report := scoreAll(s, in)
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
func (o *scoreOptions) scorer(c *cobra.Command, at time.Time) (*scoring.Scorer, error) {
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
		if p, err = p.With(rs); err != nil {
			return nil, &findingsError{msg: err.Error()}
		}
		if p.Department != "" {
			// The place exists for callers of scoring.ScoreDepartment; a 自评表 never reads it,
			// so taking the file silently would let a user think it changed the scores.
			return nil, &findingsError{msg: fmt.Sprintf("规则集 %s（%s）是部门整体支出的分档规则，不用于给自评表打分", rs.ID(), rs.File())}
		}
	}
	s, err := scoring.New(l.lib, p, at)
	if err != nil {
		return nil, &findingsError{msg: err.Error()}
	}
	return s, nil
}

func readScoreFile(path string) (scoreInput, error) {
	f, err := os.Open(path) //nolint:gosec // the user names the data file to read; reading it is the command's job
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return scoreInput{}, errors.New("文件不存在")
		}
		return scoreInput{}, errors.New(describeIOError(err))
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	return readScoreCSV(f)
}
