package monitor

import "github.com/jixiao-go/jixiao/rules"

// misuse is the error of a caller's mistake — a nil or zero Profile, Grader or IDs, a nil
// record or context — with the code rulefile gives the same mistakes (rules.ErrMisuse), so a
// platform's bug surfaces as an error it can log, never as a panic in a county's batch.
func misuse(what string) error {
	return &rules.Error{Code: rules.ErrMisuse, Msg: "调用有误：" + what}
}

// usable tells whether p was made by NewProfile or FromLibrary.
func (p *Profile) usable() bool { return p != nil && p.rs != nil && p.prog != nil }

func errProfile() error {
	return misuse("监控 Profile 为 nil 或零值，请用 monitor.NewProfile 或 monitor.FromLibrary 创建")
}
