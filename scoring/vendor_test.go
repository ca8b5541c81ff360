package scoring_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
	"github.com/jixiao-go/jixiao/scoring"
)

// The files a vendor writes first: another region's result application in place of
// Minfeng's, and national grade bands with other lines and one decimal place shown.
const (
	vendorApplication = `ruleset: 示例市-结果应用
title: 示例市绩效评价结果应用
effective: 2024-01-01
inputs:
  等级: {type: string}
tables:
  结果应用:
    - when: 等级 == "优"
      then: 优先保障
    - when: 等级 == "良"
      then: 据实保障
    - when: 等级 == "中"
      then: 核减
    - when: 等级 == "差"
      then: 取消或暂停
    - else: 未规定
  代码:
    - when: 等级 == "优"
      then: priority
    - when: 等级 == "良"
      then: as-needed
    - when: 等级 == "中"
      then: reduce
    - when: 等级 == "差"
      then: cancel-or-suspend
    - else: unspecified
`
	vendorGrade = `ruleset: 示例市-等级
title: 示例市评价等级
extends: national-grade
effective: 2024-01-01
params:
  优下限: 85
  良下限: 75
  显示位数: 1
`
	// Only one of the two tables replaced: the codes would still be Minfeng's.
	halfApplication = `ruleset: 半改-结果应用
title: 只改了结果应用一张表
extends: minfeng-application
effective: 2024-01-01
tables:
  结果应用:
    - when: 等级 == "优"
      then: 优先保障
    - when: 等级 == "中"
      then: 核减
    - else: 未规定
`
)

// vendorScorer loads the vendor's files beside the embedded ones and places them by what
// they declare, as a platform does.
func vendorScorer(t *testing.T, files ...string) (*scoring.Scorer, error) {
	t.Helper()
	lib := defaults(t)
	p := scoring.Profile{}
	for i, f := range files {
		sets, err := lib.LoadBytes(rulefile.Source{Name: []string{"application.yaml", "grade.yaml"}[i], Data: []byte(f)})
		require.NoError(t, err)
		require.Len(t, sets, 1)
		p, err = p.With(sets[0])
		require.NoError(t, err)
	}
	return scoring.New(lib, p, day)
}

func TestVendorApplicationReplacesMinfeng(t *testing.T) {
	s, err := vendorScorer(t, vendorApplication)
	require.NoError(t, err)
	for _, tc := range []struct {
		grade      scoring.Grade
		code, text string
		specified  bool
		reason     string
	}{
		{scoring.Excellent, "priority", "优先保障", true, "the region's own wording, not Minfeng's 下年度同类项目优先安排"},
		{scoring.Good, "as-needed", "据实保障", true, "良 is 据实保障 here, not Minfeng's 调减或取消"},
		{scoring.Fair, "reduce", "核减", true, "this region covers 中, which Minfeng's report leaves unspecified"},
		{scoring.Poor, "cancel-or-suspend", "取消或暂停", true, "差's action is the region's"},
		{scoring.Ungraded, scoring.CodeUnspecified, "未规定", false, "an ungraded item gets the else row, never a grade's action"},
	} {
		a, err := s.Apply(tc.grade)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.code, a.Code, tc.reason)
		assert.Equal(t, tc.text, a.Text, tc.reason)
		assert.Equal(t, tc.specified, a.Specified(), tc.reason)
	}
	assert.False(t, scoring.Action{}.Specified(), "the zero Action names no action")
}

func TestVendorGradeBandsAndPlaces(t *testing.T) {
	national := scorer(t, scoring.Profile{})
	vendor, err := vendorScorer(t, vendorApplication, vendorGrade)
	require.NoError(t, err)
	for _, tc := range []struct {
		score         string
		nationalShown string
		national      scoring.Grade
		vendorShown   string
		vendor        scoring.Grade
		reason        string
	}{
		{"85", "85.00", scoring.Good, "85.0", scoring.Excellent, "85 is the vendor's inclusive lower bound of 优"},
		{"84.95", "84.95", scoring.Good, "85.0", scoring.Excellent, "one place shown: 84.95 shows as 85.0 and is graded as shown"},
		{"84.94", "84.94", scoring.Good, "84.9", scoring.Good, "84.94 shows as 84.9, under the vendor's 85"},
		{"74.95", "74.95", scoring.Fair, "75.0", scoring.Good, "the vendor's 良 starts at 75"},
		{"89.995", "90.00", scoring.Excellent, "90.0", scoring.Excellent, "two places by default: 89.995 shows as 90.00"},
		{"59.99", "59.99", scoring.Poor, "60.0", scoring.Fair, "中 still starts at the inherited 60"},
	} {
		g, err := national.Grade(dec(t, tc.score))
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.nationalShown, g.ShownText(), tc.reason)
		assert.Equal(t, tc.national, g.Grade, tc.reason)
		g, err = vendor.Grade(dec(t, tc.score))
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.vendorShown, g.ShownText(), tc.reason)
		assert.Equal(t, tc.vendor, g.Grade, tc.reason)
	}
}

func TestVendorMistakesAreClearErrors(t *testing.T) {
	lib := defaults(t)
	for _, tc := range []struct {
		name   string
		file   string
		want   []string
		reason string
	}{
		{"只覆盖了结果应用", halfApplication,
			[]string{"半改-结果应用", "application.yaml", "代码 与 结果应用 不一致", "等级 中 的 代码 是 unspecified", "等级 良 的 代码 是 reduce-or-cancel"},
			"extending minfeng-application and replacing only 结果应用 would print 核减 for 中 under the code unspecified"},
	} {
		sets, err := lib.LoadBytes(rulefile.Source{Name: "application.yaml", Data: []byte(tc.file)})
		require.NoError(t, err, tc.reason)
		p, err := scoring.Profile{}.With(sets[0])
		require.NoError(t, err, tc.reason)
		s, err := scoring.New(lib, p, day)
		require.Error(t, err, tc.reason)
		assert.Nil(t, s, tc.reason)
		for _, w := range tc.want {
			assert.Contains(t, err.Error(), w, tc.reason)
		}
	}

	// The fix the message asks for: override both tables, and the profile is accepted.
	both := strings.Replace(halfApplication, "ruleset: 半改-结果应用", "ruleset: 全改-结果应用", 1) + `  代码:
    - when: 等级 == "优"
      then: priority
    - when: 等级 == "中"
      then: reduce
    - else: unspecified
`
	sets, err := lib.LoadBytes(rulefile.Source{Name: "both.yaml", Data: []byte(both)})
	require.NoError(t, err)
	p, err := scoring.Profile{}.With(sets[0])
	require.NoError(t, err)
	s, err := scoring.New(lib, p, day)
	require.NoError(t, err, "both tables overridden consistently")
	a, err := s.Apply(scoring.Good)
	require.NoError(t, err)
	assert.Equal(t, scoring.Action{Grade: scoring.Good, Code: scoring.CodeUnspecified, Text: "未规定"}, a, "this region names no action for 良, and says so in both tables")

	mon, err := lib.Get("minfeng-monitor", day)
	require.NoError(t, err)
	_, err = scoring.Profile{}.With(mon)
	assert.ErrorContains(t, err, "规则集 minfeng-monitor（rulesets/minfeng-monitor.yaml）不能用于打分", "a monitoring file fits no scoring place and says so in Chinese")

	_, err = scoring.Profile{}.With(nil)
	var re *rules.Error
	require.True(t, errors.As(err, &re), "a nil rule set is a caller's mistake, not a file that lacks inputs")
	assert.Equal(t, rules.ErrMisuse, re.Code)
}
