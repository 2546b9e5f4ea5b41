package codec

import "bytes"

// fixture is one packet of the fixture table: its bytes commented field by
// field, and either the packet they decode to or the fault they contain.
// The same table drives the decode, encode, round-trip, truncation,
// Annotate and fuzz-seed tests.
type fixture struct {
	// name is what the packet is; a malformed fixture's name starts with
	// the rule it breaks.
	name string
	raw  []byte
	// want is the decoded packet of a valid fixture.
	want Packet
	// For a malformed fixture: the sentinel of its error, and the error's
	// rule and offset.
	err    *Error
	rule   string
	offset int
	// encode, for a malformed fixture a lesson may build on purpose, is the
	// packet that Encoder{AllowMalformed: true} writes as raw and the
	// strict encoder refuses.
	encode Packet
}

// valid reports whether the fixture is a well-formed packet.
func (f fixture) valid() bool { return f.err == nil }

// join concatenates byte slices, for fixtures too long to spell out.
func join(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// payload200 is a 200-byte payload: with it, Remaining Length needs two
// bytes, the case the seed's C code gets wrong.
var payload200 = bytes.Repeat([]byte{0xa5}, 200)

var fixtures = []fixture{
	// ---- CONNECT [MQTT 3.1] ----
	{
		name: "CONNECT from the seed: user, password, clean session, keepalive 120",
		raw: []byte{
			0x10,       // CONNECT, flags 0000
			0x22,       // Remaining Length 34
			0x00, 0x04, // protocol name length
			'M', 'Q', 'T', 'T', // protocol name
			0x04,       // protocol level 4: MQTT 3.1.1
			0xc2,       // connect flags: user name, password, clean session
			0x00, 0x78, // keepalive 120 s
			0x00, 0x06, // client id length
			'1', '2', '3', '4', '5', '6', // client id
			0x00, 0x04, // user name length
			'y', 'a', 'n', 'g', // user name
			0x00, 0x08, // password length
			'1', '1', '2', '2', '3', '3', '4', '4', // password
		},
		want: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 120,
			ClientID: "123456", HasUsername: true, Username: "yang", HasPassword: true, Password: []byte("11223344")},
	},
	{
		name: "CONNECT with a retained QoS 1 will",
		raw: []byte{
			0x10,       // CONNECT
			0x1e,       // Remaining Length 30
			0x00, 0x04, // protocol name length
			'M', 'Q', 'T', 'T', // protocol name
			0x04,       // protocol level 4
			0x2e,       // connect flags: will retain, will QoS 1, will flag, clean session
			0x00, 0x3c, // keepalive 60 s
			0x00, 0x05, // client id length
			'p', 'h', 'o', 'n', 'e', // client id
			0x00, 0x06, // will topic length
			's', 't', 'a', 't', 'u', 's', // will topic
			0x00, 0x03, // will message length
			'o', 'f', 'f', // will message
		},
		want: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 60, ClientID: "phone",
			Will: &Will{Topic: "status", Message: []byte("off"), QoS: 1, Retain: true}},
	},
	{
		name: "CONNECT MQTT 3.1: MQIsdp level 3, empty client id, keepalive off",
		raw: []byte{
			0x10,       // CONNECT
			0x0e,       // Remaining Length 14
			0x00, 0x06, // protocol name length
			'M', 'Q', 'I', 's', 'd', 'p', // protocol name of MQTT 3.1
			0x03,       // protocol level 3: MQTT 3.1
			0x02,       // connect flags: clean session
			0x00, 0x00, // keepalive 0: off
			0x00, 0x00, // client id length 0
		},
		want: &Connect{ProtocolName: "MQIsdp", ProtocolLevel: 3, CleanSession: true},
	},
	{
		name: "CONNECT keeping the session, Chinese user name, empty password, QoS 2 will",
		raw: []byte{
			0x10,       // CONNECT
			0x19,       // Remaining Length 25
			0x00, 0x04, // protocol name length
			'M', 'Q', 'T', 'T', // protocol name
			0x04,       // protocol level 4
			0xd4,       // connect flags: user name, password, will QoS 2, will flag; clean session 0
			0xff, 0xff, // keepalive 65535 s
			0x00, 0x01, // client id length
			'c',        // client id
			0x00, 0x01, // will topic length
			'w',        // will topic
			0x00, 0x00, // will message length 0
			0x00, 0x03, // user name length
			0xe6, 0xb8, 0xa9, // user name "温"
			0x00, 0x00, // password length 0
		},
		want: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, KeepAlive: 65535, ClientID: "c",
			Will:        &Will{Topic: "w", Message: []byte{}, QoS: 2},
			HasUsername: true, Username: "温", HasPassword: true, Password: []byte{}},
	},
	// ---- CONNACK [MQTT 3.2] ----
	{
		name: "CONNACK accepted",
		raw:  []byte{0x20, 0x02, 0x00, 0x00}, // CONNACK, RL 2, flags 0, code 0
		want: &Connack{},
	},
	{
		name: "CONNACK refused: bad user name or password",
		raw:  []byte{0x20, 0x02, 0x00, 0x04}, // CONNACK, RL 2, flags 0, code 4
		want: &Connack{ReturnCode: RefusedBadUsernamePassword},
	},
	{
		name: "CONNACK accepted with session present",
		raw:  []byte{0x20, 0x02, 0x01, 0x00}, // CONNACK, RL 2, session present, code 0
		want: &Connack{SessionPresent: true},
	},
	// ---- PUBLISH [MQTT 3.3] ----
	{
		name: "PUBLISH QoS 0, the seed's packet with the right Remaining Length",
		raw: []byte{
			0x30,       // PUBLISH, QoS 0
			0x09,       // Remaining Length 9
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			'9', '9', '9', // payload
		},
		want: &Publish{Topic: "1111", Payload: []byte("999")},
	},
	{
		name: "PUBLISH QoS 1 id 1",
		raw: []byte{
			0x32,       // PUBLISH, QoS 1
			0x0b,       // Remaining Length 11
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			0x00, 0x01, // packet id 1
			'9', '9', '9', // payload
		},
		want: &Publish{QoS: 1, Topic: "1111", PacketID: 1, Payload: []byte("999")},
	},
	{
		name: "PUBLISH QoS 1 resent with DUP",
		raw: []byte{
			0x3a,       // PUBLISH, DUP, QoS 1
			0x0b,       // Remaining Length 11
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			0x00, 0x02, // packet id 2
			'9', '9', '9', // payload
		},
		want: &Publish{Dup: true, QoS: 1, Topic: "1111", PacketID: 2, Payload: []byte("999")},
	},
	{
		name: "PUBLISH QoS 2 with DUP and RETAIN, id 65535",
		raw: []byte{
			0x3d,       // PUBLISH, DUP, QoS 2, RETAIN
			0x0b,       // Remaining Length 11
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			0xff, 0xff, // packet id 65535
			'9', '9', '9', // payload
		},
		want: &Publish{Dup: true, QoS: 2, Retain: true, Topic: "1111", PacketID: 65535, Payload: []byte("999")},
	},
	{
		name: "PUBLISH QoS 0 retained",
		raw: []byte{
			0x31,       // PUBLISH, QoS 0, RETAIN
			0x09,       // Remaining Length 9
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			'9', '9', '9', // payload
		},
		want: &Publish{Retain: true, Topic: "1111", Payload: []byte("999")},
	},
	{
		name: "PUBLISH retained with an empty payload, clearing the retained message",
		raw: []byte{
			0x31,       // PUBLISH, QoS 0, RETAIN
			0x05,       // Remaining Length 5
			0x00, 0x03, // topic length
			'a', '/', 'b', // topic
		},
		want: &Publish{Retain: true, Topic: "a/b", Payload: []byte{}},
	},
	{
		name: "PUBLISH with a Chinese topic and a binary payload",
		raw: []byte{
			0x30,       // PUBLISH, QoS 0
			0x11,       // Remaining Length 17
			0x00, 0x0d, // topic length 13
			0xe6, 0xb8, 0xa9, 0xe5, 0xba, 0xa6, // "温度"
			'/',                                // level separator
			0xe5, 0xae, 0xa2, 0xe5, 0x8e, 0x85, // "客厅"
			0x00, 0xff, // payload: any bytes, even 0x00
		},
		want: &Publish{Topic: "温度/客厅", Payload: []byte{0x00, 0xff}},
	},
	{
		name: "PUBLISH with 200 bytes of payload: a two-byte Remaining Length",
		raw: join([]byte{
			0x30,       // PUBLISH, QoS 0
			0xcd, 0x01, // Remaining Length 205 = 0x4d + 1×128
			0x00, 0x03, // topic length
			'b', 'i', 'g', // topic
		}, payload200), // payload
		want: &Publish{Topic: "big", Payload: payload200},
	},
	// ---- acknowledgements [MQTT 3.4–3.7, 3.11] ----
	{
		name: "PUBACK id 1",
		raw:  []byte{0x40, 0x02, 0x00, 0x01}, // PUBACK, RL 2, packet id 1
		want: &Puback{PacketID: 1},
	},
	{
		name: "PUBREC id 1",
		raw:  []byte{0x50, 0x02, 0x00, 0x01}, // PUBREC, RL 2, packet id 1
		want: &Pubrec{PacketID: 1},
	},
	{
		name: "PUBREL id 1",
		raw:  []byte{0x62, 0x02, 0x00, 0x01}, // PUBREL flags 0010, RL 2, packet id 1
		want: &Pubrel{PacketID: 1},
	},
	{
		name: "PUBCOMP id 1",
		raw:  []byte{0x70, 0x02, 0x00, 0x01}, // PUBCOMP, RL 2, packet id 1
		want: &Pubcomp{PacketID: 1},
	},
	{
		name: "UNSUBACK id 258",
		raw:  []byte{0xb0, 0x02, 0x01, 0x02}, // UNSUBACK, RL 2, packet id 0x0102
		want: &Unsuback{PacketID: 258},
	},
	// ---- SUBSCRIBE, SUBACK, UNSUBSCRIBE [MQTT 3.8–3.10] ----
	{
		name: "SUBSCRIBE from the seed: 2222 at QoS 0",
		raw: []byte{
			0x82,       // SUBSCRIBE flags 0010
			0x09,       // Remaining Length 9
			0x00, 0x01, // packet id 1
			0x00, 0x04, // filter length
			'2', '2', '2', '2', // filter
			0x00, // requested QoS 0
		},
		want: &Subscribe{PacketID: 1, Subscriptions: []Subscription{{Filter: "2222"}}},
	},
	{
		name: "SUBSCRIBE two filters with wildcards",
		raw: []byte{
			0x82,       // SUBSCRIBE flags 0010
			0x11,       // Remaining Length 17
			0x00, 0x0a, // packet id 10
			0x00, 0x06, // filter length
			't', 't', 't', 't', '/', '#', // filter
			0x01,       // requested QoS 1
			0x00, 0x03, // filter length
			'+', '/', 'x', // filter
			0x02, // requested QoS 2
		},
		want: &Subscribe{PacketID: 10, Subscriptions: []Subscription{{Filter: "tttt/#", QoS: 1}, {Filter: "+/x", QoS: 2}}},
	},
	{
		name: "SUBACK one grant",
		raw:  []byte{0x90, 0x03, 0x00, 0x01, 0x00}, // SUBACK, RL 3, id 1, granted QoS 0
		want: &Suback{PacketID: 1, ReturnCodes: []SubackCode{GrantedQoS0}},
	},
	{
		name: "SUBACK two grants",
		raw:  []byte{0x90, 0x04, 0x00, 0x01, 0x00, 0x01}, // SUBACK, RL 4, id 1, QoS 0, QoS 1
		want: &Suback{PacketID: 1, ReturnCodes: []SubackCode{GrantedQoS0, GrantedQoS1}},
	},
	{
		name: "SUBACK failure",
		raw:  []byte{0x90, 0x03, 0x00, 0x01, 0x80}, // SUBACK, RL 3, id 1, failure 0x80
		want: &Suback{PacketID: 1, ReturnCodes: []SubackCode{SubackFailure}},
	},
	{
		name: "UNSUBSCRIBE two filters",
		raw: []byte{
			0xa2,       // UNSUBSCRIBE flags 0010
			0x0c,       // Remaining Length 12
			0x00, 0x02, // packet id 2
			0x00, 0x03, // filter length
			'a', '/', '+', // filter
			0x00, 0x03, // filter length
			'b', '/', '#', // filter
		},
		want: &Unsubscribe{PacketID: 2, Filters: []string{"a/+", "b/#"}},
	},
	// ---- PINGREQ, PINGRESP, DISCONNECT [MQTT 3.12–3.14] ----
	{name: "PINGREQ", raw: []byte{0xc0, 0x00}, want: &Pingreq{}},       // PINGREQ, RL 0
	{name: "PINGRESP", raw: []byte{0xd0, 0x00}, want: &Pingresp{}},     // PINGRESP, RL 0
	{name: "DISCONNECT", raw: []byte{0xe0, 0x00}, want: &Disconnect{}}, // DISCONNECT, RL 0

	// ==== malformed: each named after the rule it breaks ====
	// ---- fixed header [MQTT 2.2] ----
	{
		name: "MQTT 2.2.1 packet type 0 is reserved",
		raw:  []byte{0x00, 0x00}, // type 0, RL 0
		err:  ErrReservedType, rule: "MQTT 2.2.1", offset: 0,
	},
	{
		name: "MQTT 2.2.1 packet type 15 is reserved (the seed's DISCONNECT 1111 0000)",
		raw:  []byte{0xf0, 0x00}, // type 15, RL 0
		err:  ErrReservedType, rule: "MQTT 2.2.1", offset: 0,
	},
	{
		name: "MQTT-2.2.2-1 PUBACK flags must be 0000",
		raw:  []byte{0x42, 0x02, 0x00, 0x01}, // PUBACK with flags 0010
		err:  ErrReservedFlags, rule: "MQTT-2.2.2-1", offset: 0,
	},
	{
		name: "MQTT-2.2.2-1 DISCONNECT flags must be 0000",
		raw:  []byte{0xe1, 0x00}, // DISCONNECT with flags 0001
		err:  ErrReservedFlags, rule: "MQTT-2.2.2-1", offset: 0,
	},
	{
		name: "MQTT-3.6.1-1 PUBREL flags must be 0010",
		raw:  []byte{0x60, 0x02, 0x00, 0x01}, // PUBREL with flags 0000
		err:  ErrReservedFlags, rule: "MQTT-3.6.1-1", offset: 0,
	},
	{
		name: "MQTT-3.8.1-1 SUBSCRIBE flags must be 0010",
		raw:  []byte{0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x00}, // SUBSCRIBE with flags 0000
		err:  ErrReservedFlags, rule: "MQTT-3.8.1-1", offset: 0,
	},
	{
		name: "MQTT-3.10.1-1 UNSUBSCRIBE flags must be 0010",
		raw:  []byte{0xa0, 0x05, 0x00, 0x01, 0x00, 0x01, 'a'}, // UNSUBSCRIBE with flags 0000
		err:  ErrReservedFlags, rule: "MQTT-3.10.1-1", offset: 0,
	},
	{
		name: "MQTT 2.2.3 Remaining Length of five bytes",
		raw:  []byte{0x30, 0xff, 0xff, 0xff, 0xff, 0x01}, // PUBLISH, RL bytes with a fourth continuation bit
		err:  ErrRemainingLengthTooLong, rule: "MQTT 2.2.3", offset: 4,
	},
	{
		name: "MQTT 2.2.3 Remaining Length 11 but 9 bytes follow (the seed's PUBLISH)",
		raw: []byte{
			0x30,       // PUBLISH, QoS 0
			0x0b,       // Remaining Length 11: wrong, 9 bytes follow
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			'9', '9', '9', // payload
		},
		err: ErrIncomplete, rule: "MQTT 2.2.3", offset: 1,
	},
	{
		name: "MQTT 2.2.3 more bytes than the Remaining Length",
		raw:  []byte{0xc0, 0x00, 0x00}, // PINGREQ, RL 0, one byte too many
		err:  ErrTrailingBytes, rule: "MQTT 2.2.3", offset: 2,
	},
	{
		name: "MQTT 3.4.1 PUBACK Remaining Length must be 2",
		raw:  []byte{0x40, 0x03, 0x00, 0x01, 0x00}, // PUBACK, RL 3
		err:  ErrPacketLength, rule: "MQTT 3.4.1", offset: 1,
	},
	{
		name: "MQTT 3.12.1 PINGREQ Remaining Length must be 0",
		raw:  []byte{0xc0, 0x01, 0x00}, // PINGREQ, RL 1
		err:  ErrPacketLength, rule: "MQTT 3.12.1", offset: 1,
	},
	// ---- CONNECT ----
	{
		name: "MQTT-3.1.2-1 protocol name must be MQTT",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'X', // protocol name "MQTX"
			0x04, 0x02, 0x00, 0x00, // level, flags, keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrProtocolName, rule: "MQTT-3.1.2-1", offset: 4,
		encode: &Connect{ProtocolName: "MQTX", ProtocolLevel: 4, CleanSession: true},
	},
	{
		name: "MQTT-3.1.2-2 protocol level 5 is unsupported",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
			0x05,       // protocol level 5
			0x02,       // connect flags
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrProtocolLevel, rule: "MQTT-3.1.2-2", offset: 8,
		encode: &Connect{ProtocolName: "MQTT", ProtocolLevel: 5, CleanSession: true},
	},
	{
		name: "MQTT-3.1.2-2 MQIsdp needs level 3",
		raw: []byte{
			0x10, 0x0e, // CONNECT, RL 14
			0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p', // protocol name
			0x04,       // protocol level 4
			0x02,       // connect flags
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrProtocolLevel, rule: "MQTT-3.1.2-2", offset: 10,
	},
	{
		name: "MQTT-3.1.2-3 reserved connect flag set",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x03,       // connect flags: clean session and reserved bit 0
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrConnectReserved, rule: "MQTT-3.1.2-3", offset: 9,
		encode: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ReservedFlag: true},
	},
	{
		name: "MQTT-3.1.2-13 will QoS without the will flag",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x0a,       // connect flags: will QoS 1, clean session, no will flag
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrWillQoSWithoutWill, rule: "MQTT-3.1.2-13", offset: 9,
	},
	{
		name: "MQTT-3.1.2-14 will QoS 3",
		raw: []byte{
			0x10, 0x11, // CONNECT, RL 17
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x1e,       // connect flags: will QoS 3, will flag, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x01, 'w', // will topic
			0x00, 0x00, // will message length 0
		},
		err: ErrWillQoS3, rule: "MQTT-3.1.2-14", offset: 9,
		encode: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, Will: &Will{Topic: "w", QoS: 3}},
	},
	{
		name: "MQTT-3.1.2-15 will retain without the will flag",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x22,       // connect flags: will retain, clean session, no will flag
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
		},
		err: ErrWillRetainWithoutWill, rule: "MQTT-3.1.2-15", offset: 9,
	},
	{
		name: "MQTT-3.1.2-22 password without user name",
		raw: []byte{
			0x10, 0x0f, // CONNECT, RL 15
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x42,       // connect flags: password, clean session, no user name
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x01, 'p', // password
		},
		err: ErrPasswordWithoutUsername, rule: "MQTT-3.1.2-22", offset: 9,
		encode: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, HasPassword: true, Password: []byte("p")},
	},
	{
		name: "MQTT-1.5.3-1 client id is not UTF-8",
		raw: []byte{
			0x10, 0x0e, // CONNECT, RL 14
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x00, // variable header
			0x00, 0x02, // client id length
			'a', 0xff, // client id: 0xff never occurs in UTF-8
		},
		err: ErrInvalidUTF8, rule: "MQTT-1.5.3-1", offset: 15,
		encode: &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: "a\xff"},
	},
	{
		name: "MQTT-1.5.3-1 user name encodes a surrogate",
		raw: []byte{
			0x10, 0x12, // CONNECT, RL 18
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x82,       // connect flags: user name, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x03, // user name length
			0xed, 0xa0, 0x80, // U+D800 encoded: a surrogate
		},
		err: ErrInvalidUTF8, rule: "MQTT-1.5.3-1", offset: 16,
	},
	{
		name: "MQTT-1.5.3-2 client id contains U+0000",
		raw: []byte{
			0x10, 0x0e, // CONNECT, RL 14
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x00, // variable header
			0x00, 0x02, // client id length
			'a', 0x00, // client id with a null character
		},
		err: ErrNullCharacter, rule: "MQTT-1.5.3-2", offset: 15,
	},
	{
		name: "MQTT-4.7.1-1 will topic with a wildcard",
		raw: []byte{
			0x10, 0x11, // CONNECT, RL 17
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x06,       // connect flags: will flag, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x01, '#', // will topic "#"
			0x00, 0x00, // will message length 0
		},
		err: ErrTopicWildcard, rule: "MQTT-4.7.1-1", offset: 16,
	},
	{
		name: "MQTT-3.1.3-3 client id runs past the Remaining Length",
		raw: []byte{
			0x10, 0x0e, // CONNECT, RL 14
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x00, // variable header
			0x00, 0x05, // client id length 5, but only 2 bytes remain
			'a', 'b', // client id
		},
		err: ErrPacketLength, rule: "MQTT-3.1.3-3", offset: 14,
	},
	{
		name: "MQTT-3.1.2-9 will flag set but no will message",
		raw: []byte{
			0x10, 0x11, // CONNECT, RL 17
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x06,       // connect flags: will flag, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x03, 'a', '/', 'b', // will topic, then the packet ends
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-9", offset: 19,
	},
	{
		name: "MQTT-3.1.2-19 user name flag set but no user name",
		raw: []byte{
			0x10, 0x0c, // CONNECT, RL 12
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0x82,       // connect flags: user name, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0, then the packet ends
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-19", offset: 14,
	},
	{
		name: "MQTT-3.1.2-21 password flag set but no password",
		raw: []byte{
			0x10, 0x0f, // CONNECT, RL 15
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, // protocol name, level
			0xc2,       // connect flags: user name, password, clean session
			0x00, 0x00, // keepalive
			0x00, 0x00, // client id length 0
			0x00, 0x01, 'u', // user name, then the packet ends
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-21", offset: 17,
	},
	{
		name: "MQTT-3.1.2-18 bytes left over after the last CONNECT field",
		raw: []byte{
			0x10, 0x0d, // CONNECT, RL 13
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x00, // variable header
			0x00, 0x00, // client id length 0
			'x', // a byte no flag announces
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-18", offset: 14,
	},
	{
		name: "MQTT-3.1.2-18 the seed's CONNECT with its user name and password but flags 02",
		raw: []byte{
			0x10, 0x22, // CONNECT, RL 34
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x78, // flags 02: clean session only
			0x00, 0x06, '1', '2', '3', '4', '5', '6', // client id
			0x00, 0x04, 'y', 'a', 'n', 'g', // a user name no flag announces
			0x00, 0x08, '1', '1', '2', '2', '3', '3', '4', '4', // and a password
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-18", offset: 20,
	},
	{
		name: "MQTT-3.1.2-20 a password after the user name, flags 82",
		raw: []byte{
			0x10, 0x18, // CONNECT, RL 24
			0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x82, 0x00, 0x78, // user name and clean session
			0x00, 0x00, // client id length 0
			0x00, 0x04, 'y', 'a', 'n', 'g', // user name
			0x00, 0x04, '1', '1', '2', '2', // a password no flag announces
		},
		err: ErrPacketLength, rule: "MQTT-3.1.2-20", offset: 20,
	},
	// ---- CONNACK ----
	{
		name: "MQTT 3.2.2.1 CONNACK reserved flag bits",
		raw:  []byte{0x20, 0x02, 0x02, 0x00}, // CONNACK, flags 0000 0010
		err:  ErrConnackFlags, rule: "MQTT 3.2.2.1", offset: 2,
	},
	{
		name: "MQTT 3.2.2.3 CONNACK return code 6 is reserved",
		raw:  []byte{0x20, 0x02, 0x00, 0x06}, // CONNACK, code 6
		err:  ErrConnackCode, rule: "MQTT 3.2.2.3", offset: 3,
		encode: &Connack{ReturnCode: 6},
	},
	{
		name: "MQTT-3.2.2-4 session present on a refusal",
		raw:  []byte{0x20, 0x02, 0x01, 0x05}, // CONNACK, session present, code 5
		err:  ErrSessionPresentRefused, rule: "MQTT-3.2.2-4", offset: 2,
		encode: &Connack{SessionPresent: true, ReturnCode: RefusedNotAuthorized},
	},
	// ---- PUBLISH ----
	{
		name: "MQTT-3.3.1-4 PUBLISH QoS 3",
		raw:  []byte{0x36, 0x07, 0x00, 0x01, 'a', 0x00, 0x01, 'x', 'y'}, // PUBLISH, QoS bits 11
		err:  ErrQoS3, rule: "MQTT-3.3.1-4", offset: 0,
		encode: &Publish{QoS: 3, Topic: "a", PacketID: 1, Payload: []byte("xy")},
	},
	{
		name: "MQTT-3.3.1-2 DUP on a QoS 0 PUBLISH",
		raw:  []byte{0x38, 0x04, 0x00, 0x01, 'a', 'x'}, // PUBLISH, DUP, QoS 0
		err:  ErrDupQoS0, rule: "MQTT-3.3.1-2", offset: 0,
		encode: &Publish{Dup: true, Topic: "a", Payload: []byte("x")},
	},
	{
		name: "MQTT-2.3.1-1 PUBLISH QoS 1 with packet id 0",
		raw: []byte{
			0x32,       // PUBLISH, QoS 1
			0x0b,       // Remaining Length 11
			0x00, 0x04, // topic length
			'1', '1', '1', '1', // topic
			0x00, 0x00, // packet id 0
			'9', '9', '9', // payload
		},
		err: ErrPacketIDZero, rule: "MQTT-2.3.1-1", offset: 8,
		encode: &Publish{QoS: 1, Topic: "1111", Payload: []byte("999")},
	},
	{
		name: "MQTT-2.3.1-6 PUBACK with packet id 0",
		raw:  []byte{0x40, 0x02, 0x00, 0x00}, // PUBACK, packet id 0
		err:  ErrPacketIDZero, rule: "MQTT-2.3.1-6", offset: 2,
		encode: &Puback{},
	},
	{
		name: "MQTT-3.3.2-2 PUBLISH topic with a wildcard",
		raw: []byte{
			0x30, 0x06, // PUBLISH, RL 6
			0x00, 0x03, // topic length
			'a', '/', '+', // topic with +
			'x', // payload
		},
		err: ErrTopicWildcard, rule: "MQTT-3.3.2-2", offset: 6,
		encode: &Publish{Topic: "a/+", Payload: []byte("x")},
	},
	{
		name: "MQTT-4.7.3-1 PUBLISH with an empty topic",
		raw:  []byte{0x30, 0x03, 0x00, 0x00, 'x'}, // PUBLISH, topic length 0, payload "x"
		err:  ErrTopicEmpty, rule: "MQTT-4.7.3-1", offset: 2,
		encode: &Publish{Payload: []byte("x")},
	},
	{
		name: "MQTT-1.5.3-2 PUBLISH topic with U+0000",
		raw:  []byte{0x30, 0x05, 0x00, 0x03, 'a', 0x00, 'b'}, // PUBLISH, topic "a\x00b"
		err:  ErrNullCharacter, rule: "MQTT-1.5.3-2", offset: 5,
	},
	{
		name: "MQTT-2.3.1-1 PUBLISH QoS 1 too short for its packet id",
		raw:  []byte{0x32, 0x04, 0x00, 0x01, 'a', 0x00}, // PUBLISH QoS 1, RL 4: one byte of packet id
		err:  ErrPacketLength, rule: "MQTT-2.3.1-1", offset: 5,
	},
	{
		name: "MQTT-2.3.1-1 SUBSCRIBE with no room for its packet id",
		raw:  []byte{0x82, 0x01, 0x00}, // SUBSCRIBE, RL 1
		err:  ErrPacketLength, rule: "MQTT-2.3.1-1", offset: 2,
	},
	// ---- SUBSCRIBE, SUBACK, UNSUBSCRIBE ----
	{
		name: "MQTT-3.8.3-3 SUBSCRIBE without a filter",
		raw:  []byte{0x82, 0x02, 0x00, 0x01}, // SUBSCRIBE, packet id 1, no payload
		err:  ErrNoSubscriptions, rule: "MQTT-3.8.3-3", offset: 4,
		encode: &Subscribe{PacketID: 1},
	},
	{
		name: "MQTT-3-8.3-4 SUBSCRIBE requested QoS 3",
		raw:  []byte{0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x03}, // filter "a", QoS byte 3
		err:  ErrRequestedQoS, rule: "MQTT-3-8.3-4", offset: 7,
		encode: &Subscribe{PacketID: 1, Subscriptions: []Subscription{{Filter: "a", QoS: 3}}},
	},
	{
		name: "MQTT-3-8.3-4 SUBSCRIBE reserved bits in the requested QoS",
		raw:  []byte{0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x41}, // filter "a", QoS byte 0100 0001
		err:  ErrRequestedQoS, rule: "MQTT-3-8.3-4", offset: 7,
	},
	{
		name: "MQTT-2.3.1-1 SUBSCRIBE with packet id 0",
		raw:  []byte{0x82, 0x06, 0x00, 0x00, 0x00, 0x01, 'a', 0x00}, // packet id 0
		err:  ErrPacketIDZero, rule: "MQTT-2.3.1-1", offset: 2,
	},
	{
		name: "MQTT-4.7.1-2 SUBSCRIBE # not last",
		raw:  []byte{0x82, 0x0a, 0x00, 0x01, 0x00, 0x05, 'a', '/', '#', '/', 'b', 0x00}, // filter "a/#/b"
		err:  ErrTopicHash, rule: "MQTT-4.7.1-2", offset: 8,
		encode: &Subscribe{PacketID: 1, Subscriptions: []Subscription{{Filter: "a/#/b"}}},
	},
	{
		name: "MQTT-4.7.1-3 SUBSCRIBE + not a whole level",
		raw:  []byte{0x82, 0x07, 0x00, 0x01, 0x00, 0x02, 'a', '+', 0x00}, // filter "a+"
		err:  ErrTopicPlus, rule: "MQTT-4.7.1-3", offset: 7,
	},
	{
		name: "MQTT-4.7.3-1 SUBSCRIBE with an empty filter",
		raw:  []byte{0x82, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00}, // filter length 0, QoS 0
		err:  ErrTopicEmpty, rule: "MQTT-4.7.3-1", offset: 4,
	},
	{
		name: "MQTT 2.2.3 SUBSCRIBE filter without its QoS byte",
		raw:  []byte{0x82, 0x05, 0x00, 0x01, 0x00, 0x01, 'a'}, // filter "a", no QoS byte
		err:  ErrPacketLength, rule: "MQTT 2.2.3", offset: 7,
	},
	{
		name: "MQTT-2.3.1-7 SUBACK with packet id 0",
		raw:  []byte{0x90, 0x03, 0x00, 0x00, 0x00}, // SUBACK, packet id 0, QoS 0
		err:  ErrPacketIDZero, rule: "MQTT-2.3.1-7", offset: 2,
	},
	{
		name: "MQTT 3.7.2 PUBCOMP with packet id 0",
		raw:  []byte{0x70, 0x02, 0x00, 0x00}, // PUBCOMP, packet id 0
		err:  ErrPacketIDZero, rule: "MQTT 3.7.2", offset: 2,
		encode: &Pubcomp{},
	},
	{
		name: "MQTT-2.3.1-1 UNSUBSCRIBE with packet id 0",
		raw:  []byte{0xa2, 0x05, 0x00, 0x00, 0x00, 0x01, 'a'}, // UNSUBSCRIBE, packet id 0
		err:  ErrPacketIDZero, rule: "MQTT-2.3.1-1", offset: 2,
	},
	{
		name: "MQTT-3.9.3-2 SUBACK return code 3",
		raw:  []byte{0x90, 0x03, 0x00, 0x01, 0x03}, // SUBACK, code 0x03
		err:  ErrSubackCode, rule: "MQTT-3.9.3-2", offset: 4,
		encode: &Suback{PacketID: 1, ReturnCodes: []SubackCode{3}},
	},
	{
		name: "MQTT-3.9.3-2 SUBACK return code 0x81",
		raw:  []byte{0x90, 0x04, 0x00, 0x01, 0x00, 0x81}, // SUBACK, codes 0x00, 0x81
		err:  ErrSubackCode, rule: "MQTT-3.9.3-2", offset: 5,
	},
	{
		name: "MQTT-3.8.4-5 SUBACK without a return code",
		raw:  []byte{0x90, 0x02, 0x00, 0x01}, // SUBACK, packet id 1, no codes
		err:  ErrNoReturnCodes, rule: "MQTT-3.8.4-5", offset: 4,
		encode: &Suback{PacketID: 1},
	},
	{
		name: "MQTT-3.10.3-2 UNSUBSCRIBE without a filter",
		raw:  []byte{0xa2, 0x02, 0x00, 0x01}, // UNSUBSCRIBE, packet id 1, no payload
		err:  ErrNoUnsubscriptions, rule: "MQTT-3.10.3-2", offset: 4,
		encode: &Unsubscribe{PacketID: 1},
	},
	{
		name: "MQTT-1.5.3-1 UNSUBSCRIBE filter is not UTF-8",
		raw:  []byte{0xa2, 0x05, 0x00, 0x01, 0x00, 0x01, 0xc0}, // filter: a lone lead byte
		err:  ErrInvalidUTF8, rule: "MQTT-1.5.3-1", offset: 6,
	},
}
