// MQTT.js (the client of MQTTX and of most browser dashboards), speaking
// MQTT 3.1.1, against `mqttviz broker`: usage `node interop.cjs TCP_URL
// WS_URL`, for example mqtt://127.0.0.1:1883 ws://127.0.0.1:8083/mqtt.
// Every check runs with the publisher and the subscriber on each pair of
// transports (TCP→TCP, TCP→WebSocket, WebSocket→TCP, WebSocket→WebSocket).
// It prints one line a check and exits 1 at the first that fails, saying
// what came and what was wanted.
"use strict";
const mqtt = require("mqtt");

const [tcpURL, wsURL] = process.argv.slice(2);
if (!tcpURL || !wsURL) {
  console.error("usage: node interop.cjs TCP_URL WS_URL");
  process.exit(2);
}
const wait = 5000;

// connect opens a client that never reconnects by itself and resolves
// with it, its CONNACK and its inbox once connected. The inbox is there
// from the start: a persistent session's queued messages can come in the
// same read as the CONNACK.
function connect(url, opts) {
  const c = mqtt.connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: wait, ...opts });
  const box = inbox(c);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${opts.clientId}: no CONNACK from ${url} within ${wait} ms`)), wait);
    c.once("connect", (connack) => { clearTimeout(t); resolve({ c, connack, box }); });
    c.once("error", (e) => { clearTimeout(t); reject(new Error(`${opts.clientId}: ${e.message}`)); });
  });
}

// inbox collects what a client receives and waits for n messages.
function inbox(c) {
  const got = [];
  const waiters = [];
  c.on("message", (topic, payload, packet) => {
    got.push({ topic, payload: payload.toString(), qos: packet.qos, retain: packet.retain });
    for (const w of waiters.splice(0)) w();
  });
  return {
    got,
    async want(n, what) {
      const deadline = Date.now() + wait;
      while (got.length < n) {
        if (Date.now() > deadline) throw new Error(`${what}: ${got.length} of ${n} messages came: ${got.map(show).join(", ")}`);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 50); });
      }
      return got;
    },
  };
}

// show is a message received, its payload cut to 20 characters.
function show(m) {
  return JSON.stringify({ ...m, payload: m.payload.length > 20 ? m.payload.slice(0, 20) + "…" : m.payload });
}

function check(cond, what, detail) {
  if (!cond) throw new Error(`${what}: ${detail}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// run is every check with the publisher on pubURL and subscribers on subURL.
