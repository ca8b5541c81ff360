package rulefile_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rulefile"
	"github.com/jixiao-go/jixiao/rules"
)

func gradeFile(limit string) rulefile.Source {
	return rulefile.Source{Name: "grade.yaml", Data: []byte("ruleset: grade\neffective: 2024-01-01\ninputs:\n  分: {type: decimal}\n" +
		"tables:\n  等级:\n    - when: 分 >= " + limit + "\n      then: 优\n    - else: 良\n" +
		"tests:\n  - given: {分: 95}\n    expect: {等级: 优}\n")}
}

// TestStageThenCommit: a revised rule set is compiled and tested before it goes live, and
// the live library does not change until Commit.
func TestStageThenCommit(t *testing.T) {
	lib := rulefile.NewLibrary()
	_, err := lib.LoadBytes(gradeFile("90"))
	require.NoError(t, err)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	grade := func() string {
		ev, err := lib.Evaluate("grade", at, map[string]any{"分": "92"})
		require.NoError(t, err)
		v, _ := ev.Values.Get("等级")
		return v.Text()
	}

	staged, err := lib.Stage(gradeFile("93"))
	require.NoError(t, err)
	for _, rs := range staged.RuleSets() {
		for _, r := range rs.RunTests() {
			assert.True(t, r.Passed(), "the staged rule set's own tests run before commit")
		}
	}
	assert.Equal(t, "优", grade(), "staging changes nothing live")
	require.NoError(t, staged.Commit())
	assert.Equal(t, "良", grade(), "after commit the revised line 93 applies")

	old, err := lib.Stage(gradeFile("80"))
	require.NoError(t, err)
	_, err = lib.LoadBytes(gradeFile("85"))
	require.NoError(t, err)
	err = old.Commit()
	assert.True(t, errors.Is(err, rules.ErrFileVersion), "a stage made before another load is refused: %v", err)

	_, err = lib.Stage(rulefile.Source{Name: "bad.yaml", Data: []byte("ruleset: grade\neffective: 2024-01-01\nformulas:\n  x: 未知 + 1\n")})
	assert.True(t, errors.Is(err, rules.ErrUnknownName), "a staged file with mistakes reports them: %v", err)
}
