package monitor

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
)

// IDs remembers the project IDs seen so far in a run, in input order, so a project is counted
// once: a record without an ID, or with the ID of an earlier record, is refused. The zero IDs
// is an empty set ready to use, as NewIDs gives; a nil IDs answers Check with an error of code
// rules.ErrMisuse. It is not safe for concurrent use: a streaming caller
// checks IDs in input order, where it writes its output.
//
// A run may hold a million IDs, so they are kept where the garbage collector need not look
// and in little memory: the text in one byte arena, found through a map of hashes holding no
// pointers. Equal hashes are compared by text, so two different IDs are never taken for one.
type IDs struct {
	seed  maphash.Seed
	at    map[uint64]idEntry
	arena []byte // each ID as a uvarint length and its bytes
}

type idEntry struct {
	off uint32 // where the ID is in the arena
	row uint32 // the row it was first seen on
}

// NewIDs starts an empty set of IDs.
func NewIDs() *IDs { return &IDs{seed: maphash.MakeSeed(), at: map[uint64]idEntry{}} }

// Check accepts the record's ID the first time it is seen and refuses it, naming the earlier
// row, every later time; a record without an ID is refused too. A refused record is not
// graded and not counted: a project counted twice would be summed twice, and two
// checkpoints are compared by ID.
func (s *IDs) Check(rec *Record) error {
	switch {
	case s == nil:
		return misuse("monitor.IDs 为 nil，请用 monitor.NewIDs 创建")
	case rec == nil:
		return misuse("要核对编号的记录为 nil")
	case s.at == nil:
		*s = *NewIDs()
	}
	if rec.ID == "" {
		return fmt.Errorf("项目编号为空")
	}
	// open addressing over the hash: the next slot on the rare hash shared by two IDs
	for h := maphash.String(s.seed, rec.ID); ; h++ {
		e, ok := s.at[h]
		if !ok {
			s.at[h] = idEntry{off: uint32(len(s.arena)), row: uint32(max(rec.Row, 0))} //nolint:gosec // far below 4 GB of IDs and 4 billion rows
			s.arena = binary.AppendUvarint(s.arena, uint64(len(rec.ID)))
			s.arena = append(s.arena, rec.ID...)
			return nil
		}
		if s.text(e) == rec.ID {
			return duplicate(rec.ID, int(e.row))
		}
	}
}

// text is the ID an entry holds.
func (s *IDs) text(e idEntry) string {
	n, k := binary.Uvarint(s.arena[e.off:])
	start := int(e.off) + k
	return string(s.arena[start : start+int(n)]) //nolint:gosec // a length this package wrote
}

func duplicate(id string, first int) error {
	if first > 0 {
		return fmt.Errorf("项目编号 %s 与第 %d 行重复：同一项目只能有一行，这一行不评级、不计入合计", id, first)
	}
	return fmt.Errorf("项目编号 %s 与前面的记录重复：同一项目只能有一行，这一条不评级、不计入合计", id)
}

// Len is how many distinct IDs were accepted.
func (s *IDs) Len() int {
	if s == nil {
		return 0
	}
	return len(s.at)
}
