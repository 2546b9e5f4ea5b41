package sim

// The faults of a client's link. Each is an engine event, recorded as a
// fault step on the client's lifeline, and lasts across the client's
// connections until Restore.

// DropNext drops the next packet on the client's link that matches m,
// once. Rules queue: two calls drop two packets.
func (w *World) DropNext(name string, m DropMatch) error {
	return w.fault(name, fault{kind: faultDrop, match: m})
}

// DropRate drops every packet on the client's link with probability p (0
// turns it off), drawn from the world's seeded random source.
func (w *World) DropRate(name string, p float64) error {
	return w.fault(name, fault{kind: faultDropRate, rate: p})
}

// Cut closes the client's latest connection at both ends now, whichever
// are still open: both sides see it close, packets on the wire are lost.
func (w *World) Cut(name string) error { return w.fault(name, fault{kind: faultCut}) }

// Silence makes the client's link half-open: from now on nothing arrives
// in either direction and neither end is told. Keepalive is what finds
// out.
func (w *World) Silence(name string) error { return w.fault(name, fault{kind: faultSilence}) }

// Restore ends silence, drop rules and the drop rate on the client's link.
func (w *World) Restore(name string) error { return w.fault(name, fault{kind: faultRestore}) }

// SetLatency sets the one-way latency of the client's link up (client to
// broker) and down, in virtual milliseconds; negative values count as 0.
func (w *World) SetLatency(name string, up, down int64) error {
	return w.fault(name, fault{kind: faultLatency, up: up, down: down})
}

// fault applies f to the named client's link.
func (w *World) fault(name string, f fault) error {
	p, err := w.client(name)
	if err != nil {
		return err
	}
	w.eng.fault(p, f)
	return nil
}
