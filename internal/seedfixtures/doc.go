// Package seedfixtures checks the seed fixtures under the module's top-level testdata/.
//
// The fixtures in testdata/seed/ are the figures printed by the seed report
// (2024年度民丰县预算绩效工作开展情况说明), transcribed as printed. The tests in
// this package check that every fixture is well-formed UTF-8 CSV, that each
// figure appears in the sentence it is quoted from, that the key-evaluation list
// stays byte-identical to the copy the demo embeds (cmd/jixiao/keyprojects.csv),
// and that the report's own inconsistencies are kept as printed rather than
// silently corrected. The package has no non-test code.
package seedfixtures
