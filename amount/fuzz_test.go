package amount

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// fuzzSeeds are added to the committed corpus in testdata/fuzz/FuzzParseDecimal.
var fuzzSeeds = []string{
	"10,113.65", "9993.67", "928.56", "13.304271亿元", "0.18778", "20%", "２０％", "１０，１１３．６５",
	"－１", "\u3000928.56\u00a0", "12.3.4", "1,23", "1,2345", "1e5", "NaN", "--1", "%", "20%%", "", "\xff",
}

// normalise is the fuzz oracle: an independent, simpler reading of an accepted input into the ASCII
// text that shopspring's NewFromString understands, and whether it ended in a percent sign.
func normalise(s string) (ascii string, percent bool) {
	blank := func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }
	t := strings.TrimFunc(s, blank)
	for _, p := range []string{"%", "％"} {
		if strings.HasSuffix(t, p) {
			t, percent = strings.TrimRightFunc(strings.TrimSuffix(t, p), blank), true
		}
	}
	toASCII := strings.NewReplacer(
		"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
		"．", ".", ",", "", "，", "", "－", "-", "−", "-", "＋", "+")
	return toASCII.Replace(t), percent
}

func checkParseError(t *testing.T, s string, err error) {
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) {
		t.Fatalf("ParseDecimal(%q): want a *ParseError matching ErrSyntax, got %T %v", s, err, err)
	}
	if pe.Code == "" || pe.Msg == "" || pe.Input != s {
		t.Fatalf("ParseDecimal(%q): incomplete error %+v", s, pe)
	}
	if pe.Offset < 0 || pe.Offset > utf8.RuneCountInString(s) {
		t.Fatalf("ParseDecimal(%q): offset %d outside the input", s, pe.Offset)
	}
	if msg := err.Error(); !utf8.ValidString(msg) || len(msg) > 2000 {
		t.Fatalf("ParseDecimal(%q): message invalid or too long: %q", s, msg)
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDecimal(s)
		if err != nil {
			checkParseError(t, s, err)
			return
		}
		ascii, percent := normalise(s)
		want, werr := decimal.NewFromString(ascii)
		if werr != nil {
			t.Fatalf("ParseDecimal(%q) = %s, but its ASCII form %q does not parse: %v", s, exactString(got), ascii, werr)
		}
		if percent {
			want = want.Shift(-2)
		}
		if got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("ParseDecimal(%q) = %s, want %s (from %q)", s, exactString(got), exactString(want), ascii)
		}
		if percent {
			return
		}
		again, err := ParseDecimal(exactString(got))
		if err != nil || !again.Equal(got) || again.Exponent() != got.Exponent() {
			t.Fatalf("ParseDecimal(%q) = %s does not read back: %s, %v", s, exactString(got), exactString(again), err)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s, Wan)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > utf8.RuneCountInString(s) {
				t.Fatalf("ParseAmount(%q): bad error %v", s, err)
			}
			return
		}
		if !a.Unit().Valid() {
			t.Fatalf("ParseAmount(%q): invalid unit %v", s, a.Unit())
		}
		b, err := ParseAmount(a.String(), Yuan)
		if err != nil || b.Unit() != a.Unit() || !b.Value().Equal(a.Value()) || b.Value().Exponent() != a.Value().Exponent() {
			t.Fatalf("ParseAmount(%q) = %s does not read back: %s, %v", s, a, b, err)
		}
	})
}
