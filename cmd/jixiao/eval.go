package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/tables"
)

const evalHelp = `选项：
  --rules 规则        内置规则集的名字（如 minfeng-application），或规则文件（在内置规则之上载入，可 extends 内置规则）
  --ruleset 规则集    规则文件中有多个规则集时选一个
  --at 日期           按这一天生效的版本和参数计算，如 2024-08-31；规则集只有一个版本时可以不写（按它的生效日期）
  --sheet 工作表      数据是 .xlsx 时读这个工作表（默认第一个）
  --input-encoding 编码  CSV 数据的编码：auto（默认，自动识别 UTF-8、GB18030、UTF-16）、utf8、gb18030
  --format 格式       table（默认）、csv、json 或 xlsx
  -o 文件             把结果写到文件（xlsx 必须写到文件）；出错时不留下写了一半的文件
  --encoding 编码     CSV 输出的编码：utf8（默认，带 BOM，Excel 直接打开）或 gb18030
  --strict            有不能计算的行时退出码为 1
  -h, --help          显示本说明。

数据文件是 CSV（UTF-8、GB18030 或 UTF-16，自动识别）或 Excel .xlsx，第 1 行是表头（表头上方的标题行可以保留：前 10 行里含有必需各列的那一行是表头），每行一条记录。
规则集声明的每个输入从表头同名的列读（表头前后的空格、全角字母数字不影响；表头可带单位，如 预算数（元），
按规则声明的单位精确换算）；声明了 default 的输入可以没有这一列，空格子也用默认值；没有默认值的输入缺列时
不运行（退出码 2）。数字按财务写法读（1,000.50、全角数字、20%）；日期写 2024-08-31、2024/8/31、2024年8月31日，或 Excel 的日期序号（45535）。
不是输入的列（项目名称、备注）不参与计算，原样保留在 csv、xlsx 结果中；表里缺少某个有默认值的输入、而另有一列的名称
和它只差一两个字时，在标准错误上提示（那一列可能就是它，只是写错了）。

每行算出规则集的全部结果；不能计算的行（格子读不出、规则报错）报告行号和原因，其余行照常计算。
行号是表格中的行（表头是第 1 行）；空行不算数据行，在汇总中单独计数。读入的行数 = 计算的行数 + 不能计算的行数。

--format csv 和 xlsx：原表的每一列，加上每个结果一列，最后一列是不能计算的原因；每个数据行一行。
xlsx 中，规则集的 params 写了 颜色_<值>（如 颜色_红: 红色）时，值为“红”的结果格子填这种颜色。
--format json 每行一个 JSON 对象：算出的行 {"row":行号,"values":{结果名:值,…}}（数字是精确小数的字符串），
不能计算的行 {"row":行号,"error":原因}；最后一行 {"summary":{"ruleset","version","hash","at","rows","evaluated","rejected","skipped"}}。

示例：
  jixiao eval --rules minfeng-application --at 2024-12-31 评价结果.csv
  jixiao eval --rules 本县规则.yaml --format xlsx -o 结果.xlsx 项目.xlsx

退出码：0 完成；1 用 --strict 时有不能计算的行，或规则文件有误；2 用法错误、文件不存在、表头缺少列。`

type evalOptions struct {
	rules   string
	ruleset string
	at      string
	strict  bool
	out     outputOptions
	source  tableSource
}

func newEvalCmd() *cobra.Command {
	o := &evalOptions{}
	c := &cobra.Command{
		Use:     "eval --rules 规则集|文件 [--at 日期] [--sheet 工作表] [--format table|csv|json|xlsx] [-o 文件] [--strict] 数据.csv|数据.xlsx",
		Short:   "用任一规则集计算一张表的每一行",
		Long:    "用规则集计算数据表的每一行：输入按列名读取，每行给出规则集的全部结果，不能计算的行逐行说明原因。",
		Example: evalHelp,
		RunE: func(c *cobra.Command, args []string) error {
			return o.run(c, args)
		},
	}
	c.Flags().StringVar(&o.rules, "rules", "", "内置规则集的名字或规则文件")
	c.Flags().StringVar(&o.ruleset, "ruleset", "", "规则文件中有多个规则集时选一个")
	c.Flags().StringVar(&o.at, "at", "", "计算日期，如 2024-08-31")
	o.out.addFlags(c)
	c.Flags().StringVar(&o.source.sheet, "sheet", "", "读 .xlsx 的这个工作表（默认第一个）")
	c.Flags().StringVar(&o.source.encoding, "input-encoding", "auto", "数据文件（CSV）的编码：auto、utf8、gb18030、utf16le 或 utf16be")
	c.Flags().BoolVar(&o.strict, "strict", false, "有不能计算的行时退出码为 1")
	return c
}

func (o *evalOptions) run(c *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef(c, "需要一个数据文件，这里有 %d 个", len(args))
	}
	if o.rules == "" {
		return usagef(c, "缺少 --rules：内置规则集的名字或规则文件")
	}
	if err := o.out.check(c); err != nil {
		return err
	}
	if err := o.source.check(); err != nil {
		return usagef(c, "%v", err)
	}
	if err := o.out.notInput(c, args[0], o.rules); err != nil {
		return err
	}
	rs, at, err := o.ruleSet(c)
	if err != nil {
		return err
	}
	prog, err := rs.Program(at)
	if err != nil {
		return &findingsError{msg: err.Error()}
	}
	rep, err := o.stream(c, args[0], rs, prog, at)
	if err != nil {
		return err
	}
	if o.strict && rep.rejected > 0 {
		return &findingsError{msg: fmt.Sprintf("有 %d 行不能计算（--strict）", rep.rejected)}
	}
	return nil
}

