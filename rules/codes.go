package rules

// Code is a stable error code from the published list below. Platforms key their own
// translations on it; the Chinese text may be reworded, the code never changes meaning.
// A Code is itself an error, so errors.Is(err, rules.ErrUnknownName) works on any
// *Error or ErrorList that carries it.
type Code string

// The published error codes. E0xx are expression errors, F0xx rule-file errors, W0xx warnings,
// R0xx errors found while evaluating a record (R008 is a defect of the engine itself, never
// of the rules or the data; R009 a mistake of the program calling the package, such as a nil
// Program, record or context, never of the rules or the data either).
const (
	ErrSyntax         Code = "E001" // 语法错误
	ErrUnknownName    Code = "E002" // 未知名称
	ErrType           Code = "E003" // 类型不匹配
	ErrArgs           Code = "E004" // 函数参数个数或类型不对
	ErrUnsupported    Code = "E005" // 不支持的写法
	ErrNumber         Code = "E006" // 数字写法有误
	ErrLimit          Code = "E007" // 超出限制
	ErrDuplicate      Code = "E008" // 名称重复
	ErrCycle          Code = "E009" // 循环引用
	ErrEmpty          Code = "E010" // 表达式为空
	ErrChar           Code = "E011" // 无效字符
	ErrDeclaration    Code = "E012" // 声明有误
	ErrRowUnreachable Code = "E013" // 决策表有永远不会命中的行
	ErrRowDuplicate   Code = "E014" // 决策表有重复的行
	ErrTableGap       Code = "E015" // 决策表有没有覆盖的取值
	ErrTextNever      Code = "E016" // 文本值不可能相等
	ErrDivByZero      Code = "R001" // 除数为零
	ErrMissingInput   Code = "R002" // 缺少输入
	ErrInputValue     Code = "R003" // 输入值有误
	ErrNoMatch        Code = "R004" // 决策表没有匹配的行
	ErrFunction       Code = "R005" // 自定义函数出错
	ErrRuntimeLimit   Code = "R006" // 计算超出限制
	ErrCanceled       Code = "R007" // 计算被取消
	ErrInternal       Code = "R008" // 内部错误（引擎自身的缺陷）
	ErrMisuse         Code = "R009" // 调用有误（调用方的程序缺陷）
	ErrFileSyntax     Code = "F001" // YAML 格式错误
	ErrFileKey        Code = "F002" // 未知或拼错的键
	ErrFileValue      Code = "F003" // 键的值有误
	ErrFileMissing    Code = "F004" // 缺少必填的键
	ErrFileLimit      Code = "F005" // 文件超出限制
	ErrFileVersion    Code = "F006" // 版本生效期重叠或有误
	ErrTableType      Code = "F007" // 决策表各行结果类型不一致
	ErrTestFailed     Code = "F008" // 规则测试未通过
	ErrFileReference  Code = "F009" // 引用的规则集不存在
)

// Codes of the mistakes `jixiao check` finds beyond syntax, and the warnings. A W0xx code is a
// warning: the rules still compile and run, but something in the file is probably not what
// its author meant; it never makes a load fail.
const (
	ErrComment      Code = "E017" // 表达式中的注释
	ErrFullWidth    Code = "F010" // 全角标点
	ErrEmptyExpect  Code = "F011" // 测试没有期望结果
	ErrAmbiguous    Code = "F012" // 列表值有歧义
	WarnUnusedInput Code = "W001" // 输入未被使用
	WarnUnusedParam Code = "W002" // 参数未被使用
	WarnNoTests     Code = "W003" // 规则集没有测试
)

var codeTitles = map[Code]string{
	ErrSyntax:         "语法错误",
	ErrUnknownName:    "未知名称",
	ErrType:           "类型不匹配",
	ErrArgs:           "函数参数有误",
	ErrUnsupported:    "不支持的写法",
	ErrNumber:         "数字写法有误",
	ErrLimit:          "超出限制",
	ErrDuplicate:      "名称重复",
	ErrCycle:          "循环引用",
	ErrEmpty:          "表达式为空",
	ErrChar:           "无效字符",
	ErrDeclaration:    "声明有误",
	ErrRowUnreachable: "决策表有永远不会命中的行",
	ErrRowDuplicate:   "决策表有重复的行",
	ErrTableGap:       "决策表有没有覆盖的取值",
	ErrTextNever:      "文本值不可能相等",
	ErrDivByZero:      "除数为零",
	ErrMissingInput:   "缺少输入",
	ErrInputValue:     "输入值有误",
	ErrNoMatch:        "决策表没有匹配的行",
	ErrFunction:       "自定义函数出错",
	ErrRuntimeLimit:   "计算超出限制",
	ErrCanceled:       "计算被取消",
	ErrInternal:       "内部错误",
	ErrMisuse:         "调用有误",
	ErrFileSyntax:     "YAML 格式错误",
	ErrFileKey:        "未知或拼错的键",
	ErrFileValue:      "键的值有误",
	ErrFileMissing:    "缺少必填的键",
	ErrFileLimit:      "文件超出限制",
	ErrFileVersion:    "版本生效期有误",
	ErrTableType:      "决策表结果类型不一致",
	ErrTestFailed:     "规则测试未通过",
	ErrFileReference:  "引用的规则集不存在",
	ErrComment:        "表达式中的注释",
	ErrFullWidth:      "全角标点",
	ErrEmptyExpect:    "测试没有期望结果",
	ErrAmbiguous:      "列表值有歧义",
	WarnUnusedInput:   "输入未被使用",
	WarnUnusedParam:   "参数未被使用",
	WarnNoTests:       "规则集没有测试",
}

// Error gives the code and its Chinese title, e.g. "E002 未知名称".
func (c Code) Error() string { return string(c) + " " + c.Title() }

// Title is the code's short Chinese title.
func (c Code) Title() string { return codeTitles[c] }

// Codes lists every published code in order, for documentation and platform tables.
func Codes() []Code {
	return []Code{
		ErrSyntax, ErrUnknownName, ErrType, ErrArgs, ErrUnsupported, ErrNumber, ErrLimit,
		ErrDuplicate, ErrCycle, ErrEmpty, ErrChar, ErrDeclaration,
		ErrRowUnreachable, ErrRowDuplicate, ErrTableGap, ErrTextNever,
		ErrComment,
		ErrDivByZero, ErrMissingInput, ErrInputValue, ErrNoMatch, ErrFunction, ErrRuntimeLimit, ErrCanceled,
		ErrInternal, ErrMisuse,
		ErrFileSyntax, ErrFileKey, ErrFileValue, ErrFileMissing, ErrFileLimit, ErrFileVersion,
		ErrTableType, ErrTestFailed, ErrFileReference,
		ErrFullWidth, ErrEmptyExpect, ErrAmbiguous,
		WarnUnusedInput, WarnUnusedParam, WarnNoTests,
	}
}
