package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mqttviz/codec"
)

// tsharkPath is Debian's tshark; the test installs it when it runs as root,
// skips loudly without it, and fails under CI=true.
func tsharkPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("tshark"); err == nil {
		return p
	}
	if os.Geteuid() == 0 {
		t.Log("tshark is missing: installing it with apt-get")
		install := exec.Command("sh", "-c", "echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark")
		if out, err := install.CombinedOutput(); err != nil {
			t.Logf("apt-get install tshark failed: %v\n%s", err, out)
		} else if p, err := exec.LookPath("tshark"); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("tshark is not installed and could not be installed: the pcapng export cannot be checked")
	}
	t.Skip("\n\n*** SKIPPING THE TSHARK TEST: tshark is not installed (apt-get install tshark). ***\n")
	return ""
}

// mqttRow is what tshark reads of one MQTT packet, or what the test
// expects it to read: type number, packet id, topics.
type mqttRow struct {
	typ, id, topic string
}

// TestPcapngTshark writes the pcapng of every built-in lesson and reads it
// with tshark: the same packet types, ids and topics in the same order as
// the trace's delivered and refused packets, no TCP expert warning or
// error, a comment on every dropped, refused or malformed packet.
func TestPcapngTshark(t *testing.T) {
	t.Parallel()
	tshark := tsharkPath(t)
	dir := t.TempDir()
	for _, l := range lessons.Lessons() {
		tr, err := lessons.RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		got, comments, expert := tsharkRead(t, tshark, filepath.Join(dir, l.Name+".pcapng"), tr)
		if want := expectedRows(t, tr); !equalRows(got, want) {
			t.Errorf("%s: tshark reads\n%v\nthe trace has\n%v", l.Name, got, want)
		}
		if strings.Contains(expert, "TCP") {
			t.Errorf("%s: TCP expert warnings:\n%s", l.Name, expert)
		}
		checkComments(t, l.Name, tr, comments)
	}
}

// tsharkRead writes tr's pcapng at path and reads it with tshark: the MQTT
// rows, the frame comments and the expert warnings and errors.
func tsharkRead(t *testing.T, tshark, path string, tr *trace.Trace) (rows []mqttRow, comments []string, expert string) {
	t.Helper()
	var buf bytes.Buffer
	if err := trace.WritePcapng(&buf, tr); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tshark, "-r", path, "-o", "tcp.analyze_sequence_numbers:TRUE",
		"-d", "tcp.port==1883,mqtt", "-Y", "mqtt or _ws.malformed or frame.comment",
		"-T", "fields", "-e", "mqtt.msgtype", "-e", "mqtt.msgid", "-e", "mqtt.topic",
		"-e", "_ws.malformed", "-e", "frame.comment", "-E", "separator=/t",
		"-z", "expert,warn").Output()
	if err != nil {
		t.Fatalf("%s: tshark: %v", path, err)
	}
	return parseTshark(string(out))
}

// TestPcapngTsharkMalformed: a PUBLISH whose topic overruns its Remaining
// Length is malformed for tshark too, and the stream stays whole: the
// broker's refusal is a comment, its close a FIN, no TCP warning.
func TestPcapngTsharkMalformed(t *testing.T) {
	t.Parallel()
	tshark := tsharkPath(t)
	tr, err := script.Run("malformed", "client dev\nconnect dev\nraw dev 30 03 00 05 61\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	got, comments, expert := tsharkRead(t, tshark, filepath.Join(t.TempDir(), "m.pcapng"), tr)
	if want := "[{1  } {2  } {malformed  } {3  }]"; fmt.Sprint(got) != want {
		t.Errorf("tshark reads %v, want %s", got, want)
	}
	if strings.Contains(expert, "TCP") || !strings.Contains(expert, "Malformed") {
		t.Errorf("expert information:\n%s", expert)
	}
	checkComments(t, "malformed", tr, comments)
}

// parseTshark splits tshark's output into the MQTT rows, the frame
// comments and the expert statistics printed after the fields.
func parseTshark(out string) (rows []mqttRow, comments []string, expert string) {
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			expert = strings.Join(lines[i:], "\n")
			break
		}
		if f[4] != "" {
			comments = append(comments, f[4])
		}
		if f[3] != "" {
			rows = append(rows, mqttRow{"malformed", "", ""})
		}
		if f[0] == "" {
			continue
		}
		types, ids, topics := strings.Split(f[0], ","), strings.Split(f[1], ","), strings.Split(f[2], ",")
		for j, typ := range types {
			r := mqttRow{typ: typ}
			if len(types) == 1 {
				r.id, r.topic = f[1], f[2]
			} else if j < len(ids) && j < len(topics) {
				r.id, r.topic = ids[j], topics[j]
			}
			rows = append(rows, r)
		}
	}
	return rows, comments, strings.TrimSpace(expert)
}

