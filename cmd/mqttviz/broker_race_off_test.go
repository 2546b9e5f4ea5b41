//go:build !race

package main

// raceEnabled says the race detector is on (broker_race_on_test.go).
const raceEnabled = false
