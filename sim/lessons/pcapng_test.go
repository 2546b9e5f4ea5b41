package lessons

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
)

// TestPcapngGolden compares a lesson's capture with
// testdata/pcapng/qos1-lost-puback.pcapng and its dump .txt beside it
// (rewrite both with -update): the file Wireshark opens, and what it holds
// in words.
func TestPcapngGolden(t *testing.T) {
	tr, err := RunLesson("qos1-lost-puback", 1)
	if err != nil {
		t.Fatal(err)
	}
	b, recs := simtest.PcapngOf(t, tr)
	simtest.CheckStreams(t, recs)
	dump := simtest.DumpCapture(t, recs)
	base := filepath.Join("testdata", "pcapng", "qos1-lost-puback")
	if simtest.Update() {
		if err := os.WriteFile(base+".pcapng", b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".txt", []byte(dump), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(base + ".txt")
	if err != nil {
		t.Fatalf("%v (run go test -run TestPcapngGolden -update)", err)
	}
	if dump != string(want) {
		t.Errorf("capture differs from %s.txt (rewrite with -update after a deliberate change):\n%s", base, dump)
	}
	if wantBytes, err := os.ReadFile(base + ".pcapng"); err != nil || !bytes.Equal(b, wantBytes) {
		t.Errorf("capture bytes differ from %s.pcapng (%v)", base, err)
	}
}

// TestPcapngLessons checks the structure, checksums and streams of every
// lesson's capture, and that every packet the capture leaves out is
// commented on its connection's next segment.
func TestPcapngLessons(t *testing.T) {
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		_, recs := simtest.PcapngOf(t, tr)
		simtest.CheckStreams(t, recs)
		simtest.CheckLeftOut(t, l.Name, tr, recs)
	}
}

// TestPcapngDroppedComment: the comment of a dropped PUBACK is on its
// connection's next segment, and the PUBACK's bytes are not in the stream.
func TestPcapngDroppedComment(t *testing.T) {
	tr, err := RunLesson("qos1-lost-puback", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, recs := simtest.PcapngOf(t, tr)
	segs := simtest.CheckStreams(t, recs)
	for i, r := range recs {
		if len(r.Comments) == 0 {
			continue
		}
		if !strings.Contains(r.Comments[0], "PUBACK id=1 from broker to sensor dropped by the network") {
			t.Errorf("record %d: comment %q", i, r.Comments[0])
		}
		sensor := clientAddress(tr, "sensor")
		if s := segs[i]; !strings.HasPrefix(s.Src+" "+s.Dst, fmt.Sprintf("%d.%d.%d.%d:", sensor[0], sensor[1], sensor[2], sensor[3])) &&
			!strings.Contains(s.Src+" "+s.Dst, fmt.Sprintf(" %d.%d.%d.%d:", sensor[0], sensor[1], sensor[2], sensor[3])) {
			t.Errorf("record %d: the comment is on %s > %s, not on the connection of sensor", i, s.Src, s.Dst)
		}
		return
	}
	t.Error("no comment in the capture")
}

// TestPcapngConnections: each client has its own address, each connection
// its own port (a reconnect is a new stream), a cut link ends in FINs of
// both ends with a comment.
func TestPcapngConnections(t *testing.T) {
	tr, err := script.Run("cut", "client a\nclient b\nconnect a\nconnect b\ncut a\nconnect a\nsubscribe a x\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, recs := simtest.PcapngOf(t, tr)
	segs := simtest.CheckStreams(t, recs)
	var syns, fins []string
	for i, s := range segs {
		if s.Flags == simtest.SYN {
			syns = append(syns, s.Src)
		}
		if s.Flags&simtest.FIN != 0 {
			fins = append(fins, s.Src)
			if s.Src == "10.0.0.2:49152" && (len(recs[i].Comments) == 0 || !strings.Contains(recs[i].Comments[0], "the link of a is cut")) {
				t.Errorf("the FIN of the cut connection has comments %q", recs[i].Comments)
			}
		}
	}
	if want := "[10.0.0.2:49152 10.0.0.3:49153 10.0.0.2:49154]"; fmt.Sprint(syns) != want {
		t.Errorf("SYNs from %v, want %s", syns, want)
	}
	if want := "[10.0.0.2:49152 10.0.0.1:1883]"; fmt.Sprint(fins) != want {
		t.Errorf("FINs from %v, want %s", fins, want)
	}
}

// clientAddress is a client's address in a capture of tr, as
// trace.WritePcapng documents it: 10.0.0.2, 10.0.0.3, ... in the order of
// the trace's lifelines, the broker left out.
func clientAddress(tr *trace.Trace, name string) [4]byte {
	n := 2
	for _, node := range tr.Nodes {
		if node == name {
			break
		}
		if node != trace.BrokerName {
			n++
		}
	}
	return [4]byte{10, 0, byte(n >> 8), byte(n)}
}
