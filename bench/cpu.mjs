// Per-thread CPU time of a browser's process tree, from Linux's /proc (elsewhere: unavailable).
// The benchmark samples it around each timed window to show where the machine's cores went:
// the training worker, the page's main thread, the GPU process (compositing), the rest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';

const TICK_MS = 10; // USER_HZ is 100 on every Linux this runs on

export const available = () => process.platform === 'linux' && existsSync('/proc/self/task');

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** [comm, fields after comm] of a /proc stat line (comm may hold spaces and parentheses). */
function parseStat(line) {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  return [line.slice(open + 1, close), line.slice(close + 2).split(' ')];
}

function children() {
  const byParent = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const ppid = parseStat(stat)[1][1];
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(pid);
  }
  return byParent;
}

/** Process ids that are children of this Node process now (to find a browser just launched). */
export function childPids() {
  if (!available()) return [];
  return children().get(String(process.pid)) ?? [];
}

/**
 * Thread kinds by Chromium's thread and process names: the tfjs workers, the page's main
 * thread, the GPU process (compositing; SwiftShader's GL threads), and everything else.
 */
export function threadKind(processType, comm) {
  if (processType === 'renderer' && comm.startsWith('DedicatedWorker')) return 'workers';
  if (processType === 'renderer' && /^(chromium|chrome|CrRendererMain)/.test(comm)) return 'pageMain';
  if (processType === 'renderer') return 'rendererOther';
  if (processType === 'gpu-process') return 'gpuProcess';
  return 'browserOther';
}

/** Busy ticks of the whole machine (all cores) from /proc/stat, or 0. */
function machineBusyTicks() {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait
  return f.length >= 8 ? f[0] + f[1] + f[2] + f[5] + f[6] + f[7] : 0;
}

/**
 * CPU ticks (user + system) per thread kind over the process tree rooted at `rootPid`, plus
 * `machine`: the whole machine's busy ticks (other processes included).
 */
export function snapshot(rootPid) {
  const out = {};
  if (!available() || !rootPid) return out;
  out.machine = machineBusyTicks();
  const byParent = children();
  const pids = [];
  const stack = [String(rootPid)];
  while (stack.length) {
    const pid = stack.pop();
    pids.push(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  for (const pid of pids) {
    const cmd = read(`/proc/${pid}/cmdline`) ?? '';
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const [comm, f] = parseStat(stat);
      const kind = threadKind(type, comm);
      out[kind] = (out[kind] ?? 0) + Number(f[11]) + Number(f[12]);
    }
  }
  return out;
}

/**
 * Percent of one core per thread kind between two snapshots taken `ms` apart; `otherProcesses`
 * is the machine's busy time outside the browser (other programs, this harness, vite preview).
 */
export function cpuPercent(before, after, ms) {
  const out = {};
  let browser = 0;
  for (const [kind, ticks] of Object.entries(after)) {
    const d = ticks - (before[kind] ?? 0);
    if (kind !== 'machine') browser += Math.max(0, d);
    if (d > 0 && ms > 0 && kind !== 'machine') out[kind] = (100 * d * TICK_MS) / ms;
  }
  if (after.machine !== undefined && ms > 0) {
    out.otherProcesses = Math.max(
      0,
      (100 * (after.machine - (before.machine ?? 0) - browser) * TICK_MS) / ms,
    );
  }
  return out;
}

/**
 * The schedstat files of the browser's worker threads (the tfjs workers: threads named
 * DedicatedWorker* in renderer processes) under `rootPid`; read them with workerCpuNs.
 */
export function workerThreadFiles(rootPid) {
  if (!available() || !rootPid) return [];
  const byParent = children();
  const files = [];
  const stack = [String(rootPid)];
  while (stack.length) {
    const pid = stack.pop();
    stack.push(...(byParent.get(pid) ?? []));
    const type = /--type=([a-z-]+)/.exec(read(`/proc/${pid}/cmdline`) ?? '')?.[1] ?? 'browser';
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (stat && threadKind(type, parseStat(stat)[0]) === 'workers') {
        files.push(`/proc/${pid}/task/${tid}/schedstat`);
      }
    }
  }
  return files;
}

/**
 * Nanoseconds the threads have run on a CPU, summed (the first field of each thread's
 * /proc/.../schedstat: the scheduler's own count, far finer than stat's 10 ms ticks); a thread
 * that has exited counts 0. Null when none can be read.
 */
export function workerCpuNs(files) {
  let total = 0;
  let any = false;
  for (const f of files) {
    const ns = Number(read(f)?.split(' ')[0]);
    if (Number.isFinite(ns)) {
      total += ns;
      any = true;
    }
  }
  return any ? total : null;
}
