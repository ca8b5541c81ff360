package fixed

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

var (
	sinkNum  Num
	sinkOK   bool
	sinkInt  int
	sinkByte []byte
)

// TestNoAllocs pins the point of the package: arithmetic never touches the heap.
func TestNoAllocs(t *testing.T) {
	money := New(123456789, -2)                // 1234567.89
	quot := parse(t, "0.66666666666666666667") // a DivRound(2, 3, 20) result
	wide := parse(t, "-"+max128)
	small := decimal.New(-123456789012345678, -4)
	buf := make([]byte, 0, 64)
	ops := map[string]func(){
		"Add":             func() { sinkNum, sinkOK = Add(money, quot) },
		"Sub wide":        func() { sinkNum, sinkOK = Sub(New(4, 38), wide) },
		"Mul":             func() { sinkNum, sinkOK = Mul(money, quot) },
		"DivRound":        func() { sinkNum, sinkOK = DivRound(money, FromInt64(3), 20) },
		"DivRound 256bit": func() { sinkNum, sinkOK = DivRound(money, quot, 20) },
		"DivRound wide":   func() { sinkNum, sinkOK = DivRound(wide, New(7, -3), 2) },
		"Round":           func() { sinkNum, sinkOK = Round(quot, 2) },
		"Round wide":      func() { sinkNum, sinkOK = Round(wide, -20) },
		"RoundFloor":      func() { sinkNum, sinkOK = RoundFloor(quot, 4) },
		"RoundCeil":       func() { sinkNum, sinkOK = RoundCeil(quot, 4) },
		"Floor":           func() { sinkNum, sinkOK = Floor(money) },
		"Ceil":            func() { sinkNum, sinkOK = Ceil(money) },
		"Mod":             func() { sinkNum, sinkOK = Mod(New(7, 100), money) },
		"Cmp":             func() { sinkInt = Cmp(money, quot) },
		"Cmp wide":        func() { sinkInt = Cmp(wide, New(-4, 38)) },
		"FromDecimal":     func() { sinkNum, sinkOK = FromDecimal(small) },
		"AppendString":    func() { sinkByte = wide.AppendString(buf[:0]) },
		"Digits":          func() { sinkInt = wide.Digits() },
	}
	for name, op := range ops {
		assert.Zero(t, testing.AllocsPerRun(200, op), name)
	}
}
