package brokeraddr

import (
	"net/url"
	"strings"

	"mqttviz/codec"
)

// CheckPage refuses what the browser would block: a ws:// broker on
// another computer from a page loaded over https:// (mixed content;
// Chrome and Firefox let a page reach ws:// on this computer). page is
// the page's own address; one that does not parse is taken as http.
func CheckPage(a Addr, page string) error {
	if a.Secure || a.Loopback() || !httpsPage(page) {
		return nil
	}
	return refuse(MixedContent,
		"this page was loaded over https://, and browsers block a ws:// connection from it to another computer (mixed content): use the broker's wss:// listener, or open the app over http://",
		"本页面通过 https:// 加载，浏览器会阻止它向其他计算机发起 ws:// 连接（混合内容）：请使用服务端的 wss:// 监听端口，或通过 http:// 打开本应用")
}

// httpsPage says whether page was loaded over https.
func httpsPage(page string) bool {
	u, err := url.Parse(page)
	return err == nil && strings.EqualFold(u.Scheme, "https")
}

// Cause is one likely reason a WebSocket to the broker failed, with a
// page that helps when there is one.
type Cause struct {
	Text codec.Text
	// Link is a page to open (the broker's certificate), or "".
	Link string
}

// FailureCauses lists what is likely wrong when the WebSocket to a
// failed before it opened: the browser reports only an error event and
// close code 1006, by design, so the page cannot tell which. The
// address was already checked against the page (CheckPage).
func FailureCauses(a Addr) []Cause {
	hp := a.hostPort()
	causes := []Cause{
		{Text: codec.Text{
			EN: "nothing answers at " + hp + ", or a firewall stops the connection: is the broker running, with a WebSocket listener on that port?",
			ZH: hp + " 没有响应，或者连接被防火墙拦截：服务端是否在运行，并在这个端口上开启了 WebSocket 监听？",
		}},
		{Text: codec.Text{
			EN: "the port is the broker's plain MQTT port (often 1883) rather than its WebSocket port, the path is not the one it serves (" + a.Path + "), or it does not accept the WebSocket subprotocol mqtt",
			ZH: "端口是服务端的普通 MQTT 端口（通常是 1883）而不是 WebSocket 端口，路径（" + a.Path + "）不是它提供的路径，或者它不接受 WebSocket 子协议 mqtt",
		}},
	}
	if a.Secure {
		causes = append(causes, Cause{Link: a.CertPage(), Text: codec.Text{
			EN: "this browser does not trust the broker's certificate (self-signed, expired, or for another name): open " + a.CertPage() + " in a new tab, accept the certificate, then connect again",
			ZH: "浏览器不信任服务端的证书（自签名、已过期或域名不符）：请在新标签页中打开 " + a.CertPage() + "，接受证书后再连接",
		}})
	}
	return causes
}
