package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

func TestScoreIndicator(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name                   string
		nature                 scoring.Nature
		dir                    scoring.Direction
		target, actual, points string
		completion, score      string
		reason                 string
	}{
		{"正向", scoring.AtLeast, scoring.HigherIsBetter, "100", "86", "10", "0.86", "8.6", "实际值 ÷ 指标值 × 分值"},
		{"正向超额", scoring.AtLeast, scoring.HigherIsBetter, "100", "150", "10", "1.5", "10", "完成率保留，得分封顶"},
		{"正向恰好", scoring.AtLeast, scoring.HigherIsBetter, "95%", "95%", "10", "1", "10", "达到指标得满分"},
		{"反向", scoring.AtMost, scoring.LowerIsBetter, "5", "8", "4", "0.625", "2.5", "指标值 ÷ 实际值 × 分值"},
		{"反向达到", scoring.AtMost, scoring.LowerIsBetter, "5", "5", "4", "1", "4", "不超过指标值即满分"},
		{"反向为零", scoring.AtMost, scoring.LowerIsBetter, "0", "0", "4", "1", "4", "零投诉不会除以零"},
		{"等于偏低", scoring.Equal, scoring.HigherIsBetter, "12", "9", "6", "0.75", "4.5", "等于型偏低按比例"},
		{"等于偏高", scoring.Equal, scoring.HigherIsBetter, "12", "15", "6", "0.8", "4.8", "等于型偏高按 指标值 ÷ 实际值"},
		{"三分之二", scoring.AtLeast, scoring.HigherIsBetter, "3", "2", "5", "0.66666666666666666667", "3.33", "得分四舍五入到两位"},
		{"实际值为负", scoring.AtLeast, scoring.HigherIsBetter, "1", "-3", "30", "-3", "0",
			"new-user pass: -3 against 1 scored -90 and a project total of -44.50; a score is never negative"},
		{"指标值为负未达到", scoring.AtLeast, scoring.HigherIsBetter, "-0.05", "-0.1", "5", "0", "0",
			"new-user pass: a ≥ target of -5% gave full marks whatever the actual; a ratio means nothing here, so met or not"},
		{"指标值为负达到", scoring.AtLeast, scoring.HigherIsBetter, "-0.05", "-0.01", "5", "1", "5", "met at or above a target ≤ 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			ind := scoring.Indicator{Name: tc.name, Nature: tc.nature, Direction: tc.dir,
				Target: dec(t, tc.target), Actual: dec(t, tc.actual)}
			got, err := s.ScoreIndicator(ind, dec(t, tc.points))
			require.NoError(t, err)
			assert.True(t, dec(t, tc.completion).Equal(got.Completion), "%s: completion %s", tc.reason, got.Completion)
			assert.True(t, dec(t, tc.score).Equal(got.Score), "%s: score %s", tc.reason, got.Score)
		})
	}
}

func TestQualitativeBands(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name     string
		outcome  scoring.Outcome
		assessed string // empty: none given
		score    string // empty: an error
		reason   string
	}{
		{"达成满分", scoring.Achieved, "10", "10", "达成最高得满分"},
		{"达成下沿", scoring.Achieved, "8", "8", "80% 含本数"},
		{"达成低于档", scoring.Achieved, "7.99", "", "达成不能低于 80%"},
		{"部分达成上沿", scoring.PartAchieved, "8", "8", "两档相接处两边都可以"},
		{"部分达成超档", scoring.PartAchieved, "8.01", "", "部分达成不能高于 80%"},
		{"未达成", scoring.NotAchieved, "5.5", "5.5", "未达成 0—60%"},
		{"未达成超档", scoring.NotAchieved, "6.5", "", "未达成不能高于 60%"},
		{"未评定取下限", scoring.PartAchieved, "", "6", "没有评定得分时不多给分"},
		{"未达成未评定", scoring.NotAchieved, "", "0", "未达成的下限是零"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			ind := scoring.Indicator{Name: "按时完成", Nature: scoring.Qualitative, Outcome: tc.outcome}
			if tc.assessed != "" {
				ind.Assessed = decimal.NewNullDecimal(dec(t, tc.assessed))
			}
			got, err := s.ScoreIndicator(ind, dec(t, "10"))
			if tc.score == "" {
				require.Error(t, err, tc.reason)
				assert.Contains(t, err.Error(), "不在“"+tc.outcome.String()+"”的", tc.reason)
				return
			}
			require.NoError(t, err, tc.reason)
			assert.True(t, dec(t, tc.score).Equal(got.Score), "%s: score %s", tc.reason, got.Score)
		})
	}
}

