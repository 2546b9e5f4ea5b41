// Package brokertest answers MQTT 3.1.1 packets as a conforming broker
// does, without routing anything: the scripted broker that the tests of
// sim/live, wasm/ui and cmd/mqttviz put behind their fake transports
// and their loopback WebSocket listeners. Only tests import it; it
// imports the codec alone.
package brokertest

import "mqttviz/codec"

// Replier is the replies of one scripted broker. The zero value accepts
// every connection.
type Replier struct {
	// Code is the return code of every CONNACK.
	Code codec.ConnackCode
	// sessions are the client ids whose last CONNECT had clean session 0.
	sessions map[string]bool
}

// Reply is what a conforming broker sends back for p, nil for nothing:
// CONNACK (session present when the client id connected with clean
// session 0 before, MQTT-3.2.2-2), SUBACK granting the QoS asked for,
// PUBACK to a QoS 1 PUBLISH, PUBREC to a QoS 2 one, PUBCOMP to PUBREL,
// PINGRESP to PINGREQ.
func (r *Replier) Reply(p codec.Packet) codec.Packet {
	switch p := p.(type) {
	case *codec.Connect:
		if r.sessions == nil {
			r.sessions = map[string]bool{}
		}
		present := r.Code == codec.Accepted && !p.CleanSession && r.sessions[p.ClientID]
		if r.Code == codec.Accepted {
			r.sessions[p.ClientID] = !p.CleanSession
		}
		return &codec.Connack{SessionPresent: present, ReturnCode: r.Code}
	case *codec.Subscribe:
		sa := &codec.Suback{PacketID: p.PacketID}
		for _, s := range p.Subscriptions {
			sa.ReturnCodes = append(sa.ReturnCodes, codec.SubackCode(s.QoS))
		}
		return sa
	case *codec.Publish:
		switch p.QoS {
		case 1:
			return &codec.Puback{PacketID: p.PacketID}
		case 2:
			return &codec.Pubrec{PacketID: p.PacketID}
		}
	case *codec.Pubrel:
		return &codec.Pubcomp{PacketID: p.PacketID}
	case *codec.Pingreq:
		return &codec.Pingresp{}
	}
	return nil
}
