package fixed

import (
	"testing"

	"github.com/shopspring/decimal"
)

var sinkDec decimal.Decimal

// Operands shaped like the evaluator's: money amounts and a 20-place quotient.
var (
	benchMoney = New(123456789, -2) // 1234567.89
	benchRate  = New(37, -1)        // 3.7
	benchQuot  = func() Num { n, _ := DivRound(FromInt64(2), FromInt64(3), 20); return n }()
)

func BenchmarkDivRound20(b *testing.B) {
	b.Run("fixed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkNum, sinkOK = DivRound(benchMoney, benchRate, 20)
		}
	})
	b.Run("decimal", func(b *testing.B) {
		x, y := benchMoney.Decimal(), benchRate.Decimal()
		for i := 0; i < b.N; i++ {
			sinkDec = x.DivRound(y, 20)
		}
	})
	// Dividing by a 20-place quotient takes the 256-bit numerator path.
	b.Run("fixed/by-quotient", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkNum, sinkOK = DivRound(benchMoney, benchQuot, 20)
		}
	})
	b.Run("decimal/by-quotient", func(b *testing.B) {
		x, y := benchMoney.Decimal(), benchQuot.Decimal()
		for i := 0; i < b.N; i++ {
			sinkDec = x.DivRound(y, 20)
		}
	})
}

func BenchmarkMul(b *testing.B) {
	b.Run("fixed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkNum, sinkOK = Mul(benchMoney, benchQuot)
		}
	})
	b.Run("decimal", func(b *testing.B) {
		x, y := benchMoney.Decimal(), benchQuot.Decimal()
		for i := 0; i < b.N; i++ {
			sinkDec = x.Mul(y)
		}
	})
}

func BenchmarkRound(b *testing.B) {
	v, _ := Mul(benchMoney, benchQuot) // 27 fractional digits, 92 bits
	b.Run("fixed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkNum, sinkOK = Round(v, 2)
		}
	})
	b.Run("decimal", func(b *testing.B) {
		x := v.Decimal()
		for i := 0; i < b.N; i++ {
			sinkDec = x.Round(2)
		}
	})
}

func BenchmarkAdd(b *testing.B) {
	b.Run("fixed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkNum, sinkOK = Add(benchMoney, benchQuot)
		}
	})
	b.Run("decimal", func(b *testing.B) {
		x, y := benchMoney.Decimal(), benchQuot.Decimal()
		for i := 0; i < b.N; i++ {
			sinkDec = x.Add(y)
		}
	})
}

func BenchmarkString(b *testing.B) {
	b.Run("fixed", func(b *testing.B) {
		buf := make([]byte, 0, 64)
		for i := 0; i < b.N; i++ {
			sinkByte = benchQuot.AppendString(buf[:0])
		}
	})
	b.Run("decimal", func(b *testing.B) {
		x := benchQuot.Decimal()
		for i := 0; i < b.N; i++ {
			sinkInt += len(x.String())
		}
	})
}
