package sim

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"mqttviz/codec"
)

// connect handles the CONNECT that opens a connection: the checks that
// give return codes 1–5, the client id rules, takeover, the session and the
// will, then CONNACK and the resends of a resumed session. [MQTT 3.1, 3.2]
func (b *broker) connect(now int64, bc *brokerConn, p *codec.Connect) {
	if p.ProtocolName != "MQTT" || p.ProtocolLevel != 4 {
		b.refuseLevel(bc, p.ProtocolLevel)
		return
	}
	id := strings.Clone(p.ClientID)
	switch {
	case id == "" && !p.CleanSession:
		b.refuse(bc, codec.RefusedIdentifierRejected, "MQTT-3.1.3-8",
			"an empty client id needs clean session 1: CONNACK 0x02, identifier rejected",
			"客户端标识符为空时清理会话必须为 1：CONNACK 返回码 0x02，标识符不合格")
		return
	case id == "":
		id = b.assignID()
		b.note("MQTT-3.1.3-6", "empty client id with clean session 1: the broker assigns the id "+id,
			"客户端标识符为空且清理会话为 1：服务端为它分配客户端标识符 "+id)
	case b.opts.StrictClientID && !plainClientID(id):
		b.refuse(bc, codec.RefusedIdentifierRejected, "MQTT-3.1.3-9",
			"client id "+strconv.Quote(id)+" is not 1–23 letters and digits, the only ids this broker accepts: CONNACK 0x02, identifier rejected",
			"客户端标识符 "+strconv.Quote(id)+" 不是由 1–23 个字母或数字组成，本服务端不接受：CONNACK 返回码 0x02，标识符不合格")
		return
	}
	if b.opts.Unavailable {
		b.refuse(bc, codec.RefusedServerUnavailable, "MQTT 3.2.2.3",
			"the broker is configured as unavailable: CONNACK 0x03, server unavailable",
			"服务端被配置为暂不可用：CONNACK 返回码 0x03，服务端不可用")
		return
	}
	if !b.authenticate(bc, p) {
		return
	}
	if slices.Contains(b.opts.NotAuthorized, id) {
		b.refuse(bc, codec.RefusedNotAuthorized, "MQTT 3.2.2.3",
			"client id "+id+" is not authorized on this broker: CONNACK 0x05, not authorized",
			"客户端标识符 "+id+" 未被授权连接本服务端：CONNACK 返回码 0x05，未授权")
		return
	}
	if old := b.sessions[id]; old != nil && old.conn != nil {
		b.note("MQTT-3.1.4-2", "client id "+id+" is already connected: the broker closes the old connection (takeover)",
			"客户端标识符 "+id+" 已经在线：服务端关闭旧的连接（会话接管）")
		oc := old.conn
		b.detach(now, oc)
		b.close(oc.c)
	}
	s, present := b.sessions[id], false
	if n := b.opts.MaxSessions; n > 0 && len(b.sessions) >= n && s == nil {
		b.refuse(bc, codec.RefusedServerUnavailable, "MQTT 3.2.2.3",
			sprintf("the broker keeps at most %d sessions and has them all: CONNACK 0x03, server unavailable", n),
			sprintf("服务端最多保存 %d 个会话，现已全部占用：CONNACK 返回码 0x03，服务端不可用", n))
		return
	}
	switch {
	case p.CleanSession:
		if s != nil {
			b.removeSession(s)
			b.note("MQTT-3.1.2-6", "clean session 1: the broker discards the session it kept for "+id+" and starts a new one",
				"清理会话为 1：服务端丢弃为 "+id+" 保存的会话，开始新会话")
		}
		s = b.addSession(id, true)
		b.note("MQTT-3.2.2-1", "clean session 1: CONNACK with session present 0",
			"清理会话为 1：CONNACK 中当前会话标志为 0")
	case s != nil:
		present = true
		b.notef("MQTT-3.2.2-2",
			"clean session 0 and a stored session: session present 1, resuming %d subscriptions, %d messages in flight and %d queued",
			"清理会话为 0 且有保存的会话：当前会话标志为 1，恢复 %d 个订阅、%d 条尚未完成确认的消息和 %d 条排队消息",
			len(s.subs), s.out.len()+len(s.in), len(s.queue))
	default:
		s = b.addSession(id, false)
		b.note("MQTT-3.2.2-3", "clean session 0 but no stored session: a new persistent session, session present 0",
			"清理会话为 0 但没有保存的会话：新建持久会话，当前会话标志为 0")
	}
	s.clean = p.CleanSession
	s.conn = bc
	bc.accepted, bc.sess, bc.clientID, bc.keepAlive = true, s, id, p.KeepAlive
	b.markSession(s)
	if w := p.Will; w != nil {
		bc.will = &message{topic: strings.Clone(w.Topic), payload: bytes.Clone(w.Message), qos: w.QoS, retain: w.Retain}
		b.notef("MQTT-3.1.2-8",
			"the broker keeps the will (%s, QoS %d, retain %d) and publishes it if the connection closes without DISCONNECT",
			"服务端保存遗嘱消息（主题 %s，QoS %d，保留标志 %d）；如果连接没有经过 DISCONNECT 就断开，服务端将发布它",
			w.Topic, w.QoS, b2i(w.Retain))
	}
	b.send(bc.c, &codec.Connack{SessionPresent: present, ReturnCode: codec.Accepted})
	if p.KeepAlive > 0 {
		b.timer(now+int64(p.KeepAlive)*1500, timerKeepAlive, bc.c, false)
	}
	b.resume(now, s)
}

