package brokeraddr

import (
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// DefaultPath is the path of an address that gives none: the one
// mosquitto's examples, EMQX and HiveMQ use for MQTT over WebSocket.
const DefaultPath = "/mqtt"

// Addr is a broker's WebSocket address that Parse accepted.
type Addr struct {
	// Secure is set for wss://.
	Secure bool
	// Host is the host name or IP address, an IPv6 one without brackets.
	Host string
	// Port is the port given, 0 for the scheme's own (80, 443).
	Port int
	// Path is the path with its query, DefaultPath when none was given.
	Path string
}

// Parse checks raw, a broker's WebSocket address as a user typed it or
// a link's ?broker= gave it, and returns it or an *Error that says what
// is wrong.
func Parse(raw string) (Addr, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Addr{}, refuse(Empty,
			"enter the broker's WebSocket address, for example ws://127.0.0.1:8080/mqtt",
			"请输入服务端的 WebSocket 地址，例如 ws://127.0.0.1:8080/mqtt")
	}
	scheme, _, found := strings.Cut(raw, "://")
	if !found {
		return Addr{}, refuse(BadScheme,
			"the address must start with ws:// or wss://, for example ws://127.0.0.1:8080/mqtt",
			"地址必须以 ws:// 或 wss:// 开头，例如 ws://127.0.0.1:8080/mqtt")
	}
	if err := checkScheme(strings.ToLower(scheme)); err != nil {
		return Addr{}, err
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return Addr{}, refuse(BadSyntax,
			"this is not a valid address: check the host, the port and the path",
			"这不是有效的地址：请检查主机、端口和路径")
	}
	if u.User != nil {
		return Addr{}, refuse(Credentials,
			"the address holds a user name or password (user:pass@), which would show in links and saved traces: enter them in the client's CONNECT options instead",
			"地址中包含用户名或密码（user:pass@），它们会出现在链接和保存的记录里：请改在客户端的 CONNECT 选项中填写")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return Addr{}, refuse(Fragment,
			"a WebSocket address cannot hold a fragment (#…): remove it",
			"WebSocket 地址不能包含片段（#…）：请删去")
	}
	a := Addr{Secure: u.Scheme == "wss", Host: u.Hostname(), Path: u.EscapedPath()}
	if a.Host == "" {
		return Addr{}, refuse(NoHost,
			"the address names no host: write the broker's name or IP address after ws://",
			"地址中缺少主机：请在 ws:// 后面写上服务端的主机名或 IP 地址")
	}
	if strings.Contains(a.Host, ":") && !ipv6(u.Host, a.Host) {
		return Addr{}, refuse(BadSyntax,
			"this is not a valid address: an IPv6 address goes in brackets, as ws://[::1]:8080/mqtt",
			"这不是有效的地址：IPv6 地址要写在方括号里，例如 ws://[::1]:8080/mqtt")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Addr{}, refuse(BadPort,
				"the port must be a number from 1 to 65535",
				"端口必须是 1 到 65535 之间的数字")
		}
		a.Port = n
	}
	if a.Path == "" {
		a.Path = DefaultPath
	}
	if u.RawQuery != "" {
		a.Path += "?" + u.RawQuery
	}
	return a, nil
}

// ipv6 says whether host, an URL's host part whose name holds a colon,
// is an IPv6 address in brackets with no zone.
func ipv6(hostPort, host string) bool {
	ip, err := netip.ParseAddr(host)
	return strings.HasPrefix(hostPort, "[") && err == nil && ip.Is6() && ip.Zone() == ""
}

// checkScheme refuses every scheme but ws and wss, with a hint for the
// ones a user is likely to try.
func checkScheme(scheme string) error {
	switch scheme {
	case "ws", "wss":
		return nil
	case "http", "https":
		return refuse(BadScheme,
			scheme+":// is a web page's address: a broker's WebSocket address starts with ws:// (wss:// where the broker uses TLS)",
			scheme+":// 是网页的地址：服务端的 WebSocket 地址以 ws:// 开头（服务端使用 TLS 时为 wss://）")
	case "mqtt", "mqtts", "tcp", "ssl", "tls":
		return refuse(BadScheme,
			"a browser cannot open a plain TCP connection ("+scheme+"://): connect to the broker's WebSocket listener with ws:// or wss://",
			"浏览器无法直接建立 TCP 连接（"+scheme+"://）：请连接服务端的 WebSocket 监听端口，使用 ws:// 或 wss://")
	}
	return refuse(BadScheme,
		"only ws:// and wss:// addresses reach a broker from a browser",
		"浏览器只能通过 ws:// 或 wss:// 地址连接服务端")
}

// String is the address as the browser dials it.
func (a Addr) String() string {
	scheme := "ws://"
	if a.Secure {
		scheme = "wss://"
	}
	return scheme + a.hostPort() + a.Path
}

// hostPort is the host with the port when one was given, an IPv6
// address in brackets.
func (a Addr) hostPort() string {
	if a.Port == 0 {
		if strings.Contains(a.Host, ":") {
			return "[" + a.Host + "]"
		}
		return a.Host
	}
	return net.JoinHostPort(a.Host, strconv.Itoa(a.Port))
}

// CertPage is the https:// page of a wss:// broker's host and port: a
// browser that does not trust the broker's certificate refuses the
// WebSocket silently, and opening this page lets the user see the
// certificate and accept it. It is "" for ws://.
func (a Addr) CertPage() string {
	if !a.Secure {
		return ""
	}
	return "https://" + a.hostPort() + "/"
}

// Loopback says whether the address is this computer's: localhost, a
// name under .localhost, 127.0.0.0/8 or ::1. Browsers treat these as
// secure, so a ws:// broker there is reachable from an https:// page.
func (a Addr) Loopback() bool {
	h := strings.TrimSuffix(strings.ToLower(a.Host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.Unmap().IsLoopback()
}