func TestParseIndicatorWords(t *testing.T) {
	for _, tc := range []struct {
		text   string
		want   scoring.Nature
		reason string
	}{
		{"≥", scoring.AtLeast, "表中常见写法"},
		{">=", scoring.AtLeast, "半角键盘打法"},
		{"≤", scoring.AtMost, "表中常见写法"},
		{"<=", scoring.AtMost, "半角键盘打法"},
		{"＝", scoring.Equal, "全角等号"},
		{" 定性 ", scoring.Qualitative, "单元格里多了空格"},
	} {
		n, err := scoring.ParseNature(tc.text)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.want, n, tc.reason)
	}
	_, err := scoring.ParseNature("约等于")
	assert.ErrorContains(t, err, "无法识别的指标性质")
	assert.Equal(t, "定性", scoring.Qualitative.String())
	assert.Equal(t, "Nature(7)", scoring.Nature(7).String())

	d, err := scoring.ParseDirection("", scoring.AtMost)
	require.NoError(t, err)
	assert.Equal(t, scoring.LowerIsBetter, d, "≤ implies 反向 when the column is empty")
	d, err = scoring.ParseDirection("正向", scoring.AtMost)
	require.NoError(t, err)
	assert.Equal(t, scoring.HigherIsBetter, d, "an explicit direction wins")
	_, err = scoring.ParseDirection("向上", scoring.AtLeast)
	assert.Error(t, err)
	assert.Equal(t, "反向", scoring.LowerIsBetter.String())
	assert.Equal(t, "正向", scoring.HigherIsBetter.String())
	assert.Equal(t, "Direction(2)", scoring.Direction(2).String(), "an out-of-range direction must not print as 正向")

	o, err := scoring.ParseOutcome("部分达成")
	require.NoError(t, err)
	assert.Equal(t, scoring.PartAchieved, o)
	_, err = scoring.ParseOutcome("基本达成")
	assert.ErrorContains(t, err, "无法识别的完成情况")
	assert.Equal(t, "", scoring.NoOutcome.String())
}

func TestSatisfaction(t *testing.T) {
	r, err := scoring.Satisfaction(171, 180)
	require.NoError(t, err)
	assert.True(t, dec(t, "0.95").Equal(r))
	_, err = scoring.Satisfaction(0, 0)
	assert.ErrorContains(t, err, "无法计算满意度", "no respondents is not 0%")
	_, err = scoring.Satisfaction(5, 4)
	assert.Error(t, err, "more satisfied than asked is a typing error")
}

func TestCheckKeyWeights(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name       string
		d, p, o, b string
		want       string // empty: accepted
		reason     string
	}{
		{"恰好六成", "20", "20", "30", "30", "", "60% 含本数"},
		{"决策二十管理十绩效七十", "20", "10", "35", "35", "", "DOMAIN.md 中某市的权重"},
		{"不足六成", "25", "20", "30", "25", "占总权重的 55.00%", "产出加效益不足六成"},
		{"全为零", "0", "0", "0", "0", "占总权重的 0.00%", "没有权重不能通过"},
		{"决策为负", "-50", "0", "100", "50", "决策 的权重为负", "合计 100、产出效益 150% 也不能通过：负的权重没有意义"},
		{"六成差一点", "20", "20.01", "30", "29.99", "占总权重的 59.99%", "59.99% 不足六成"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			err := s.CheckKeyWeights(scoring.KeyWeights{Decision: dec(t, tc.d), Process: dec(t, tc.p),
				Output: dec(t, tc.o), Benefit: dec(t, tc.b)})
			if tc.want == "" {
				assert.NoError(t, err, tc.reason)
				return
			}
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.want, tc.reason)
		})
	}
}

// TestScoreIndicatorRescaledAssessment pins how an assessor's marks follow a rescaled row:
// they were kept as written and checked against the rescaled band, so 18 of 20 (达成) on a
// row rescaled to 30 was refused as under 达成's 24.
func TestScoreIndicatorRescaledAssessment(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	third := dec(t, "100").DivRound(dec(t, "3"), 20)
	for _, tc := range []struct {
		name             string
		outcome          scoring.Outcome
		assessed, points string
		rescaled         decimal.Decimal
		want, err        string
		reason           string
	}{
		{"按份额", scoring.Achieved, "18", "20", dec(t, "30"), "27", "", "18 of 20 is 27 of 30"},
		{"未调整", scoring.PartAchieved, "13", "20", dec(t, "20"), "13", "", "no rescaling, the marks as written"},
		{"档在表中分值上查", scoring.Achieved, "15", "20", dec(t, "30"), "", "评定得分 15 不在“达成”的 16.00—20.00 分之间",
			"the band the assessor saw is the form's: 15 of 20 is under 达成 there"},
		{"档的下沿", scoring.Achieved, "16", "20", third, "26.67", "",
			"16 of 20 is 26.666… of 33.33…, under the rule's rounded band end 26.67 only by that rounding: the edge"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			ind := scoring.Indicator{Level1: "效益", Name: "甲", Nature: scoring.Qualitative, Outcome: tc.outcome,
				Assessed: decimal.NewNullDecimal(dec(t, tc.assessed)), Points: dec(t, tc.points)}
			is, err := s.ScoreIndicator(ind, tc.rescaled)
			if tc.err != "" {
				require.Error(t, err, tc.reason)
				assert.Contains(t, err.Error(), tc.err, tc.reason)
				return
			}
			require.NoError(t, err, tc.reason)
			assert.True(t, dec(t, tc.want).Equal(is.Score), "%s: got %s", tc.reason, is.Score)
			assert.True(t, dec(t, tc.assessed).Equal(is.Indicator.Assessed.Decimal), "%s: the indicator keeps the marks as written", tc.reason)
		})
	}
}