// ruleSet loads --rules (an embedded rule set's id, or a file on top of the embedded ones) and
// picks the version in force on --at, as jixiao explain does.
func (o *evalOptions) ruleSet(c *cobra.Command) (*rulefile.RuleSet, time.Time, error) {
	var at time.Time
	if o.at != "" {
		var ok bool
		if at, ok = parseDay(o.at); !ok {
			return nil, at, usagef(c, "--at 应为日期，如 2024-08-31，这里是 %q", o.at)
		}
	}
	pick := &explainOptions{ruleset: o.ruleset}
	l, cands, err := pick.candidates(c, o.rules)
	if err != nil {
		return nil, at, err
	}
	if len(l.problems) > 0 {
		l.writeProblems(c.ErrOrStderr())
		return nil, at, &findingsError{}
	}
	rs, err := pick.pick(c, o.rules, cands, at)
	if err != nil {
		return nil, at, err
	}
	if at.IsZero() {
		at = rs.Effective()
	}
	return rs, at, nil
}

// evalRow is one data row once evaluated: its cells, and its results as text (or the reason
// it could not be evaluated), and as the output encodes it.
type evalRow struct {
	num    int
	cells  []string
	values []rules.Value
	err    string
	line   []byte
}

// evalReport is the accounting of a run, for the summary.
type evalReport struct {
	rs                        *rulefile.RuleSet
	at                        time.Time
	rows, evaluated, rejected int
	skipped                   int
	titleUnit                 string // as monitorReport's
}

// stream reads the table row by row, evaluates the rows across cores with tables.Map and
// writes each in input order as it comes.
func (o *evalOptions) stream(c *cobra.Command, path string, rs *rulefile.RuleSet, p *rules.Program, at time.Time) (*evalReport, error) {
	defer limitMemory()() // from the open: a workbook's shared text is read there
	bar := newProgress(c.ErrOrStderr(), path)
	r, f, err := o.source.open(path, bar.reader, evalFields(rs, at))
	if err != nil {
		return nil, usagef(c, "%s：%v", path, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a failed close loses nothing that was read
	defer r.Close() //nolint:errcheck // temporary files only
	inputs, err := evalInputs(r, rs, at)
	if err != nil {
		return nil, usagef(c, "%s：%v", path, err)
	}
	for _, note := range unreadNotes(r.Header(), inputs) {
		_, _ = fmt.Fprintf(c.ErrOrStderr(), "%s:%d: %s\n", path, r.HeaderRow(), note) // a note: a closed stderr must not stop the run
	}
	var fills map[string]string
	if o.out.format == "xlsx" {
		if fills, err = evalFills(rs, at); err != nil {
			return nil, &findingsError{msg: err.Error()}
		}
	}
	dest, err := o.out.open(c)
	if err != nil {
		return nil, err
	}
	rep := &evalReport{rs: rs, at: at, titleUnit: titleUnitUsed(inputs)}
	sink, err := newEvalSink(o.out, dest, r.Header(), p, fills)
	if err == nil {
		defer closeSink(sink)
		err = evalRows(c, r, bar, inputs, p, rep, sink)
	}
	if err == nil {
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

func evalRows(c *cobra.Command, r *tables.Reader, prog *progress, inputs []evalInput, p *rules.Program, rep *evalReport, sink evalSink) error {
	defer prog.done()
	next := func() (evalRow, error) {
		row, err := r.Next()
		if err == nil {
			return evalRow{num: row.Num, cells: row.Cells}, nil
		}
		var re *tables.RowError
		if errors.As(err, &re) {
			return evalRow{num: re.Row, err: re.Msg}, nil
		}
		return evalRow{}, err
	}
	work := func() func(evalRow) evalRow {
		vars := make(map[string]any, len(inputs))
		res := p.NewResult()
		var out evalRow // one per worker: a row handed to the sink by pointer would otherwise escape
		return func(row evalRow) evalRow {
			out = row
			if out.err == "" {
				out.values, out.err = evaluate(row, inputs, vars, p, res)
			}
			out.line = sink.encode(&out)
			return out
		}
	}
	var cur evalRow // as out in work
	emit := func(row evalRow) error {
		cur = row
		rep.rows++
		if cur.err != "" {
			rep.rejected++
		} else {
			rep.evaluated++
		}
		prog.row()
		return writeFailure(sink.row(&cur))
	}
	ctx, stop := batchContext(c)
	defer stop()
	if _, err := tables.Map(ctx, tables.Batch{}, next, work, emit); err != nil {
		return batchError(c, err)
	}
	rep.skipped = r.Skipped()
	return nil
}

// evaluate reads one row's inputs and evaluates the rule set over them, in a worker.
func evaluate(row evalRow, inputs []evalInput, vars map[string]any, p *rules.Program, res *rules.Result) ([]rules.Value, string) {
	if msg := evalVars(tables.Row{Num: row.num, Cells: row.cells}, inputs, vars); msg != "" {
		return nil, msg
	}
	if err := p.EvalInto(vars, res); err != nil {
		return nil, err.Error()
	}
	values := make([]rules.Value, res.Len())
	for i := range values {
		values[i] = res.Value(i)
	}
	return values, ""
}
