package jsb

import "time"

// AddressDelay is how long ReplaceAddressSoon holds an address back: a
// run of steps closer together than this writes the address once.
const AddressDelay = 100 * time.Millisecond
