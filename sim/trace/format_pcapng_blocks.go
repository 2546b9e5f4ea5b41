package trace

import (
	"encoding/binary"
	"io"
)

// The pcapng blocks and options the export writes (pcapng draft, IETF
// opsawg-pcapng), little-endian.
const (
	blockSHB       = 0x0A0D0D0A
	blockIDB       = 0x00000001
	blockEPB       = 0x00000006
	byteOrderMagic = 0x1A2B3C4D
	linkTypeRaw    = 101 // LINKTYPE_RAW: each packet is an IPv4 datagram
	optEnd         = 0
	optComment     = 1
	optSHBUserAppl = 4
	optIfName      = 2
	optIfTsresol   = 9
)

// TCP header flags.
const (
	tcpFIN = 0x01
	tcpSYN = 0x02
	tcpPSH = 0x08
	tcpACK = 0x10
)

// pcapngOption appends one option: code, length, value padded to 32 bits.
func pcapngOption(b []byte, code uint16, value []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, code)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(value)))
	b = append(b, value...)
	return pad32(b, len(value))
}

// pad32 appends the zero bytes that bring n bytes to a multiple of 4.
func pad32(b []byte, n int) []byte {
	for ; n%4 != 0; n++ {
		b = append(b, 0)
	}
	return b
}

// writeBlock writes a block of the given type around body: type, total
// length, body, total length again.
func writeBlock(w io.Writer, typ uint32, body []byte) error {
	total := uint32(12 + len(body))
	b := make([]byte, 0, total)
	b = binary.LittleEndian.AppendUint32(b, typ)
	b = binary.LittleEndian.AppendUint32(b, total)
	b = append(b, body...)
	b = binary.LittleEndian.AppendUint32(b, total)
	_, err := w.Write(b)
	return err
}

// writeSectionHeader writes the Section Header Block and the one
// Interface Description Block: raw IPv4, microsecond timestamps.
func writeSectionHeader(w io.Writer, comment string) error {
	var shb []byte
	shb = binary.LittleEndian.AppendUint32(shb, byteOrderMagic)
	shb = binary.LittleEndian.AppendUint16(shb, 1) // major version
	shb = binary.LittleEndian.AppendUint16(shb, 0) // minor version
	shb = binary.LittleEndian.AppendUint64(shb, ^uint64(0))
	if comment != "" {
		shb = pcapngOption(shb, optComment, []byte(comment))
	}
	shb = pcapngOption(shb, optSHBUserAppl, []byte("mqttviz"))
	shb = pcapngOption(shb, optEnd, nil)
	if err := writeBlock(w, blockSHB, shb); err != nil {
		return err
	}
	var idb []byte
	idb = binary.LittleEndian.AppendUint16(idb, linkTypeRaw)
	idb = binary.LittleEndian.AppendUint16(idb, 0)     // reserved
	idb = binary.LittleEndian.AppendUint32(idb, 65535) // snap length
	idb = pcapngOption(idb, optIfName, []byte("mqttviz"))
	idb = pcapngOption(idb, optIfTsresol, []byte{6}) // 10^-6 s
	idb = pcapngOption(idb, optEnd, nil)
	return writeBlock(w, blockIDB, idb)
}

// writeEnhancedPacket writes one Enhanced Packet Block on interface 0 at
// ts microseconds, with a comment per element of comments.
func writeEnhancedPacket(w io.Writer, ts uint64, data []byte, comments []string) error {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 0) // interface id
	b = binary.LittleEndian.AppendUint32(b, uint32(ts>>32))
	b = binary.LittleEndian.AppendUint32(b, uint32(ts))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, data...)
	b = pad32(b, len(data))
	for _, c := range comments {
		b = pcapngOption(b, optComment, []byte(c))
	}
	if len(comments) > 0 {
		b = pcapngOption(b, optEnd, nil)
	}
	return writeBlock(w, blockEPB, b)
}

// segment is one TCP segment from src to dst.
type segment struct {
	src, dst         [4]byte
	srcPort, dstPort uint16
	seq, ack         uint32
	flags            byte
	ipID             uint16
	payload          []byte
}

// datagram returns the segment as an IPv4 datagram with correct IPv4
// header and TCP checksums.
func (s segment) datagram() []byte {
	const ipLen, tcpLen = 20, 20
	total := ipLen + tcpLen + len(s.payload)
	b := make([]byte, total)
	ip := b[:ipLen]
	ip[0] = 0x45 // IPv4, 5 words of header
	binary.BigEndian.PutUint16(ip[2:], uint16(total))
	binary.BigEndian.PutUint16(ip[4:], s.ipID)
	binary.BigEndian.PutUint16(ip[6:], 0x4000) // don't fragment
	ip[8] = 64                                 // TTL
	ip[9] = 6                                  // TCP
	copy(ip[12:], s.src[:])
	copy(ip[16:], s.dst[:])
	binary.BigEndian.PutUint16(ip[10:], checksum(0, ip))

	tcp := b[ipLen:]
	binary.BigEndian.PutUint16(tcp[0:], s.srcPort)
	binary.BigEndian.PutUint16(tcp[2:], s.dstPort)
	binary.BigEndian.PutUint32(tcp[4:], s.seq)
	binary.BigEndian.PutUint32(tcp[8:], s.ack)
	tcp[12] = 5 << 4 // 5 words of header
	tcp[13] = s.flags
	binary.BigEndian.PutUint16(tcp[14:], 64240) // window
	copy(tcp[tcpLen:], s.payload)
	var pseudo [12]byte
	copy(pseudo[0:], s.src[:])
	copy(pseudo[4:], s.dst[:])
	pseudo[9] = 6
	binary.BigEndian.PutUint16(pseudo[10:], uint16(len(tcp)))
	binary.BigEndian.PutUint16(tcp[16:], checksum(sum16(0, pseudo[:]), tcp))
	return b
}

// sum16 adds b to sum as big-endian 16-bit words, an odd last byte
// padded with zero (RFC 1071).
func sum16(sum uint32, b []byte) uint32 {
	for len(b) >= 2 {
		sum += uint32(b[0])<<8 | uint32(b[1])
		b = b[2:]
	}
	if len(b) == 1 {
		sum += uint32(b[0]) << 8
	}
	return sum
}

// checksum is the Internet checksum of b, starting from a partial sum.
func checksum(sum uint32, b []byte) uint16 {
	sum = sum16(sum, b)
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}
