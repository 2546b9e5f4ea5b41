package ui

import (
	"encoding/hex"
	"mqttviz/codec"
	"mqttviz/internal/brokertest"
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/i18n"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// handClock is a clock the test moves; its timers run, in order, when
// advance passes them.
type handClock struct {
	now    int64
	timers []handTimer
}

type handTimer struct {
	at int64
	f  func()
}

func (c *handClock) Now() int64 { return c.now }

func (c *handClock) At(at int64, f func()) { c.timers = append(c.timers, handTimer{at, f}) }

func (c *handClock) advance(to int64) {
	for {
		i := slices.IndexFunc(c.timers, func(t handTimer) bool { return t.at <= to })
		if i < 0 {
			break
		}
		t := c.timers[i]
		c.timers = slices.Delete(c.timers, i, i+1)
		c.now = max(c.now, t.at)
		t.f()
	}
	c.now = to
}

// fakeBroker is a transport to a scripted broker: it answers as a
// conforming broker does (CONNACK with code, SUBACK, PUBACK, PUBREC,
// PUBCOMP, PINGRESP), every report handed to dispatch as a WebSocket's
// would be. failOpen makes every connection fail before it opens;
// silent makes the broker answer nothing.
type fakeBroker struct {
	t        *testing.T
	ev       liveEvents
	dispatch func(func())
	code     codec.ConnackCode
	failOpen bool
	silent   bool
	conns    []int
	written  []byte
	replies  brokertest.Replier
}

func (f *fakeBroker) Open(conn int, client string) {
	f.conns = append(f.conns, conn)
	f.dispatch(func() {
		if f.failOpen {
			f.ev.Closed(conn, trace.Note{Text: trace.Text{EN: "close code 1006", ZH: "关闭码 1006"}})
			return
		}
		f.ev.Opened(conn)
	})
}

func (f *fakeBroker) Write(conn int, b []byte) error {
	f.written = append(f.written, b...)
	if f.silent {
		return nil
	}
	var out []byte
	for _, sp := range codec.SplitStream(b) {
		p, err := codec.Decode(sp.Bytes)
		if err != nil {
			f.t.Fatalf("the client wrote % x: %v", sp.Bytes, err)
		}
		f.replies.Code = f.code
		reply := f.replies.Reply(p)
		if reply != nil {
			out, _ = codec.Append(out, reply)
		}
	}
	if len(out) > 0 {
		f.send(conn, out)
	}
	if f.code != codec.Accepted {
		// A refusal closes the connection. [MQTT-3.2.2-5]
		f.hangUp(conn)
	}
	return nil
}

func (f *fakeBroker) Close(conn int) {}

// send delivers b from the broker on conn.
func (f *fakeBroker) send(conn int, b []byte) { f.dispatch(func() { f.ev.Read(conn, b) }) }

// hangUp closes conn from the broker's end.
func (f *fakeBroker) hangUp(conn int) {
	f.dispatch(func() { f.ev.Closed(conn, trace.Note{Text: trace.Text{EN: "close code 1000", ZH: "关闭码 1000"}}) })
}

// livePageTest is the live page mounted as the browser would, on a hand
// clock, with a fake broker.
type livePageTest struct {
	t      *testing.T
	p      *livePage
	d      app.ClientDispatcher
	clock  *handClock
	broker *fakeBroker
}

func openLivePage(t *testing.T, address string) *livePageTest {
	t.Helper()
	lt := &livePageTest{t: t, clock: &handClock{}}
	lt.broker = &fakeBroker{t: t}
	p := newLivePage()
	p.clock = lt.clock
	p.now = func() time.Time { return time.UnixMilli(1_700_000_000_000) }
	p.dial = func(addr brokeraddr.Addr, ev liveEvents, dispatch func(func())) live.Transport {
		lt.broker.ev, lt.broker.dispatch = ev, dispatch
		return lt.broker
	}
	lt.p = p
	lt.d = app.NewClientTester(p)
	u, _ := url.Parse(address)
	lt.d.Nav(u)
	lt.d.Consume()
	t.Cleanup(lt.d.Close)
	return lt
}

// run runs f on the page's loop and everything it sets off.
func (lt *livePageTest) run(f func()) {
	lt.d.Dispatch(app.Dispatch{Mode: app.Update, Source: lt.p, Function: func(app.Context) { f() }})
	lt.d.Consume()
}

// html is the page as it stands.
func (lt *livePageTest) html() string { return app.HTMLString(lt.p) }

// has fails for each of want the page lacks.
func (lt *livePageTest) has(want ...string) {
	lt.t.Helper()
	html := lt.html()
	for _, w := range want {
		if !strings.Contains(html, w) {
			lt.t.Errorf("the page lacks %q", w)
		}
	}
}

func (lt *livePageTest) c1() *liveClient { return lt.p.clients[0] }

// labels are the trace's steps, one line each: kind, from > to, label.
func (lt *livePageTest) labels() []string {
	var out []string
	for _, s := range lt.p.trace.Steps {
		out = append(out, string(s.Kind)+" "+s.From+">"+s.To+" "+s.Label.EN)
	}
	return out
}

// TestLivePageSession: ?broker= fills the address; each client has an id
// of its own; connect, subscribe, publish at QoS 0, 1 and 2, disconnect
// against the scripted broker become the steps of the trace, which the
// view follows.
func TestLivePageSession(t *testing.T) {
	lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt")
	if lt.p.broker != "ws://127.0.0.1:9001/mqtt" {
		t.Fatalf("the address field holds %q", lt.p.broker)
	}
	lt.has(`id="live-empty"`, `value="ws://127.0.0.1:9001/mqtt"`)
	lt.run(func() { lt.p.addClient() })
	idRE := regexp.MustCompile(`^mqttviz-[a-z0-9]{6}$`)
	a, b := lt.p.clients[0].clientID, lt.p.clients[1].clientID
	if !idRE.MatchString(a) || !idRE.MatchString(b) || a == b {
		t.Fatalf("client ids %q and %q: want two of their own, mqttviz-XXXXXX", a, b)
	}
	if other := openLivePage(t, "http://127.0.0.1/live/"); other.c1().clientID == a {
		t.Fatalf("two tabs share the client id %q", a)
	}
	c := lt.c1()
	lt.run(func() { lt.p.connect(c) })
	lt.has("Connected.", "CONNACK 0 accepted", `id="live-recording"`, "Only the newest 10000 steps are kept.")
	lt.run(func() { lt.p.subscribe(c, true) })
	for _, q := range []codec.QoS{0, 1, 2} {
		c.pubQoS = q
		lt.run(func() { lt.p.publish(c) })
	}
	lt.run(func() { lt.p.disconnect(c, true) })
	want := []string{
		"connect c1>broker ",
		"packet c1>broker CONNECT id=" + a + " clean keepalive=60",
		"packet broker>c1 CONNACK 0 accepted",
		"packet c1>broker SUBSCRIBE id=1 mqttviz/demo q0",
		"packet broker>c1 SUBACK id=1 [0]",
		"packet c1>broker PUBLISH q0 mqttviz/demo",
		"packet c1>broker PUBLISH q1 id=2 mqttviz/demo",
		"packet broker>c1 PUBACK id=2",
		"packet c1>broker PUBLISH q2 id=3 mqttviz/demo",
		"packet broker>c1 PUBREC id=3",
		"packet c1>broker PUBREL id=3",
		"packet broker>c1 PUBCOMP id=3",
		"packet c1>broker DISCONNECT",
		"close c1> ",
	}
	if got := lt.labels(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if lt.p.cursor != len(want)-1 {
		t.Errorf("the view is on step %d, want the newest, %d", lt.p.cursor, len(want)-1)
	}
	if c.problem != nil || c.conn != 0 {
		t.Errorf("after DISCONNECT: problem %+v, conn %d", c.problem, c.conn)
	}
	lt.has("Not connected.")
}

// TestLivePageFollow: stepping back keeps the view on its step while new
// steps come, and Back to live returns to the newest.
func TestLivePageFollow(t *testing.T) {
	lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt")
	c := lt.c1()
	lt.run(func() { lt.p.connect(c) })
	lt.run(func() { lt.p.goTo(lt.d.Context(), 1) })
	lt.run(func() { lt.p.publish(c) })
	if lt.p.cursor != 1 || len(lt.p.trace.Steps) != 4 {
		t.Fatalf("after a step back and a publication: cursor %d of %d steps, want 1 of 4", lt.p.cursor, len(lt.p.trace.Steps))
	}
	lt.has(`id="live-back"`, "Back to live")
	lt.run(func() { lt.p.backToLive() })
	lt.run(func() { lt.p.publish(c) })
	if lt.p.cursor != len(lt.p.trace.Steps)-1 {
		t.Fatalf("after Back to live the cursor is %d of %d", lt.p.cursor, len(lt.p.trace.Steps))
	}
	lt.has("Following the newest step.")
}

// TestLivePagePassword: the password is masked in the bytes the
// inspector shows and in the saved trace until it is revealed; the
// broker still gets it.
func TestLivePagePassword(t *testing.T) {
	lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt")
	c := lt.c1()
	c.username, c.password = "student", "s3cret"
	lt.run(func() { lt.p.connect(c) })
	// secret is the password as the trace's JSON writes bytes.
	secret := "73 33 63 72 65 74"
	if !strings.Contains(hex.EncodeToString(lt.broker.written), hex.EncodeToString([]byte("s3cret"))) {
		t.Fatal("the broker did not get the password")
	}
	lt.run(func() { lt.p.goTo(lt.d.Context(), 1) })
	saved := func() string {
		b, err := traceJSON(redactedTrace(lt.p.trace, lt.p.redact))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// The inspector shows the masked bytes; only the password field holds
	// the password, as type=password.
	if got := string(lt.p.redact(lt.p.trace.Steps[1]).Bytes); !strings.HasSuffix(got, "\x00\x06******") {
		t.Fatalf("the step shown ends %q, want the password masked", got[len(got)-8:])
	}
	if html := lt.html(); strings.Count(html, "s3cret") != 1 || !strings.Contains(html, "******") {
		t.Fatal("the page shows the password while it is masked")
	}
	if s := saved(); strings.Contains(s, secret) || !strings.Contains(s, "2a 2a 2a 2a 2a 2a") {
		t.Fatal("the saved trace holds the password while it is masked")
	}
	lt.has("user=student")
	lt.run(func() { c.reveal = true })
	if !strings.Contains(saved(), secret) || strings.Count(lt.html(), "s3cret") < 2 {
		t.Fatal("the password does not show once revealed")
	}
	if strings.Contains(hex.EncodeToString(lt.p.trace.Steps[1].Bytes), "2a2a2a") {
		t.Fatal("masking changed the recorded bytes")
	}
}

// TestLivePageFailures: each failure is said on the client that hit it,
// in both languages, and the trace recorded so far stays.
func TestLivePageFailures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(lt *livePageTest)
		after func(lt *livePageTest)
		kind  problemKind
		en    string
		zh    string
	}{
		{"websocket", func(lt *livePageTest) { lt.broker.failOpen = true }, nil, wsFailed,
			"The WebSocket to ws://127.0.0.1:9001/mqtt failed", "WebSocket 连接失败"},
		{"refused", func(lt *livePageTest) { lt.broker.code = codec.RefusedNotAuthorized }, nil, connRefused,
			"CONNACK return code 5, “refused: not authorized”", "CONNACK 返回码 5，“拒绝连接：未授权”"},
		{"closed", nil, func(lt *livePageTest) { lt.broker.hangUp(1); lt.d.Consume() }, brokerClosed,
			"The broker closed the connection.", "服务端关闭了网络连接。"},
		{"malformed", nil, func(lt *livePageTest) { lt.broker.send(1, []byte{0x20, 0x02, 0x07, 0x00}); lt.d.Consume() }, malformed,
			"not a valid MQTT packet", "不是合法的 MQTT 报文"},
		{"silent", func(lt *livePageTest) { lt.broker.silent = true }, func(lt *livePageTest) { lt.run(func() { lt.clock.advance(connackTimeout) }) }, noConnack,
			"did not answer CONNECT within 10 s", "10 秒内没有回复 CONNACK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt")
			if tc.setup != nil {
				tc.setup(lt)
			}
			c := lt.c1()
			lt.run(func() { lt.p.connect(c) })
			if tc.after != nil {
				tc.after(lt)
			}
			if c.problem == nil || c.problem.kind != tc.kind {
				t.Fatalf("problem %+v, want kind %d; steps:\n%s", c.problem, tc.kind, strings.Join(lt.labels(), "\n"))
			}
			n := len(lt.p.trace.Steps)
			if last := lt.p.trace.Steps[n-1]; last.Kind != trace.KindClose || c.conn != 0 {
				t.Fatalf("the last step is %s, conn %d: want the connection closed", last.Kind, c.conn)
			}
			lt.has(`id="live-c1-problem"`, escapeText(tc.en), "The trace recorded so far is kept.", `id="live-c1-showstep"`)
			lt.run(func() { lt.p.lang = i18n.ZH })
			lt.has(escapeText(tc.zh), "已记录的轨迹全部保留。")
			if len(lt.p.trace.Steps) != n {
				t.Fatalf("the trace changed from %d to %d steps", n, len(lt.p.trace.Steps))
			}
			lt.run(func() { lt.p.showStep(c.problem.seq) })
			if i, _ := lt.p.sess.index(c.problem.seq); lt.p.cursor != i {
				t.Fatalf("Show the step went to %d, want %d", lt.p.cursor, i)
			}
		})
	}
}

