package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rulesets"
	"github.com/jixiao-go/jixiao/scoring"
)

// assessed is a 评分 row: the evaluator's points against the form's criteria.
func assessed(t *testing.T, level1, name, points, got string) scoring.Indicator {
	return scoring.Indicator{Level1: level1, Name: name, Nature: scoring.Assessed, Points: dec(t, points),
		Assessed: decimal.NewNullDecimal(dec(t, got))}
}

func atLeast(t *testing.T, level1, name, points, target, actual string) scoring.Indicator {
	return scoring.Indicator{Level1: level1, Name: name, Points: dec(t, points), Target: dec(t, target), Actual: dec(t, actual)}
}

// keyTable is a key evaluation laid out on the national framework (财预〔2020〕10号 附件2):
// 决策 20, 过程 20, 产出 30, 效益 30.
func keyTable(t *testing.T) []scoring.Indicator {
	return []scoring.Indicator{
		assessed(t, "决策", "立项依据充分性", "5", "5"),
		assessed(t, "决策", "立项程序规范性", "5", "4"),
		assessed(t, "决策", "绩效目标合理性", "5", "4.5"),
		assessed(t, "决策", "预算编制科学性", "5", "5"),
		atLeast(t, "过程", "资金到位率", "5", "1", "1"),
		atLeast(t, "过程", "预算执行率", "5", "1", "0.9878"),
		assessed(t, "过程", "资金使用合规性", "5", "5"),
		assessed(t, "过程", "制度执行有效性", "5", "4"),
		atLeast(t, "产出", "救助人次", "15", "1000", "950"),
		atLeast(t, "产出", "资金发放及时率", "15", "1", "1"),
		{Level1: "效益", Name: "困难群众生活改善", Nature: scoring.Qualitative, Outcome: scoring.Achieved,
			Points: dec(t, "15"), Assessed: decimal.NewNullDecimal(dec(t, "14"))},
		atLeast(t, "效益", "受助群众满意度", "15", "0.9", "0.95"),
	}
}

func TestScoreKeyEvaluation(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	ks, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K1", Name: "困难群众救助资金", Items: keyTable(t)})
	require.NoError(t, err)
	for _, want := range []struct {
		group, points, score string
		reason               string
	}{
		{"决策", "20", "18.5", "评分 rows take the evaluator's points: 5 + 4 + 4.5 + 5"},
		{"过程", "20", "18.94", "5 + round(0.9878 × 5, 2) = 4.94 + 5 + 4"},
		{"产出", "30", "29.25", "950 ÷ 1000 × 15 = 14.25, plus 15"},
		{"效益", "30", "29", "定性 达成 takes the assessed 14 (inside 12–15); 95% ≥ 90% is full marks"},
	} {
		var got scoring.GroupScore
		for _, g := range ks.Groups {
			if g.Name == want.group {
				got = g
			}
		}
		assert.True(t, dec(t, want.points).Equal(got.Points), "%s: %s points %s", want.reason, want.group, got.Points)
		assert.True(t, dec(t, want.score).Equal(got.Score), "%s: %s score %s", want.reason, want.group, got.Score)
	}
	assert.True(t, dec(t, "95.69").Equal(ks.Total), "the total is the sum of the groups: %s", ks.Total)
	assert.Equal(t, scoring.Excellent, ks.Graded.Grade, "95.69 ≥ 90")
	assert.Equal(t, "priority", ks.Action.Code, "Minfeng's action for 优")
	assert.True(t, dec(t, "0.6").Equal(ks.Share), "产出 30 + 效益 30 of 100: %s", ks.Share)
	require.Len(t, ks.Weights, 4)
	assert.Equal(t, "决策", ks.Weights[0].Name, "the rule set's order")
}

