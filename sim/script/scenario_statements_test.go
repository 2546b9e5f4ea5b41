package script

import (
	"mqttviz/sim/internal/simtest"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestStatementParse: the statements open, raw broker, restart broker and
// repeat … end parse into the statements they stand for.
func TestStatementParse(t *testing.T) {
	sc, err := Parse("t", `client a
open a
raw broker a 20 02 00 00
restart broker
restart broker sessions=0 retained=0
repeat 3
  publish a t "x"
  note en: one note per copy
  note zh: 每份一条
end
note en: not joined to the copy before
`)
	if err != nil {
		t.Fatal(err)
	}
	// client, open, raw, restart, restart, 3 × (publish, note), note
	if len(sc.stmts) != 12 {
		t.Fatalf("%d statements, want 12", len(sc.stmts))
	}
	if want := []int{1, 2, 3, 4, 5, 7, 8, 7, 8, 7, 8, 11}; !slicesEqual(sc.lines, want) {
		t.Errorf("lines %v, want %v", sc.lines, want)
	}
	if n := sc.stmts[6].(*noteStmt); n.text.EN != "one note per copy" || n.text.ZH != "每份一条" {
		t.Errorf("note in the block = %+v", n.text)
	}
	if n := sc.stmts[11].(*noteStmt); n.text.EN != "not joined to the copy before" {
		t.Errorf("note after the block = %+v", n.text)
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestStatementParseErrors: what the new statements refuse, in both
// languages.
func TestStatementParseErrors(t *testing.T) {
	for _, tt := range []struct{ src, en, zh string }{
		{"client a\nrepeat 2\npublish a t \"x\"",
			"line 2, col 1: expected end before the end of the file, found none (repeat on line 2 is still open)",
			"文件结束前缺少 end（第 2 行的 repeat 还没有结束）"},
		{"client a\nend", "line 2, col 1: expected a repeat line before this end, found none", "这个 end 前面没有对应的 repeat"},
		{"client a\nrepeat 2\nrepeat 3", "line 3, col 1: expected end of the repeat of line 2 before another repeat, found repeat",
			"第 2 行的 repeat 结束（end）之前不能再写 repeat"},
		{"repeat 2\nclient a", "line 2, col 1: expected end of the repeat of line 1 before a client line, found client (a client is declared once)",
			"第 1 行的 repeat 结束（end）之前不能写 client（客户端只能声明一次）"},
		{"repeat 0", "line 1, col 8: expected a number of times 1-100000, found 0", "这里应为重复次数 1-100000，实际是 0"},
		{"repeat 100001", "line 1, col 8: expected a number of times 1-100000, found 100001", "这里应为重复次数 1-100000，实际是 100001"},
		{"repeat", "line 1, col 7: expected a number of times 1-100000, found end of line", "这里应为重复次数 1-100000，但这一行已经结束"},
		{"repeat 2 times", "line 1, col 10: expected end of line, found times", "这里应为行尾，实际是 times"},
		{"end 2\n", "line 1, col 1: expected a repeat line before this end, found none", "这个 end 前面没有对应的 repeat"},
		{"client a\nrepeat 100000\nping a\nping a\nping a\nping a\nend",
			"line 7, col 1: expected at most 300000 statements in all after repeating, found 400001",
			"展开重复后最多 300000 条语句，这里有 400001 条"},
		{"client a\nrestart a", "line 2, col 9: expected broker, found a", "这里应为 broker，实际是 a"},
		{"client a\nrestart broker sessions=2", "line 2, col 16: expected sessions=0|1, found sessions=2", "这里应为 sessions=0|1，实际是 sessions=2"},
		{"client a\nopen", "line 2, col 5: expected a client name (a), found end of line", "这里应为客户端名称（a），但这一行已经结束"},
		{"client a\nopen a now", "line 2, col 8: expected end of line, found now", "这里应为行尾，实际是 now"},
		{"client a\nraw broker", "line 2, col 11: expected a client name (a), found end of line", "这里应为客户端名称（a），但这一行已经结束"},
		{"client a\nraw broker a", "line 2, col 13: expected hex bytes such as 30 0b 00 04, found end of line", "这里应为十六进制字节，如 30 0b 00 04，但这一行已经结束"},
		{"client a\nraw broker a 2g", "line 2, col 14: expected hex bytes such as 30 0b 00 04, found 2g", "这里应为十六进制字节，如 30 0b 00 04，实际是 2g"},
		{"client a\nraw broker a 20 02 00 00", "line 2, col 1: the broker has no open connection to a", "服务端与 a 之间没有打开的连接"},
		{"client a\nopen a\nopen a", "line 3, col 1: client a is already connected", "客户端 a 已经连接"},
	} {
		_, err := Run("t", tt.src, 1)
		pe, ok := err.(*ParseError)
		if !ok {
			t.Errorf("%q: got %v, want a *ParseError", tt.src, err)
			continue
		}
		if pe.Error() != tt.en || pe.Text.ZH != tt.zh {
			t.Errorf("%q:\ngot  %s | %s\nwant %s | %s", tt.src, pe.Error(), pe.Text.ZH, tt.en, tt.zh)
		}
	}
}

// TestRepeatRunsEachCopy: every copy runs, and an expectation inside the
// block is checked once per copy, at its line.
func TestRepeatRunsEachCopy(t *testing.T) {
	got := runExpect(t, `client a
client b
connect a
connect b
subscribe b t qos=1
repeat 3
publish a t "x" qos=1
expect b receives t "x"
end
expect b received 3
expect a got PUBACK id=3
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok")
	if got[0].Line != 8 || got[2].Line != 8 || got[3].Line != 10 {
		t.Errorf("lines %d %d %d, want 8 8 10", got[0].Line, got[2].Line, got[3].Line)
	}
}

// TestPacketIDWrapsToOne: after 65535 the client's next packet id is 1
// (MQTT-2.3.1-1: non-zero), and the broker's toward the subscriber too.
// Natively only: its 65,536 publications take 14 s under node (3 s
// natively), and a packet id is the same uint16 in both builds.
func TestPacketIDWrapsToOne(t *testing.T) {
	if testing.Short() || runtime.GOARCH == "wasm" {
		t.Skip("65536 publications")
	}
	src, err := os.ReadFile(filepath.Join("testdata", "scenarios", "packet-id-wrap.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Run("packet-id-wrap", string(src), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tr.Expectations {
		if !e.OK {
			t.Errorf("line %d %q: %s", e.Line, e.Text, simtest.WhyEN(e))
		}
	}
	if len(tr.Expectations) != 7 {
		t.Errorf("%d expectations, want 7", len(tr.Expectations))
	}
}

// TestSecondConnackClosesTheClient: bytes from the broker reach the
// client, which closes the connection on a second CONNACK (MQTT-4.8.0-1)
// and is disconnected.
func TestSecondConnackClosesTheClient(t *testing.T) {
	got := runExpect(t, `client a
connect a
raw broker a 20 02 00 00
expect a closed
expect a disconnected
expect rule MQTT-4.8.0-1
expect broker closed a
`)
	wantHolds(t, got, "ok", "ok", "ok", "the broker did not close the connection itself")
}

// TestOpenWithoutConnect: a connection opened with open carries the
// scenario's bytes first; a CONNECT written by hand is answered as any.
func TestOpenWithoutConnect(t *testing.T) {
	got := runExpect(t, `client a
open a
expect a connecting
expect a sent no CONNECT
expect broker session a absent
raw a 10 0d 00 04 4d 51 54 54 04 02 00 3c 00 01 61
expect a connack 0
expect a connected
expect broker session a connected
wait 100s
expect a sent no PINGREQ
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok", "ok", "ok")
}

// TestBrokerRestart: a restart ends every connection without publishing
// a will; the defaults keep persistent sessions (with what was queued)
// and retained messages; sessions=0 retained=0 loses them.
func TestBrokerRestart(t *testing.T) {
	got := runExpect(t, `client sub clean=0
client pub
client watcher
will pub gone "dead"
connect sub
connect pub
connect watcher
subscribe sub t qos=1
subscribe watcher gone
disconnect sub
publish pub t "queued" qos=1
publish pub r "kept" retain=1
restart broker
expect pub disconnected
expect watcher disconnected
expect no delivery to watcher
expect broker session sub queued 1
expect broker session pub absent
expect retained r "kept"
expect rule MQTT-4.1.0-1
connect sub
expect sub connack 0 session=1
expect sub receives t "queued" qos=1
restart broker sessions=0 retained=0
expect broker session sub absent
expect no retained r
connect sub
expect sub connack 0 session=0
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok")
}
