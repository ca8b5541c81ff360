package amount

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type parseCase struct {
	name   string
	in     string
	want   string // exact digits expected, as decimal text; empty when an error is expected
	code   string // expected error code
	offset int    // expected rune offset of the error
	reason string
}

var parseDecimalCases = []parseCase{
	// Figures from the seed (民丰县 2024).
	{name: "千分位", in: "10,113.65", want: "10113.65", reason: "农业农村和水利局预算数，报表里带千分位"},
	{name: "无千分位", in: "9993.67", want: "9993.67", reason: "同一张表里的执行数不带千分位"},
	{name: "两位小数", in: "928.56", want: "928.56", reason: "民政局执行数"},
	{name: "亿元小数", in: "0.18778", want: "0.18778", reason: "5月差等级资金（亿元）"},
	{name: "六位小数", in: "13.304271", want: "13.304271", reason: "81个部门整体预算（亿元）"},
	{name: "多组千分位", in: "123,456,789.01", want: "123456789.01", reason: "每组3位的多组千分位"},
	{name: "保留末尾零", in: "100.00", want: "100.00", reason: "末尾零是精度，要保留"},
	{name: "零", in: "0", want: "0", reason: "零"},
	{name: "前导零", in: "007", want: "7", reason: "前导零不改变数值"},
	{name: "零点零零零", in: "0.000", want: "0.000", reason: "零也保留小数位"},

	// Percentages.
	{name: "百分数", in: "20%", want: "0.20", reason: "20% 恰好是 0.20，系数20、指数-2"},
	{name: "全角百分数", in: "２０％", want: "0.20", reason: "中文输入法打出的全角百分数"},
	{name: "百分号前空格", in: "20 %", want: "0.20", reason: "数字和百分号之间的空格可以接受"},
	{name: "小数百分数", in: "98.78%", want: "0.9878", reason: "执行率按百分数填写"},
	{name: "三位小数百分数", in: "12.345%", want: "0.12345", reason: "百分数的小数位全部保留"},
	{name: "负百分数", in: "-5%", want: "-0.05", reason: "负偏差"},
	{name: "百分之百", in: "100%", want: "1.00", reason: "百分之百"},
	{name: "零百分比", in: "0%", want: "0.00", reason: "零偏差"},
	{name: "千分位百分数", in: "1,000%", want: "10.00", reason: "超额完成时百分数也可以带千分位"},

	// Full-width characters and blanks.
	{name: "全角数字和小数点", in: "１２．５", want: "12.5", reason: "中文输入法的全角数字和全角小数点"},
	{name: "全角逗号", in: "１０，１１３．６５", want: "10113.65", reason: "全角逗号分组正确时当作千分位"},
	{name: "混合逗号", in: "1,234，567", want: "1234567", reason: "半角、全角逗号混用但分组正确"},
	{name: "全角负号", in: "－１", want: "-1", reason: "全角负号"},
	{name: "全角正号", in: "＋3", want: "3", reason: "全角正号"},
	{name: "减号字符", in: "−7", want: "-7", reason: "从 Word 复制来的减号 U+2212"},
	{name: "正号", in: "+5", want: "5", reason: "半角正号"},
	{name: "负号", in: "-2.675", want: "-2.675", reason: "负数"},
	{name: "负零", in: "-0", want: "0", reason: "负零就是零"},
	{name: "两边空白", in: "\u3000928.56\u00a0", want: "928.56", reason: "单元格前后的全角空格和不换行空格"},
	{name: "制表换行", in: "\t1\r\n", want: "1", reason: "复制粘贴带来的制表符和换行"},
	{name: "字节序标记", in: "\uFEFF100", want: "100", reason: "UTF-8 BOM 常出现在 CSV 第一格"},
	{name: "一百位数字", in: strings.Repeat("9", 100), want: strings.Repeat("9", 100), reason: "恰好 MaxDigits 位仍接受"},
	{name: "一百位含小数", in: strings.Repeat("1", 50) + "." + strings.Repeat("2", 50), want: strings.Repeat("1", 50) + "." + strings.Repeat("2", 50), reason: "超过18位走 big.Int 路径"},
	{name: "十八位", in: "-999999999999999999", want: "-999999999999999999", reason: "int64 快速路径的上限"},
	{name: "十九位", in: "9999999999999999999", want: "9999999999999999999", reason: "超出 int64 改走 big.Int"},

	// Errors.
	{name: "两个小数点", in: "12.3.4", code: CodeExtraPoint, offset: 4, reason: "第二个小数点的位置"},
	{name: "字母", in: "abc", code: CodeBadChar, offset: 0, reason: "不是数字"},
	{name: "空", in: "", code: CodeEmpty, reason: "空单元格不是零"},
	{name: "空白", in: "   ", code: CodeEmpty, reason: "只有空格也是空"},
	{name: "全角空白", in: "\u3000", code: CodeEmpty, reason: "只有全角空格也是空"},
	{name: "NaN", in: "NaN", code: CodeNotANumber, reason: "NaN 不是金额"},
	{name: "Inf", in: "Inf", code: CodeNotANumber, reason: "Inf 不是金额"},
	{name: "Infinity", in: "-Infinity", code: CodeNotANumber, reason: "带符号的无穷也要拒绝"},
	{name: "nan小写", in: " nan ", code: CodeNotANumber, offset: 1, reason: "大小写和空白不影响"},
	{name: "科学计数法", in: "1e5", code: CodeScientific, offset: 1, reason: "财务人员不这样写金额，明确拒绝"},
	{name: "科学计数法大写", in: "1.5E-3", code: CodeScientific, offset: 3, reason: "大写 E 同样拒绝"},
	{name: "全角科学计数法", in: "１ｅ５", code: CodeScientific, offset: 1, reason: "全角 e 同样拒绝"},
	{name: "两个负号", in: "--1", code: CodeSign, offset: 1, reason: "多了一个负号"},
	{name: "正负号", in: "+-1", code: CodeSign, offset: 1, reason: "正负号重复"},
	{name: "末尾负号", in: "5-", code: CodeSign, offset: 1, reason: "负号只能在前面"},
	{name: "中间负号", in: "1-2", code: CodeSign, offset: 1, reason: "像是减法，不是数字"},
	{name: "只有负号", in: "-", code: CodeNoDigits, offset: 1, reason: "只有符号"},
	{name: "分组四位", in: "1,2345", code: CodeGrouping, offset: 1, reason: "千分位后应为3位"},
	{name: "分组两位", in: "1,23", code: CodeGrouping, offset: 1, reason: "千分位后只有两位，可能是小数点打成了逗号"},
	{name: "全角逗号分组错", in: "1，23", code: CodeGrouping, offset: 1, reason: "全角逗号分组不对时不当千分位"},
	{name: "开头逗号", in: ",123", code: CodeGrouping, offset: 0, reason: "逗号前没有数字"},
	{name: "连续逗号", in: "1,,234", code: CodeGrouping, offset: 2, reason: "多了一个逗号"},
	{name: "首组四位", in: "1234,567", code: CodeGrouping, offset: 4, reason: "第一组最多3位"},
	{name: "小数部分逗号", in: "1,234.5,6", code: CodeGrouping, offset: 7, reason: "小数部分不能有千分位"},
	{name: "末尾逗号", in: "1,234,", code: CodeGrouping, offset: 5, reason: "最后一个逗号后没有数字"},
	{name: "分组后小数点", in: "1,23.45", code: CodeGrouping, offset: 1, reason: "欧洲写法或打错，分组不对"},
	{name: "只有百分号", in: "%", code: CodeNoDigits, offset: 0, reason: "百分号前没有数字"},
	{name: "两个百分号", in: "20%%", code: CodePercent, offset: 3, reason: "多了一个百分号"},
	{name: "百分号后有数字", in: "20%5", code: CodePercent, offset: 3, reason: "百分号后不能再有内容"},
	{name: "百分号在前", in: "%20", code: CodeNoDigits, offset: 0, reason: "百分号要写在后面"},
	{name: "点五", in: ".5", code: CodeLonePoint, offset: 0, reason: "小数点前缺数字，要求写成 0.5"},
	{name: "五点", in: "5.", code: CodeLonePoint, offset: 1, reason: "小数点后缺数字，可能漏打"},
	{name: "只有小数点", in: ".", code: CodeLonePoint, offset: 0, reason: "只有小数点"},
	{name: "中间空格", in: "10 113.65", code: CodeBadChar, offset: 2, reason: "空格分组不是本地写法，数字中间不能有空格"},
	{name: "符号后空格", in: "- 5", code: CodeBadChar, offset: 1, reason: "正负号和数字之间不能有空格"},
	{name: "带单位", in: "928.56万元", code: CodeUnitNumber, offset: 6, reason: "只要数字的地方带了单位，提示用金额解析"},
	{name: "句号", in: "12。5", code: CodeBadChar, offset: 2, reason: "句号不能当小数点"},
	{name: "汉字数字", in: "一百", code: CodeBadChar, offset: 0, reason: "汉字数字要改用阿拉伯数字"},
	{name: "NUL", in: "1\x00", code: CodeBadChar, offset: 1, reason: "NUL 字节只是报错"},
	{name: "无效编码开头", in: "\xff1", code: CodeBadEncoding, offset: 0, reason: "GBK 文件当 UTF-8 读"},
	{name: "无效编码中间", in: "一\xff1", code: CodeBadEncoding, offset: 1, reason: "偏移按字符计，无效字节算一个"},
	{name: "一百零一位", in: strings.Repeat("1", 101), code: CodeTooLong, offset: 100, reason: "超过 MaxDigits 位"},
	{name: "前导零也算位数", in: strings.Repeat("0", 101), code: CodeTooLong, offset: 100, reason: "位数按写出的数字计"},
	{name: "一兆字节", in: strings.Repeat("1", 1<<20), code: CodeTooLong, offset: MaxInputBytes, reason: "超长输入直接拒绝，不逐字读"},
	{name: "中文括号负数", in: "（100）", code: CodeBadChar, offset: 0, reason: "会计括号负数不支持，报错而不是当正数"},
	{name: "千分号", in: "5‰", code: CodeBadChar, offset: 1, reason: "千分号不支持"},
}

