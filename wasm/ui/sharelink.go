package ui

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"io"
	"mqttviz/wasm/i18n"
	"strings"
	"unicode/utf8"
)

// A scenario shared by a link travels in the address's fragment (after
// #), which the browser never sends to a server: no server, log or
// pre-renderer sees it, and no request line grows with it. The fragment is
// the format version, a dot, and the scenario's UTF-8 text compressed with
// raw DEFLATE (RFC 1951) and written in unpadded base64url (RFC 4648 §5):
//
//	#v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA
//
// A future format takes a new version; this one keeps opening.
const shareVersion = "v1"

// maxShareSource is the largest scenario a link may unpack to: a link is
// short, but a few bytes of DEFLATE can claim gigabytes.
const maxShareSource = 4 << 20

// shareFault says why a fragment does not open.
type shareFault int

// The reasons a fragment does not open.
const (
	// shareBroken: not this format, or damaged (cut short when copied).
	shareBroken shareFault = iota
	// shareFuture: a version this build does not know.
	shareFuture
	// shareTooLarge: unpacks to more than maxShareSource bytes.
	shareTooLarge
)

// shareError is a fragment that does not open, and why.
type shareError struct {
	fault shareFault
	// version is the fragment's version, for shareFuture.
	version string
}

func (e *shareError) Error() string {
	return "share link: " + e.message(i18n.EN)
}

// message says in lang what is wrong with the link.
func (e *shareError) message(lang string) string {
	switch e.fault {
	case shareFuture:
		return tr(lang, "scenario.share.future", e.version)
	case shareTooLarge:
		return tr(lang, "scenario.share.large", maxShareSource>>20)
	}
	return tr(lang, "scenario.share.broken")
}

// encodeShare returns the fragment (without #) that carries source.
func encodeShare(source string) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.DefaultCompression) // the level is valid: no error
	_, _ = w.Write([]byte(source))                          // a bytes.Buffer does not fail
	_ = w.Close()
	return shareVersion + "." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// decodeShare returns the scenario a fragment (without #) carries. An
// error is a *shareError.
func decodeShare(fragment string) (string, error) {
	version, data, ok := strings.Cut(fragment, ".")
	if !ok || !isShareVersion(version) {
		return "", &shareError{fault: shareBroken}
	}
	if version != shareVersion {
		return "", &shareError{fault: shareFuture, version: version}
	}
	packed, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil {
		return "", &shareError{fault: shareBroken}
	}
	r := flate.NewReader(bytes.NewReader(packed))
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxShareSource+1))
	switch {
	case err != nil:
		return "", &shareError{fault: shareBroken}
	case len(b) > maxShareSource:
		return "", &shareError{fault: shareTooLarge}
	case !utf8.Valid(b):
		return "", &shareError{fault: shareBroken}
	}
	return string(b), nil
}

// isShareVersion reports whether s reads as a format version: v and
// digits.
func isShareVersion(s string) bool {
	if len(s) < 2 || len(s) > 6 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// escapeStrayPercent writes each % of s that does not start an escape
// (two hex digits) as %25, so that Go's url.Parse reads the address: a link
// cut short or mistyped can end in one.
func escapeStrayPercent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
