package main

import (
	"encoding/csv"
	"errors"
	"strings"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/tables"
)

// The helpers below read cells and CSV the way jixiao monitor always has; jixiao score reads
// its forms with them too.

// blankRow tells a row whose every cell is blank.
func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// csvProblem says in Chinese what encoding/csv found wrong; its errors are values, so this
// reads them, not their English text.
func csvProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "引号不成对或位置不对"
	case errors.Is(err, csv.ErrBareQuote):
		return "不带引号的格子里有引号（格子里有引号时，整个格子要用引号括起来，其中的引号写两遍）"
	}
	return err.Error()
}

// splitUnit reads 预算数（万元） as 预算数 in 万元; a cell without a unit is in 万元.
func splitUnit(cell string) (string, amount.Unit, error) {
	name, unit := tables.Normalize(cell)
	if unit == "" {
		return name, amount.Wan, nil
	}
	u, err := amount.ParseUnit(unit)
	if err != nil {
		return "", 0, err
	}
	return name, u, nil
}

// readAmount reads a cell through package amount, as staff type it (1,000.50, full-width
// digits, blanks), in the column's unit; a cell that names its own unit (3亿元) keeps it.
func readAmount(col, s string, unit amount.Unit) (amount.Amount, string) {
	if s == "" {
		return amount.Amount{}, col + "为空"
	}
	a, err := amount.ParseAmount(s, unit)
	if err != nil {
		return amount.Amount{}, col + "：" + err.Error()
	}
	return a, ""
}
