package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/script"
	"mqttviz/wasm/i18n"
	"strconv"
	"strings"
)

// actionForm is what the form for an action at the cursor holds: each
// field as typed, stored on change and read when Add is pressed.
type actionForm struct {
	kind   script.ActionKind
	client string
	topic  string
	// payload is a PUBLISH's payload.
	payload string
	qos     string
	retain  bool
	// secs is how long time passes.
	secs string
	// The client an ActAddClient adds.
	name, clientID, keepalive, user, pass string
	clean                                 bool
	willTopic, willPayload, willQoS       string
	willRetain                            bool
}

// newActionForm is the form as it opens: a publish at QoS 1.
func newActionForm() actionForm {
	return actionForm{kind: script.ActPublish, qos: "1", secs: "10", keepalive: "60", clean: true, willQoS: "0"}
}

// formField names a field of the form, for its id and its label.
type formField string

// The fields of the form.
const (
	fieldClient      formField = "client"
	fieldTopic       formField = "topic"
	fieldFilter      formField = "filter"
	fieldPayload     formField = "payload"
	fieldQoS         formField = "qos"
	fieldRetain      formField = "retain"
	fieldWait        formField = "wait"
	fieldName        formField = "name"
	fieldID          formField = "id"
	fieldClean       formField = "clean"
	fieldKeepAlive   formField = "keepalive"
	fieldUser        formField = "user"
	fieldPass        formField = "pass"
	fieldWill        formField = "will"
	fieldWillPayload formField = "willpayload"
	fieldWillQoS     formField = "willqos"
	fieldWillRetain  formField = "willretain"
)

// fieldsOf lists the fields an action asks for, in order.
func fieldsOf(k script.ActionKind) []formField {
	switch k {
	case script.ActSubscribe:
		return []formField{fieldClient, fieldFilter, fieldQoS}
	case script.ActUnsubscribe:
		return []formField{fieldClient, fieldFilter}
	case script.ActPublish:
		return []formField{fieldClient, fieldTopic, fieldPayload, fieldQoS, fieldRetain}
	case script.ActWait:
		return []formField{fieldWait}
	case script.ActAddClient:
		return []formField{fieldName, fieldID, fieldClean, fieldKeepAlive, fieldUser, fieldPass, fieldWill, fieldWillPayload, fieldWillQoS, fieldWillRetain}
	}
	return []formField{fieldClient}
}

// isFlag reports whether a field is a checkbox.
func (f formField) isFlag() bool {
	return f == fieldRetain || f == fieldClean || f == fieldWillRetain
}

// isQoS reports whether a field chooses a QoS.
func (f formField) isQoS() bool { return f == fieldQoS || f == fieldWillQoS }

// text returns the field's value as typed.
func (a *actionForm) text(f formField) string {
	switch f {
	case fieldClient:
		return a.client
	case fieldTopic, fieldFilter:
		return a.topic
	case fieldPayload:
		return a.payload
	case fieldQoS:
		return a.qos
	case fieldWait:
		return a.secs
	case fieldName:
		return a.name
	case fieldID:
		return a.clientID
	case fieldKeepAlive:
		return a.keepalive
	case fieldUser:
		return a.user
	case fieldPass:
		return a.pass
	case fieldWill:
		return a.willTopic
	case fieldWillPayload:
		return a.willPayload
	case fieldWillQoS:
		return a.willQoS
	}
	return ""
}

// flag returns a checkbox's value.
func (a *actionForm) flag(f formField) bool {
	switch f {
	case fieldRetain:
		return a.retain
	case fieldClean:
		return a.clean
	}
	return a.willRetain
}

// set stores a field's value (a checkbox's as "true" or "false").
func (a *actionForm) set(f formField, v string) {
	on := v == "true"
	ptr := map[formField]*string{
		fieldClient: &a.client, fieldTopic: &a.topic, fieldFilter: &a.topic, fieldPayload: &a.payload,
		fieldQoS: &a.qos, fieldWait: &a.secs, fieldName: &a.name, fieldID: &a.clientID,
		fieldKeepAlive: &a.keepalive, fieldUser: &a.user, fieldPass: &a.pass, fieldWill: &a.willTopic,
		fieldWillPayload: &a.willPayload, fieldWillQoS: &a.willQoS,
	}[f]
	switch {
	case ptr != nil:
		*ptr = v
	case f == fieldRetain:
		a.retain = on
	case f == fieldClean:
		a.clean = on
	case f == fieldWillRetain:
		a.willRetain = on
	}
}

// action is the form as an action, or what is wrong with a number in it.
func (a *actionForm) action() (script.Action, *codec.Text) {
	out := script.Action{Kind: a.kind, Client: a.client, Topic: a.topic, Payload: a.payload, Retain: a.retain, QoS: parseQoS(a.qos)}
	switch a.kind {
	case script.ActWait:
		s, err := strconv.ParseFloat(strings.TrimSpace(a.secs), 64)
		if err != nil || s <= 0 || s > 86400 {
			return out, badNumber(a.secs)
		}
		out.WaitMS = int64(s * 1000)
	case script.ActAddClient:
		k, err := strconv.ParseUint(strings.TrimSpace(a.keepalive), 10, 16)
		if err != nil {
			return out, badNumber(a.keepalive)
		}
		out.NewClient = script.NewClient{
			Name: strings.TrimSpace(a.name), ClientID: a.clientID, Clean: a.clean, KeepAlive: uint16(k),
			User: a.user, Password: a.pass,
			WillTopic: a.willTopic, WillPayload: a.willPayload, WillQoS: parseQoS(a.willQoS), WillRetain: a.willRetain,
		}
	}
	return out, nil
}

// parseQoS reads a QoS field: 0, 1 or 2.
func parseQoS(s string) codec.QoS {
	switch s {
	case "1":
		return 1
	case "2":
		return 2
	}
	return 0
}

// badNumber says a field does not hold a number of seconds.
func badNumber(s string) *codec.Text {
	return &codec.Text{EN: tr(i18n.EN, "instructor.bad.number", strconv.Quote(s)), ZH: tr(i18n.ZH, "instructor.bad.number", strconv.Quote(s))}
}

// holdMS reads the hold form's seconds: 0 (until released) when empty.
func holdMS(s string) (int64, *codec.Text) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v > 86400 {
		return 0, badNumber(s)
	}
	return int64(v * 1000), nil
}
