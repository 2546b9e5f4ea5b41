package jsb

// ParentMessage is the part of a message from the window that embeds
// this page that an embed reads: the fields it knows, each only when it
// has the type the embed's messages give it (docs/embed.md). A message
// that is not a plain object, or that comes from any other window, never
// becomes one.
type ParentMessage struct {
	// Type is the message's "type", "" unless a string.
	Type string
	// V is its "v", the version; HasV says it is a number.
	V    float64
	HasV bool
	// Step is its "step"; HasStep says it is a number.
	Step    float64
	HasStep bool
	// Lang is its "lang", "" unless a string.
	Lang string
}
