package rulefile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

const aliasHead = "ruleset: 别名\neffective: 2024-01-01\ninputs:\n"

func TestInputAliases(t *testing.T) {
	_, sets := ldMust(t, ldFile("别名.yaml", aliasHead+
		"  预算数: {type: decimal, unit: 万元, aliases: [调整后预算数, 全年预算数]}\n"+
		"  执行数: {type: decimal, aliases: 截至8月底支出数}\n"+
		"formulas:\n  执行率: 执行数 / 预算数\n"))
	in := sets[0].Inputs()
	require.Len(t, in, 2)
	assert.Equal(t, []string{"调整后预算数", "全年预算数"}, in[0].Aliases, "a list keeps its order of preference")
	assert.Equal(t, []string{"截至8月底支出数"}, in[1].Aliases, "one alias may be written alone")

	in[0].Aliases[0] = "改过"
	assert.Equal(t, "调整后预算数", sets[0].Inputs()[0].Aliases[0], "Inputs hands out copies: the rule set never changes")
}

func TestInputAliasMistakes(t *testing.T) {
	rows := []struct {
		reason string
		inputs string
		want   string
	}{
		{"an alias that is another input's name could read one column as either input",
			"  预算数: {type: decimal, aliases: [执行数]}\n  执行数: {type: decimal}\n", "已是输入 执行数 的名称或别名"},
		{"two inputs sharing an alias", "  甲: {type: decimal, aliases: [金额]}\n  乙: {type: decimal, aliases: [金额]}\n", "已是输入 甲 的名称或别名"},
		{"an empty alias names no column", "  甲: {type: decimal, aliases: [\"\"]}\n", "别名不能为空"},
		{"a misspelt key is still caught beside aliases", "  甲: {type: decimal, alias: [金额]}\n", "alias"},
	}
	for _, tt := range rows {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := rulefile.NewLibrary().LoadBytes(ldFile("别名.yaml", aliasHead+tt.inputs+"formulas:\n  x: 1\n"))
			require.Error(t, err)
			list := rules.Errors(err)
			require.NotEmpty(t, list)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, "别名.yaml", list[0].File)
			assert.Positive(t, list[0].Line)
		})
	}
}
