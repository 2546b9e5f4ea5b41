package codec

// validate checks a packet for the strict encoder, given its encoding b:
// the decoder's checks, in the decoder's order, with the decoder's errors
// and the offsets those bytes have in b. A CONNECT is decoded from b by
// the decoder's parser; the other types are checked on the struct with
// the decoder's rule functions (checkTopicString, packetIDZero ...). The
// fuzz test FuzzStrictEncoder holds the two to agreement.
func validate(p Packet, b []byte) *Error {
	_, h, _ := remainingLength(b) // b is a complete encoding
	switch pk := p.(type) {
	case *Connect:
		return validateConnect(b, h)
	case *Connack:
		return checkConnackCode(pk, h)
	case *Publish:
		if err := checkTypeAndFlags(PUBLISH, b[0]&0x0f); err != nil {
			return err
		}
		if err := checkTopicString(pk.Topic, false); err != nil {
			return publishTopicRule(topicInPacket(err, pk.Topic, h+2))
		}
		if pk.QoS > 0 && pk.PacketID == 0 {
			return packetIDZero(PUBLISH, h+2+len(pk.Topic))
		}
	case *Puback:
		return validateAck(PUBACK, pk.PacketID, h)
	case *Pubrec:
		return validateAck(PUBREC, pk.PacketID, h)
	case *Pubrel:
		return validateAck(PUBREL, pk.PacketID, h)
	case *Pubcomp:
		return validateAck(PUBCOMP, pk.PacketID, h)
	case *Unsuback:
		return validateAck(UNSUBACK, pk.PacketID, h)
	case *Subscribe:
		return validateSubscribe(pk, h)
	case *Suback:
		return validateSuback(pk, h)
	case *Unsubscribe:
		return validateUnsubscribe(pk, h)
	}
	return nil
}

// validateConnect checks an encoded CONNECT whose fixed header is h
// bytes long by decoding it with the decoder's own parser into structs of
// its own: the decoder's rules, in its order, with its errors and
// offsets, stated once.
func validateConnect(b []byte, h int) *Error {
	var c Connect
	var will Will
	var p parser // set field by field: a composite literal is built aside and copied
	p.b, p.pos, p.end, p.lim, p.rl = b, h, len(b), len(b), len(b)-h
	_, err := p.connect(&c, &will)
	return err
}

// validateAck checks the packet identifier of an acknowledgement.
func validateAck(t PacketType, id uint16, h int) *Error {
	if id == 0 {
		return packetIDZero(t, h)
	}
	return nil
}

// validateSubscribe checks a SUBSCRIBE.
func validateSubscribe(s *Subscribe, h int) *Error {
	if s.PacketID == 0 {
		return packetIDZero(SUBSCRIBE, h)
	}
	off := h + 2
	if len(s.Subscriptions) == 0 {
		return errNoSubscriptions(off)
	}
	for _, sub := range s.Subscriptions {
		if err := checkTopicString(sub.Filter, true); err != nil {
			return topicInPacket(err, sub.Filter, off+2)
		}
		off += 2 + len(sub.Filter)
		if sub.QoS > 2 {
			return errRequestedQoS(byte(sub.QoS), off)
		}
		off++
	}
	return nil
}

// validateSuback checks a SUBACK.
func validateSuback(s *Suback, h int) *Error {
	if s.PacketID == 0 {
		return packetIDZero(SUBACK, h)
	}
	off := h + 2
	if len(s.ReturnCodes) == 0 {
		return errNoReturnCodes(off)
	}
	for i, c := range s.ReturnCodes {
		if !validSubackCode(byte(c)) {
			return errSubackCode(byte(c), off+i)
		}
	}
	return nil
}

// validateUnsubscribe checks an UNSUBSCRIBE.
func validateUnsubscribe(u *Unsubscribe, h int) *Error {
	if u.PacketID == 0 {
		return packetIDZero(UNSUBSCRIBE, h)
	}
	off := h + 2
	if len(u.Filters) == 0 {
		return errNoUnsubscriptions(off)
	}
	for _, f := range u.Filters {
		if err := checkTopicString(f, true); err != nil {
			return topicInPacket(err, f, off+2)
		}
		off += 2 + len(f)
	}
	return nil
}
