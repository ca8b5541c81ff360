package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jixiao-go/jixiao/rules"
)

func TestReferences(t *testing.T) {
	rows := []struct {
		name, text string
		want       []string
		reason     string
	}{
		{name: "formula", text: "round(执行数 / 预算数, 4)", want: []string{"round", "执行数", "预算数"},
			reason: "names in order of first appearance, the function among them"},
		{name: "repeat", text: "a + a * b", want: []string{"a", "b"}, reason: "each name once"},
		{name: "let", text: "let x = 执行数; x / 预算数", want: []string{"执行数", "预算数"},
			reason: "a let-bound name is not a declaration's"},
		{name: "dot-in-name", text: "PM2.5浓度 > 75", want: []string{"PM2.5浓度"},
			reason: "the decimal point the pre-lexer hid from expr is put back"},
		{name: "string", text: `等级 == "优"`, want: []string{"等级"}, reason: "text in quotes is no name"},
		{name: "broken", text: "执行数 / ", want: nil, reason: "text that does not parse names nothing"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			needReason(t, r.name, r.reason)
			assert.Equal(t, r.want, rules.References(rules.Expr{Text: r.text}), r.reason)
		})
	}
}
