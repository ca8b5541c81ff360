// Command embed shows how a finance platform embeds jixiao: it loads the default rule sets and
// a regional profile of its own (with a Go function the rules call by its Chinese name), runs
// the rules' own tests, evaluates a batch of projects on a worker pool through the
// zero-allocation binding, swaps in a revised rule file while evaluation runs, and prints
// results as exact JSON with an explanation.
//
// Its output is the same on every run: go test ./examples/embed compares it to
// testdata/output.golden (refresh with -update).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/rulefile"
)

const (
	rows = 1000     // rows in the generated export
	seed = 20240831 // fixed, so the export is the same on every run
)

// checkpoint is the monitoring date of the batch: the end of August.
var checkpoint = time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	p := &printer{w: w}
	lib, err := openLibrary()
	if err != nil {
		return err
	}
	if err := showLibrary(p, lib); err != nil {
		return err
	}
	recs, rs, t, err := monitorBatch(lib)
	if err != nil {
		return err
	}
	showBatch(p, rs, t)
	if err := t.check(); err != nil {
		return err
	}
	sw, err := hotSwap(lib, checkpoint, recs)
	if err != nil {
		return err
	}
	if err := showSwap(p, sw); err != nil {
		return err
	}
	if err := showJSON(p, lib, recs); err != nil {
		return err
	}
	return p.err
}

// printer writes formatted lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// showLibrary lists every rule set with its version and hash, and runs the tests kept in
// each file: a platform refuses to start on rules that fail their own tests.
func showLibrary(p *printer, lib *rulefile.Library) error {
	p.f("== 1 规则库：内置默认规则 + 厂商规则 ==\n")
	sets := lib.RuleSets()
	idW, fileW := len("ruleset"), len("file") // columns as wide as the longest id and file name
	for _, rs := range sets {
		idW, fileW = max(idW, len(rs.ID())), max(fileW, len(rs.File()))
	}
	p.f("%-*s %-10s %-10s  %-12s  %-*s %s\n", idW, "ruleset", "version", "effective", "hash", fileW, "file", "tests")
	passed, failed := 0, 0
	var failures []string
	for _, rs := range sets {
		ok := 0
		results := rs.RunTests()
		for _, r := range results {
			if r.Passed() {
				ok++
				continue
			}
			failures = append(failures, testFailure(rs, r))
		}
		passed, failed = passed+ok, failed+len(results)-ok
		p.f("%-*s %-10s %-10s  %-12s  %-*s %d/%d\n", idW, rs.ID(), rs.Version(), rs.Effective().Format("2006-01-02"),
			rs.Hash()[:12], fileW, rs.File(), ok, len(results))
	}
	for _, f := range failures {
		p.f("%s\n", f)
	}
	p.f("规则测试：%d passed, %d failed\n\n", passed, failed)
	if failed > 0 {
		return fmt.Errorf("%d 项规则测试未通过", failed)
	}
	return nil
}

func testFailure(rs *rulefile.RuleSet, r rulefile.TestResult) string {
	if r.Err != nil {
		return fmt.Sprintf("%s：测试 %s 出错：%v", rs.File(), r.Name, r.Err)
	}
	lines := make([]string, len(r.Failures))
	for i, f := range r.Failures {
		lines[i] = fmt.Sprintf("测试 %s：%s", r.Name, f)
	}
	return strings.Join(lines, "\n")
}

// monitorBatch generates the export, parses it and evaluates it with the version of the
// vendor's rule set in force at the checkpoint, picked once for the whole batch.
func monitorBatch(lib *rulefile.Library) ([]record, *rulefile.RuleSet, *tally, error) {
	lines := generate(rows, seed)
	recs, rejects := parse(lines)
	rs, err := lib.Get(rulesetID, checkpoint)
	if err != nil {
		return nil, nil, nil, err
	}
	b, err := evalBatch(rs, checkpoint, recs)
	if err != nil {
		return nil, nil, nil, err
	}
	return recs, rs, summarise(len(lines), recs, b, rejects), nil
}

func showBatch(p *printer, rs *rulefile.RuleSet, t *tally) {
	p.f("== 2 批量评价：%s 监控时点，%d 个协程 ==\n", checkpoint.Format("2006-01-02"), workers)
	p.f("规则集 %s 版本 %s，hash 前 12 位 %s（每批只取一次版本）\n", rs.ID(), rs.Version(), rs.Hash()[:12])
	p.f("读入 %d 行 = 输出 %d 行 + 拒绝 %d 行\n", t.in, t.out, len(t.rejected))
	p.f("拒绝的行：\n")
	for _, r := range t.rejected {
		p.f("  第 %d 行 %s [%s] %s\n", r.Row, r.Project, r.Code, r.Reason)
	}
	p.f("等级汇总（金额单位：万元）：\n")
	p.f("  %s%s%s%s%s\n", cell("等级", 4), cell("项目数", 8), cell("预算数", 16), cell("执行数", 16), cell("执行率", 10))
	var count int
	var budget, spent decimal.Decimal
	row := func(grade string, n int, b, s decimal.Decimal) {
		p.f("  %s%s%s%s%s\n", cell(grade, 4), cell(strconv.Itoa(n), 8), cell(amount.FormatGrouped(b, 2), 16),
			cell(amount.FormatGrouped(s, 2), 16), cell(ratio(s, b), 10))
	}
	for _, g := range t.grades {
		row(g.grade, g.count, g.budget, g.spent)
		count, budget, spent = count+g.count, budget.Add(g.budget), spent.Add(g.spent)
	}
	row("合计", count, budget, spent)
	p.f("  预算合计 %s（即 %s），精确，未舍入\n", amount.New(budget, amount.Wan), amount.New(budget, amount.Wan).In(amount.Yi))
	p.f("预警：")
	for i, a := range []string{"红", "黄", "绿"} {
		if i > 0 {
			p.f("，")
		}
		p.f("%s %d", a, t.alerts[a])
	}
	p.f("\n红标项目 %d 个（8 月监控为差，限期整改），前 5 个：%s\n", len(t.flagged), codes(t.flagged, 5))
	p.f("关注分前 5（偏差 × 项目类别系数 × 100）：\n")
	for _, s := range t.top {
		p.f("  %s %s %s 关注分 %s\n", s.rec.Code, s.rec.Category, s.grade, s.score.StringFixed(2))
	}
	p.f("\n")
}

