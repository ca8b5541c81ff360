package rules

import (
	"fmt"
	"strings"

	"github.com/jixiao-go/jixiao/internal/suggest"
)

// vocab is every value a result can take, as its rule text shows: the literal outcomes of a
// table, the branches of an if … else, the params and other results they name. A result
// computed any other way (from an input, by arithmetic, by a function) has no vocabulary
// (nil): nothing is guessed. at holds where each value is written, for messages.
type vocab struct {
	vals []Value
	at   []*Error // position only
}

// maxVocab bounds a vocabulary: a result with more distinct values is treated as unknown.
const maxVocab = 64

func (v *vocab) add(x Value, at *Error) bool {
	for _, y := range v.vals {
		if y.Type() == x.Type() && y.Equal(x) {
			return true
		}
	}
	if len(v.vals) >= maxVocab {
		return false
	}
	v.vals, v.at = append(v.vals, x), append(v.at, at)
	return true
}

func (v *vocab) merge(w *vocab) bool {
	for i, x := range w.vals {
		if !v.add(x, w.at[i]) {
			return false
		}
	}
	return true
}

// vocabOf gives the vocabulary of definition d, read after d is checked; nil when unknown.
func (c *analyzer) vocabOf(d *def, known map[*def]*vocab) *vocab {
	if d.sym.typ == TypeInvalid || d.sym.typ == TypeList {
		return nil
	}
	if d.formula != nil {
		return c.nodeVocab(d.nodes[0], known)
	}
	out := &vocab{}
	for i, r := range d.table.Rows {
		var w *vocab
		if r.Then.Expr != nil {
			w = c.nodeVocab(d.nodes[2*i+1], known)
		} else {
			w = &vocab{vals: []Value{r.Then.Value}, at: []*Error{posErr(r.Then.Pos, ErrTextNever, d.name, "")}}
		}
		if w == nil || !out.merge(w) {
			return nil
		}
	}
	return out
}

func (c *analyzer) nodeVocab(n *node, known map[*def]*vocab) *vocab {
	switch n.op {
	case opLit:
		var at *Error
		if n.src != nil {
			at = n.src.errAt(ErrTextNever, n.from, n.to, "")
		}
		return &vocab{vals: []Value{n.lit}, at: []*Error{at}}
	case opIf:
		a, b := c.nodeVocab(n.kids[1], known), c.nodeVocab(n.kids[2], known)
		if a == nil || b == nil {
			return nil
		}
		out := &vocab{}
		if !out.merge(a) || !out.merge(b) {
			return nil
		}
		return out
	case opSlot:
		if d := c.defBySlot(n.slot); d != nil {
			return known[d]
		}
	}
	return nil
}

// checkTexts reports each text literal compared (==, !=, in) with a result whose vocabulary
// cannot hold it: 等级 == "忧" when 等级 is 优, 良 or 差. It returns the conditions that hold
// such a literal, so the table analysis does not report the same mistake again.
func (c *analyzer) checkTexts(d *def, known map[*def]*vocab) map[*node]bool {
	bad := map[*node]bool{}
	for _, top := range d.nodes {
		if top != nil && c.walkTexts(top, known) {
			bad[top] = true
		}
	}
	return bad
}

func (c *analyzer) walkTexts(n *node, known map[*def]*vocab) bool {
	found := false
	switch n.op {
	case opEq, opNe:
		found = c.textNever(n.kids[0], n.kids[1:2], known) || c.textNever(n.kids[1], n.kids[0:1], known)
	case opIn:
		found = c.textNever(n.kids[0], n.kids[1:], known)
	}
	for _, k := range n.kids {
		found = c.walkTexts(k, known) || found
	}
	return found
}

// textNever checks literals lits compared with subject.
func (c *analyzer) textNever(subject *node, lits []*node, known map[*def]*vocab) bool {
	if subject.op != opSlot || subject.typ != TypeString {
		return false
	}
	d := c.defBySlot(subject.slot)
	voc := known[d]
	if d == nil || voc == nil {
		return false
	}
	found := false
	for _, lit := range lits {
		if lit.op != opLit || lit.name != "" || lit.typ != TypeString || voc.has(lit.lit.Text()) {
			continue
		}
		found = true
		key := d.name + "\x00" + lit.lit.Text()
		if c.textNeverSeen[key] {
			continue // the same word against the same result: one mistake (often the outcome), one message
		}
		if c.textNeverSeen == nil {
			c.textNeverSeen = map[string]bool{}
		}
		c.textNeverSeen[key] = true
		c.errs = append(c.errs, c.textNeverErr(d, voc, lit))
	}
	return found
}

