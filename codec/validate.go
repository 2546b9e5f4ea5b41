package codec

// validate checks a packet for the strict encoder without decoding its
// encoding b: the same checks as the decoder, on the struct, in the
// decoder's order, with the decoder's errors and the offsets those bytes
// have in b. The fuzz test FuzzStrictEncoder holds the two to agreement.
func validate(p Packet, b []byte) *Error {
	_, h, _ := remainingLength(b) // b is a complete encoding
	switch pk := p.(type) {
	case *Connect:
		return validateConnect(pk, b[h+3+len(pk.ProtocolName)], h)
	case *Connack:
		return checkConnackCode(pk, h)
	case *Publish:
		if err := checkTypeAndFlags(PUBLISH, b[0]&0x0f); err != nil {
			return err
		}
		if err := checkTopic(pk.Topic, h+2, false); err != nil {
			return publishTopicRule(err)
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

// validateConnect checks a CONNECT whose Connect Flags byte is flags and
// whose fixed header is h bytes long.
func validateConnect(c *Connect, flags byte, h int) *Error {
	off := h + 2
	want := protocolLevelFor(c.ProtocolName)
	if want == 0 {
		return errProtocolName(c.ProtocolName, off)
	}
	off += len(c.ProtocolName)
	if c.ProtocolLevel != want {
		return errProtocolLevel(c.ProtocolName, c.ProtocolLevel, off)
	}
	off++
	if err := checkConnectFlags(flags, off); err != nil {
		return err
	}
	off += 3 + 2
	if err := checkUTF8(c.ClientID, off, &clientIDField.name); err != nil {
		return err
	}
	off += len(c.ClientID)
	if c.Will != nil {
		if err := checkTopic(c.Will.Topic, off+2, false); err != nil {
			return err
		}
		off += 4 + len(c.Will.Topic) + len(c.Will.Message)
	}
	if c.HasUsername {
		return checkUTF8(c.Username, off+2, &usernameField.name)
	}
	return nil
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
		if err := checkTopic(sub.Filter, off+2, true); err != nil {
			return err
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
		if err := checkTopic(f, off+2, true); err != nil {
			return err
		}
		off += 2 + len(f)
	}
	return nil
}
