// What the benchmarks that start a real `baton serve` share: waiting for a line of its output, and
// reading the CPU time it has used.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Waits for a line on the child's output, then stops collecting it (the server logs every request). */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    const collect = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (!m) return;
      child.stdout?.off('data', collect);
      child.stderr?.off('data', collect);
      child.off('exit', exited);
      child.stdout?.resume(); // keep draining, without keeping it
      child.stderr?.resume();
      ok(m[1] ?? m[0]);
    };
    const exited = (code: number | null) => fail(new Error(`exited ${code}: ${out}`));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', exited);
  });
}

/** CPU time (user + system) a process has used so far, in ms (from /proc: unaffected by how busy the other cores are). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}