// TestLivePageBadAddress: an address with credentials or another scheme
// is not put in the field, and the page says why.
func TestLivePageBadAddress(t *testing.T) {
	lt := openLivePage(t, "http://127.0.0.1/live/?broker="+url.QueryEscape("ws://user:pw@127.0.0.1:9001/mqtt"))
	if lt.p.broker != "" {
		t.Fatalf("the field holds %q", lt.p.broker)
	}
	lt.has(`id="live-broker-error"`)
	if strings.Contains(lt.html(), "user:pw") {
		t.Fatal("the page repeats the credentials")
	}
	// From an https:// page a ws:// broker elsewhere is blocked by the
	// browser; on this computer it is not.
	lt = openLivePage(t, "https://mqttviz.example/live/?broker=ws://10.1.2.3:8080/mqtt")
	if lt.p.broker != "" {
		t.Fatalf("from an https page the field holds %q", lt.p.broker)
	}
	lt.has("mixed content")
	if lt = openLivePage(t, "https://mqttviz.example/live/?broker=ws://127.0.0.1:8080/mqtt"); lt.p.broker != "ws://127.0.0.1:8080/mqtt" || lt.p.addrErr != nil {
		t.Fatalf("a loopback broker from an https page: field %q, refusal %v", lt.p.broker, lt.p.addrErr)
	}
	// An address typed that is not one: Connect says why and dials nothing.
	lt.p.broker = "mqtt://127.0.0.1:1883"
	lt.run(func() { lt.p.connect(lt.c1()) })
	if lt.p.sess != nil || lt.p.addrErr == nil || len(lt.broker.conns) != 0 {
		t.Fatalf("connecting to mqtt://: session %v, refusal %v", lt.p.sess, lt.p.addrErr)
	}
	lt.has(`id="live-broker-error"`, "TCP")
}

