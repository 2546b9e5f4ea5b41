package codec

import (
	"reflect"
	"testing"
)

// TestDescribeDecodeIsBoth: DescribeDecode gives Describe's description
// and Decode's packet or error, for packets, malformed bytes and none.
func TestDescribeDecodeIsBoth(t *testing.T) {
	pub, _ := Append(nil, &Publish{QoS: 1, PacketID: 7, Topic: "a/b", Payload: []byte("21.5")})
	con, _ := Append(nil, &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: "c"})
	for name, b := range map[string][]byte{
		"publish":   pub,
		"connect":   con,
		"short":     pub[:len(pub)-2],
		"bad flags": {0x31 | 0x06, 2, 0, 0},
		"none":      nil,
	} {
		d, p, err := DescribeDecode(b)
		wp, werr := Decode(b)
		if !reflect.DeepEqual(d, Describe(b)) || !reflect.DeepEqual(p, wp) || !reflect.DeepEqual(err, werr) {
			t.Errorf("%s: DescribeDecode = %+v, %v, %v; want %+v, %v, %v", name, d, p, err, Describe(b), wp, werr)
		}
		if len(b) > 0 && p != nil {
			b[len(b)-1] ^= 0xff
			if q, _ := Decode(b); reflect.DeepEqual(p, q) {
				t.Errorf("%s: the packet aliases the bytes", name)
			}
			b[len(b)-1] ^= 0xff
		}
	}
}
