package rules

// Type is the declared type of an input, a constant or a result.
// The zero value is TypeInvalid, which no valid declaration uses.
type Type uint8

const (
	// TypeInvalid is no type: the zero Type, and the type of the zero Value.
	TypeInvalid Type = iota
	// TypeDecimal is an exact decimal number (数值).
	TypeDecimal
	// TypeInt is a whole number (整数). It computes as a TypeDecimal; only the input is checked to be whole.
	TypeInt
	// TypeString is text (文本).
	TypeString
	// TypeBool is true or false (布尔).
	TypeBool
	// TypeDate is a calendar day without a time (日期).
	TypeDate
	// TypeList is a list of decimal numbers (数值列表).
	TypeList
)

var typeNames = [...]string{"无效类型", "数值", "整数", "文本", "布尔", "日期", "数值列表"}

var typeKeys = [...]string{"invalid", "decimal", "int", "string", "bool", "date", "list"}

// String gives the type's Chinese name, as staff read it in messages.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return typeNames[0]
}

// Key gives the type's English key as written in rule files (decimal, int, string, bool, date, list).
func (t Type) Key() string {
	if int(t) < len(typeKeys) {
		return typeKeys[t]
	}
	return typeKeys[0]
}

// ParseType reads a type key from a rule file: decimal, int, string, bool, date or list.
// Chinese names (数值, 整数, 文本, 布尔, 日期, 数值列表) are accepted too.
func ParseType(s string) (Type, bool) {
	for i := TypeDecimal; i <= TypeList; i++ {
		if s == typeKeys[i] || s == typeNames[i] {
			return i, true
		}
	}
	return TypeInvalid, false
}

// kind is the type as the evaluator sees it: Int computes as a number.
func (t Type) kind() Type {
	if t == TypeInt {
		return TypeDecimal
	}
	return t
}
