package tables

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// maxSheetName is how long Excel lets a sheet's name be, in UTF-16 units as Excel counts.
const maxSheetName = 31

// checkSheetName refuses a name Excel would not open a workbook with, in the words Excel's own
// rename dialog uses, so a caller finds out before the report is written and not when staff
// open it. taken are the names already in the workbook; Excel compares them ignoring case.
func checkSheetName(name string, taken []string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("工作表名称不能为空")
	case len(utf16.Encode([]rune(name))) > maxSheetName:
		return fmt.Errorf("工作表名称“%s”太长：Excel 最多 %d 个字符", name, maxSheetName)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf("工作表名称“%s”不能含有 : \\ / ? * [ ] 这些字符", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("工作表名称“%s”不能以单引号 ' 开头或结尾", name)
	case strings.EqualFold(name, "History"):
		return fmt.Errorf("工作表名称不能是 History：Excel 留作它用")
	}
	for _, t := range taken {
		if strings.EqualFold(t, name) {
			return fmt.Errorf("已经有名为“%s”的工作表（Excel 不分大小写）", t)
		}
	}
	return nil
}
