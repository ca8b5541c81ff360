package rulefile

import (
	"fmt"

	"github.com/goccy/go-yaml/token"

	"github.com/jixiao-go/jixiao/rules"
)

// maxTokens and maxDepth bound what goccy/go-yaml's parser is given. Its cost grows with
// the square of the keys in one block mapping and of the nesting depth (a 500 KB file of
// 33 000 keys takes seconds, 100 000 nested brackets take gigabytes), so a file within
// MaxFileSize could still stall a server. Real rule files hold a few hundred tokens and
// nest five deep.
const (
	maxTokens = 50_000
	maxDepth  = 100
)

// maxTabScan bounds the characters goccy/go-yaml's scanner reads ahead for tabs: inside
// double quotes it reads from each tab to the end of its line, so a long line of tabs
// costs the square of its length (a 400 KB line, a quarter of a minute).
const maxTabScan = 50_000_000

// checkLimits refuses, before parsing, a file with too many tokens or nested too deep.
// Depth counts open flow brackets plus the block levels open at a token: the columns of
// the lines' first tokens (and of what follows a - or ? on its line) still indented.
func (f *yamlFile) checkLimits(tokens token.Tokens) *rules.Error {
	counted, flow := 0, 0
	var block []int // columns of the open block levels
	line := 0       // index into f.lines of the last token's line
	var prev *token.Token
	for _, tk := range tokens {
		if tk.Type == token.CommentType {
			continue
		}
		start := f.tokenStart(tk)
		if counted++; counted > maxTokens {
			return f.limitError(start, fmt.Sprintf("文件内容过多：键、值和符号超过 %d 个，请拆分成几个规则文件", maxTokens))
		}
		first := line+1 < len(f.lines) && f.lines[line+1] <= start // the first token on a new line
		for line+1 < len(f.lines) && f.lines[line+1] <= start {
			line++
		}
		switch tk.Type {
		case token.MappingStartType, token.SequenceStartType:
			flow++
		case token.MappingEndType, token.SequenceEndType:
			flow = max(flow-1, 0)
		}
		opens := first || prev == nil || prev.Type == token.SequenceEntryType || prev.Type == token.MappingKeyType
		if flow == 0 && opens {
			col := start - f.lines[line]
			for len(block) > 0 && block[len(block)-1] >= col {
				block = block[:len(block)-1]
			}
			block = append(block, col)
		}
		if len(block)+flow > maxDepth {
			return f.limitError(start, fmt.Sprintf("嵌套层次过深：超过 %d 层", maxDepth))
		}
		prev = tk
	}
	return nil
}

// checkTabs refuses, before goccy/go-yaml scans the file, one whose tabs would cost its
// scanner more than maxTabScan: the sum over tabs of the characters left on their line.
func (f *yamlFile) checkTabs() *rules.Error {
	total := 0
	for i := range f.lines {
		end := f.lineEnd(i)
		for j := f.lines[i]; j < end; j++ {
			if f.runes[j] != '\t' {
				continue
			}
			if total += end - j; total > maxTabScan {
				return f.limitError(j, "制表符 Tab 过多：请改用空格")
			}
		}
	}
	return nil
}

func (f *yamlFile) limitError(off int, msg string) *rules.Error {
	p := f.posAt(off)
	return &rules.Error{Code: rules.ErrFileLimit, File: f.name, Line: p.Line, Col: p.Col, Offset: p.Offset, End: p.Offset, Msg: msg}
}
