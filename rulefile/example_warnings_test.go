package rulefile_test

import (
	"fmt"

	"github.com/jixiao-go/jixiao/rulefile"
)

// Warnings lists what a file declares but never uses, and a rule set without tests: the rules
// still load and run, but the author probably meant something else.
func ExampleRuleSet_Warnings() {
	lib := rulefile.NewLibrary()
	sets, err := lib.LoadBytes(rulefile.Source{Name: "草稿.yaml", Data: []byte(`ruleset: 草稿
effective: 2024-01-01
inputs:
  总分: {type: decimal}
  备注: {type: string}
params:
  及格线: 60
  优秀线: 90
formulas:
  及格: 总分 >= 及格线
`)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range sets[0].Warnings() {
		fmt.Println(string(w.Code), w.Error())
	}
	// Output:
	// W003 草稿.yaml:1:10: 规则 草稿：规则集 草稿 没有测试：在 tests 下至少写一个测试（given 输入，expect 结果），jixiao test 才能核对规则算得对不对
	// W001 草稿.yaml:5:3: 规则 草稿：输入 备注 没有被任何公式或决策表用到（测试里给出它不算用到）：删掉它，或检查公式中它的名字是否写错
	// W002 草稿.yaml:8:3: 规则 草稿：参数 优秀线 没有被任何公式或决策表用到：删掉它，或检查公式中它的名字是否写错
}

// ParseList reads a list of numbers as a test's given writes it, and refuses one whose
// commas could be thousands separators.
func ExampleParseList() {
	ds, err := rulefile.ParseList("[50, 45.5, 9]")
	fmt.Println(ds, err)
	_, err = rulefile.ParseList("[1,000, 2]")
	fmt.Println(err)
	// Output:
	// [50 45.5 9] <nil>
	// 列表 [1,000, 2] 有歧义：1,000 可以读作一个带千分位的数，也可以读作几个数。列表各项之间用逗号和空格分隔，数字不写千分位逗号（如 [1000, 2]）
}
