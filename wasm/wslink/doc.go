// Package wslink connects sim/live's Driver to a real broker from the
// browser: a Transport that gives each live connection its own WebSocket
// (wasm/jsb) to one broker address (checked by wasm/brokeraddr), and a
// Clock on the page's clock and timers.
//
// The driver is not safe for concurrent use, and a WebSocket's events
// and the timers come on goroutines of their own: both hand every report
// to the driver through a Post function the caller gives, which runs it
// on the driver's loop. In the app that is go-app's UI goroutine:
//
//	post := func(f func()) { ctx.Dispatch(func(app.Context) { f() }) }
//	net := wslink.New(addr, post)
//	d := live.NewDriver(wslink.NewClock(post), net, rec, addr.String())
//	net.Report(d)
//
// Frames and packets need not line up (MQTT-6.0.0-2): the transport
// hands the driver each binary frame's bytes as one read, and the
// driver's recorder cuts them into packets. A text frame breaks
// MQTT-6.0.0-1 and ends the connection.
package wslink
