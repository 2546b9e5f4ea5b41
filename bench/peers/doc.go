// Package peers measures mqttviz beside two established Go MQTT
// implementations on the same workloads, in one `go test -bench` run:
// mochi-mqtt/server v2.7.9 and eclipse/paho.mqtt.golang v1.5.1 for the
// codec, mochi-mqtt/server's in-process broker and topic index for the
// simulator. It is a module of its own so that mqttviz's go.mod stays free
// of them. The results are in docs/performance.md.
package peers
