// Package simtest holds what the tests of sim, sim/trace, sim/script and
// sim/lessons share: the -update flag for golden files, a line diff, and
// an independent reader of the pcapng captures sim/trace writes (its own
// constants, taken from the pcapng and TCP specifications, so that a
// wrong constant in the writer is caught rather than shared).
package simtest
