package ui

import "mqttviz/codec"

// docsStrings are the header's link to the documentation site.
var docsStrings = map[string]codec.Text{
	"nav.docs": {EN: "Docs", ZH: "文档"},
}
