package rules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestInternalError: a broken invariant of the engine reaches the caller as R008 without a
// position (the fault is not in the rule text), wrapping a recovered error.
func TestInternalError(t *testing.T) {
	cause := errors.New("index out of range")
	err := internalError(cause)
	var e *Error
	assert.ErrorAs(t, err, &e)
	assert.Equal(t, ErrInternal, e.Code)
	assert.ErrorIs(t, err, ErrInternal)
	assert.ErrorIs(t, err, cause, "a recovered error is wrapped")
	assert.Equal(t, "规则引擎内部错误，请把规则和数据报告给开发者：index out of range", err.Error())
	assert.NoError(t, errors.Unwrap(internalError("a string")), "a recovered non-error has nothing to wrap")
}

// TestErrorListKeepsDistinctCauses: dropping repeats compares what a problem says, never its
// cause, which need not be comparable.
func TestErrorListKeepsDistinctCauses(t *testing.T) {
	a := &Error{Code: ErrFunction, Msg: "x", Line: 1, Col: 1, cause: ErrorList{}}
	b := &Error{Code: ErrFunction, Msg: "x", Line: 1, Col: 1, cause: ErrorList{}}
	assert.NotPanics(t, func() {
		assert.Len(t, Errors(ErrorList{a, b}.Err()), 1, "the same problem twice is reported once")
	})
}
