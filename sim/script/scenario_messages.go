package script

import (
	"fmt"
	"mqttviz/sim/trace"
	"strings"
	"unicode"
)

// msg names a message of the scenario language: a parse error, a run
// error or a phrase inside one. messages holds each in English and
// Chinese; say fills in its arguments.
type msg uint8

// The messages. Phrases (what was expected) come first, then whole
// sentences.
const (
	wantKeyword msg = iota
	wantClientName
	wantNewClientName
	wantClientNameNotWord
	wantClientNameChars
	wantExpectSubject
	wantTopicFilter
	wantTopicFilterHash
	wantTopicName
	wantPayload
	wantWillTopic
	wantWillMessage
	wantHex
	wantNumber
	wantReturnCode
	wantPacketType
	wantDropWhat
	wantDuration
	wantDurationOrUpDown
	wantDurationShort
	wantOption
	wantOptionOrEnd
	wantEndOfLine
	wantTextLine
	wantSpaceAfterQuote
	wantString
	wantQuotedValue
	wantValue
	wantCount
	wantPacketID
	wantSeconds
	wantClientIDList
	wantUsers
	wantFilterList
	wantRuleID
	wantIDOrName
	wantTimes
	wantNodeName
	wantPacketName

	msgExpected
	msgExpectedEnd
	msgDeclareFirst
	msgDeclaredBefore
	msgOptionTwice
	msgBrokerFirst
	msgOneTitle
	msgTextAfter
	msgBothUpDown
	msgClosingQuote
	msgBadTopic
	msgRepeatOpen
	msgRepeatClose
	msgRepeatNested
	msgRepeatTooMany
	msgRunRefused
	msgNoPacketID
	msgRepeatClient

	// What a run against a real broker cannot do or see.
	insideRawBroker
	insideRestart
	insideDropRate
	insideLatency
	insideCopy
	insideResend
	insideHoldBroker
	msgChangeRefused
	msgLiveRefused
	msgLiveBrokerLine
	whyUnobservable
	whyUnobservableRule
)

