package rules_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/rules"
)

// farRecord puts its bound field a megabyte into the struct: through a nil pointer, reading
// it faults far beyond the guard page, where recover cannot catch the fault.
type farRecord struct {
	Pad [1 << 20]byte
	X   decimal.Decimal `rule:"x"`
}

// TestMisuseIsAnError: every nil or zero argument and receiver, and every index out of
// range, is an error with code ErrMisuse (or a documented zero answer), never a panic.
func TestMisuseIsAnError(t *testing.T) {
	p, err := rules.Compile("x + 1", rules.WithInput("x", rules.TypeDecimal))
	require.NoError(t, err)
	bind, err := rules.Bind[farRecord](p)
	require.NoError(t, err)
	var nilProg *rules.Program
	var nilBind *rules.Binding[farRecord]
	vars := map[string]any{"x": "1"}
	rows := []struct {
		name   string
		call   func() error
		reason string
	}{
		{"nil Program EvalValue", func() error { _, err := nilProg.EvalValue(vars); return err }, "a nil receiver has no program to run"},
		{"nil Program EvalResult", func() error { _, err := nilProg.EvalResult(vars); return err }, "a nil receiver has no program to run"},
		{"nil Program EvalInto", func() error { return nilProg.EvalInto(vars, p.NewResult()) }, "a nil receiver has no program to run"},
		{"nil Program Explain", func() error { _, _, err := nilProg.Explain(vars); return err }, "a nil receiver has no program to run"},
		{"zero Program", func() error { _, err := new(rules.Program).EvalValue(vars); return err }, "a Program not made by Compile or Build has no code"},
		{"zero Program Explain", func() error { _, _, err := new(rules.Program).Explain(vars); return err }, "a Program not made by Compile or Build has no code"},
		{"nil Result", func() error { return p.EvalInto(vars, nil) }, "nothing to write the results into"},
		{"Bind nil Program", func() error { _, err := rules.Bind[farRecord](nil); return err }, "nothing to bind"},
		{"Bind zero Program", func() error { _, err := rules.Bind[farRecord](new(rules.Program)); return err }, "nothing to bind"},
		{"nil Binding", func() error { return nilBind.EvalInto(&farRecord{}, p.NewResult()) }, "a nil receiver has no program to run"},
		{"zero Binding", func() error { return new(rules.Binding[farRecord]).EvalInto(&farRecord{}, p.NewResult()) }, "a Binding not made by Bind has no program"},
		{"nil record far field", func() error { return bind.EvalInto(nil, p.NewResult()) }, "the field is 1 MiB past nil: reading it would fault outside recover"},
		{"nil Result Binding", func() error { return bind.EvalInto(&farRecord{}, nil) }, "nothing to write the results into"},
		{"nil Binding batch", func() error {
			_, err := nilBind.EvalBatch(context.Background(), make([]farRecord, 1), nil)
			return err
		}, "a nil receiver has no program to run"},
		{"nil context", func() error {
			_, err := bind.EvalBatch(nil, make([]farRecord, 1), nil) //nolint:staticcheck // SA1012: the misuse under test
			return err
		}, "a nil context cannot be asked whether it is done"},
		{"index past the end", func() error { res, _ := p.EvalResult(vars); _, err := res.At(1); return err }, "one result: index 1 is past it"},
		{"negative index", func() error { res, _ := p.EvalResult(vars); _, err := res.At(-1); return err }, "indexes start at 0"},
		{"nil Result At", func() error { _, err := (*rules.Result)(nil).At(0); return err }, "a nil Result holds nothing"},
	}
	for _, r := range rows {
		needReason(t, r.name, r.reason)
		var err error
		require.NotPanics(t, func() { err = r.call() }, r.name)
		require.Error(t, err, r.name)
		assert.True(t, errors.Is(err, rules.ErrMisuse), "%s: %v", r.name, err)
		assert.Contains(t, err.Error(), "调用有误", r.name)
	}
}

// TestMisuseZeroAnswers: the accessors without an error give documented zero answers for a
// nil receiver or a wrong index, rather than panicking.
func TestMisuseZeroAnswers(t *testing.T) {
	p, err := rules.Compile("1", nil...)
	require.NoError(t, err)
	res, err := p.EvalResult(nil)
	require.NoError(t, err)
	var nilProg *rules.Program
	var nilRes *rules.Result
	assert.False(t, res.Value(1).IsValid(), "index past the end")
	assert.False(t, res.Value(-1).IsValid(), "negative index")
	assert.False(t, nilRes.Value(0).IsValid(), "nil Result")
	_, ok := nilRes.Get("x")
	assert.False(t, ok, "nil Result Get")
	assert.Equal(t, 0, nilRes.Len())
	assert.Nil(t, nilRes.Names())
	assert.Nil(t, nilProg.Names())
	assert.Nil(t, nilProg.Inputs())
	assert.Equal(t, -1, nilProg.Index("x"))
	assert.Equal(t, rules.TypeInvalid, nilProg.Type("x"))
	assert.Nil(t, (*rules.Binding[farRecord])(nil).Program())
	j, err := json.Marshal(nilProg.NewResult())
	require.NoError(t, err)
	assert.Equal(t, "{}", string(j), "an empty Result has no results")
	assert.Equal(t, "<nil>", (*rules.Error)(nil).Error())
	assert.NoError(t, rules.ErrorList{nil}.Err(), "a nil entry is no problem")
	assert.Len(t, rules.Errors(rules.ErrorList{nil, {Code: rules.ErrSyntax, Msg: "x"}}.Err()), 1)
}