func TestScoreKeyEvaluationRefuses(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name   string
		edit   func([]scoring.Indicator) []scoring.Indicator
		want   string
		reason string
	}{
		{"产出效益不足六成", func(l []scoring.Indicator) []scoring.Indicator {
			l[0].Points, l[0].Assessed = dec(t, "10"), decimal.NewNullDecimal(dec(t, "10")) // 决策 25
			l[10].Points = dec(t, "10")                                                     // 效益 25
			return l
		}, "产出与效益占总权重的 55.00%", "财预〔2020〕10号: 产出 + 效益 at least 60%"},
		{"合计不是一百", func(l []scoring.Indicator) []scoring.Indicator {
			return l[1:]
		}, "各指标分值合计 95，应为 100", "a row left out is not silently rescaled away"},
		{"一级指标不认识", func(l []scoring.Indicator) []scoring.Indicator {
			l[0].Level1 = "管理"
			return l
		}, `一级指标 "管理" 不在重点评价的 决策、过程、产出、效益 之中`, "a typo in 一级 is named, with the names allowed"},
		{"评分超过分值", func(l []scoring.Indicator) []scoring.Indicator {
			l[1].Assessed = decimal.NewNullDecimal(dec(t, "5.5"))
			return l
		}, "评定得分 5.5 不在", "an evaluator cannot give more than the item's points"},
		{"评分为负", func(l []scoring.Indicator) []scoring.Indicator {
			l[1].Assessed = decimal.NewNullDecimal(dec(t, "-1"))
			return l
		}, "评定得分 -1 不在", "nor less than 0"},
		{"评分缺评定", func(l []scoring.Indicator) []scoring.Indicator {
			l[1].Assessed = decimal.NullDecimal{}
			return l
		}, "评分指标 立项程序规范性 缺少评定得分", "an assessed row without points is not 0 or full marks"},
		{"一级全部不适用", func(l []scoring.Indicator) []scoring.Indicator {
			l[8].NotApplicable, l[9].NotApplicable = true, true
			return l
		}, "一级指标 产出（30 分）没有适用的指标", "30 points cannot be rescaled onto nothing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K", Items: tc.edit(keyTable(t))})
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.want, tc.reason)
		})
	}
}

func TestScoreKeyEvaluationNotApplicable(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	items := keyTable(t)
	items[8].NotApplicable = true // 救助人次 15 of 产出's 30: 资金发放及时率 now carries all 30
	ks, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K", Items: items})
	require.NoError(t, err)
	require.Len(t, ks.Dropped, 1, "the 不适用 row is listed, not scored")
	assert.True(t, dec(t, "30").Equal(ks.Groups[2].Score), "the remaining 产出 row is rescaled to 30: %s", ks.Groups[2].Score)
	assert.True(t, dec(t, "96.44").Equal(ks.Total), "18.5 + 18.94 + 30 + 29: %s", ks.Total)
}

// A region with 决策 20, 管理 10, 绩效 70 (DOMAIN.md) writes its own key-weights file: its
// inputs name its 一级 items, and the mechanism reads them from there.
func TestScoreKeyEvaluationVendorGroups(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := rulesets.Load(lib)
	require.NoError(t, err)
	_, err = lib.LoadBytes(rulefile.Source{Name: "某市重点评价.yaml", Data: []byte(`ruleset: city-key-evaluation
title: 某市重点评价权重
effective: 2020-01-01
inputs:
  决策权重: {type: decimal}
  管理权重: {type: decimal}
  绩效权重: {type: decimal}
params:
  绩效最低占比: 60%
formulas:
  总权重: 决策权重 + 管理权重 + 绩效权重
  产出效益占比: if 总权重 > 0 { 绩效权重 / 总权重 } else { 0 }
  权重有效: 产出效益占比 >= 绩效最低占比
  总满分: 100
`)})
	require.NoError(t, err)
	rs, err := lib.Get("city-key-evaluation", day)
	require.NoError(t, err)
	p, err := scoring.Profile{}.With(rs)
	require.NoError(t, err)
	s, err := scoring.New(lib, p, day)
	require.NoError(t, err)
	items := []scoring.Indicator{
		assessed(t, "决策", "立项依据充分性", "20", "18"),
		assessed(t, "管理", "资金管理", "10", "9"),
		atLeast(t, "绩效", "完成率", "70", "100", "80"),
	}
	ks, err := s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K", Items: items})
	require.NoError(t, err)
	assert.True(t, dec(t, "83").Equal(ks.Total), "18 + 9 + 0.8 × 70: %s", ks.Total)
	assert.Equal(t, scoring.Good, ks.Graded.Grade, "83 is 良")
	items[0].Level1 = "产出"
	_, err = s.ScoreKeyEvaluation(scoring.KeyEvaluation{ID: "K", Items: items})
	assert.ErrorContains(t, err, "决策、管理、绩效", "the vendor's 一级 items are the ones allowed")
}