func (v *vocab) has(s string) bool {
	for _, x := range v.vals {
		if x.Text() == s {
			return true
		}
	}
	return false
}

// textNeverErr says the literal can never equal the result, suggests the closest value and
// carries, as its cause (Unwrap), where that value or the result is written: with extends
// that is the regional file that changed an outcome.
func (c *analyzer) textNeverErr(d *def, voc *vocab, lit *node) *Error {
	what := "公式"
	if d.table != nil {
		what = "决策表"
	}
	texts := make([]string, len(voc.vals))
	for i, x := range voc.vals {
		texts[i] = x.Text()
	}
	quoted := make([]string, 0, 8)
	for i, t := range texts {
		if i == 8 {
			quoted = append(quoted, fmt.Sprintf("等 %d 个", len(texts)))
			break
		}
		quoted = append(quoted, `"`+t+`"`)
	}
	word := lit.lit.Text()
	msg := fmt.Sprintf(`%s %s 的结果只可能是 %s，不会等于 "%s"`, what, d.name, strings.Join(quoted, "、"), word)
	origin := posErr(d.pos, ErrTextNever, d.name, fmt.Sprintf("%s %s 的结果在这里给出", what, d.name))
	if best := closestText(word, texts); best != "" {
		msg += fmt.Sprintf(`，是否想写 "%s"？`, best)
		for i, t := range texts {
			if t == best && voc.at[i] != nil && voc.at[i].Line > 0 {
				o := *voc.at[i]
				o.Msg = fmt.Sprintf(`%s %s 的结果 "%s" 写在这里`, what, d.name, best)
				origin = &o
			}
		}
	}
	e := lit.src.errAt(ErrTextNever, lit.from, lit.to, msg)
	e.cause = origin
	return e
}

// closestText is the value of a vocabulary a misspelt text most likely meant: one typed with
// the same sounds (忧 for 优: a pinyin input method offers both for you), else the closest
// by edit distance.
func closestText(word string, texts []string) string {
	key := soundKey(word)
	best := ""
	for _, t := range texts {
		if soundKey(t) == key {
			if best != "" {
				return "" // two values sound alike: no guess
			}
			best = t
		}
	}
	if best != "" {
		return best
	}
	for _, t := range texts { // 良 for 良好, or 良好 for 良: one word the start of the other
		if t != "" && word != "" && (strings.HasPrefix(t, word) || strings.HasPrefix(word, t)) {
			if best != "" {
				return ""
			}
			best = t
		}
	}
	if best != "" {
		return best
	}
	return suggest.Closest(word, append([]string(nil), texts...))
}

// homophones groups characters a pinyin input method offers for one another, for the words
// grades and results are written with (优良中差, 红黄绿蓝, 达成, 合格), with their traditional
// forms (紅 for 红: an input method left in 繁體 mode). It is spelling data, not policy: a
// file may use any words, the table only makes a suggestion likelier.
var homophones = []string{
	"优忧幽悠尤由油邮犹優憂郵猶", "良粮凉量梁两亮谅糧涼兩諒", "中钟终忠众种重衷鐘終眾種", "差查茶插察叉岔",
	"红洪宏虹鸿紅鴻", "黄皇晃煌荒凰黃", "绿律率虑滤綠慮濾", "蓝兰拦栏篮览藍蘭攔欄籃覽", "达答打搭達", "成城程诚承呈誠",
	"合和何河核", "格隔革阁各閣", "未为位味卫為衛", "部步布不", "分份纷粉紛",
}

// soundKey replaces each character by its homophone group, so 忧 and 优 have one key.
func soundKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		g := -1
		for i, h := range homophones {
			if strings.ContainsRune(h, r) {
				g = i
				break
			}
		}
		if g < 0 {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(rune(0xE000 + g)) // a private-use character per group
	}
	return b.String()
}