// cell pads s on the left to width terminal columns, counting a Chinese character as two,
// so columns line up under Chinese headings.
func cell(s string, width int) string {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 {
			w++
		}
	}
	return strings.Repeat(" ", max(width-w, 0)) + s
}

// ratio prints a ÷ b as a percentage to 0.01%, or "—" when b is zero.
func ratio(a, b decimal.Decimal) string {
	if b.IsZero() {
		return "—"
	}
	return amount.FormatPercent(a.DivRound(b, 20), 2)
}

func codes(recs []record, n int) string {
	var cs []string
	for _, r := range recs[:min(n, len(recs))] {
		cs = append(cs, r.Code)
	}
	return strings.Join(cs, "、")
}

func showSwap(p *printer, sw *swapReport) error {
	p.f("== 3 热切换：同一规则集、同一生效日的修订版在评价进行中载入 ==\n")
	show := func(label string, rs *rulefile.RuleSet) {
		limit := param(rs, "良上限", checkpoint)
		p.f("%s：%s 版本 %s，hash 前 12 位 %s（良上限 %s，文件 %s）\n", label, rs.ID(), rs.Version(), rs.Hash()[:12],
			amount.FormatPercent(limit.Decimal(), 0), rs.File())
	}
	show("切换前", sw.before)
	p.f("预检：修订文件在临时规则库中编译通过，%d 项测试全部通过，才载入正式规则库\n", sw.tests)
	show("切换后", sw.after)
	yes := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	p.f("在途批次（切换前取得版本、切换后才计算）仍用切换前版本，结果逐行一致：%s\n", yes(sw.inFlightOld))
	p.f("切换完成后开始的批次都用切换后的 hash：%s\n", yes(sw.afterAllNew))
	p.f("每个批次的结果只属于一个版本（与该版本单独计算的结果逐行一致）：%s\n", yes(sw.unmixed))
	for _, c := range sw.changes {
		p.f("两版本等级不同：%s → %s %d 个，如 %s\n", c.from, c.to, len(c.codes), strings.Join(c.codes[:min(3, len(c.codes))], "、"))
	}
	p.f("\n")
	if !sw.inFlightOld || !sw.afterAllNew || !sw.unmixed {
		return fmt.Errorf("热切换检查未通过")
	}
	return nil
}

// showJSON prints two results and one explanation as a platform would store them: with the
// rule set's id, version and hash (审计留痕), and numbers as exact strings.
func showJSON(p *printer, lib *rulefile.Library, recs []record) error {
	p.f("== 4 JSON 结果（数字为字符串，精确；含规则集版本与 hash） ==\n")
	rs, err := lib.Get(rulesetID, checkpoint)
	if err != nil {
		return err
	}
	var good, poor *record
	for i := range recs {
		ev, err := rs.Evaluate(checkpoint, recs[i].vars())
		if err != nil {
			continue // rejected rows are listed above
		}
		grade, _ := ev.Values.Get("等级")
		flag, _ := ev.Values.Get("红标")
		switch {
		case good == nil && grade.Text() == "良":
			good = &recs[i]
		case poor == nil && flag.Bool():
			poor = &recs[i]
		}
		if good != nil && poor != nil {
			break
		}
	}
	if good == nil || poor == nil {
		return fmt.Errorf("批次中没有良等或红标项目可作示例")
	}
	for _, rec := range []*record{good, poor} {
		ev, err := rs.Evaluate(checkpoint, rec.vars())
		if err != nil {
			return err
		}
		if err := p.json(rec.Code+" 评价结果", ev); err != nil {
			return err
		}
	}
	ev, err := rs.Explain(checkpoint, good.vars())
	if err != nil {
		return err
	}
	return p.json(good.Code+" 评价结果与解释（每个公式、取值和决策表行）", ev)
}

// json prints v indented. It does not escape < and > (json.MarshalIndent would write
// "偏差 \u003c= 良上限"), so staff can read the rule text in the trace.
func (p *printer) json(title string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	p.f("-- %s --\n%s", title, b.Bytes())
	return nil
}
