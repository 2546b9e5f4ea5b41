// Package docs holds the user documentation, the Markdown files of this
// folder, embedded so that `mqttviz static` and `mqttviz serve` write
// them as pages of the site (internal/docsite). It holds no code.
package docs

import "embed"

// Files are the Markdown files and the screenshots the pages show. A
// picture a page shows must be listed here: the site shows its
// description instead, and internal/docsite's tests fail until it is.
//
//go:embed *.md
//go:embed screenshots/lesson.png screenshots/lesson-zh.png
//go:embed screenshots/decode.png screenshots/decode-zh.png
//go:embed screenshots/scenario-wide-en.png screenshots/scenario-error-zh.png
var Files embed.FS
