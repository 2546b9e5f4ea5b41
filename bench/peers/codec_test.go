package peers

import (
	"bytes"
	"fmt"
	"testing"

	paho "github.com/eclipse/paho.mqtt.golang/packets"
	mochi "github.com/mochi-mqtt/server/v2/packets"

	"mqttviz/codec"
)

// mochiDecode decodes the one packet in b as mochi's server does after
// reading it from a connection: the first byte, the Remaining Length, then
// the packet type's decoder over the rest. (The server also copies the
// rest first; that copy is left out here, in mochi's favour.)
func mochiDecode(b []byte, r *bytes.Reader, pk *mochi.Packet) error {
	*pk = mochi.Packet{ProtocolVersion: 4}
	if err := pk.FixedHeader.Decode(b[0]); err != nil {
		return err
	}
	r.Reset(b[1:])
	n, bu, err := mochi.DecodeLength(r)
	if err != nil {
		return err
	}
	pk.FixedHeader.Remaining = n
	rest := b[1+bu:]
	switch pk.FixedHeader.Type {
	case mochi.Publish:
		return pk.PublishDecode(rest)
	case mochi.Connect:
		return pk.ConnectDecode(rest)
	case mochi.Subscribe:
		return pk.SubscribeDecode(rest)
	}
	return fmt.Errorf("mochi: no decoder for type %d in the workloads", pk.FixedHeader.Type)
}

// mochiEncode appends pk to buf with mochi's encoder for its type.
func mochiEncode(pk *mochi.Packet, buf *bytes.Buffer) error {
	switch pk.FixedHeader.Type {
	case mochi.Publish:
		return pk.PublishEncode(buf)
	case mochi.Connect:
		return pk.ConnectEncode(buf)
	case mochi.Subscribe:
		return pk.SubscribeEncode(buf)
	}
	return fmt.Errorf("mochi: no encoder for type %d in the workloads", pk.FixedHeader.Type)
}

// pahoDecode decodes the one packet in b with paho's ReadPacket, its only
// public decoder, reading from r reset to b.
func pahoDecode(b []byte, r *bytes.Reader) (paho.ControlPacket, error) {
	r.Reset(b)
	return paho.ReadPacket(r)
}

// wire is the workload's bytes as mqttviz encodes them.
func wire(tb testing.TB, w workload) []byte {
	b, err := codec.Append(nil, w.packet)
	if err != nil {
		tb.Fatalf("%s: mqttviz encode: %v", w.name, err)
	}
	return b
}

// TestPeersAgree checks that the three libraries write the same bytes for
// each workload and read them back to the same bytes, so that every
// benchmark row compares the same work.
func TestPeersAgree(t *testing.T) {
	for _, w := range workloads {
		want := wire(t, w)

		var d codec.Decoder
		p, err := d.Decode(want)
		if err != nil {
			t.Fatalf("%s: mqttviz decode: %v", w.name, err)
		}
		if got, _ := codec.Append(nil, p); !bytes.Equal(got, want) {
			t.Errorf("%s: mqttviz round trip differs:\n got %x\nwant %x", w.name, got, want)
		}

		var buf bytes.Buffer
		mp := toMochi(w.packet)
		if err := mochiEncode(&mp, &buf); err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: mochi encodes %x (%v), want %x", w.name, buf.Bytes(), err, want)
		}
		var mp2 mochi.Packet
		if err := mochiDecode(want, new(bytes.Reader), &mp2); err != nil {
			t.Fatalf("%s: mochi decode: %v", w.name, err)
		}
		buf.Reset()
		if err := mochiEncode(&mp2, &buf); err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: mochi round trip gives %x (%v), want %x", w.name, buf.Bytes(), err, want)
		}

		buf.Reset()
		if err := toPaho(w.packet).Write(&buf); err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: paho encodes %x (%v), want %x", w.name, buf.Bytes(), err, want)
		}
		pp, err := pahoDecode(want, new(bytes.Reader))
		if err != nil {
			t.Fatalf("%s: paho decode: %v", w.name, err)
		}
		buf.Reset()
		if err := pp.Write(&buf); err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: paho round trip gives %x (%v), want %x", w.name, buf.Bytes(), err, want)
		}
	}
}

// benchDecode runs the decode benchmark of the named workload for each
// library.
func benchDecode(b *testing.B, name string) {
	w := workloadNamed(b, name)
	in := wire(b, w)
	b.Run("mqttviz", func(b *testing.B) {
		var d codec.Decoder
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := d.Decode(in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("mochi", func(b *testing.B) {
		var pk mochi.Packet
		var r bytes.Reader
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if err := mochiDecode(in, &r, &pk); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("paho", func(b *testing.B) {
		var r bytes.Reader
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := pahoDecode(in, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchEncode runs the encode benchmark of the named workload for each
// library, each writing into a buffer it reuses.
func benchEncode(b *testing.B, name string) {
	w := workloadNamed(b, name)
	n := int64(len(wire(b, w)))
	b.Run("mqttviz", func(b *testing.B) {
		var dst []byte
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			var err error
			if dst, err = codec.Append(dst[:0], w.packet); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("mochi", func(b *testing.B) {
		pk := toMochi(w.packet)
		var buf bytes.Buffer
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := mochiEncode(&pk, &buf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("paho", func(b *testing.B) {
		pk := toPaho(w.packet)
		var buf bytes.Buffer
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := pk.Write(&buf); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func workloadNamed(tb testing.TB, name string) workload {
	for _, w := range workloads {
		if w.name == name {
			return w
		}
	}
	tb.Fatalf("no workload %q", name)
	return workload{}
}

func BenchmarkDecodePublish64(b *testing.B)   { benchDecode(b, "Publish64") }
func BenchmarkDecodePublish64K(b *testing.B)  { benchDecode(b, "Publish64K") }
func BenchmarkDecodeConnectWill(b *testing.B) { benchDecode(b, "ConnectWill") }
func BenchmarkDecodeSubscribe4(b *testing.B)  { benchDecode(b, "Subscribe4") }
func BenchmarkEncodePublish64(b *testing.B)   { benchEncode(b, "Publish64") }
func BenchmarkEncodePublish64K(b *testing.B)  { benchEncode(b, "Publish64K") }
func BenchmarkEncodeConnectWill(b *testing.B) { benchEncode(b, "ConnectWill") }
func BenchmarkEncodeSubscribe4(b *testing.B)  { benchEncode(b, "Subscribe4") }
