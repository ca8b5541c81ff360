package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jixiao-go/jixiao/tables"
)

const scoreSheet = "testdata/score/自评表.csv"

// TestScoreGolden keeps the table and JSON reports of the example sheet; the figures in it
// are worked out by hand in scoring/project_test.go's way: P1 81.50 良, P2 78.50 中.
func TestScoreGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
		reason string
	}{
		{"自评表.golden", []string{"score", "--at", "2024-12-31", scoreSheet}, "表格输出"},
		{"自评表.json.golden", []string{"score", "--at", "2024-12-31", "--format", "json", scoreSheet}, "JSON 输出"},
		{"重点评价.golden", []string{"score", "--at", "2024-12-31", "--form", "key", "testdata/score/重点评价.csv"},
			"重点评价：K1 95.69 优（决策 18.5、过程 18.94、产出 29.25、效益 29，与 scoring 的 key_test 同一张表）；K2 产出与效益 55% 被拒"},
		{"重点评价.json.golden", []string{"score", "--at", "2024-12-31", "--form", "key", "--format", "json", "testdata/score/重点评价.csv"},
			"重点评价 JSON"},
		{"部门整体.golden", []string{"score", "--at", "2024-12-31", "--form", "department", "testdata/score/部门整体.csv"},
			"部门整体：D1 93.75 优（部门决策 23、综合管理 6 + 21、部门绩效 43.75）"},
		{"部门整体.json.golden", []string{"score", "--at", "2024-12-31", "--form", "department", "--format", "json", "testdata/score/部门整体.csv"},
			"部门整体 JSON，分档指标在 bands"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			stdout, stderr, code := runCLI(tc.args...)
			require.Equal(t, exitOK, code, stderr)
			require.Empty(t, stderr)
			golden := filepath.Join("testdata", "score", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./cmd/jixiao -update to create it")
			assert.Equal(t, string(want), stdout, "%s changed; review and run go test ./cmd/jixiao -update", tc.reason)
		})
	}
}

// TestScoreJSONAccountsForEveryRow reads the JSON lines back: rows in = rows scored + rows
// rejected, each rejection with its row, and the keys the handbook promises.
func TestScoreJSONAccountsForEveryRow(t *testing.T) {
	stdout, _, code := runCLI("score", "--at", "2024-12-31", "--format", "json", scoreSheet)
	require.Equal(t, exitOK, code)
	data, err := os.ReadFile(scoreSheet)
	require.NoError(t, err)
	dataRows := strings.Count(strings.TrimSuffix(string(data), "\n"), "\n") // lines after the header

	var projects, rejected, findings int
	itemRows := 0
	var summary map[string]any
	sc := bufio.NewScanner(strings.NewReader(stdout))
	for sc.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), sc.Text())
		switch {
		case line["id"] != nil:
			projects++
			for _, k := range []string{"score", "grade", "action", "items"} {
				assert.Contains(t, line, k)
			}
			items := line["items"].([]any)
			itemRows += len(items)
			for _, it := range items {
				for _, k := range []string{"name", "points", "score"} {
					assert.Contains(t, it, k)
				}
			}
		case line["row"] != nil && line["error"] != nil:
			rejected++
		case line["finding"] != nil:
			findings++
		case line["summary"] != nil:
			summary = line["summary"].(map[string]any)
		}
	}
	require.NotNil(t, summary, "the last line is the summary")
	assert.Equal(t, 2, projects)
	assert.Equal(t, 4, rejected, "P3 (a bad row) and P4 (zero budget): two rows each")
	assert.Equal(t, 3, findings)
	assert.InDelta(t, dataRows, summary["rows"], 0)
	assert.InDelta(t, dataRows, summary["scored_rows"].(float64)+summary["rejected_rows"].(float64), 0,
		"rows in = rows scored + rows rejected")
	assert.Equal(t, dataRows-rejected-1, itemRows, "every scored row is an item but the 不适用 one")
}

func TestScoreRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		want   string
		reason string
	}{
		{"内置达州", []string{"--rules", "dazhou-application"}, "P2        农村道路养护  80.00%  81.13  良    据实保障", "达州的良：据实保障（民丰县是调减或取消同类资金）"},
		{"内置廊坊", []string{"--rules", "langfang-execution"}, "P1        职业技能培训  95.00%  82.00  良", "执行率得分按整分，9.5 进为 10"},
		{"规则文件", []string{"--rules", "testdata/score/整分.yaml"}, "P1        职业技能培训  95.00%  82.00  良", "厂商文件 extends 内置规则"},
		{"两套规则", []string{"--rules", "langfang-execution", "--rules", "dazhou-application"}, "P1        职业技能培训  95.00%  82.00  良    据实保障", "可写多次：廊坊的执行率得分 10 与达州的结果应用"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			args := append([]string{"score", "--at", "2024-12-31"}, tc.args...)
			stdout, stderr, code := runCLI(append(args, scoreSheet)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, stdout, tc.want, tc.reason)
		})
	}
}

func TestScoreExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
		reason string
	}{
		{"严格模式有不能打分的行", []string{"--strict", scoreSheet}, exitFindings, "有 4 行不能打分（--strict）", "--strict 时拒绝的行使退出码为 1"},
		{"文件不存在", []string{"没有.csv"}, exitUsage, "没有.csv：文件不存在", "输入不可用"},
		{"表头缺列", []string{"testdata/score/表头不全.csv"}, exitUsage, "表头（第 1 行）缺少“执行数”列（也可以叫 全年执行数、执行金额；是不是“预算数”？）、“指标性质”列（是不是“指标值”？）、“分值”列（也可以叫 权重）", "一次列出所有缺少的列，连同别名和最接近的表头"},
		{"格式", []string{"--format", "xml", scoreSheet}, exitUsage, "--format 只能是 table 或 json", "未知格式"},
		{"日期", []string{"--at", "昨天", scoreSheet}, exitUsage, "--at 应为日期", "日期读不出"},
		{"没有文件", []string{}, exitUsage, "需要一个评价表文件，这里有 0 个", "缺少参数"},
		{"未知规则集", []string{"--rules", "no-such", scoreSheet}, exitUsage, "--rules no-such：既不是文件，也不是 2024-12-31 生效的内置规则集", "拼错的规则集"},
		{"不能打分的规则集", []string{"--rules", "national-monitor", scoreSheet}, exitFindings, "作为预算执行率规则缺少 得分", "监控规则不能用来打分"},
		{"部门整体支出规则", []string{"--rules", "sample-department-overall", scoreSheet}, exitFindings, "是部门整体支出的规则，只用于 --form department", "它有打分的位置，但自评表用不到，不能默默接受"},
		{"重点评价权重规则", []string{"--rules", "national-key-evaluation", scoreSheet}, exitFindings, "是重点评价的权重规则，只用于 --form key", "自评表不读重点评价权重"},
		{"表的种类", []string{"--form", "整体", scoreSheet}, exitUsage, "--form 只能是 self（单位自评）、key（重点评价）或 department（部门整体支出）", "未知的表的种类"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			args := append([]string{"score", "--at", "2024-12-31"}, tc.args...)
			if tc.name == "日期" {
				args = append([]string{"score"}, tc.args...)
			}
			_, stderr, code := runCLI(args...)
			assert.Equal(t, tc.code, code, "%s: %s", tc.reason, stderr)
			assert.Contains(t, stderr, tc.stderr, tc.reason)
		})
	}
}

