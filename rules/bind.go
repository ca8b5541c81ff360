package rules

import (
	"fmt"
	"reflect"
	"time"
	"unsafe"

	"github.com/shopspring/decimal"
)

// Binding evaluates a Program on records of one struct type, reading each input straight
// from its field (offsets found once, by reflection, when the Binding is made). It is the
// fast path: with a reused Result, evaluating a record allocates nothing. A field maps to
// the input named by its `rule:"名称"` tag, or else by its Go name.
type Binding[T any] struct {
	prog    *Program
	loaders []fieldLoader
}

type fieldLoader struct {
	sym  *symbol
	off  uintptr
	kind fieldKind
}

type fieldKind uint8

const (
	fDecimal fieldKind = iota
	fInt
	fInt64
	fString
	fBool
	fTime
	fList
	fValue
)

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	timeType    = reflect.TypeOf(time.Time{})
	listType    = reflect.TypeOf([]decimal.Decimal(nil))
	valueType   = reflect.TypeOf(Value{})
)

// Bind prepares p to evaluate records of type T, a struct. Every input the program reads
// must have a field of a matching Go type: decimal.Decimal for numbers (int and int64 also
// serve), string, bool, time.Time for dates, []decimal.Decimal for lists, or Value.
// Every field that is missing or of the wrong type is reported at once, as an ErrorList
// positioned at the input's first use in the rule text.
func Bind[T any](p *Program) (*Binding[T], error) {
	if !p.usable() {
		return nil, errNoProgram()
	}
	t := reflect.TypeOf((*T)(nil)).Elem()
	if t.Kind() != reflect.Struct {
		return nil, &Error{Code: ErrDeclaration, Msg: fmt.Sprintf("Bind 需要结构体类型，收到 %s", t)}
	}
	fields := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name := sf.Tag.Get("rule")
		if name == "" {
			name = sf.Name
		}
		fields[name] = sf
	}
	b := &Binding[T]{prog: p}
	var errs ErrorList
	for _, s := range p.inputs {
		first := p.missing[s]
		if first == nil {
			continue // the program never reads it
		}
		sf, ok := fields[s.name]
		if !ok {
			e := *first
			e.Msg = fmt.Sprintf("结构体 %s 没有对应输入 %s 的字段（请加标签 `rule:\"%s\"`）", t, s.name, s.name)
			errs = append(errs, &e)
			continue
		}
		k, ok := kindOf(sf.Type, s.typ)
		if !ok {
			e := *first
			e.Code = ErrDeclaration
			e.Msg = fmt.Sprintf("结构体 %s 的字段 %s 是 %s 类型，不能存放%s输入 %s", t, sf.Name, sf.Type, s.typ, s.name)
			errs = append(errs, &e)
			continue
		}
		b.loaders = append(b.loaders, fieldLoader{sym: s, off: sf.Offset, kind: k})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return b, nil
}

func kindOf(ft reflect.Type, t Type) (fieldKind, bool) {
	switch {
	case ft == valueType:
		return fValue, true
	case ft == decimalType && t.kind() == TypeDecimal:
		return fDecimal, true
	case ft.Kind() == reflect.Int && t.kind() == TypeDecimal:
		return fInt, true
	case ft.Kind() == reflect.Int64 && t.kind() == TypeDecimal:
		return fInt64, true
	case ft.Kind() == reflect.String && t == TypeString:
		return fString, true
	case ft.Kind() == reflect.Bool && t == TypeBool:
		return fBool, true
	case ft == timeType && t == TypeDate:
		return fTime, true
	case ft == listType && t == TypeList:
		return fList, true
	}
	return 0, false
}

// Program is the program the binding evaluates (nil for a nil Binding).
func (b *Binding[T]) Program() *Program {
	if b == nil {
		return nil
	}
	return b.prog
}

// EvalInto evaluates one record into res (from Program.NewResult, reused across records).
// A nil Binding, record or Result is an ErrMisuse error; nothing of the record is read.
func (b *Binding[T]) EvalInto(rec *T, res *Result) error {
	if b == nil {
		return errNoBinding()
	}
	p := b.prog
	if err := p.checkCall(res); err != nil {
		return err
	}
	if rec == nil {
		return misuse("记录为 nil")
	}
	f := p.frame()
	f.reset()
	err := b.load(f, unsafe.Pointer(rec)) //nolint:gosec // G103: fields are read at offsets Bind found by reflection on T itself
	slow := false
	if err == nil {
		slow, err = p.exec(f, p.fast, p.slow)
	}
	if err == nil {
		p.collect(f, slow, res)
	}
	p.release(f)
	return err
}

func errNoBinding() *Error { return misuse("Binding 为 nil 或未经 Bind 创建") }

func (b *Binding[T]) load(f *frame, base unsafe.Pointer) error {
	p := b.prog
	for i := range b.loaders {
		l := &b.loaders[i]
		ptr := unsafe.Add(base, l.off)
		var err *Error
		switch l.kind {
		case fDecimal:
			err = p.setNum(f, l.sym, *(*decimal.Decimal)(ptr))
		case fInt:
			err = p.setInt(f, l.sym, int64(*(*int)(ptr)))
		case fInt64:
			err = p.setInt(f, l.sym, *(*int64)(ptr))
		case fString:
			f.strs[l.sym.slot] = *(*string)(ptr)
		case fBool:
			f.bools[l.sym.slot] = *(*bool)(ptr)
		case fTime:
			err = p.setDate(f, l.sym, DateOf(*(*time.Time)(ptr)).days)
		case fList:
			err = p.setList(f, l.sym, *(*[]decimal.Decimal)(ptr))
		case fValue:
			err = p.setValue(f, l.sym, *(*Value)(ptr))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
