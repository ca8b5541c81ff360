package monitor_test

import (
	"strings"
	"testing"

	"github.com/jixiao-go/jixiao/monitor"
	"github.com/jixiao-go/jixiao/rules"
)

// FuzzReadCalendar checks a calendar file of any content gives a calendar or positioned
// errors, never a panic, and a calendar that counts within the years it covers.
func FuzzReadCalendar(f *testing.F) {
	for _, seed := range []string{
		"日期,类型,说明\n2024-10-01,休,国庆节\n2024-10-12,班,调休\n",
		"\ufeff类型,日期\n休,２０２４－１０－０１\n",
		"日期,类型\n2024-10-01,休\n2024-10-01,班\n",
		"日期,类型\n\"2024-10-01,休\n",
		"# 注释\n\n日期,类型\n2024年10月1日,放假\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cal, err := monitor.ReadCalendar("fuzz.csv", strings.NewReader(text))
		if err != nil {
			if cal != nil {
				t.Fatal("a calendar with an error")
			}
			var list rules.ErrorList
			var one *rules.Error
			if !asErrors(err, &list, &one) {
				t.Fatalf("not a rules error: %T %v", err, err)
			}
			return
		}
		for _, y := range cal.Years() {
			if _, err := cal.AddWorkdays(day(y, 1, 1), 20); err != nil && !strings.Contains(err.Error(), "工作日历没有") {
				t.Fatal(err)
			}
		}
	})
}

func asErrors(err error, list *rules.ErrorList, one **rules.Error) bool {
	switch e := err.(type) {
	case rules.ErrorList:
		*list = e
		return len(e) > 0
	case *rules.Error:
		*one = e
		return true
	}
	return false
}
