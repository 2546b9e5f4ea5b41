package ui

import (
	"fmt"

	"mqttviz/codec"
)

// Languages the app speaks, in the order the switch shows them.
const (
	langEN = "en"
	langZH = "zh"
)

// catalogue holds every string of the user interface in English and
// Simplified Chinese. Explanations of packets and decisions come from the
// codec and the simulator, which carry both languages themselves.
var catalogue = map[string]codec.Text{
	"brand.tagline":       {EN: "MQTT 3.1.1, made visible", ZH: "看得见的 MQTT 3.1.1"},
	"nav.lessons":         {EN: "Lessons", ZH: "课程"},
	"nav.decode":          {EN: "Decode bytes", ZH: "十六进制解析"},
	"nav.main":            {EN: "Main", ZH: "主导航"},
	"lang.label":          {EN: "Language", ZH: "语言"},
	"loading":             {EN: "Loading…", ZH: "加载中…"},
	"picker.title":        {EN: "Lessons", ZH: "课程列表"},
	"picker.intro":        {EN: "Pick a lesson: simulated clients and a broker exchange real MQTT 3.1.1 packets, step by step, every byte explained.", ZH: "选择一节课程：模拟的客户端与服务端（Broker）逐步交换真实的 MQTT 3.1.1 报文，每个字节都有讲解。"},
	"picker.none":         {EN: "No lessons are built in yet.", ZH: "暂无内置课程。"},
	"lesson.notfound":     {EN: "There is no lesson named %s.", ZH: "没有名为 %s 的课程。"},
	"lesson.expect":       {EN: "Expectations", ZH: "预期结果"},
	"lesson.failed":       {EN: "%d did not hold", ZH: "%d 条未满足"},
	"player.label":        {EN: "Player", ZH: "播放控制"},
	"player.start":        {EN: "To start", ZH: "回到开头"},
	"player.back":         {EN: "Step back", ZH: "后退一步"},
	"player.play":         {EN: "Play", ZH: "播放"},
	"player.pause":        {EN: "Pause", ZH: "暂停"},
	"player.forward":      {EN: "Step forward", ZH: "前进一步"},
	"player.end":          {EN: "To end", ZH: "跳到结尾"},
	"player.speed":        {EN: "Speed", ZH: "速度"},
	"player.position":     {EN: "Step %d of %d", ZH: "第 %d 步，共 %d 步"},
	"player.keys":         {EN: "Keys: space play/pause, ← → step, Home/End", ZH: "快捷键：空格 播放/暂停，← → 单步，Home/End 首尾"},
	"diagram.title":       {EN: "Sequence diagram", ZH: "时序图"},
	"diagram.empty":       {EN: "This trace has no steps.", ZH: "此轨迹没有任何步骤。"},
	"legend.title":        {EN: "Legend", ZH: "图例"},
	"flow.connect":        {EN: "connect", ZH: "连接"},
	"flow.publish":        {EN: "publish", ZH: "发布"},
	"flow.ack":            {EN: "acknowledge", ZH: "确认"},
	"flow.subscribe":      {EN: "subscribe", ZH: "订阅"},
	"flow.ping":           {EN: "ping", ZH: "心跳"},
	"kind.connect":        {EN: "network connection opened", ZH: "建立网络连接"},
	"kind.close":          {EN: "connection closed", ZH: "连接关闭"},
	"kind.fault":          {EN: "link fault", ZH: "链路故障"},
	"kind.timer":          {EN: "timer", ZH: "定时器"},
	"kind.note":           {EN: "note", ZH: "说明"},
	"outcome.delivered":   {EN: "delivered", ZH: "已送达"},
	"outcome.dropped":     {EN: "dropped", ZH: "被丢弃"},
	"outcome.refused":     {EN: "refused", ZH: "被拒绝"},
	"outcome.lost":        {EN: "lost with the connection", ZH: "随连接丢失"},
	"inspector.title":     {EN: "Packet inspector", ZH: "报文解析"},
	"inspector.none":      {EN: "This step carries no packet.", ZH: "这一步没有报文。"},
	"inspector.bytes":     {EN: "Bytes", ZH: "字节"},
	"inspector.fields":    {EN: "Fields", ZH: "字段"},
	"inspector.edit":      {EN: "Edit these bytes in Decode bytes →", ZH: "在十六进制解析中修改这些字节 →"},
	"inspector.fault":     {EN: "Malformed packet", ZH: "畸形报文"},
	"inspector.offset":    {EN: "at byte %d", ZH: "位于第 %d 字节"},
	"inspector.bits":      {EN: "bits", ZH: "位"},
	"inspector.bytes.col": {EN: "bytes", ZH: "字节"},
	"inspector.byte":      {EN: "byte %s", ZH: "第 %s 字节"},
	"inspector.more":      {EN: "… and %d more bytes, not drawn", ZH: "……其余 %d 个字节未画出"},
	"section.fixed":       {EN: "fixed header", ZH: "固定报头"},
	"section.variable":    {EN: "variable header", ZH: "可变报头"},
	"section.payload":     {EN: "payload", ZH: "有效载荷"},
	"state.title":         {EN: "State after this step", ZH: "本步之后的状态"},
	"state.session":       {EN: "Session of %s", ZH: "%s 的会话"},
	"state.connected":     {EN: "connected", ZH: "在线"},
	"state.offline":       {EN: "offline", ZH: "离线"},
	"state.clean":         {EN: "clean session", ZH: "清理会话"},
	"state.persistent":    {EN: "persistent session", ZH: "持久会话"},
	"state.keepalive":     {EN: "keepalive %d s", ZH: "保持连接 %d 秒"},
	"state.subscriptions": {EN: "Subscriptions", ZH: "订阅"},
	"state.inflight":      {EN: "In flight", ZH: "尚未完成确认的消息"},
	"state.queued":        {EN: "Queued", ZH: "排队消息"},
	"state.will":          {EN: "Will", ZH: "遗嘱"},
	"state.retained":      {EN: "Retained messages", ZH: "保留消息"},
	"state.none":          {EN: "none", ZH: "无"},
	"state.retain":        {EN: "retain", ZH: "保留"},
	"sep.colon":           {EN: ": ", ZH: "："},
	"sep.list":            {EN: ", ", ZH: "，"},
	"state.nostate":       {EN: "No state was recorded for this step.", ZH: "这一步没有记录状态。"},
	"state.changed":       {EN: "changed in this step", ZH: "本步有变化"},
	"state.removed":       {EN: "removed in this step", ZH: "本步被移除"},
	"state.in":            {EN: "in", ZH: "收"},
	"state.out":           {EN: "out", ZH: "发"},
	"events.title":        {EN: "Events", ZH: "事件列表"},
	"events.client":       {EN: "Client", ZH: "客户端"},
	"events.packet":       {EN: "Packet", ZH: "报文类型"},
	"events.all":          {EN: "all", ZH: "全部"},
	"events.time":         {EN: "Time", ZH: "时间"},
	"events.fromto":       {EN: "From → to", ZH: "方向"},
	"events.what":         {EN: "What", ZH: "内容"},
	"events.outcome":      {EN: "Outcome", ZH: "结果"},
	"events.none":         {EN: "No step matches the filter.", ZH: "没有符合筛选条件的步骤。"},
	"decode.title":        {EN: "Decode bytes", ZH: "十六进制报文解析"},
	"decode.intro":        {EN: "Paste the bytes of one MQTT 3.1.1 packet in hex (spaces, commas and 0x are fine). The inspector shows every field, or where and why the packet is malformed.", ZH: "粘贴一个 MQTT 3.1.1 报文的十六进制字节（可带空格、逗号或 0x 前缀）。下方会逐个字段讲解；如果报文有误，会指出出错的位置和违反的规则。"},
	"decode.input":        {EN: "Packet bytes in hex", ZH: "十六进制报文字节"},
	"decode.examples":     {EN: "Examples from a tutorial:", ZH: "教程中的例子："},
	"decode.badhex":       {EN: "That is not hex: %s", ZH: "这不是合法的十六进制：%s"},
	"decode.empty":        {EN: "Type or paste some bytes above.", ZH: "请在上方输入或粘贴字节。"},
	"nav.scenario":        {EN: "Write a scenario", ZH: "编写场景"},
	"scenario.title":      {EN: "Write a scenario", ZH: "编写场景"},
	"scenario.intro":      {EN: "One action per line, as in docs/lessons.md: clients, connect, subscribe, publish, drop, cut, wait, expect. Run it and watch the trace.", ZH: "每行一个动作，语法见 docs/lessons.md：client、connect、subscribe、publish、drop、cut、wait、expect。运行后即可逐步查看报文交互。"},
	"scenario.input":      {EN: "Scenario", ZH: "场景脚本"},
	"scenario.run":        {EN: "Run", ZH: "运行"},
	"scenario.parse":      {EN: "line %d, col %d: %s", ZH: "第 %d 行第 %d 列：%s"},
	"time.ms":             {EN: "%d ms", ZH: "%d 毫秒"},
}

// tr returns the catalogue string key in lang, formatted with args when
// there are any. An unknown key returns the key itself so that a missing
// entry is visible on the page and caught by the catalogue test.
func tr(lang, key string, args ...any) string {
	t, ok := catalogue[key]
	if !ok {
		return key
	}
	s := t.In(lang)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// normLang returns lang when the app speaks it and English otherwise.
func normLang(lang string) string {
	if lang == langZH {
		return langZH
	}
	return langEN
}
