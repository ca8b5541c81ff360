package rules

import (
	"fmt"
	"strings"
)

// tableStep compiles a decision table: rows are tried in order, the first whose condition
// holds writes its outcome. No match without an else row is an R004 error naming the table
// and the values its conditions read.
func tableStep[N any, A arithmetic[N]](b *compiler[N, A], d *def) func(*frame) {
	t := d.table
	type row struct {
		when boolFn
		then func(*frame)
		text string
		line int
		col  int
	}
	rows := make([]row, len(t.Rows))
	var reads []*node
	for i, r := range t.Rows {
		when, then := d.nodes[2*i], d.nodes[2*i+1]
		rows[i].then = b.store(then, d.sym.slot)
		rows[i].text, rows[i].line, rows[i].col = "else", max(r.Pos.Line, 1), max(r.Pos.Col, 1)
		if !r.Else {
			rows[i].when = b.boolean(when)
			rows[i].text = when.src.text
			rows[i].line, rows[i].col = when.src.lineCol(0)
			reads = append(reads, slotsRead(when)...)
		}
	}
	describe := describeSlots(b, reads)
	get := b.valueOf(&node{op: opSlot, typ: d.sym.typ, slot: d.sym.slot})
	src := &source{text: t.Name, pos: t.Pos, ruleID: t.Name, lines: []int{0}}
	where := &node{src: src}
	tracing := b.tracing
	return func(f *frame) {
		for i := range rows {
			r := &rows[i]
			matched := r.when == nil || r.when(f)
			if f.err != nil { // the condition failed (a division by zero): no later row is tried
				if tracing && f.trace != nil {
					*f.trace = append(*f.trace, TraceStep{Rule: t.Name, Kind: "row", File: t.Pos.File, Row: i + 1, Text: r.text, Line: r.line, Col: r.col, Failed: true})
				}
				return
			}
			if tracing && f.trace != nil {
				step := TraceStep{Rule: t.Name, Kind: "row", File: t.Pos.File, Row: i + 1, Text: r.text, Line: r.line, Col: r.col, Matched: matched}
				if matched {
					r.then(f)
					step.Value = get(f)
				}
				*f.trace = append(*f.trace, step)
				if matched {
					return
				}
				continue
			}
			if matched {
				r.then(f)
				return
			}
		}
		f.fail(where, ErrNoMatch, fmt.Sprintf("决策表 %s 没有匹配的行，也没有 else 行（%s）", t.Name, describe(f)))
	}
}

// slotsRead lists the named values a condition reads, for the no-match message.
func slotsRead(n *node) []*node {
	if n == nil {
		return nil
	}
	if n.op == opSlot && n.name != "" {
		return []*node{n}
	}
	if n.op == opLit && n.name != "" { // a param
		return []*node{n}
	}
	var out []*node
	for _, k := range n.kids {
		out = append(out, slotsRead(k)...)
	}
	return out
}

func describeSlots[N any, A arithmetic[N]](b *compiler[N, A], reads []*node) func(*frame) string {
	seen := map[string]bool{}
	type item struct {
		name string
		get  func(*frame) Value
	}
	var items []item
	for _, n := range reads {
		if seen[n.name] {
			continue
		}
		seen[n.name] = true
		plain := &node{op: n.op, typ: n.typ, slot: n.slot, lit: n.lit, litDec: n.litDec, src: n.src}
		items = append(items, item{n.name, b.valueOf(plain)})
	}
	return func(f *frame) string {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = it.name + " = " + it.get(f).String()
		}
		if len(parts) == 0 {
			return "条件不读取任何值"
		}
		return strings.Join(parts, "，")
	}
}