// expectedRows is what a receiver reads from the trace's delivered and
// refused packets: their bytes, per connection and direction, cut where
// each packet's Remaining Length ends (a packet short of its length takes
// the next packet's bytes, as the broker does). A whole packet's type must
// be the step's, its id and topics in the step's label.
func expectedRows(t *testing.T, tr *trace.Trace) []mqttRow {
	var rows []mqttRow
	streams := map[string][]byte{}
	for _, s := range tr.Steps {
		if s.Kind == trace.KindConnect {
			delete(streams, s.From+">"+trace.BrokerName)
			delete(streams, trace.BrokerName+">"+s.From)
		}
		if s.Kind != trace.KindPacket || s.Outcome != trace.Delivered && s.Outcome != trace.Refused {
			continue
		}
		key := s.From + ">" + s.To
		if n, _ := codec.FrameLength(s.Bytes); n == len(s.Bytes) && len(streams[key]) == 0 {
			if got := codec.PacketType(s.Bytes[0] >> 4); got != s.Packet {
				t.Errorf("step %d: bytes of a %s, trace says %s", s.Index, got, s.Packet)
			}
			checkLabel(t, s)
		}
		b := append(streams[key], s.Bytes...)
		for {
			n, err := codec.FrameLength(b)
			if err != nil || n == 0 || n > len(b) {
				break
			}
			rows = append(rows, rowOf(b[:n]))
			b = b[n:]
		}
		streams[key] = b
	}
	return rows
}

// checkLabel wants the id and topics the bytes of a well-formed packet
// carry in its step's label.
func checkLabel(t *testing.T, s trace.Step) {
	t.Helper()
	if strings.HasPrefix(s.Label.EN, "malformed") {
		return
	}
	r := rowOf(s.Bytes)
	if r.id != "" && !strings.Contains(s.Label.EN, "id="+r.id) {
		t.Errorf("step %d: label %q lacks id=%s", s.Index, s.Label.EN, r.id)
	}
	for _, topic := range strings.Split(r.topic, ",") {
		if !strings.Contains(s.Label.EN, topic) {
			t.Errorf("step %d: label %q lacks topic %q", s.Index, s.Label.EN, topic)
		}
	}
}

// rowOf reads type, packet id and topics from one whole packet's bytes,
// the way Wireshark's MQTT 3.1.1 dissector shows them.
func rowOf(b []byte) mqttRow {
	typ := b[0] >> 4
	hlen := 1
	for hlen < len(b) && b[hlen]&0x80 != 0 {
		hlen++
	}
	v := b[hlen+1:]
	r := mqttRow{typ: fmt.Sprint(typ)}
	str := func() string {
		if len(v) < 2 || len(v) < 2+int(binary.BigEndian.Uint16(v)) {
			v = nil
			return ""
		}
		n := int(binary.BigEndian.Uint16(v))
		s := string(v[2 : 2+n])
		v = v[2+n:]
		return s
	}
	id := func() {
		if len(v) >= 2 {
			r.id = fmt.Sprint(binary.BigEndian.Uint16(v))
			v = v[2:]
		}
	}
	switch typ {
	case 3: // PUBLISH
		r.topic = str()
		if b[0]&0x06 != 0 {
			id()
		}
	case 4, 5, 6, 7, 9, 11: // acknowledgements with a packet id
		id()
	case 8, 10: // SUBSCRIBE, UNSUBSCRIBE
		id()
		var topics []string
		for len(v) > 0 {
			topics = append(topics, str())
			if typ == 8 && len(v) > 0 {
				v = v[1:]
			}
		}
		r.topic = strings.Join(topics, ",")
	}
	return r
}

// equalRows compares what tshark read with what the trace has; a
// SUBSCRIBE's topics are one row on both sides.
func equalRows(got, want []mqttRow) bool {
	return fmt.Sprint(got) == fmt.Sprint(want)
}

// checkComments wants a frame comment for every packet the capture leaves
// out and every refused or malformed one, naming its step.
func checkComments(t *testing.T, lesson string, tr *trace.Trace, comments []string) {
	all := strings.Join(comments, "\n")
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket || s.Outcome == trace.Delivered && !strings.HasPrefix(s.Label.EN, "malformed") {
			continue
		}
		if want := fmt.Sprintf("step %d: %s", s.Index, s.Label.EN); !strings.Contains(all, want) {
			t.Errorf("%s: no frame comment %q among\n%s", lesson, want, all)
		}
	}
}
