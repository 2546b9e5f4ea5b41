package ui

import (
	"crypto/rand"
	"errors"
	"mqttviz/codec"
	"mqttviz/sim"
	"strconv"
	"strings"
)

// liveClient is one client of the live page: its CONNECT options and the
// fields of its actions as the forms hold them, the simulator's client
// core that runs it, and what the page knows of its connection.
type liveClient struct {
	// name is the client's lifeline (c1, c2, …); core runs it.
	name string
	core *sim.Client

	// The CONNECT options.
	clientID   string
	clean      bool
	keepAlive  string
	username   string
	password   string
	reveal     bool // the password is shown, on screen and in what is saved
	willOn     bool
	willTopic  string
	willText   string
	willQoS    codec.QoS
	willRetain bool

	// The fields of the subscribe and publish forms.
	filter     string
	filterQoS  codec.QoS
	topic      string
	payload    string
	payloadHex bool
	pubQoS     codec.QoS
	pubRetain  bool

	// conn is the client's current connection (0: none), as its steps
	// tell: opened says the client wrote on it (the socket opened),
	// connacked that a CONNACK 0 came on it, closing that the page asked
	// for its close (the user, or the CONNACK timeout).
	conn      int
	opened    bool
	connacked bool
	closing   bool
	// problem is the last failure on this client, nil since it last
	// connected without one.
	problem *liveProblem
	// formErr is why the last action was refused before anything was sent.
	formErr *codec.Text
}

// idAlphabet are the characters of a default client id's random part.
const idAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// defaultClientID is a client id of its own for each client of each tab,
// mqttviz-XXXXXX: thirty students on one broker with one id would keep
// taking each other's connection over [MQTT-3.1.4-2].
func defaultClientID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return "mqttviz-" + string(b[:])
}

// demoTopic is the topic the forms start with.
const demoTopic = "mqttviz/demo"

// newLiveClient is client number n (from 1) with the forms' defaults.
func newLiveClient(n int) *liveClient {
	name := "c" + strconv.Itoa(n)
	return &liveClient{
		name:      name,
		core:      sim.NewClient(name, sim.ClientOptions{}),
		clean:     true,
		keepAlive: "60",
		willTopic: demoTopic + "/will",
		willText:  name + " is gone",
		filter:    demoTopic,
		topic:     demoTopic,
		payload:   "hello from " + name,
	}
}

// options are the client's CONNECT options from its form, or what is
// wrong with them.
func (c *liveClient) options() (sim.ClientOptions, error) {
	ka, err := strconv.ParseUint(strings.TrimSpace(c.keepAlive), 10, 16)
	if err != nil {
		return sim.ClientOptions{}, formError("live.err.keepalive")
	}
	o := sim.ClientOptions{ClientID: c.clientID, CleanSession: c.clean, KeepAlive: uint16(ka)}
	if c.username != "" {
		u := c.username
		o.Username = &u
	}
	if c.password != "" {
		if c.username == "" {
			return o, formError("live.err.password")
		}
		pw := c.password
		o.Password = &pw
	}
	if c.willOn {
		if err := codec.ValidateTopicName(c.willTopic); err != nil {
			return o, err
		}
		o.Will = &codec.Will{Topic: c.willTopic, Message: []byte(c.willText), QoS: c.willQoS, Retain: c.willRetain}
	}
	return o, nil
}

// liveField is a text field of a client's forms: its id and the value
// it edits.
type liveField struct {
	id string
	v  *string
}

// textFields are the text fields c's forms show now.
func (c *liveClient) textFields() []liveField {
	id := "live-" + c.name
	out := []liveField{
		{id + "-clientid", &c.clientID}, {id + "-keepalive", &c.keepAlive},
		{id + "-user", &c.username}, {id + "-password", &c.password},
		{id + "-filter", &c.filter}, {id + "-topic", &c.topic}, {id + "-payload", &c.payload},
	}
	if c.willOn {
		out = append(out, liveField{id + "-willtopic", &c.willTopic}, liveField{id + "-willtext", &c.willText})
	}
	return out
}

// payloadBytes is the publish form's payload: its text as UTF-8, or the
// bytes its hex gives.
func (c *liveClient) payloadBytes() ([]byte, error) {
	if !c.payloadHex {
		return []byte(c.payload), nil
	}
	return codec.ParseHex(c.payload)
}

// formError is a refusal of a form's value, the catalogue's key in both
// languages.
func formError(key string) error { return &sim.ActionError{Text: both(key)} }

// errorText is what err says, in both languages when it knows them.
func errorText(err error) codec.Text {
	var ae *sim.ActionError
	var ce *codec.Error
	var he *codec.HexError
	switch {
	case errors.As(err, &ae):
		return ae.Text
	case errors.As(err, &ce):
		return ce.Message
	case errors.As(err, &he):
		w := he.Where()
		return codec.Text{EN: w.EN + ": " + he.Message.EN, ZH: w.ZH + "：" + he.Message.ZH}
	}
	return codec.Text{EN: err.Error(), ZH: err.Error()}
}
