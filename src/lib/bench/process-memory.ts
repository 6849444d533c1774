import { readdirSync, readFileSync } from 'node:fs';

const pageSize = 4096;

/**
 * Resident memory of a process and all its descendants, in bytes, read from Linux's /proc. A
 * build is more than one process: Pagefind indexes in its own, at up to 3 GB at L, which a
 * peak measured on Node alone would miss. Returns 0 where /proc does not exist.
 */
export function processTreeMemory(rootPid: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let bytes = 0;
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const resident = Number(read(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0);
    bytes += resident * pageSize;
    pending.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}
