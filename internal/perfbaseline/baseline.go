// Package perfbaseline is the yardstick for jixiao monitor's speed: what a platform engineer
// would write by hand, without jixiao, to grade a monitoring table by Minfeng's rules at the
// August checkpoint — read the CSV, grade each project with shopspring/decimal, write one CSV
// line per project and the totals per grade — straightforwardly, on one goroutine — and the
// seeded generator of the tables it is measured on. It is not part of the jixiao binary; the
// command in cmd/perfbaseline runs it:
//
//	go run ./internal/perfbaseline/cmd/perfbaseline gen 1000000 > /tmp/projects.csv
//	go run ./internal/perfbaseline/cmd/perfbaseline run /tmp/projects.csv > /tmp/baseline.csv
//
// The rules are written into the code here on purpose (that is the baseline's point); jixiao
// reads them from rulesets/minfeng-monitor.yaml. cmd/jixiao's perf test checks both grade a
// generated table alike.
package perfbaseline

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Run is the command: gen N writes a generated table of N projects to stdout; run FILE grades
// the table in FILE to stdout, with the totals per grade on stderr.
func Run(args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 {
		return errors.New("usage: perfbaseline gen N | run FILE")
	}
	switch args[0] {
	case "gen":
		n, err := strconv.Atoi(args[1])
		if err != nil {
			return err
		}
		return Generate(stdout, n)
	case "run":
		f, err := os.Open(args[1]) //nolint:gosec // the file to grade is the program's argument
		if err != nil {
			return err
		}
		defer f.Close() //nolint:errcheck // read-only
		return Grade(f, stdout, stderr)
	}
	return errors.New("usage: perfbaseline gen N | run FILE")
}

var (
	depts = []string{"教育局", "民政局", "交通运输局", "农业农村和水利局", "卫生健康委", "住房和城乡建设局", "尼雅镇", "萨勒吾则克乡"}
	funds = []string{"一般公共预算", "衔接资金", "债务", "政府性基金"}
)

// Generate writes n projects, seeded, as a county's monitoring table in UTF-8: budgets of
// 1–10,000万元 to two places, spending from none to all of it.
func Generate(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	rng := rand.New(rand.NewPCG(2024, 8)) //nolint:gosec // seeded on purpose: the same table every time
	if _, err := fmt.Fprintln(bw, "项目编号,项目名称,部门,资金类型,预算数（万元）,执行数（万元）"); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		budget := 100 + rng.Int64N(1_000_000)
		spent := budget * rng.Int64N(10_001) / 10_000
		if _, err := fmt.Fprintf(bw, "P%07d,监控项目%d,%s,%s,%d.%02d,%d.%02d\n", i, i, depts[rng.IntN(len(depts))], funds[rng.IntN(len(funds))],
			budget/100, budget%100, spent/100, spent%100); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Grade reads the table, grades every project at 2024-08-31 and writes one line per project.
func Grade(r io.Reader, w io.Writer, stderr io.Writer) error {
	checkpoint := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	month := int64(checkpoint.Month())
	progress := decimal.NewFromInt(month).DivRound(decimal.NewFromInt(12), 20)
	limit := decimal.New(2, -1)
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	out := csv.NewWriter(bw)
	out.UseCRLF = true
	_ = out.Write([]string{"行", "项目编号", "项目名称", "部门", "资金类型", "预算数（万元）", "执行数（万元）", "等级", "偏差", "红标", "整改期限", "不能评级的原因"})
	counts := map[string]int{}
	totals := map[string]decimal.Decimal{}
	seen := map[string]bool{}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		line, g, budget := gradeOne(row, rec, seen, progress, limit, month, checkpoint)
		if g != "" {
			counts[g]++
			totals[g] = totals[g].Add(budget)
		}
		_ = out.Write(line)
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return err
	}
	for _, g := range []string{"优", "良", "差"} {
		if _, err := fmt.Fprintf(stderr, "%s %d %s\n", g, counts[g], totals[g].String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func gradeOne(row int, rec []string, seen map[string]bool, progress, limit decimal.Decimal, month int64, checkpoint time.Time) ([]string, string, decimal.Decimal) {
	num := strconv.Itoa(row)
	reject := func(msg string) ([]string, string, decimal.Decimal) {
		return []string{num, rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], "", "", "", "", msg}, "", decimal.Zero
	}
	if seen[rec[0]] {
		return reject("项目编号重复")
	}
	seen[rec[0]] = true
	budget, err := decimal.NewFromString(rec[4])
	if err != nil || budget.Sign() <= 0 {
		return reject("预算数有误")
	}
	spent, err := decimal.NewFromString(rec[5])
	if err != nil {
		return reject("执行数有误")
	}
	rate := spent.DivRound(budget, 20)
	dev := decimal.Max(progress.Sub(rate), decimal.Zero).DivRound(progress, 20).Round(4)
	g := "差"
	switch {
	case dev.IsZero():
		g = "优"
	case dev.LessThanOrEqual(limit):
		g = "良"
	}
	red, by := "否", ""
	if g == "差" && month == 8 {
		red, by = "是", checkpoint.AddDate(0, 0, 30).Format("2006-01-02")
	}
	return []string{num, rec[0], rec[1], rec[2], rec[3], budget.String(), spent.String(), g, dev.StringFixed(4), red, by, ""}, g, budget
}
