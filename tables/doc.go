// Package tables reads the tables finance staff actually have — CSV saved by Excel on Chinese
// Windows (GB18030), UTF-8 CSV with or without a byte-order mark, Unicode text (UTF-16, tab
// separated) and .xlsx workbooks — as a stream of rows, one at a time, with each row's number
// as the spreadsheet shows it (the header is row 1).
//
// The format is found from the content, not the file name: a .csv that is really an .xlsx,
// or an .xls that is an old binary workbook or a web page, is recognised and either read or
// refused with a message saying what to do (另存为 .xlsx). Nothing is dropped silently: a row
// that cannot be read is returned as a *RowError with its row number, and reading goes on.
//
// The package knows nothing of rule sets. Header names are normalised by Normalize (spaces,
// full-width letters and digits, a unit in brackets such as 预算数（万元）), and mapping columns
// to a rule set's inputs is the caller's.
package tables
