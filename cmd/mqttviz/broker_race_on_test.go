//go:build race

package main

// raceEnabled says the race detector is on: its instrumented frames are
// larger, so TestBrokerIdleReaderStack's 2 KiB does not hold.
const raceEnabled = true
