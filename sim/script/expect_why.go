package script

import "mqttviz/sim/trace"

// why names what a failed expectation found instead; whys holds each in
// English and Chinese, filled by sayWhy.
type why uint8

// The reasons an expectation does not hold.
const (
	whyRetains why = iota
	whyRetainsNothing
	whyReceived
	whyReceivedCount
	whyNothingNew
	whyNoRule
	whyRules
	whyIs
	whyInflight
	whyNoneReceived
	whyNoneSent
	whyOneReceived
	whyOneSent
	whyLastReceived
	whyLastSent
	whyConnack
	whySuback
	whyNeverOpened
	whyKeepsOpen
	whyNotItself
	whySession
	whyNoSession
	whySessionQueued
	whySessionInflight
	whyNoSubscription
	whySubscriptions
	whyBrokerOneReceived
	whyBrokerNoneReceived
	whyBrokerLastReceived
	whyBrokerOneSent
	whyBrokerNoneSent
	whyBrokerLastSent
)

// whys are the reasons in both languages; %s and %d are filled by sayWhy.
var whys = map[why]trace.Text{
	whyRetains:         {EN: "the broker retains %s", ZH: "服务端保存的保留消息是 %s"},
	whyRetainsNothing:  {EN: "the broker retains nothing on %s", ZH: "服务端在 %s 上没有保留消息"},
	whyReceived:        {EN: "%s received %s", ZH: "%s 收到了 %s"},
	whyReceivedCount:   {EN: "%s received %d: %s", ZH: "%s 共收到 %d 条：%s"},
	whyNothingNew:      {EN: "%s received nothing new", ZH: "%s 没有收到新消息"},
	whyNoRule:          {EN: "no note names a rule", ZH: "没有任何说明引用规范条款"},
	whyRules:           {EN: "the notes name %s", ZH: "说明中引用的条款是 %s"},
	whyIs:              {EN: "%s is %s", ZH: "%s %s"},
	whyInflight:        {EN: "%s has %d in flight%s", ZH: "%s 有 %d 条尚未完成确认的消息%s"},
	whyNoneReceived:    {EN: "%s received no %s on its current connection", ZH: "%s 在当前连接上没有收到 %s"},
	whyNoneSent:        {EN: "%s sent no %s on its current connection", ZH: "%s 在当前连接上没有发送 %s"},
	whyOneReceived:     {EN: "%s received %s on its current connection", ZH: "%s 在当前连接上收到了 %s"},
	whyOneSent:         {EN: "%s sent %s on its current connection", ZH: "%s 在当前连接上发送了 %s"},
	whyLastReceived:    {EN: "the last %s %s received was %s", ZH: "%[2]s 最近收到的 %[1]s 是 %[3]s"},
	whyLastSent:        {EN: "the last %s %s sent was %s", ZH: "%[2]s 最近发送的 %[1]s 是 %[3]s"},
	whyConnack:         {EN: "%s received CONNACK %d session=%s", ZH: "%s 收到的是 CONNACK %d session=%s"},
	whySuback:          {EN: "%s received SUBACK %s", ZH: "%s 收到的是 SUBACK %s"},
	whyNeverOpened:     {EN: "%s never opened a connection", ZH: "%s 从未建立过网络连接"},
	whyKeepsOpen:       {EN: "%s keeps the connection open", ZH: "%s 仍保持着连接"},
	whyNotItself:       {EN: "%s did not close the connection itself: it was cut or closed by the other end", ZH: "%s 没有主动关闭连接：连接是被切断的，或是由另一端关闭的"},
	whySession:         {EN: "the broker's session %s is %s", ZH: "服务端中 %s 的会话%s"},
	whyNoSession:       {EN: "the broker holds no session %s", ZH: "服务端没有 %s 的会话"},
	whySessionQueued:   {EN: "the broker's session %s has %d queued%s", ZH: "服务端中 %s 的会话有 %d 条排队的消息%s"},
	whySessionInflight: {EN: "the broker's session %s has %d in flight%s", ZH: "服务端中 %s 的会话有 %d 条尚未完成确认的消息%s"},
	whyNoSubscription:  {EN: "the broker's session %s has no subscription", ZH: "服务端中 %s 的会话没有任何订阅"},
	whySubscriptions:   {EN: "the broker's session %s has %s", ZH: "服务端中 %s 的会话的订阅是 %s"},

	whyBrokerOneReceived:  {EN: "the broker received %[2]s from %[1]s on its current connection", ZH: "服务端在 %[1]s 的当前连接上收到了 %[2]s"},
	whyBrokerNoneReceived: {EN: "the broker received no %[2]s from %[1]s on its current connection", ZH: "服务端在 %[1]s 的当前连接上没有收到 %[2]s"},
	whyBrokerLastReceived: {EN: "the last %[1]s the broker received from %[2]s was %[3]s", ZH: "服务端最近从 %[2]s 收到的 %[1]s 是 %[3]s"},
	whyBrokerOneSent:      {EN: "the broker sent %[2]s to %[1]s on its current connection", ZH: "服务端在 %[1]s 的当前连接上发送了 %[2]s"},
	whyBrokerNoneSent:     {EN: "the broker sent no %[2]s to %[1]s on its current connection", ZH: "服务端在 %[1]s 的当前连接上没有发送 %[2]s"},
	whyBrokerLastSent:     {EN: "the last %[1]s the broker sent to %[2]s was %[3]s", ZH: "服务端最近发给 %[2]s 的 %[1]s 是 %[3]s"},
}

// sayWhy fills reason w's arguments in each language, as say does.
func sayWhy(w why, args ...any) trace.Text {
	t := whys[w]
	return trace.Text{EN: sayIn("en", t.EN, args), ZH: spaceMixed(sayIn("zh", t.ZH, args))}
}

// conditions name where a client's connection stands, for whyIs.
var conditions = map[string]trace.Text{
	"connected":    {EN: "connected", ZH: "已连接"},
	"connecting":   {EN: "connecting (its connection is open, no CONNACK 0 on it)", ZH: "正在连接（连接已打开，还没有收到 CONNACK 0）"},
	"disconnected": {EN: "disconnected", ZH: "已断开连接"},
}

// sessionConditions name where a broker's session stands, for
// whySession.
var sessionConditions = map[string]trace.Text{
	"absent":       {EN: "absent", ZH: "不存在"},
	"connected":    {EN: "connected", ZH: "在线"},
	"disconnected": {EN: "disconnected", ZH: "离线"},
}
