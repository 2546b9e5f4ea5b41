// Package paho tests `mqttviz broker` with a real client library,
// eclipse/paho.mqtt.golang v1.5.1, over TCP and over WebSocket: QoS 0, 1
// and 2 on both legs, retained messages, wills, persistent sessions,
// keepalive expiry, takeover, and raw sockets sending malformed bytes
// and the tutorial's short PUBLISH. The tests run the command itself
// (built from the repository, or $MQTTVIZ) on free loopback ports. It is
// a module of its own so that mqttviz's go.mod stays free of paho; `make
// test` runs it (make test-paho).
package paho
