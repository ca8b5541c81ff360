package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, text, unit, computed string
		agrees                     bool
		shown, diff                string
		reason                     string
	}{
		{"执行率", "86.9%", "", "0.8700176948", false, "87.0%", "+0.1 个百分点", "种子：按一位小数应为 87.0%"},
		{"执行率两位", "98.78%", "", "0.98782978723", true, "98.78%", "0.00 个百分点", "按印出的 0.01% 核对"},
		{"一位小数宽松", "87.0%", "", "0.8700176948", true, "87.0%", "0.0 个百分点", "印到 0.1% 的，只核到 0.1%"},
		{"总金额", "11285.11", "万元", "12085.11", false, "12085.11", "+800.00 万元", "种子：明细合计多 800 万元"},
		{"千位分隔", "10,113.65", "万元", "10113.65", true, "10,113.65", "0.00 万元", "照印出的写法输出"},
		{"单位数", "6", "个", "5", false, "5", "-1 个", "个数也核对"},
		{"平均分", "91.3", "分", "91.34", true, "91.34", "0.0 分", "印到一位小数的只核到一位；算得的值照写，差额为零"},
		{"平均分进位", "91.3", "分", "91.35", false, "91.35", "+0.05 分", "四舍五入后不等；写出算得的 91.35，不写成 91.4"},
		{"整数得分", "20", "分", "22.5", false, "22.5", "+2.5 分", "自评表写 20 分，按比例算得 22.5 分：不写成 23 分、相差 3 分"},
		{"整数得分一致", "23", "分", "22.5", true, "22.5", "0 分", "按整数核对一致，算得的 22.5 照写"},
		{"除不尽的比率", "86.90%", "", "0.8700176948", false, "87.00%", "+0.10 个百分点", "除不尽的按报告的位数写，不写出二十位小数"},
		{"多两位以内照写", "98.8%", "", "0.9878", true, "98.78%", "0.0 个百分点", "恰好四位小数的比率照写"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			d, err := scoring.ParseDeclared(tc.name, tc.text, tc.unit)
			require.NoError(t, err)
			f := scoring.Check(d, dec(t, tc.computed))
			assert.Equal(t, tc.agrees, f.Agrees(), tc.reason)
			assert.Equal(t, tc.shown, f.ComputedText(), tc.reason)
			assert.Equal(t, tc.diff, f.DifferenceText(), tc.reason)
			assert.Contains(t, f.String(), tc.name+"：报告 "+tc.text, "the line names the figure and the declared value")
		})
	}
	_, err := scoring.ParseDeclared("坏", "12.3.4", "")
	assert.ErrorContains(t, err, "坏：")
}