func TestParseDecimal(t *testing.T) {
	for _, tt := range parseDecimalCases {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			got, err := ParseDecimal(tt.in)
			if tt.code != "" {
				wantParseError(t, err, tt.code, tt.offset)
				return
			}
			require.NoError(t, err)
			sameDigits(t, tt.want, got)
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		reason string
	}{
		{"12.3.4", `无法识别的数字 "12.3.4"：第5个字符处多了一个小数点`, "字符从1数起"},
		{"1,23", `无法识别的数字 "1,23"：第2个字符处的千分位逗号后应为3位数字，实际为2位`, "指出逗号位置"},
		{"1e5", `无法识别的数字 "1e5"：第2个字符处：不接受科学计数法，请写出完整数字（如 100000，而不是 1e5）`, "说明怎么改"},
		{"", `无法识别的数字 ""：内容为空`, "空"},
		{"1\x00", `无法识别的数字 "1\x00"：第2个字符"\x00"无法识别`, "控制字符转义后显示"},
		{"928.56万元", `无法识别的数字 "928.56万元"：第7个字符起是单位"万元"，此处只填数字，不带单位`, "提示去掉单位"},
		{strings.Repeat("1", 2000), `无法识别的数字 "` + strings.Repeat("1", 40) + `"…：内容过长（超过1024字节）`, "报错时只引用前40个字符"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			needReason(t, tt.in, tt.reason)
			_, err := ParseDecimal(tt.in)
			assert.EqualError(t, err, tt.want)
		})
	}
}