// refuseLevel answers a CONNECT of another protocol version (MQTT 3.1 is
// "MQIsdp" level 3) with CONNACK 0x01. [MQTT-3.1.2-2]
func (b *broker) refuseLevel(bc *brokerConn, level byte) {
	lv := strconv.Itoa(int(level))
	b.refuse(bc, codec.RefusedProtocolVersion, "MQTT-3.1.2-2",
		"protocol level "+lv+" is not 4 (MQTT 3.1.1), the only version this broker speaks: CONNACK 0x01, unacceptable protocol version",
		"协议级别为 "+lv+"，而本服务端只支持级别 4（MQTT 3.1.1）：CONNACK 返回码 0x01，不支持的协议版本")
}

// authenticate checks the user name and password against the user table,
// refusing with 0x04 or 0x05. [MQTT 3.1.3.4, 3.1.3.5, 3.2.2.3]
func (b *broker) authenticate(bc *brokerConn, p *codec.Connect) bool {
	if b.opts.Users == nil {
		return true
	}
	if !p.HasUsername {
		if b.opts.AllowAnonymous {
			return true
		}
		b.refuse(bc, codec.RefusedNotAuthorized, "MQTT 3.2.2.3",
			"this broker needs a user name and the CONNECT has none: CONNACK 0x05, not authorized",
			"本服务端要求提供用户名，而 CONNECT 中没有用户名：CONNACK 返回码 0x05，未授权")
		return false
	}
	pw, ok := b.opts.Users[p.Username]
	if !ok || !p.HasPassword || string(p.Password) != pw {
		b.refuse(bc, codec.RefusedBadUsernamePassword, "MQTT 3.2.2.3",
			"user "+strconv.Quote(p.Username)+" with this password is not in the broker's user table: CONNACK 0x04, bad user name or password",
			"用户名 "+strconv.Quote(p.Username)+" 和这个密码与服务端用户表中的记录不符：CONNACK 返回码 0x04，用户名或密码错误")
		return false
	}
	return true
}

// refuse answers CONNECT with a non-zero return code and session present
// 0, then closes the connection. [MQTT-3.2.2-4, MQTT-3.2.2-5]
func (b *broker) refuse(bc *brokerConn, code codec.ConnackCode, rule, en, zh string) {
	b.note(rule, en, zh)
	b.note("MQTT-3.2.2-5", "after a CONNACK that refuses, the broker closes the connection and ignores anything after the CONNECT",
		"服务端发送拒绝连接的 CONNACK 后关闭网络连接，不再处理 CONNECT 之后的任何数据")
	b.send(bc.c, &codec.Connack{ReturnCode: code})
	b.close(bc.c)
}

// resume resends, on a new connection, what the session left unfinished,
// then delivers what was queued. [MQTT-4.4.0-1]
func (b *broker) resume(now int64, s *session) {
	for _, f := range s.out.flights {
		b.resend(now, s, f, "MQTT-4.4.0-1")
	}
	if s.out.len() > 0 {
		b.armRetry(now, s.conn)
	}
	if len(s.queue) > 0 {
		b.notef("MQTT 3.1.2.4", "the broker delivers the %d messages queued while %s was offline",
			"服务端投递 %[2]s 离线期间排队的 %[1]d 条消息", len(s.queue), s.id)
	}
	b.drain(now, s)
}

// detach ends the link between a connection and its session: the will is
// published unless DISCONNECT discarded it, and a clean session ends with
// its connection. It is called once per connection; later calls do
// nothing. [MQTT-3.1.2-8, MQTT-3.1.2-10, MQTT-3.1.2-6]
func (b *broker) detach(now int64, bc *brokerConn) {
	s := bc.sess
	if s == nil || s.conn != bc {
		return
	}
	s.conn = nil
	b.markSession(s)
	if w := bc.will; w != nil && b.stopping {
		bc.will = nil
		b.note("", "the will of "+s.id+" is lost with the broker process", s.id+" 的遗嘱随服务端进程一起丢失")
	} else if w != nil {
		bc.will = nil
		b.note("MQTT-3.1.2-8", "the connection of "+s.id+" ended without DISCONNECT: the broker publishes its will to "+w.topic,
			s.id+" 的连接没有经过 DISCONNECT 就断开了，服务端把它的遗嘱消息发布到 "+w.topic)
		if w.retain {
			b.note("MQTT-3.1.2-17", "Will Retain 1: the will is published as a retained message",
				"遗嘱保留标志为 1：遗嘱消息作为保留消息发布")
		} else {
			b.note("MQTT-3.1.2-16", "Will Retain 0: the will is published as a normal, non-retained message",
				"遗嘱保留标志为 0：遗嘱消息作为普通的非保留消息发布")
		}
		b.accept(now, w)
	}
	if s.clean {
		b.removeSession(s)
		b.note("MQTT-3.1.2-6", "clean session 1: the session of "+s.id+" ends with its connection",
			"清理会话为 1："+s.id+" 的会话随连接结束而结束")
	}
}

// assignID makes a client id no session uses.
func (b *broker) assignID() string {
	for {
		b.autoID++
		id := "auto-" + strconv.Itoa(b.autoID)
		if b.sessions[id] == nil {
			return id
		}
	}
}

// plainClientID reports whether id is 1–23 characters of [0-9a-zA-Z],
// the ids every server must accept. [MQTT-3.1.3-5]
func plainClientID(id string) bool {
	if len(id) < 1 || len(id) > 23 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}