// TestScoreRowsAndAmounts covers reading: amounts on the first row only or repeated, a
// conflicting repeat, an empty id, and a missing budget.
func TestScoreRowsAndAmounts(t *testing.T) {
	const head = "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值\n"
	for _, tc := range []struct {
		name, body, want, reason string
	}{
		{"重复金额", "A,100,90,产出,甲,≥,1,1,50\nA,100,90,效益,乙,≥,1,1,30\n", "A                   90.00%  99.00  优", "每行都写预算数也可以；没有满意度，产出、效益分得它的 10 分"},
		{"金额冲突", "A,100,90,产出,甲,≥,1,1,50\nA,100,80,效益,乙,≥,1,1,30\n", "第 3 行：项目 A 的预算数、执行数（100、80）与第 2 行（100、90）不同", "同一项目两个预算数时不猜"},
		{"编号为空", ",100,90,产出,甲,≥,1,1,50\n", "第 2 行：项目编号为空", "没有编号的行不能归入项目"},
		{"缺预算数", "A,,90,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "第 3 行：项目 A 不能打分：缺少预算数", "空预算数不当作零"},
		{"坏数字", "A,100,90,产出,甲,≥,一,1,50\n", "第 2 行：指标值：", "读不出的数字指出列"},
		{"分值不符", "A,100,90,产出,甲,≥,1,1,40\nA,,,效益,乙,≥,1,1,30\n", "一级指标 产出 各指标分值合计 40，自评表规定 50", "表中分值与自评表不符"},
		{"表头单位不同", "预算数（元）|执行数（万元）|A,\"1,000,000\",90,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "A                   90.00%", "100 万元按元写在表头，执行数按万元：换算后执行率 90%，不是 0.009%"},
		{"单元格带单位", "A,100万元,900000元,产出,甲,≥,1,1,50\nA,,,效益,乙,≥,1,1,30\n", "A                   90.00%", "单元格自己写的单位优先，精确换算"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			path := filepath.Join(t.TempDir(), "表.csv")
			h, body := head, tc.body
			if cols := strings.SplitN(body, "|", 3); len(cols) == 3 { // a row that renames the amount columns
				h = strings.Replace(strings.Replace(head, "预算数", cols[0], 1), "执行数", cols[1], 1)
				body = cols[2]
			}
			require.NoError(t, os.WriteFile(path, []byte(h+body), 0o600))
			stdout, stderr, code := runCLI("score", "--at", "2024-12-31", path)
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, stdout, tc.want, tc.reason)
		})
	}
}

