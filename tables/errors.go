package tables

import (
	"errors"
	"fmt"
)

// ErrUnsupported is matched (errors.Is) by every error that refuses a file as a whole: an old
// binary .xls, a web page saved as .xls, a binary file, an encrypted workbook.
var ErrUnsupported = errors.New("不支持的文件格式")

// formatError refuses a whole file, saying what it is and what to do.
type formatError struct{ msg string }

func (e *formatError) Error() string        { return e.msg }
func (e *formatError) Is(target error) bool { return target == ErrUnsupported }

// RowError is one row that could not be read. Reading goes on after it, so a caller counts it
// as rejected and never loses the row. The zero RowError is row 0 with no message.
type RowError struct {
	Row int    // the row number as the spreadsheet shows it; the header is row 1
	Msg string // what is wrong, in Chinese
}

// Error reads as staff see it: 第 12 行：预算数“abc”不是数字.
func (e *RowError) Error() string { return fmt.Sprintf("第 %d 行：%s", e.Row, e.Msg) }
