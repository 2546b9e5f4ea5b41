package sim

import (
	"errors"
	"slices"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// broker is the MQTT 3.1.1 server as a state machine: sessions by client
// id, the subscription index, retained messages by topic.
type broker struct {
	ready
	opts     BrokerOptions
	sessions map[string]*session
	// ids are the session client ids, sorted.
	ids      []string
	subs     subIndex
	retained map[string]*message
	// topics are the retained topics, sorted.
	topics []string
	// autoID numbers the client ids the broker assigns.
	autoID int
	// epoch and matched serve subIndex.match.
	epoch   uint64
	matched []*session
	// dirty marks a change since the last snapshot; retainedDirty a
	// change of the retained messages.
	dirty         bool
	retainedDirty bool
	// changed are the sessions marked since the last snapshot; idsChanged
	// says a session was added or removed since then: the snapshot is
	// then rebuilt whole rather than from the last one.
	changed    []*session
	idsChanged bool
	// reported is how many of changed a change already reported; came
	// are the sessions added since the last snapshot (reportedCame of
	// them reported), gone those of the state last reported that were
	// removed since, with their state then.
	reported     int
	came         []*session
	reportedCame int
	gone         []*trace.SessionState
	// changeOut is change's buffer of the sessions it reports.
	changeOut    []*trace.SessionState
	snap         *trace.BrokerState
	retainedSnap []trace.Message
	// out is the PUBLISH being sent: send encodes it at once, so one
	// value serves every delivery.
	out codec.Publish
	// shared says the packets handed in never change, as Broker.Packet
	// asks: the broker keeps a PUBLISH's topic and payload without
	// copying them. The engine's decoder reuses its buffers, so there
	// they are copied.
	shared bool
	// stopping is set while a restart closes every connection: the wills
	// are lost with the process instead of published.
	stopping bool
}

// brokerConn is the broker's state for one network connection.
type brokerConn struct {
	c *conn
	// accepted is set once CONNECT was accepted; sess is then the
	// connection's session.
	accepted bool
	sess     *session
	// clientID is the client id of an accepted CONNECT.
	clientID  string
	keepAlive uint16
	// lastRecv is when the broker last received a packet here.
	lastRecv int64
	will     *message
	// retryArmed says a retry timer is pending on this connection.
	retryArmed bool
}

// message is an application message the broker holds: retained, queued, in
// flight or a will. It is never changed once made, so many sessions share
// it.
type message struct {
	topic   string
	payload []byte
	qos     codec.QoS
	retain  bool
	// view is its trace form, made the first time asMessage needs it:
	// a message queued for a session is in every snapshot until sent.
	view *trace.Message
}

// asMessage is the message in its trace form.
func (m *message) asMessage() trace.Message {
	if m.view == nil {
		m.view = &trace.Message{Topic: m.topic, Payload: string(m.payload), QoS: byte(m.qos), Retain: m.retain}
	}
	return *m.view
}

func newBroker(o BrokerOptions, explain bool) *broker {
	return &broker{
		ready:    ready{explain: explain},
		opts:     o,
		sessions: map[string]*session{},
		retained: map[string]*message{},
		dirty:    true,
	}
}

func (b *broker) nodeName() string { return trace.BrokerName }
func (b *broker) effects() *ready  { return &b.ready }

// packet handles one packet from a client. [MQTT 3.1.0, 4.8]
func (b *broker) packet(now int64, c *conn, p codec.Packet) {
	bc := c.b
	bc.lastRecv = now
	if !bc.accepted {
		if cp, ok := p.(*codec.Connect); ok {
			b.connect(now, bc, cp)
			return
		}
		b.violation(now, bc, "MQTT-3.1.0-1",
			"the first packet a client sends must be CONNECT, not "+p.Type().String()+": the broker closes the connection",
			"客户端发送的第一个报文必须是 CONNECT，而不是 "+p.Type().String()+"：服务端关闭连接")
		return
	}
	s := bc.sess
	switch p := p.(type) {
	case *codec.Connect:
		b.violation(now, bc, "MQTT-3.1.0-2",
			"a second CONNECT on the same connection is a protocol violation: the broker closes the connection",
			"同一网络连接上的第二个 CONNECT 属于协议违规：服务端关闭连接")
	case *codec.Publish:
		b.publish(now, s, p)
	case *codec.Puback:
		b.puback(now, s, p.PacketID)
	case *codec.Pubrec:
		b.pubrec(now, s, p.PacketID)
	case *codec.Pubrel:
		b.pubrel(now, s, p.PacketID)
	case *codec.Pubcomp:
		b.pubcomp(now, s, p.PacketID)
	case *codec.Subscribe:
		b.subscribe(now, s, p)
	case *codec.Unsubscribe:
		b.unsubscribe(s, p)
	case *codec.Pingreq:
		b.note("MQTT-3.12.4-1", "PINGREQ: the broker answers PINGRESP", "收到 PINGREQ：服务端回复 PINGRESP")
		b.send(bc.c, &codec.Pingresp{})
	case *codec.Disconnect:
		b.note("MQTT-3.14.4-3", "DISCONNECT: the broker discards the will without publishing it and closes the connection",
			"收到 DISCONNECT：服务端丢弃遗嘱消息（不发布），然后关闭连接")
		bc.will = nil
		b.detach(now, bc)
		b.close(bc.c)
	default:
		b.violation(now, bc, "MQTT-4.8.0-1",
			"a client never sends "+p.Type().String()+": protocol violation, the broker closes the connection",
			"客户端不能发送 "+p.Type().String()+"：属于协议违规，服务端关闭连接")
	}
}

// malformed handles bytes that do not decode: the broker closes the
// connection, naming the rule the bytes break. [MQTT-4.8.0-1]
func (b *broker) malformed(now int64, c *conn, frame []byte, err error) {
	var ce *codec.Error
	if errors.As(err, &ce) && errors.Is(err, codec.ErrProtocolLevel) && !c.b.accepted && ce.Offset < len(frame) {
		// A CONNECT of a protocol version the codec does not speak: the
		// server still answers it. [MQTT-3.1.2-2]
		b.refuseLevel(c.b, frame[ce.Offset])
		return
	}
	rule, en, zh := describeError(err)
	b.violation(now, c.b, rule,
		"malformed packet: "+en+" The broker closes the connection.",
		"畸形报文："+zh+"服务端关闭连接。")
}

// violation closes the connection because the client broke rule.
func (b *broker) violation(now int64, bc *brokerConn, rule, en, zh string) {
	b.note(rule, en, zh)
	b.refused = true
	b.detach(now, bc)
	b.close(bc.c)
}

// closed runs when the broker's end of c is closed, by either side.
func (b *broker) closed(now int64, c *conn) {
	b.detach(now, c.b)
}

// tick handles the keepalive watch and the resend timer.
func (b *broker) tick(now int64, c *conn, k timerKind) {
	bc := c.b
	if !c.open[brokerEnd] || !bc.accepted {
		return
	}
	switch k {
	case timerKeepAlive:
		b.keepAliveTick(now, bc)
	case timerRetry:
		b.retryTick(now, bc)
	}
}

// keepAliveTick closes a connection silent for 1.5 × its keepalive, or
// sets the watch again for the new deadline. [MQTT-3.1.2-24]
func (b *broker) keepAliveTick(now int64, bc *brokerConn) {
	deadline := bc.lastRecv + int64(bc.keepAlive)*1500
	if now < deadline {
		b.timer(deadline, timerKeepAlive, bc.c, false)
		return
	}
	b.notef("MQTT-3.1.2-24",
		"nothing received from %s for %s s = 1.5 × keepalive %d s: the broker closes the connection",
		"%s 已有 %s 秒（保持连接时间 %d 秒的 1.5 倍）没有发送任何报文：服务端关闭连接",
		bc.clientID, seconds(now-bc.lastRecv), bc.keepAlive)
	b.detach(now, bc)
	b.close(bc.c)
}

// note adds an explanation; notef formats one (both languages take the
// same arguments).
func (b *broker) note(rule, en, zh string) { b.ready.note(rule, en, zh) }

func (b *broker) notef(rule, en, zh string, args ...any) {
	if b.explain {
		b.ready.note(rule, sprintf(en, args...), sprintf(zh, args...))
	}
}

// send queues a packet the broker builds itself; such packets always
// encode.
func (b *broker) send(c *conn, p codec.Packet) {
	if b.withhold(c, p) {
		return
	}
	if err := b.ready.send(c, p); err != nil {
		b.note("", "the broker could not encode "+p.Type().String()+": "+err.Error(),
			"服务端无法编码 "+p.Type().String()+"："+err.Error())
	}
}

// describeError gives the rule and the sentences of a codec error.
func describeError(err error) (rule, en, zh string) {
	var ce *codec.Error
	if errors.As(err, &ce) {
		return ce.Rule, ce.Message.EN, fullStop(ce.Message.ZH)
	}
	return "", err.Error(), fullStop(err.Error())
}

// fullStop ends a Chinese sentence with a full-width full stop, so that
// another sentence can follow it directly.
func fullStop(zh string) string {
	if strings.HasSuffix(zh, "。") {
		return zh
	}
	return zh + "。"
}

// markSession notes that s changed since the last snapshot.
func (b *broker) markSession(s *session) {
	if !s.dirty {
		b.changed = append(b.changed, s)
	}
	s.dirty = true
	b.dirty = true
}

// addSession makes an empty session for id.
func (b *broker) addSession(id string, clean bool) *session {
	s := &session{id: id, clean: clean, subs: map[string]codec.QoS{}, in: map[uint16]*message{}, dirty: true}
	b.sessions[id] = s
	i, _ := slices.BinarySearch(b.ids, id)
	b.ids = slices.Insert(b.ids, i, id)
	b.dirty, b.idsChanged = true, true
	b.came = append(b.came, s)
	return s
}

// removeSession forgets s and its subscriptions.
func (b *broker) removeSession(s *session) {
	for _, f := range s.filters() {
		b.subs.remove(f, s)
	}
	delete(b.sessions, s.id)
	if i, ok := slices.BinarySearch(b.ids, s.id); ok {
		b.ids = slices.Delete(b.ids, i, i+1)
	}
	b.dirty, b.idsChanged = true, true
	if s.reported {
		b.gone = append(b.gone, s.snap)
	}
}

// restart is the broker starting again after a stop: sessions of
// clean-session-0 clients and retained messages stay or go as o says.
// [MQTT-4.1.0-1, MQTT 4.1]
func (b *broker) restart(o RestartOptions) {
	if o.KeepSessions {
		b.note("MQTT-4.1.0-1", "the broker starts again with the sessions it stored: subscriptions, unfinished QoS 1 and 2 messages and queued messages are kept",
			"服务端重新启动，恢复了它保存的会话：订阅、尚未完成确认的 QoS 1/2 消息和排队的消息都还在")
	} else {
		for _, id := range slices.Clone(b.ids) {
			b.removeSession(b.sessions[id])
		}
		b.note("MQTT 4.1", "the broker kept its sessions in memory only: it starts again with none",
			"服务端只把会话保存在内存中：重新启动后一个会话也没有了")
	}
	if o.KeepRetained {
		if len(b.topics) > 0 {
			b.note("MQTT 4.1", "the broker starts again with its retained messages", "服务端重新启动后仍保有保留消息")
		}
		return
	}
	if len(b.topics) > 0 {
		clear(b.retained)
		b.topics = nil
		b.retainedDirty, b.dirty = true, true
		b.note("MQTT 4.1", "the broker kept its retained messages in memory only: they are gone",
			"服务端只把保留消息保存在内存中：重新启动后保留消息都没有了")
	}
}

// stopNote says that the broker process stops.
func (b *broker) stopNote() {
	b.note("", "the broker stops: every network connection ends at its end, and the wills of those connections are lost, not published",
		"服务端停止运行：所有网络连接在服务端一侧断开，这些连接的遗嘱随进程丢失，不会被发布")
}

// endWithProcess closes c, the connection of the client named en (zh in
// Chinese), as the broker process stops (with stopping set, its will is
// lost).
func (b *broker) endWithProcess(en, zh string, c *conn) {
	b.note("", "the connection to "+en+" ends with the broker process", "与 "+zh+" 的连接随服务端进程一起断开")
	b.close(c)
}