var parseAmountCases = []struct {
	name   string
	in     string
	def    Unit
	want   string
	unit   Unit
	code   string
	offset int
	reason string
}{
	{name: "亿元", in: "13.304271亿元", def: Wan, want: "13.304271", unit: Yi, reason: "种子：81个部门整体预算"},
	{name: "万元", in: "928.56万元", def: Yuan, want: "928.56", unit: Wan, reason: "种子：民政局执行数"},
	{name: "元", in: "100元", def: Wan, want: "100", unit: Yuan, reason: "写明的单位优先于默认单位"},
	{name: "万", in: "5万", def: Yuan, want: "5", unit: Wan, reason: "省略“元”的万"},
	{name: "亿", in: "3亿", def: Yuan, want: "3", unit: Yi, reason: "省略“元”的亿"},
	{name: "单位前空格", in: "5 万元", def: Yuan, want: "5", unit: Wan, reason: "数字和单位之间的空格"},
	{name: "默认单位", in: "10,113.65", def: Wan, want: "10113.65", unit: Wan, reason: "表头写明万元时单元格不带单位"},
	{name: "全角带单位", in: "\u3000２０．５万元 ", def: Yuan, want: "20.5", unit: Wan, reason: "全角数字加单位"},
	{name: "负金额", in: "-0.18778亿元", def: Yuan, want: "-0.18778", unit: Yi, reason: "追减金额可以为负"},
	{name: "百分数", in: "20%", def: Wan, code: CodePercentAmt, offset: 2, reason: "金额不能是百分数"},
	{name: "千元", in: "5千元", def: Wan, code: CodeUnknownUnit, offset: 1, reason: "千元不支持，要报错而不是当元"},
	{name: "万元整", in: "5万元整", def: Wan, code: CodeUnknownUnit, offset: 1, reason: "单位后多余的字"},
	{name: "元元", in: "5元元", def: Wan, code: CodeUnknownUnit, offset: 1, reason: "重复单位"},
	{name: "只有单位", in: "万元", def: Wan, code: CodeNoDigits, offset: 0, reason: "没有数字"},
	{name: "两个小数点", in: "12.3.4万元", def: Wan, code: CodeExtraPoint, offset: 4, reason: "数字部分的错误照常报告"},
	{name: "科学计数法", in: "1e5万元", def: Wan, code: CodeScientific, offset: 1, reason: "科学计数法"},
	{name: "句号", in: "5。", def: Wan, code: CodeBadChar, offset: 1, reason: "句号"},
	{name: "分组错误", in: "1,2345万元", def: Wan, code: CodeGrouping, offset: 1, reason: "分组错误"},
	{name: "空", in: " ", def: Wan, code: CodeEmpty, offset: 0, reason: "空单元格"},
	{name: "无效默认单位", in: "5", def: Unit(9), code: CodeUnknownUnit, offset: 0, reason: "程序传错默认单位时报错而不是崩溃"},
	{name: "无效默认单位带单位", in: "5万元", def: Unit(-1), code: CodeUnknownUnit, offset: 0, reason: "默认单位错误总是报告，不因本行带单位而漏掉"},
}

