// Prints one line per Lighthouse JSON report given on the command line:
// the performance score and the metrics it is made of.
const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];
for (const file of process.argv.slice(2)) {
  const r = require(require("path").resolve(file));
  const m = metrics.map((k) => `${k} ${r.audits[k].displayValue}`).join(", ");
  console.log(`${r.finalDisplayedUrl}: performance ${Math.round(r.categories.performance.score * 100)} (${m})`);
}
