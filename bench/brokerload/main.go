// Command brokerload measures MQTT brokers on loopback with one load
// generator (package load): fan-out messages per second and latency from
// publish to delivery, with and without a watch page reading `mqttviz
// broker`'s watch stream, and the memory of idle connections.
//
//	brokerload run -addr 127.0.0.1:1883 -pubs 1 -subs 100 -qos 1 -duration 5s
//	brokerload compare -rounds 5 -mqttviz ../../bin/mqttviz
//	brokerload idle -conns 10000 -mqttviz ../../bin/mqttviz
//
// run loads one broker already running; compare and idle start Debian's
// mosquitto and `mqttviz broker` themselves, on free loopback ports, one
// after the other, and print markdown tables (docs/performance.md). A
// watch stream reader runs in a process of its own (brokerload watch),
// as a watch page runs in the browser's.
package main

import (
	"fmt"
	"os"
)

const usage = `Usage:
  brokerload run [flags]      load one running broker (brokerload run -h)
  brokerload compare [flags]  mosquitto beside mqttviz broker, rounds in turn
  brokerload idle [flags]     memory of idle connections, both brokers
  brokerload watch [flags]    read a watch stream until standard input closes (run and compare start it)
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runOne(os.Args[2:])
	case "compare":
		err = compare(os.Args[2:])
	case "idle":
		err = idle(os.Args[2:])
	case "watch":
		err = watchMain(os.Args[2:])
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "brokerload:", err)
		os.Exit(1)
	}
}
