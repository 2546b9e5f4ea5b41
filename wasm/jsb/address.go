package jsb

import "time"

// AddressDelay is how long ReplaceAddressSoon holds an address back
// after the last call of a run: steps closer together than this write
// the address once, when they pause.
const AddressDelay = 100 * time.Millisecond

// AddressMaxDelay bounds the hold: a run of steps that does not pause
// (a key held down for seconds) still writes the address this often.
const AddressMaxDelay = time.Second

// addressDue is how long after now the held-back address is to be
// written, for a run that began at first with its last call at last: 0
// when it is due.
func addressDue(first, last, now time.Time) time.Duration {
	return max(0, min(last.Sub(now)+AddressDelay, first.Sub(now)+AddressMaxDelay))
}
