package main

import (
	"fmt"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/tables"
)

// unreadNotes warns of the one way a column can be silently left out of a figure: an input
// with a default is not in the table, and a column the evaluation does not read is headed
// nearly like it (有评价 for 有评定) — most likely the same column misspelt, so the default
// would stand in for the staff's own values. Other columns that are not inputs (项目名称,
// 备注) are simply carried into the CSV and xlsx output: they are the staff's, not a mistake.
func unreadNotes(header []string, list []evalInput) []string {
	used := map[int]bool{}
	for _, e := range list {
		used[e.at] = true
	}
	var unread []string
	byName := map[string]string{}
	for i, h := range header {
		name, _ := tables.Normalize(h)
		if used[i] || name == "" {
			continue
		}
		unread = append(unread, name)
		byName[name] = h
	}
	absent := map[string]evalInput{} // every name an absent input with a default goes by
	var names []string
	for _, e := range list {
		if e.at >= 0 || !e.hasDef {
			continue
		}
		for _, n := range append([]string{e.in.Name}, e.in.Aliases...) {
			absent[n] = e
			names = append(names, n)
		}
	}
	var notes []string
	for _, col := range unread { // one note per column, naming the input it is closest to
		near := suggest.Closest(col, append([]string(nil), names...))
		if near == "" {
			continue
		}
		e := absent[near]
		notes = append(notes, fmt.Sprintf("提示：列“%s”没有读取，表中也没有“%s”列，%s 按默认值 %s 计算；如果这一列就是 %s，请把表头改为“%s”",
			byName[col], e.in.Name, e.in.Name, e.def, e.in.Name, e.in.Name))
	}
	return notes
}
