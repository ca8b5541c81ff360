package synth

import (
	"encoding/csv"
	"io"

	"github.com/jixiao-go/jixiao/amount"
	"github.com/jixiao-go/jixiao/monitor"
)

// Header is the columns WriteCSV writes, the layout `jixiao monitor` reads.
func Header() []string {
	return []string{"项目编号", "项目名称", "部门", "资金类型", "涉密", "预算数（万元）", "执行数（万元）"}
}

// WriteCSV writes recs as a monitoring table, amounts in 万元 exactly as generated.
func WriteCSV(w io.Writer, recs []monitor.Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header()); err != nil {
		return err
	}
	for _, r := range recs {
		secret := "否"
		if r.Secret {
			secret = "是"
		}
		row := []string{r.ID, r.Name, r.Dept, r.Fund, secret,
			r.Budget.In(amount.Wan).Value().StringFixed(2), r.Spent.In(amount.Wan).Value().StringFixed(2)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
