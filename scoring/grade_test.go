package scoring_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/scoring"
)

func TestGradeText(t *testing.T) {
	for _, tc := range []struct {
		g      scoring.Grade
		text   string
		reason string
	}{
		{scoring.Excellent, "优", "报告写 优"},
		{scoring.Good, "良", "报告写 良"},
		{scoring.Fair, "中", "报告写 中"},
		{scoring.Poor, "差", "报告写 差"},
	} {
		require.NotEmpty(t, tc.reason)
		assert.Equal(t, tc.text, tc.g.String(), tc.reason)
		g, err := scoring.ParseGrade(tc.text)
		require.NoError(t, err)
		assert.Equal(t, tc.g, g, "ParseGrade reads back String")
		b, err := json.Marshal(tc.g)
		require.NoError(t, err)
		var back scoring.Grade
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tc.g, back, "JSON round trip")
	}
	assert.Equal(t, "未定级", scoring.Ungraded.String(), "the zero grade is not 差")
	assert.Equal(t, "Grade(9)", scoring.Grade(9).String())
	_, err := scoring.ParseGrade("甲")
	assert.ErrorContains(t, err, "无法识别的等级")
	b, err := json.Marshal(scoring.Ungraded)
	require.NoError(t, err, "a summary's 未定级 line and a never-evaluated candidate must marshal")
	assert.Equal(t, `"未定级"`, string(b), "an ungraded value is written as 未定级, never as a grade")
	g := scoring.Poor
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, scoring.Ungraded, g, "未定级 reads back as Ungraded")
	_, err = scoring.ParseGrade("未定级")
	assert.Error(t, err, "a rule file's grade table gives 优/良/中/差; 未定级 is not a grade it can give")
	_, err = json.Marshal(scoring.Grade(9))
	assert.Error(t, err, "an out-of-range grade is not written")
	assert.Error(t, json.Unmarshal([]byte(`"A"`), &g))

	out, err := json.Marshal(scoring.Summarize([]scoring.Item{{Grade: scoring.Good}, {}}))
	require.NoError(t, err, "a summary with an ungraded item marshals")
	assert.Contains(t, string(out), `{"Grade":"未定级","Count":1`, "its 未定级 line is written")
	out, err = json.Marshal(scoring.Candidate{ID: "A"})
	require.NoError(t, err, "a never-evaluated candidate marshals")
	assert.Contains(t, string(out), `"Latest":"未定级"`)
}

func TestGradeBands(t *testing.T) {
	s := scorer(t, scoring.Profile{})
	for _, tc := range []struct {
		score, shown string
		want         scoring.Grade
		reason       string
	}{
		{"100", "100.00", scoring.Excellent, "满分"},
		{"90", "90.00", scoring.Excellent, "下限含本数"},
		{"89.99", "89.99", scoring.Good, "差一分之一百仍为良"},
		{"89.995", "90.00", scoring.Excellent, "按显示的两位小数定级：显示 90.00 的不能是良"},
		{"89.9949", "89.99", scoring.Good, "显示 89.99 的为良"},
		{"80", "80.00", scoring.Good, "良下限含本数"},
		{"79.99", "79.99", scoring.Fair, "中的上沿"},
		{"60", "60.00", scoring.Fair, "中下限含本数"},
		{"59.99", "59.99", scoring.Poor, "不足六十为差"},
		{"0", "0.00", scoring.Poor, "零分为差"},
		{"96.03", "96.03", scoring.Excellent, "民丰县财政部门评价得分"},
	} {
		t.Run(tc.score, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			g, err := s.Grade(dec(t, tc.score))
			require.NoError(t, err)
			assert.Equal(t, tc.want, g.Grade, tc.reason)
			assert.Equal(t, tc.shown, g.ShownText(), tc.reason)
			assert.True(t, dec(t, tc.score).Equal(g.Score), "the given score is kept")
		})
	}
}

func TestApply(t *testing.T) {
	minfeng := scorer(t, scoring.Profile{})
	dazhou := scorer(t, scoring.Profile{Application: "dazhou-application"})
	for _, tc := range []struct {
		name       string
		s          *scoring.Scorer
		g          scoring.Grade
		code, text string
		specified  bool
		reason     string
	}{
		{"民丰优", minfeng, scoring.Excellent, "priority", "下年度同类项目优先安排", true, "种子（四）2"},
		{"民丰良", minfeng, scoring.Good, "reduce-or-cancel", "调减或取消同类资金", true, "种子（四）2"},
		{"民丰中", minfeng, scoring.Fair, scoring.CodeUnspecified, "未规定", false, "种子未规定中，不能借用别的等级"},
		{"民丰差", minfeng, scoring.Poor, "censure-and-supervise", "通报批评并列入财政、审计重点监督范围", true, "种子（四）2"},
		{"民丰未定级", minfeng, scoring.Ungraded, scoring.CodeUnspecified, "未规定", false, "没有等级就没有结果应用"},
		{"达州中", dazhou, scoring.Fair, "reduce", "核减", true, "达州规定了中"},
		{"达州良", dazhou, scoring.Good, "as-needed", "据实保障", true, "同一等级换一个地区，结果不同"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			a, err := tc.s.Apply(tc.g)
			require.NoError(t, err)
			assert.Equal(t, tc.code, a.Code, tc.reason)
			assert.Equal(t, tc.text, a.Text, tc.reason)
			assert.Equal(t, tc.specified, a.Specified(), tc.reason)
			assert.Equal(t, tc.g, a.Grade)
		})
	}
}
