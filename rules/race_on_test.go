//go:build race

package rules

// xtRaceEnabled reports a -race build: long single-threaded loops are cut short, and
// allocation counts are not checked (sync.Pool drops items at random under the detector).
const xtRaceEnabled = true
