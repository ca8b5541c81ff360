package fixed_test

import (
	"fmt"

	"github.com/jixiao-go/jixiao/internal/fixed"
)

func Example() {
	price := fixed.New(1999, -2) // 19.99
	third, _ := fixed.DivRound(fixed.FromInt64(1), fixed.FromInt64(3), 20)
	share, ok := fixed.Mul(price, third)
	fmt.Println(third, share, ok)

	cents, _ := fixed.Round(share, 2)
	fmt.Println(cents, cents.StringFixed(3), cents.Exp())

	// Beyond 128 bits the caller falls back to decimal.Decimal.
	if _, ok := fixed.Mul(share, share); !ok {
		d := share.Decimal()
		fmt.Println("fallback:", d.Mul(d).StringFixed(4))
	}
	// Output:
	// 0.33333333333333333333 6.6633333333333333332667 true
	// 6.66 6.660 -2
	// fallback: 44.4000
}
