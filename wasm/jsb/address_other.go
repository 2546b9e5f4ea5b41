//go:build !(js && wasm)

package jsb

// ReplaceAddress does nothing outside a browser: there is no address bar.
func ReplaceAddress(string) {}

// ReplaceAddressSoon does nothing outside a browser: there is no address
// bar.
func ReplaceAddressSoon(func() string) {}

// AddressPath is "" outside a browser: there is no address.
func AddressPath() string { return "" }