// messages are the scenario language's messages; %s and %d are filled by
// say.
var messages = map[msg]trace.Text{
	wantKeyword: {
		EN: "a keyword (%s)",
		ZH: "关键字（%s）",
	},
	wantClientName:        {EN: "a client name%s", ZH: "客户端名称%s"},
	wantNewClientName:     {EN: "a new client name", ZH: "新的客户端名称"},
	wantClientNameNotWord: {EN: "a client name other than %s (a word of the language)", ZH: "除 %s 以外的客户端名称（它是场景语言的关键字）"},
	wantClientNameChars:   {EN: "a client name (a letter, then letters, digits, - or _)", ZH: "客户端名称（以字母开头，后面可以是字母、数字、- 或 _）"},
	wantExpectSubject:     {EN: "what to expect: a client name, no, retained, broker or rule", ZH: "预期的对象：客户端名称、no、retained、broker 或 rule"},
	wantTopicFilter:       {EN: "a topic filter", ZH: "主题过滤器"},
	wantTopicFilterHash:   {EN: "a topic filter (write the filter # as \"#\": a lone # starts a comment)", ZH: "主题过滤器（过滤器 # 要写成 \"#\"：单独的 # 表示注释开始）"},
	wantTopicName:         {EN: "a topic name", ZH: "主题名"},
	wantPayload:           {EN: "the payload, such as \"hello\" or \"\"", ZH: "有效载荷，如 \"hello\" 或 \"\""},
	wantWillTopic:         {EN: "the will topic, or none", ZH: "遗嘱主题，或 none"},
	wantWillMessage:       {EN: "the will message, such as \"offline\"", ZH: "遗嘱消息，如 \"offline\""},
	wantHex:               {EN: "hex bytes such as 30 0b 00 04", ZH: "十六进制字节，如 30 0b 00 04"},
	wantNumber:            {EN: "a number", ZH: "一个数字"},
	wantReturnCode:        {EN: "a return code 0-5", ZH: "返回码 0-5"},
	wantPacketType:        {EN: "a packet type (PUBLISH, PUBACK, ... or packet for any)", ZH: "报文类型（PUBLISH、PUBACK……，packet 表示任意类型）"},
	wantDropWhat:          {EN: "next or a percentage such as 30%", ZH: "next 或百分比，如 30%"},
	wantDuration:          {EN: "a duration such as 90s or 500ms", ZH: "时长，如 90s 或 500ms"},
	wantDurationOrUpDown:  {EN: "a duration such as 20ms, or up= and down=", ZH: "时长（如 20ms），或 up= 和 down="},
	wantDurationShort:     {EN: "%s a duration such as %s", ZH: "%s时长，如 %s"},
	wantOption:            {EN: "option %s or end of line", ZH: "选项 %s 或行尾"},
	wantOptionOrEnd:       {EN: "an option (%s) or end of line", ZH: "选项（%s）或行尾"},
	wantEndOfLine:         {EN: "end of line", ZH: "行尾"},
	wantTextLine:          {EN: "en: or zh: and the text", ZH: "en: 或 zh: 加上文字"},
	wantSpaceAfterQuote:   {EN: "a space after the closing quote", ZH: "右引号后的空格"},
	wantString:            {EN: "a string such as \"hello\" (escapes as in Go)", ZH: "字符串，如 \"hello\"（转义写法与 Go 相同）"},
	wantQuotedValue:       {EN: "a value such as key=\"some text\" (escapes as in Go)", ZH: "值，如 key=\"some text\"（转义写法与 Go 相同）"},
	wantValue:             {EN: "a value", ZH: "一个值"},
	wantCount:             {EN: "%s=a count %d-%d", ZH: "%s=次数 %d-%d"},
	wantPacketID:          {EN: "%s=a packet id 1-65535", ZH: "%s=报文标识符 1-65535"},
	wantSeconds:           {EN: "%s=seconds 0-65535", ZH: "%s=秒数 0-65535"},
	wantClientIDList:      {EN: "%s=clientid,clientid", ZH: "%s=客户端标识符,客户端标识符"},
	wantUsers:             {EN: "users=name:password,name:password", ZH: "users=用户名:密码,用户名:密码"},
	wantFilterList:        {EN: "deny=filter,filter", ZH: "deny=过滤器,过滤器"},
	wantRuleID:            {EN: "a rule such as MQTT-3.1.0-2", ZH: "规范条款，如 MQTT-3.1.0-2"},
	wantIDOrName:          {EN: "a client name or client id", ZH: "客户端名称或客户端标识符"},
	wantTimes:             {EN: "a number of times 1-%d", ZH: "重复次数 1-%d"},
	wantNodeName:          {EN: "broker or a client name%s", ZH: "broker 或客户端名称%s"},
	wantPacketName:        {EN: "a packet type such as CONNACK, PUBACK or PINGRESP", ZH: "报文类型，如 CONNACK、PUBACK 或 PINGRESP"},

	msgExpected:       {EN: "expected %s, found %s", ZH: "这里应为%s，实际是 %s"},
	msgExpectedEnd:    {EN: "expected %s, found end of line", ZH: "这里应为%s，但这一行已经结束"},
	msgDeclareFirst:   {EN: "expected %s, found %s (declare it first with: client %s)", ZH: "这里应为%s，实际是 %s（请先用 client %s 声明它）"},
	msgDeclaredBefore: {EN: "expected a new client name, found %s (declared before)", ZH: "这里应为新的客户端名称，但 %s 前面已经声明过"},
	msgOptionTwice:    {EN: "expected each option once, found %s= again", ZH: "每个选项只能写一次，%s= 又出现了"},
	msgBrokerFirst:    {EN: "expected the broker line before the first client or action, found it after", ZH: "broker 行必须写在第一个客户端和动作之前，这里却写在了后面"},
	msgOneTitle:       {EN: "expected one title %s: line, found a second", ZH: "title %s: 只能写一行，这里是第二行"},
	msgTextAfter:      {EN: "expected the text after %s:, found end of line", ZH: "%s: 后面应有文字，但这一行已经结束"},
	msgBothUpDown:     {EN: "expected both up= and down=, found one", ZH: "up= 和 down= 要同时给出，这里只有一个"},
	msgClosingQuote:   {EN: "expected a closing \" before the end of the line", ZH: "这一行结束前缺少右引号 \""},
	msgBadTopic:       {EN: "%s cannot be %s: %s (%s)", ZH: "%s 不能作为%s：%s（%s）"},
	msgRepeatOpen:     {EN: "expected end before the end of the file, found none (repeat on line %d is still open)", ZH: "文件结束前缺少 end（第 %d 行的 repeat 还没有结束）"},
	msgRepeatClose:    {EN: "expected a repeat line before this end, found none", ZH: "这个 end 前面没有对应的 repeat"},
	msgRepeatNested:   {EN: "expected end of the repeat of line %d before another repeat, found repeat", ZH: "第 %d 行的 repeat 结束（end）之前不能再写 repeat"},
	msgRepeatTooMany:  {EN: "expected at most %d statements in all after repeating, found %d", ZH: "展开重复后最多 %d 条语句，这里有 %d 条"},
	msgRunRefused:     {EN: "%s", ZH: "%s"},
	msgRepeatClient:   {EN: "expected end of the repeat of line %d before a client line, found client (a client is declared once)", ZH: "第 %d 行的 repeat 结束（end）之前不能写 client（客户端只能声明一次）"},
	msgNoPacketID:     {EN: "expected end of line, found %[2]s: %[1]s has no packet identifier", ZH: "这里应为行尾，实际是 %[2]s：%[1]s 报文没有报文标识符"},

	insideRawBroker:     {EN: "raw broker makes the simulated broker write bytes; a real broker cannot be told to", ZH: "raw broker 让模拟服务端写出指定字节，真实服务端无法这样指挥"},
	insideRestart:       {EN: "restart broker restarts the simulated broker; a real broker is not ours to restart", ZH: "restart broker 重启的是模拟服务端，真实服务端不能由场景重启"},
	insideDropRate:      {EN: "drop N% draws from the simulator's seeded random source; a live run drops only the next matching packet (drop next)", ZH: "drop N% 依赖模拟器的随机数种子；对真实服务端只能用 drop next 丢弃下一个匹配的报文"},
	insideLatency:       {EN: "latency sets the simulated link's delay; a real network has its own", ZH: "latency 设置的是模拟链路的延迟，真实网络的延迟由网络本身决定"},
	insideHoldBroker:    {EN: "hold broker and release broker make the simulated broker hold back its acknowledgements; a real broker answers when it answers", ZH: "hold broker 和 release broker 让模拟服务端暂扣它的确认报文，真实服务端何时应答由它自己决定"},
	insideCopy:          {EN: "duplicate next and resend next change what the simulated link carries; a real network carries what it carries", ZH: "duplicate next 和 resend next 改变的是模拟链路传送的内容，真实网络不受它控制"},
	msgChangeRefused:    {EN: "this change does not apply to this step's packet", ZH: "这个修改不适用于这一步的报文"},
	insideResend:        {EN: "resend CLIENT makes the simulated client send again at once; a live client resends on its own timer", ZH: "resend 客户端 让模拟客户端立即重发；真实连接上的客户端按自己的定时器重发"},
	msgLiveRefused:      {EN: "line %d cannot run against a real broker: %s", ZH: "第 %d 行无法对真实服务端运行：%s"},
	msgLiveBrokerLine:   {EN: "line %d sets the simulated broker's options; they are skipped here: the real broker makes its own choices", ZH: "第 %d 行设置的是模拟服务端的选项，这里跳过：真实服务端有它自己的设置"},
	whyUnobservable:     {EN: "not observable on a real broker: this reads the broker's own state, which only the simulated broker shows", ZH: "在真实服务端上无法观察：它读取的是服务端内部的状态，只有模拟服务端才能看到"},
	whyUnobservableRule: {EN: "not observable on a real broker: no client's note names this rule, and the broker's reasons cannot be seen", ZH: "在真实服务端上无法观察：没有客户端的说明引用这条规范条款，而服务端的判断过程看不到"},
}

