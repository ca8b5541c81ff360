package rules

import (
	"slices"
	"strconv"
)

// tset is a set of texts for the decision-table analysis: the texts in vals, or, when co is
// set, every text except those. Truth values are the texts "true" and "false". vals is sorted
// and without repeats; the zero tset is empty.
type tset struct {
	vals []string
	co   bool
}

func textsOf(vals ...string) tset {
	v := append([]string(nil), vals...)
	slices.Sort(v)
	return tset{vals: slices.Compact(v)}
}

func allTexts() tset { return tset{co: true} }

func (s tset) empty() bool { return !s.co && len(s.vals) == 0 }

func (s tset) complement() tset { return tset{vals: s.vals, co: !s.co} }

func (s tset) has(v string) bool {
	_, found := slices.BinarySearch(s.vals, v)
	return found != s.co
}

func (s tset) intersect(t tset) tset {
	switch {
	case s.co && t.co:
		return tset{vals: merge(s.vals, t.vals), co: true}
	case s.co:
		return tset{vals: minus(t.vals, s.vals)}
	case t.co:
		return tset{vals: minus(s.vals, t.vals)}
	}
	var out []string
	for _, v := range s.vals {
		if _, ok := slices.BinarySearch(t.vals, v); ok {
			out = append(out, v)
		}
	}
	return tset{vals: out}
}

func (s tset) union(t tset) tset {
	return s.complement().intersect(t.complement()).complement()
}

func (s tset) equal(t tset) bool { return s.co == t.co && slices.Equal(s.vals, t.vals) }

// sample picks a text in a non-empty set: its first value, or for "every text except …"
// a plain word that is not one of the exceptions.
func (s tset) sample() string {
	if !s.co {
		return s.vals[0]
	}
	for i := 1; ; i++ {
		c := "其他"
		if i > 1 {
			c += strconv.Itoa(i)
		}
		if s.has(c) {
			return c
		}
	}
}

func merge(a, b []string) []string {
	out := append(append([]string(nil), a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func minus(a, b []string) []string {
	var out []string
	for _, v := range a {
		if _, ok := slices.BinarySearch(b, v); !ok {
			out = append(out, v)
		}
	}
	return out
}
