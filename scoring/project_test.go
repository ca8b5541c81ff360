package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/scoring"
)

// sampleProject is a small 自评表 whose scores are worked out by hand in the tests.
func sampleProject(t testing.TB, withSatisfaction bool) scoring.Project {
	p := scoring.Project{ID: "P1", Name: "示例项目", Budget: decimal.NewNullDecimal(dec(t, "100")), Spent: dec(t, "95"),
		Indicators: []scoring.Indicator{
			{Level1: "产出", Level2: "数量", Name: "培训人次", Target: dec(t, "100"), Actual: dec(t, "90"), Points: dec(t, "20")},
			{Level1: "产出", Level2: "质量", Name: "合格率", Target: dec(t, "95%"), Actual: dec(t, "100%"), Points: dec(t, "15")},
			{Level1: "产出", Level2: "时效", Name: "按时完成", Nature: scoring.Qualitative, Outcome: scoring.Achieved,
				Assessed: decimal.NewNullDecimal(dec(t, "14")), Points: dec(t, "15")},
			{Level1: "效益", Level2: "社会", Name: "投诉次数", Nature: scoring.AtMost, Direction: scoring.LowerIsBetter,
				Target: dec(t, "5"), Actual: dec(t, "10"), Points: dec(t, "20")},
			{Level1: "效益", Level2: "生态", Name: "节能率", Points: dec(t, "10"), NotApplicable: true},
		}}
	if withSatisfaction {
		rate, err := scoring.Satisfaction(171, 180)
		require.NoError(t, err)
		p.Indicators = append(p.Indicators, scoring.Indicator{Level1: "满意度", Level2: "服务对象满意度",
			Name: "受训人员满意度", Target: dec(t, "90%"), Actual: rate, Points: dec(t, "10")})
	}
	return p
}

func TestScoreProject(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name             string
		withSatisfaction bool
		total            string
		groups           []string // 预算执行率, 产出, 效益, 满意度 as points/score
		grade            scoring.Grade
		action           string
		reason           string
	}{
		{"有满意度", true, "81.5", []string{"10/9.5", "50/47", "30/15", "10/10"}, scoring.Good, "调减或取消同类资金",
			"9.5 + (18 + 15 + 14) + (不适用的节能率去掉后投诉次数按 30 分计 15) + 10"},
		{"无满意度", false, "79.26", []string{"10/9.5", "56.25/52.88", "33.75/16.88", "0/0"}, scoring.Fair, "未规定",
			"满意度的 10 分按 50:30 分给产出和效益：20.25 + 16.88 + 15.75（评定的 14/15 按 16.875 分计）；33.75 × 0.5 = 16.88；中在民丰县未规定"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			ps, err := s.ScoreProject(sampleProject(t, tc.withSatisfaction))
			require.NoError(t, err)
			assert.True(t, dec(t, tc.total).Equal(ps.Total), "%s: total %s", tc.reason, ps.Total)
			var got []string
			for _, g := range ps.Groups {
				got = append(got, g.Points.String()+"/"+g.Score.String())
			}
			assert.Equal(t, tc.groups, got, tc.reason)
			assert.Equal(t, tc.grade, ps.Graded.Grade, tc.reason)
			assert.Equal(t, tc.action, ps.Action.Text, tc.reason)
			require.Len(t, ps.Dropped, 1, "the 不适用 row is kept aside, not lost")
			assert.Equal(t, "节能率", ps.Dropped[0].Name)
			assert.Len(t, ps.Items, len(ps.Project.Indicators)-1, "every other row is scored")
		})
	}
}

func TestScoreProjectRejects(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		name   string
		edit   func(p *scoring.Project)
		want   string
		reason string
	}{
		{"未知一级指标", func(p *scoring.Project) { p.Indicators[0].Level1 = "成效" },
			`一级指标 "成效" 不在自评表的 产出、效益、满意度 之中`, "拼错的一级指标不能悄悄丢掉"},
		{"分值合计不符", func(p *scoring.Project) { p.Indicators[0].Points = dec(t, "25") },
			"一级指标 产出 各指标分值合计 55，自评表规定 50", "表中分值写错时报出，不悄悄按比例缩放"},
		{"一级指标全部不适用", func(p *scoring.Project) {
			p.Indicators[3].NotApplicable = true
		}, "一级指标 效益（30 分）没有适用的指标", "没有可以分摊的指标"},
		{"定性评定超档", func(p *scoring.Project) {
			p.Indicators[2].Outcome = scoring.PartAchieved
		}, "指标 按时完成：评定得分 14 不在“部分达成”的 9.00—12.00 分之间", "部分达成只能得 60%—80%"},
		{"定性缺完成情况", func(p *scoring.Project) { p.Indicators[2].Outcome = scoring.NoOutcome },
			"定性指标 按时完成 缺少完成情况", "定性指标必须写明完成情况"},
		{"预算为零", func(p *scoring.Project) { p.Budget = decimal.NewNullDecimal(decimal.Zero) },
			"预算数为零", "执行率算不出来时整张表不打分"},
		{"指标重复", func(p *scoring.Project) { p.Indicators[1] = p.Indicators[0] },
			"指标 培训人次（产出/数量）出现了两次", "new-user pass: a copied row was scored twice; the sum check passes when the points match"},
		{"分值为负", func(p *scoring.Project) {
			p.Indicators[0].Points = dec(t, "-5")
			p.Indicators[1].Points = dec(t, "40")
		}, "分值 -5 为负", "new-user pass: -5 and 40 add up like 20 and 15, and let one row carry more than its group"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			p := sampleProject(t, true)
			tc.edit(&p)
			_, err := s.ScoreProject(p)
			require.Error(t, err, tc.reason)
			assert.Contains(t, err.Error(), tc.want, tc.reason)
		})
	}
}

