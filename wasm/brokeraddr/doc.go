// Package brokeraddr checks the address of a real broker's WebSocket
// listener before the browser dials it: only ws:// and wss://, a host,
// an optional port, a path (/mqtt when none is given), no user name or
// password in the address, and no ws:// broker from an https:// page
// except on this computer, which browsers block as mixed content. When
// a connection fails anyway (a browser says only "error" and close code
// 1006), FailureCauses lists what is likely and what the user can do.
//
// Every message comes in English and Chinese (codec.Text). The package is
// pure Go, with no JavaScript, so that it runs in the browser and in
// native tests alike; it imports codec and the standard library only.
package brokeraddr
