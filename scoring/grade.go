package scoring

import "fmt"

// Grade is an evaluation grade. The zero Grade is Ungraded: no score has been graded yet,
// which is never the same as 差.
type Grade int

// The grades, best first.
const (
	Ungraded  Grade = iota // 未定级
	Excellent              // 优
	Good                   // 良
	Fair                   // 中
	Poor                   // 差
)

// Grades lists the four grades, best first, for reports that show every grade.
func Grades() []Grade { return []Grade{Excellent, Good, Fair, Poor} }

var gradeNames = [...]string{Ungraded: "未定级", Excellent: "优", Good: "良", Fair: "中", Poor: "差"}

// String is the grade as staff write it: 优, 良, 中 or 差.
func (g Grade) String() string {
	if g < Ungraded || int(g) >= len(gradeNames) {
		return fmt.Sprintf("Grade(%d)", int(g))
	}
	return gradeNames[g]
}

// ParseGrade reads 优, 良, 中 or 差, as a rule file's grade table gives them.
func ParseGrade(s string) (Grade, error) {
	for _, g := range Grades() {
		if gradeNames[g] == s {
			return g, nil
		}
	}
	return Ungraded, fmt.Errorf("无法识别的等级 %q：等级应为 优、良、中 或 差", s)
}

// MarshalText writes the grade as 优/良/中/差, so JSON shows what a report shows, and Ungraded
// as 未定级: a summary's 未定级 line and a never-evaluated Candidate are results a platform
// must be able to send, and 未定级 can never be read as 差. A Grade outside the constants is
// an error.
func (g Grade) MarshalText() ([]byte, error) {
	if g < Ungraded || g > Poor {
		return nil, fmt.Errorf("等级 %s 无效，不能输出", g)
	}
	return []byte(g.String()), nil
}

// UnmarshalText reads a grade written by MarshalText: 优, 良, 中, 差 or 未定级.
func (g *Grade) UnmarshalText(b []byte) error {
	if string(b) == gradeNames[Ungraded] {
		*g = Ungraded
		return nil
	}
	v, err := ParseGrade(string(b))
	if err != nil {
		return err
	}
	*g = v
	return nil
}
