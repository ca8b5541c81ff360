package tables

import (
	"fmt"
	"strings"

	"github.com/jixiao-go/jixiao/internal/suggest"
)

// Field is a column a caller wants: its name (a rule set's input), the other names real
// templates give it, in order of preference (预算数 may be headed 调整后预算数 or 全年预算数),
// and whether a table without it cannot be used. The zero Field has no name and matches no
// column.
type Field struct {
	Name     string
	Aliases  []string
	Required bool
}

// Columns says which column of a table holds each wanted field, found by Match. The zero
// Columns has no fields.
type Columns struct {
	at     map[string]int
	unit   map[string]string
	header []string
}

// Match finds each field in a header. A header cell is compared as Normalize reads it, so
// " 预算数（万元）" is the field 预算数 in 万元. A field's own name is preferred to its aliases,
// and an earlier alias to a later one. It is an error when a required field is missing (with
// the nearest header named), or when two columns carry the name a field is read from, since
// either could be meant; two columns of a name no field reads (two 备注) are left alone.
func Match(header []string, fields []Field) (Columns, error) {
	c := Columns{at: map[string]int{}, unit: map[string]string{}, header: append([]string(nil), header...)}
	names := make([]string, len(header))
	units := make([]string, len(header))
	seen := map[string]int{}
	twice := map[string]int{} // a name's second column: refused only when a field would read it
	for i, h := range header {
		names[i], units[i] = Normalize(h)
		if names[i] == "" {
			continue
		}
		if _, dup := seen[names[i]]; dup {
			if _, noted := twice[names[i]]; !noted {
				twice[names[i]] = i
			}
			continue
		}
		seen[names[i]] = i
	}
	var missing []string
	for _, f := range fields {
		name, ok := find(seen, f)
		if !ok {
			if f.Required {
				missing = append(missing, missingField(f, names))
			}
			continue
		}
		i := seen[name]
		if k, dup := twice[name]; dup {
			return Columns{}, fmt.Errorf("表头第 %d 列“%s”和第 %d 列“%s”是同一个名称，不知道该用哪一列；请删去或改名其中一列",
				i+1, strings.TrimSpace(header[i]), k+1, strings.TrimSpace(header[k]))
		}
		c.at[f.Name], c.unit[f.Name] = i, units[i]
	}
	if len(missing) > 0 {
		return Columns{}, fmt.Errorf("表头缺少%s", strings.Join(missing, "、"))
	}
	return c, nil
}

// find is the normalised header name f is read from: its name first, then its aliases in
// order.
func find(seen map[string]int, f Field) (string, bool) {
	for _, n := range append([]string{f.Name}, f.Aliases...) {
		name, _ := Normalize(n)
		if _, ok := seen[name]; ok {
			return name, true
		}
	}
	return "", false
}

// missingField says which column is missing, with the names it may go by and the nearest
// header cell.
func missingField(f Field, names []string) string {
	var notes []string
	if len(f.Aliases) > 0 {
		notes = append(notes, "也可以叫 "+strings.Join(f.Aliases, "、"))
	}
	if s := suggest.Closest(f.Name, names); s != "" {
		notes = append(notes, fmt.Sprintf("是不是“%s”？", s))
	}
	msg := "“" + f.Name + "”列"
	if len(notes) > 0 {
		msg += "（" + strings.Join(notes, "；") + "）" // in brackets, so the next missing column reads apart
	}
	return msg
}

// Has reports whether the table has the field.
func (c Columns) Has(name string) bool { _, ok := c.at[name]; return ok }

// Index is the field's column (0 for the first), or -1 when the table has none.
func (c Columns) Index(name string) int {
	if i, ok := c.at[name]; ok {
		return i
	}
	return -1
}

// Unit is the unit the field's header names (万元 in 预算数（万元）), or "".
func (c Columns) Unit(name string) string { return c.unit[name] }

// Header is the header cell the field was read from, as written.
func (c Columns) Header(name string) string {
	if i, ok := c.at[name]; ok {
		return strings.TrimSpace(c.header[i])
	}
	return ""
}

// Cell is the field's cell in row, trimmed, or "" when the table or the row has none.
func (c Columns) Cell(row Row, name string) string { return row.Cell(c.Index(name)) }