func TestParseAmount(t *testing.T) {
	for _, tt := range parseAmountCases {
		t.Run(tt.name, func(t *testing.T) {
			needReason(t, tt.name, tt.reason)
			got, err := ParseAmount(tt.in, tt.def)
			if tt.code != "" {
				wantParseError(t, err, tt.code, tt.offset)
				assert.Contains(t, err.Error(), "无法识别的金额")
				return
			}
			require.NoError(t, err)
			sameDigits(t, tt.want, got.Value())
			assert.Equal(t, tt.unit, got.Unit())
		})
	}
}

func TestParseAmountMessage(t *testing.T) {
	_, err := ParseAmount("5千元", Wan)
	assert.EqualError(t, err, `无法识别的金额 "5千元"：第2个字符起的"千元"不是可用的单位（元、万元、亿元）`)
	_, err = ParseAmount("20%", Wan)
	assert.EqualError(t, err, `无法识别的金额 "20%"：第3个字符处：金额不能写成百分数`)
}

func TestParseAcceptsParseDecimalInputs(t *testing.T) {
	for _, tt := range parseDecimalCases {
		if tt.code != "" || strings.ContainsAny(tt.in, "%％") {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAmount(tt.in, Wan)
			require.NoError(t, err, "ParseAmount must accept every number ParseDecimal accepts")
			sameDigits(t, tt.want, a.Value())
			assert.Equal(t, Wan, a.Unit())
		})
	}
}

func BenchmarkParseDecimal(b *testing.B) {
	for _, s := range []string{"9993.67", "１０，１１３．６５", "98.78%", "1234567890123456789.01"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := ParseDecimal(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
