// Package suggest finds the name a typo most likely meant, for the "是否为 …？" hints in
// jixiao's messages. Its cost is bounded so a hostile file cannot make the search quadratic.
package suggest

import "sort"

// Closest returns the candidate closest to name when it is close enough to be a likely typo
// (执形率 for 执行率: distance counts characters), or "". It sorts cands in place, so ties
// resolve the same way every run; pass a copy when the order matters to the caller.
func Closest(name string, cands []string) string {
	sort.Strings(cands) // ties resolve the same way every run
	best, bestD := "", -1
	n := len([]rune(name))
	if n > maxSuggestLen {
		return "" // no typo hunt in a pasted paragraph
	}
	for _, c := range cands {
		cn := len([]rune(c))
		if cn > maxSuggestLen || cn-n > 1+n/3 || n-cn > 1+n/3 {
			continue // too different in length to be a typo: skip the quadratic distance
		}
		d := editDistance([]rune(name), []rune(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := 1 + n/3
	if bestD < 0 || bestD > limit || bestD >= n {
		return ""
	}
	return best
}

// maxSuggestLen bounds the names compared for a suggestion, so a hostile file full of long
// unknown names costs little.
const maxSuggestLen = 64

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
