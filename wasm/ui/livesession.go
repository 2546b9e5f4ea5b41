package ui

import (
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/wslink"
	"time"
)

// liveEvents are what a transport reports, on the page's loop: the
// methods of live.Driver that a transport calls.
type liveEvents = wslink.Reporter

// dialer makes the transport of a live session to the broker at addr:
// it reports to ev, each report handed to dispatch, which runs it on the
// page's loop.
type dialer func(addr brokeraddr.Addr, ev liveEvents, dispatch func(func())) live.Transport

// liveSession is one recording of the live page: a recorder, the driver
// running the clients' cores on the page's clock, and the transport to
// the broker at addr.
type liveSession struct {
	addr  brokeraddr.Addr
	clock live.Clock
	rec   *live.Recorder
	d     *live.Driver
	// seen is the recorder's sequence number of the next step the page
	// has not looked at yet.
	seen int
}

// liveKeep is how many steps the live page keeps by default: the newest.
const liveKeep = live.DefaultKeep

// newLiveSession starts a recording at the wall-clock time start that
// keeps the newest keep steps.
func newLiveSession(addr brokeraddr.Addr, start time.Time, keep int, clock live.Clock, net func(ev liveEvents) live.Transport) *liveSession {
	s := &liveSession{addr: addr, clock: clock}
	s.rec = live.NewRecorder(live.Options{Source: trace.SourceLive, Start: start.UTC().Format("2006-01-02T15:04:05.000Z"), Keep: keep})
	// The driver is the transport's events; the transport is made for it.
	var ev forwardEvents
	s.d = live.NewDriver(clock, net(&ev), s.rec, addr.String())
	ev.d = s.d
	return s
}

// forwardEvents hands a transport's reports to the driver made after the
// transport.
type forwardEvents struct{ d *live.Driver }

func (f *forwardEvents) Opened(conn int)                    { f.d.Opened(conn) }
func (f *forwardEvents) Read(conn int, b []byte)            { f.d.Read(conn, b) }
func (f *forwardEvents) Closed(conn int, why ...trace.Note) { f.d.Closed(conn, why...) }

// index is the trace index of the step of sequence number seq, and
// whether the trace still keeps it.
func (s *liveSession) index(seq int) (int, bool) { return recordedIndex(s.rec, seq) }

// seq is the sequence number of the trace's step i.
func (s *liveSession) seq(i int) int { return recordedSeq(s.rec, i) }

// dropped is how many steps the recording no longer keeps.
func (s *liveSession) dropped() int { return recordedDropped(s.rec) }
