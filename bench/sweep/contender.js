// Child process: loads the workload, times one contender `runs` times (wall clock and the
// process's CPU time), prints JSON with the times and its per-pair figures (for the agreement
// check in bench.js).
import { contenders } from './contenders.js';
import { pairs, workload } from './workload.js';

const [name, quickText, runsText] = process.argv.slice(2);
const all = pairs(quickText === 'quick');
const data = await workload();
const run = contenders[name];
const times = [];
const cpu = [];
let out;
for (let r = 0; r < Number(runsText); r++) {
  globalThis.gc?.();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  out = run(data, all);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1e3);
}
const list = (a) => Array.from(a);
process.stdout.write(
  JSON.stringify({
    name,
    times,
    cpu,
    runs: out.runs,
    trades: list(out.trades),
    finalEquity: list(out.finalEquity),
    sharpe: list(out.sharpe),
    maxDrawdown: list(out.maxDrawdown),
  }),
);