// TestScoreNewUser pins what a new user's sheet, exported from a county's 自评表 and not
// cleaned, brought out: each row was wrong or refused before it was fixed.
func TestScoreNewUser(t *testing.T) {
	const head = "项目编号,预算数,执行数,一级指标,二级指标,三级指标,指标性质,指标值,实际值,分值\n"
	const ok2 = "A,,,效益,社会,乙,≥,1,1,30\n"
	for _, tc := range []struct {
		name, file string
		args       []string
		code       int
		want       []string
		reason     string
	}{
		{"表头杂乱", "\ufeff 项目 编号 ,预算数(元),执行数（元）,一级指标 ,二级指标,三级指标,指标性质,年度指标值,实际完成值,分值\n" +
			"A,1000000,900000,产出,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{"A                   90.00%  99.00  优"}, "BOM, blanks inside a merged title, half-width brackets with a unit, another column name"},
		{"指标值带符号", head + "A,100,90,产出,数量,甲,,≥95%,95%,50\nA,,,效益,社会,乙,,≤5,10,30\n", nil, exitOK,
			[]string{"90.00%  82.13  良"}, "forms write ≥95% in 指标值 and leave 指标性质 empty: 9 + 56.25 + 5 ÷ 10 × 33.75 = 16.88"},
		{"符号与性质矛盾", head + "A,100,90,产出,数量,甲,≤,≥95%,95%,50\n" + ok2, nil, exitOK,
			[]string{"第 2 行：指标性质写 ≤，指标值却写 ≥95%"}, "two signs that disagree are not guessed between"},
		{"性质为空", head + "A,100,90,产出,数量,甲,,95%,95%,50\n" + ok2, nil, exitOK,
			[]string{"第 2 行：指标性质为空"}, "an empty 指标性质 is not taken as ≥"},
		{"重复指标", head + "A,100,90,产出,数量,甲,≥,1,1,25\nA,,,产出,数量,甲,≥,1,1,25\n" + ok2, nil, exitOK,
			[]string{"第 3 行：项目 A 不能打分：指标 甲 在第 2 行和第 3 行重复"}, "a copied row was scored twice when its points happened to add up"},
		{"分值为负", head + "A,100,90,产出,数量,甲,≥,1,1,-50\nA,,,产出,数量,丙,≥,1,1,100\n" + ok2, nil, exitOK,
			[]string{"第 2 行：分值 -50 为负"}, "-50 and 100 add up to 50 and gave one row twice its group's marks"},
		{"执行数为负", head + "A,100,-5,产出,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{"项目 A 不能打分：执行数为负（-5），无法计算执行率"}, "a rate of -5.00% was printed and graded"},
		{"实际值为负", head + "A,100,100,产出,数量,甲,≥,1,-3,50\n" + ok2, nil, exitOK,
			[]string{"100.00%  43.75  差"}, "-3 against 1 scored -168.75; a score is never negative: 10 + 0 + 33.75"},
		{"缺执行数", head + "A,100,,产出,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{"项目 A 不能打分：缺少执行数"}, "an empty 执行数 beside a budget was read as 0 spent"},
		{"超额执行", head + "A,100,120,产出,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{"120.00%  100.00  优", "执行数超过预算数（执行率照实显示，得分以满分为限）：A"}, "over 100% is kept and said, not only capped"},
		{"空行与跨行单元格", head + "\"A\n\",100,90,产出,数量,甲,≥,1,1,50\n,,,,,,,,,\n\nA,,,效益,社会,乙,≥,1,一,30\n", nil, exitOK,
			[]string{"第 5 行：实际值：", "读入 2 行"}, "rows are numbered as the spreadsheet shows them (package tables, as jixiao monitor): a cell over two lines is one row; blank rows are skipped but keep their numbers"},
		{"坏引号", head + "A,100,90,产出,数量,甲,≥,1,1,50\nB,1\"0,90,产出,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{"第 3 行：CSV 格式有误", "A                   90.00%  99.00  优"}, "one broken row was exit 2 for the whole file; now that row is rejected and the rest scored"},
		{"重复列", "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值,分值\nA,100,90,产出,甲,≥,1,1,50,50\n", nil, exitUsage,
			nil, "two 分值 columns: which one holds the points would be a guess"},
		{"GBK", "\xcf\xee\xc4\xbf\xb1\xe0\xba\xc5,\xd4\xa4\xcb\xe3\xca\xfd,\xd6\xb4\xd0\xd0\xca\xfd,\xd2\xbb\xbc\xb6\xd6\xb8\xb1\xea,\xb6\xfe\xbc\xb6\xd6\xb8\xb1\xea,\xc8\xfd\xbc\xb6\xd6\xb8\xb1\xea,\xd6\xb8\xb1\xea\xd0\xd4\xd6\xca,\xd6\xb8\xb1\xea\xd6\xb5,\xca\xb5\xbc\xca\xd6\xb5,\xb7\xd6\xd6\xb5\nA,100,90,\xb2\xfa\xb3\xf6,\xca\xfd\xc1\xbf,\xbc\xd7,\xa1\xdd,1,1,50\nA,,,\xd0\xa7\xd2\xe6,\xc9\xe7\xbb\xe1,\xd2\xd2,\xa1\xdd,1,1,30\n", nil, exitOK,
			[]string{"90.00%  99.00  优"}, "Excel on Chinese Windows saves CSV as GB18030; it was refused, now read through package tables"},
		{"零宽字符", head + "A,100,90,产出,数量,甲,≥,1,1,50\nA\u200b,,,效益,社会,乙,≥,1,1,30\n", nil, exitOK,
			[]string{"90.00%  99.00  优", "（1 个项目）"}, "an id pasted with a zero-width space made a second project that looked the same"},
		{"重点评价只写预算数", "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值,得分\n" +
			"K,100,,决策,甲,评分,,,20,20\nK,,,过程,乙,评分,,,20,20\nK,,,产出,丙,≥,1,1,30,\nK,,,效益,丁,≥,1,1,30,\n",
			[]string{"--form", "key"}, exitOK, []string{"项目 K 不能打分：预算数和执行数只写了一个"},
			"a key evaluation may leave both out; one alone was a rate of 0%"},
		{"重点评价", "项目编号,一级指标,三级指标,指标性质,指标值,实际值,分值,得分\n" +
			"K,决策,甲,评分,,,20,18\nK,过程,乙,评分,,,20,20\nK,产出,丙,≥,1,0.9,30,\nK,效益,丁,≥,1,1,30,\n",
			[]string{"--form", "key"}, exitOK, []string{"—  95.00  优"}, "no amount columns at all: — for the rate; 18 + 20 + 27 + 30"},
		{"百分号只写一边", head + "A,100,90,产出,数量,甲,≥,95,98%,50\n" + ok2, nil, exitOK,
			[]string{"第 2 行：指标值 95 和实际值 98% 一个写了 %、一个没写"}, "95 against 98% read as written scored 0.98 ÷ 95 of the points"},
		{"指标值带单位", head + "A,100,90,产出,时效,甲,,≤30天,45天,50\n" + ok2, nil, exitOK,
			[]string{"90.00%  80.25  良"}, "forms write ≤30天 and 45天; 天 was an unreadable number and the whole project refused: 9 + 30 ÷ 45 × 56.25 + 33.75"},
		{"单位不同", head + "A,100,90,产出,时效,甲,,≤30天,1月,50\n" + ok2, nil, exitOK,
			[]string{"第 2 行：指标值 30天、实际值 1月 写的单位不同"}, "30 against 1 read without the units would be a silent wrong figure"},
		{"单位带万只写一边", head + "A,100,90,产出,数量,甲,,≥1万人次,9000,50\n" + ok2, nil, exitOK,
			[]string{"第 2 行：指标值 1万人次 和实际值 9000 只有一个写了单位 万人次"}, "1万人次 read as 1 against 9000 would score full marks for 90%"},
		{"评分越界指出行", "项目编号,一级指标,三级指标,指标性质,指标值,实际值,分值,得分\n" +
			"K,决策,甲,评分,,,20,18\nK,过程,乙,评分,,,20,25\nK,产出,丙,≥,1,0.9,30,\nK,效益,丁,≥,1,1,30,\n",
			[]string{"--form", "key"}, exitOK, []string{"第 2 行：项目 K 不能打分（第 3 行）：指标 乙：评定得分 25 不在 0.00—20.00 分之间"},
			"the refusal is listed on each of the project's rows; it must name the one row at fault"},
		{"分值得分带分字", "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值,得分,总分\n" +
			"A,100,90,产出,甲,≥,1,1,50分,50分,\nA,,,效益,乙,≥,1,1,30 分,30,98分\n", nil, exitOK,
			[]string{"90.00%  99.00  优", "第 3 行：项目 A 总分：报告 98 分，由各部分算得 99 分"},
			"forms write 50分; it was an unreadable number and the whole project refused"},
		{"一级指标带指标二字", head + "A,100,90,产出指标,数量指标,甲,≥,1,1,50\nA,,,效益指标,社会效益指标,乙,≥,1,1,30\n", nil, exitOK,
			[]string{"A                   90.00%  99.00  优"}, "the national form writes 产出指标, 效益指标; every row was refused as an unknown 一级 item"},
		{"去掉指标二字后分值不符", head + "A,100,90,产出指标,数量,甲,≥,1,1,40\nA,,,效益指标,社会,乙,≥,1,1,30\n", nil, exitOK,
			[]string{"第 2 行：项目 A 不能打分：一级指标 产出 各指标分值合计 40，自评表规定 50"}, "the reason the staff can act on, not an unknown name"},
		{"不认识的一级指标", head + "A,100,90,决策指标,数量,甲,≥,1,1,50\n" + ok2, nil, exitOK,
			[]string{`一级指标 "决策指标" 不在自评表的 产出、效益、满意度 之中`}, "a name unknown with or without 指标 is reported as written"},
		{"得分写斜杠", "项目编号,预算数,执行数,一级指标,三级指标,指标性质,指标值,实际值,分值,得分,总分\n" +
			"A,100,90,产出,甲,≥,1,1,50,/,—\nA,,,效益,乙,≥,1,1,20,——,\nA,,,效益,丙,≥,1,不适用,10,/,\n", nil, exitOK,
			[]string{"90.00%  99.00  优", "核对不一致 0 处"}, "forms write / or — where there is no declared figure (a 不适用 row); each was an unreadable number"},
		{"达州的中", head + "A,100,90,产出,数量,甲,≥,1,0.5,50\n" + ok2, []string{"--rules", "dazhou-application"}, exitOK,
			[]string{"90.00%  70.88  中    核减"}, "达州规定了中：核减；9 + 28.125 + 33.75"},
		{"无满意度时定性评定按份额", "项目编号,预算数,执行数,一级指标,二级指标,三级指标,指标性质,指标值,实际值,分值,得分\n" +
			"A,100,90,产出,数量,甲,定性,,达成,50,40\nA,,,效益,社会,乙,定性,,达成,30,24\n", []string{"--format", "json"}, exitOK,
			[]string{`"name":"甲","level1":"产出","points":"56.25","score":"45"`, `"score":"81.00"`},
			"no 满意度: 甲's 50 points become 56.25 and the assessor's 40 (达成's floor, 80%) was refused against the rescaled floor 45; it keeps its share: 9 + 45 + 27"},
		{"JSON 超额", head + "A,100,120,产出,数量,甲,≥,1,1,50\n" + ok2, []string{"--format", "json"}, exitOK,
			[]string{`"over_budget":true`, `"must_explain":false`, `"execution_rate":"1.2000"`, `"execution_score":"10"`}, "the flags are machine-readable too; the rate's score is capped at 10 and shown, as no item holds it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			path := filepath.Join(t.TempDir(), "表.csv")
			require.NoError(t, os.WriteFile(path, []byte(tc.file), 0o600))
			args := append(append([]string{"score", "--at", "2024-12-31"}, tc.args...), path)
			stdout, stderr, code := runCLI(args...)
			require.Equal(t, tc.code, code, "%s: %s", tc.reason, stderr)
			for _, w := range tc.want {
				assert.Contains(t, stdout, w, tc.reason)
			}
			if tc.code == exitUsage {
				assert.NotEmpty(t, stderr, tc.reason)
			}
		})
	}
}

// TestScoreXLSX scores a workbook: the same sheet as a CSV, saved as .xlsx, gives the same
// report (package tables reads it; the file name says nothing).
func TestScoreXLSX(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "score", "部门整体.csv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	header := strings.Split(lines[0], ",")
	cols := make([]tables.Column, len(header))
	for i, h := range header {
		cols[i] = tables.Column{Name: h}
	}
	x := tables.NewXLSX()
	sheet, err := x.AddSheet("评价表", cols)
	require.NoError(t, err)
	for _, line := range lines[1:] {
		var cells []tables.Cell
		for _, c := range strings.Split(line, ",") {
			cells = append(cells, tables.Cell{Text: c})
		}
		require.NoError(t, sheet.Row(cells...))
	}
	require.NoError(t, sheet.Flush())
	path := filepath.Join(t.TempDir(), "评价表.csv") // a workbook with the wrong extension
	f, err := os.Create(path)
	require.NoError(t, err)
	_, err = x.WriteTo(f)
	require.NoError(t, errors.Join(err, f.Close(), x.Close()))

	fromXLSX, stderr, code := runCLI("score", "--at", "2024-12-31", "--form", "department", path)
	require.Equal(t, exitOK, code, stderr)
	fromCSV, _, _ := runCLI("score", "--at", "2024-12-31", "--form", "department", filepath.Join("testdata", "score", "部门整体.csv"))
	assert.Equal(t, fromCSV, fromXLSX, "the workbook and the CSV are the same table")

	named, _, code := runCLI("score", "--at", "2024-12-31", "--form", "department", "--sheet", "评价表", path)
	require.Equal(t, exitOK, code)
	assert.Equal(t, fromCSV, named, "--sheet names the sheet to read")
	_, stderr, code = runCLI("score", "--at", "2024-12-31", "--form", "department", "--sheet", "没有这张", path)
	assert.Equal(t, exitUsage, code, "a sheet the workbook does not have is unusable input")
	assert.Contains(t, stderr, "没有这张", "the message names the sheet asked for")
}