async function run(pubURL, subURL, tag) {
  const base = `js/${tag}`;
  const id = (who) => `${who}-${tag}`;

  // QoS 0, 1, 2 on both legs, the delivered QoS = min(published, granted),
  // and a payload over 127 bytes: a Remaining Length of two bytes.
  const sub = await connect(subURL, { clientId: id("sub"), clean: true });
  const subIn = sub.box;
  const granted = await sub.c.subscribeAsync({ [`${base}/q/#`]: { qos: 2 }, [`${base}/one/#`]: { qos: 1 } });
  check(granted.map((g) => g.qos).join() === "2,1", "SUBACK", `granted ${JSON.stringify(granted)}, want QoS 2 and 1`);
  const pub = await connect(pubURL, {
    clientId: id("pub"),
    will: { topic: `${base}/q/will`, payload: Buffer.from("gone"), qos: 1, retain: false },
  });
  const big = "x".repeat(300);
  await pub.c.publishAsync(`${base}/q/0`, "zero", { qos: 0 });
  await pub.c.publishAsync(`${base}/q/1`, "one", { qos: 1 });
  await pub.c.publishAsync(`${base}/q/2`, "two", { qos: 2 });
  await pub.c.publishAsync(`${base}/one/2`, "capped", { qos: 2 });
  await pub.c.publishAsync(`${base}/q/big`, big, { qos: 1 });
  const live = await subIn.want(5, "QoS 0, 1, 2");
  const want = [["q/0", "zero", 0], ["q/1", "one", 1], ["q/2", "two", 2], ["one/2", "capped", 1], ["q/big", big, 1]];
  // By topic, not in order: MQTT.js hands a QoS 2 message to its
  // application only on PUBREL, after a later QoS 1 one may have come.
  for (const [t, p, q] of want) {
    const m = live.find((m) => m.topic === `${base}/${t}`);
    check(m && m.payload === p && m.qos === q && !m.retain, `delivery on ${t}`,
      `got ${m ? show(m) : "nothing"}, want QoS ${q}, RETAIN 0`);
  }
  console.log(`ok   QoS 0/1/2 both legs, min(published, granted), a 300-byte payload`);

  // Retained: kept, sent to a late subscriber with RETAIN 1, forwarded to
  // existing subscribers with RETAIN 0, cleared by an empty payload.
  await pub.c.publishAsync(`${base}/q/ret`, "kept", { qos: 1, retain: true });
  const fwd = await subIn.want(6, "a retained message to an existing subscriber");
  check(fwd[5].payload === "kept" && fwd[5].retain === false, "retained, forwarded", `got ${show(fwd[5])}, want RETAIN 0`);
  const late = await connect(subURL, { clientId: id("late") });
  const lateIn = late.box;
  await late.c.subscribeAsync(`${base}/q/ret`, { qos: 1 });
  const r = await lateIn.want(1, "the retained message to a new subscriber");
  check(r[0].payload === "kept" && r[0].retain === true && r[0].qos === 1, "retained, stored", `got ${show(r[0])}, want RETAIN 1 at QoS 1`);
  await pub.c.publishAsync(`${base}/q/ret`, "", { qos: 1, retain: true });
  await subIn.want(7, "the empty retained message");
  await late.c.endAsync();
  const later = await connect(subURL, { clientId: id("later") });
  const laterIn = later.box;
  await later.c.subscribeAsync(`${base}/q/ret`, { qos: 1 });
  await sleep(300);
  check(laterIn.got.length === 0, "retained, cleared", `a subscriber after the empty payload got ${laterIn.got.map(show).join(", ")}`);
  await later.c.endAsync();
  console.log(`ok   retained: RETAIN 1 when stored, 0 when forwarded, cleared by an empty payload`);

  // The will: published when the publisher's connection breaks without
  // DISCONNECT.
  pub.c.stream.destroy();
  const w = await subIn.want(8, "the will of a connection that broke");
  check(w[7].topic === `${base}/q/will` && w[7].payload === "gone", "will", `got ${show(w[7])}`);
  pub.c.end(true);
  console.log(`ok   will published when the connection breaks`);

  // A persistent session: the subscription and a QoS 1 message published
  // while it was offline survive, and CONNACK says the session is there.
  const p1 = await connect(subURL, { clientId: id("keep"), clean: false });
  await p1.c.subscribeAsync(`${base}/keep`, { qos: 1 });
  await p1.c.endAsync();
  const pub2 = await connect(pubURL, { clientId: id("pub2") });
  await pub2.c.publishAsync(`${base}/keep`, "while away", { qos: 1 });
  const p2 = await connect(subURL, { clientId: id("keep"), clean: false });
  check(p2.connack.sessionPresent === true, "persistent session", "CONNACK session present 0, want 1");
  const kept = await p2.box.want(1, "the message queued while offline");
  check(kept[0].payload === "while away" && kept[0].qos === 1, "persistent session", `got ${show(kept[0])}`);
  await p2.c.endAsync();
  const p3 = await connect(subURL, { clientId: id("keep"), clean: true });
  check(p3.connack.sessionPresent === false, "clean session", "CONNACK session present 1 for a clean session");
  await p3.c.endAsync();
  console.log(`ok   persistent session: session present, the queued QoS 1 message delivered`);

  await pub2.c.endAsync();
  await sub.c.endAsync();
}

(async () => {
  const urls = { tcp: tcpURL, ws: wsURL };
  let n = 0;
  for (const from of ["tcp", "ws"]) {
    for (const to of ["tcp", "ws"]) {
      console.log(`# publisher over ${from}, subscribers over ${to}`);
      await run(urls[from], urls[to], `${from}${to}${n++}`);
    }
  }
  console.log("PASS");
  process.exit(0);
})().catch((e) => {
  console.log(`FAIL ${e.message}`);
  process.exit(1);
});