// TestTemplateProfiles shows the satisfaction points follow the profile: in proportion by
// default, all to 产出 in a profile that says so.
func TestTemplateProfiles(t *testing.T) {
	lib := defaults(t)
	_, err := lib.LoadBytes(rulefile.Source{Name: "all-to-output.yaml", Data: []byte(`ruleset: all-to-output
extends: national-self-evaluation
effective: 2020-01-01
params:
  满意度缺失时: 产出
tests:
  - given: {有满意度指标: false}
    expect: {产出满分: 60, 效益满分: 30}
`)})
	require.NoError(t, err)
	for _, tc := range []struct {
		template, output, benefit, reason string
	}{
		{"", "56.25", "33.75", "默认按 50:30 的比例分"},
		{"all-to-output", "60", "30", "有的表全部给产出"},
		{"qingshen-self-evaluation", "60", "30", "青神样例本来就是产出 60、效益 30"},
	} {
		s, err := scoring.New(lib, scoring.Profile{Template: tc.template}, day)
		require.NoError(t, err)
		tmpl, err := s.Template(false)
		require.NoError(t, err)
		out, _ := tmpl.Points("产出")
		ben, _ := tmpl.Points("效益")
		assert.True(t, dec(t, tc.output).Equal(out), "%s: 产出 %s", tc.reason, out)
		assert.True(t, dec(t, tc.benefit).Equal(ben), "%s: 效益 %s", tc.reason, ben)
		assert.True(t, dec(t, "100").Equal(tmpl.Total), "%s: the total stays 100", tc.reason)
	}
}

// TestTemplateModeMisspelt: a 满意度缺失时 the template does not know (按比列 for 按比例, 全部给产出
// for 产出) used to fall through to the proportional split without a word. It is refused now:
// by the loader, which sees the check table cannot match, or when the Scorer is made.
func TestTemplateModeMisspelt(t *testing.T) {
	for _, mode := range []string{"按比列", "全部给产出"} {
		lib := defaults(t)
		_, err := lib.LoadBytes(rulefile.Source{Name: "typo.yaml", Data: []byte(`ruleset: typo-self
extends: national-self-evaluation
effective: 2020-01-01
params:
  满意度缺失时: ` + mode + `
`)})
		if err == nil {
			_, err = scoring.New(lib, scoring.Profile{Template: "typo-self"}, day)
		}
		require.Error(t, err, "%s is neither 按比例 nor 产出: never split in proportion silently", mode)
		assert.Contains(t, err.Error(), "满意度缺失时", "the message names the param")
	}
}
func TestProfileWith(t *testing.T) {
	lib := defaults(t)
	for _, tc := range []struct {
		id     string
		want   scoring.Profile
		reason string
	}{
		{"langfang-execution", scoring.Profile{Execution: "langfang-execution"}, "输入有 执行数"},
		{"dazhou-application", scoring.Profile{Application: "dazhou-application"}, "输入有 等级"},
		{"national-grade", scoring.Profile{Grade: "national-grade"}, "输入有 总分"},
		{"qingshen-self-evaluation", scoring.Profile{Template: "qingshen-self-evaluation"}, "输入有 有满意度指标"},
		{"national-indicator", scoring.Profile{Indicator: "national-indicator"}, "输入有 性质"},
		{"national-key-evaluation", scoring.Profile{KeyWeights: "national-key-evaluation"}, "输入有 决策权重"},
		{"sample-department-overall", scoring.Profile{Department: "sample-department-overall"}, "输入有 预算调整数"},
	} {
		rs, err := lib.Get(tc.id, day)
		require.NoError(t, err)
		got, err := scoring.Profile{}.With(rs)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.want, got, tc.reason)
	}
	rs, err := lib.Get("national-monitor", day)
	require.NoError(t, err)
	_, err = scoring.Profile{}.With(rs)
	assert.ErrorContains(t, err, "作为预算执行率规则缺少 得分、须说明原因、超额执行",
		"a monitoring rule set reads 执行数 but does not score, and the message says what it lacks")
	rs, err = lib.Get("minfeng-coverage", day)
	require.NoError(t, err)
	_, err = scoring.Profile{}.With(rs)
	assert.ErrorContains(t, err, "它没有 执行数、总分", "a rule set of no place says which inputs would place it")
}

func TestTargetCompletion(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	ps, err := s.ScoreProject(sampleProject(t, true))
	require.NoError(t, err)
	met, total := ps.TargetCompletion()
	// 培训人次 90/100 no; 合格率 yes; 按时完成 达成 yes; 投诉次数 10 > 5 no; 节能率 不适用 not
	// counted; 满意度 95% ≥ 90% yes.
	assert.Equal(t, 3, met)
	assert.Equal(t, 5, total, "a 不适用 indicator is not a target")
}
