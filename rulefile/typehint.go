package rulefile

import (
	"strings"

	"github.com/jixiao-go/jixiao/internal/suggest"
	"github.com/jixiao-go/jixiao/rules"
)

// typeWords are the words staff use for a type that are not its key or its Chinese name
// (数字 for 数值, 文字 for 文本, integer for int): each says which type is meant.
var typeWords = map[string]rules.Type{
	"数": rules.TypeDecimal, "数字": rules.TypeDecimal, "小数": rules.TypeDecimal, "金额": rules.TypeDecimal,
	"数值型": rules.TypeDecimal, "数字型": rules.TypeDecimal, "number": rules.TypeDecimal, "float": rules.TypeDecimal,
	"double": rules.TypeDecimal, "numeric": rules.TypeDecimal, "money": rules.TypeDecimal,
	"整型": rules.TypeInt, "整数型": rules.TypeInt, "integer": rules.TypeInt, "int64": rules.TypeInt,
	"文字": rules.TypeString, "字符": rules.TypeString, "字符串": rules.TypeString, "文本型": rules.TypeString,
	"text": rules.TypeString, "str": rules.TypeString,
	"是否": rules.TypeBool, "真假": rules.TypeBool, "逻辑": rules.TypeBool, "逻辑型": rules.TypeBool, "布尔型": rules.TypeBool,
	"boolean": rules.TypeBool,
	"日期型":     rules.TypeDate, "时间": rules.TypeDate, "datetime": rules.TypeDate,
	"列表": rules.TypeList, "数组": rules.TypeList, "array": rules.TypeList,
}

// typeHint suggests the type key meant by a type written s that is none.
func typeHint(s string) string {
	if t, ok := typeWords[strings.ToLower(strings.TrimSpace(s))]; ok {
		return "，是否为 " + t.Key() + "（" + t.String() + "）？"
	}
	if best := suggest.Closest(s, []string{"decimal", "int", "string", "bool", "date", "list"}); best != "" {
		return "，是否为 " + best + "？"
	}
	return ""
}