// say fills message m's arguments in each language: a Text argument is
// taken in that language, anything else as fmt writes it.
func say(m msg, args ...any) trace.Text {
	t := messages[m]
	return trace.Text{EN: sayIn("en", t.EN, args), ZH: spaceMixed(sayIn("zh", t.ZH, args))}
}

// spaceMixed puts a space between Chinese characters and the Latin
// letters or digits beside them, as Chinese technical writing does:
// "应为 qos=0|1|2", "第 3 行".
func spaceMixed(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		if prev != 0 && (unicode.Is(unicode.Han, prev) && isLatin(r) || isLatin(prev) && unicode.Is(unicode.Han, r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isLatin reports an ASCII letter or digit.
func isLatin(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func sayIn(lang, format string, args []any) string {
	in := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(trace.Text); ok {
			a = t.In(lang)
		}
		in[i] = a
	}
	return fmt.Sprintf(format, in...)
}

// same is a phrase written alike in both languages: a word of the
// scenario language such as qos=0|1|2.
func same(s string) trace.Text { return trace.Text{EN: s, ZH: s} }

// oneOf lists the words a parser accepts at a place: "to or from",
// "to 或 from"; "a, b or c", "a、b 或 c".
func oneOf(words ...string) trace.Text {
	if len(words) == 1 {
		return same(words[0])
	}
	last := words[len(words)-1]
	head := words[:len(words)-1]
	return trace.Text{
		EN: strings.Join(head, " or ") + " or " + last,
		ZH: strings.Join(head, "、") + " 或 " + last,
	}
}