// TestLivePageKeep: a recording keeps the newest steps and says so; the
// view follows the newest, a step shown while paused stays shown as the
// oldest go, and one no longer kept gives way to the gap step.
func TestLivePageKeep(t *testing.T) {
	lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt")
	lt.p.keep = 8
	c := lt.c1()
	c.pubQoS = 1
	lt.run(func() { lt.p.connect(c) })
	lt.has("Only the newest 8 steps are kept.")
	for range 5 {
		lt.run(func() { lt.p.publish(c) })
	}
	steps := lt.p.trace.Steps
	if steps[0].Kind != trace.KindGap || len(steps) > 9 {
		t.Fatalf("%d steps, the first a %s: want a gap step and at most 8 more", len(steps), steps[0].Kind)
	}
	if lt.p.cursor != len(steps)-1 {
		t.Fatalf("the view is on step %d of %d, want the newest", lt.p.cursor, len(steps))
	}
	lt.has(escapeText("Showing the newest " + strconv.Itoa(len(steps)-1) + " steps: " + strconv.Itoa(lt.p.sess.dropped()) + " earlier ones are no longer kept (at most 8 are)."))

	// Paused on a step that stays kept.
	lt.run(func() { lt.p.goTo(lt.d.Context(), len(lt.p.trace.Steps)-2) })
	shown := lt.p.trace.Steps[lt.p.cursor]
	lt.run(func() { lt.p.publish(c) })
	if now := lt.p.trace.Steps[lt.p.cursor]; now.Time != shown.Time || string(now.Bytes) != string(shown.Bytes) || now.From != shown.From {
		t.Fatalf("paused on %s, the view moved to %s", shown.Label.EN, now.Label.EN)
	}
	// Paused on a step that goes.
	lt.run(func() { lt.p.goTo(lt.d.Context(), 1) })
	for range 4 {
		lt.run(func() { lt.p.publish(c) })
	}
	if lt.p.cursor != 0 {
		t.Fatalf("the step shown went, the view is on step %d: want the gap step", lt.p.cursor)
	}
	lt.has(`id="live-back"`)
}

// TestLivePageKeepQuery: ?keep= sets how many steps a recording keeps,
// within liveKeepLeast and liveKeepMost; anything else keeps the default.
func TestLivePageKeepQuery(t *testing.T) {
	for _, c := range []struct {
		query string
		want  int
	}{
		{"", liveKeep},
		{"keep=2000", 2000},
		{"keep=5", liveKeepLeast},
		{"keep=-3", liveKeepLeast},
		{"keep=9999999", liveKeepMost},
		{"keep=many", liveKeep},
		{"keep=1e3", liveKeep},
	} {
		lt := openLivePage(t, "http://127.0.0.1/live/?broker=ws://127.0.0.1:9001/mqtt&"+c.query)
		if lt.p.keep != c.want {
			t.Errorf("?%s: the page keeps %d steps, want %d", c.query, lt.p.keep, c.want)
		}
		if c.want != liveKeep {
			lt.run(func() { lt.p.connect(lt.c1()) })
			lt.has("Only the newest " + strconv.Itoa(c.want) + " steps are kept.")
		}
	}
}
