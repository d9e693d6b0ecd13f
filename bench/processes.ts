import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Every child the bench starts (simulator, preview server) is tracked here so
 * that a normal end, an error or Ctrl-C stops exactly those processes, by pid.
 */
export interface Started {
  child: ChildProcess;
  /** Everything the child has written to stdout so far. */
  stdout(): string;
  stop(): Promise<void>;
}

const running = new Set<Started>();
const STOP_GRACE_MS = 5_000;

export function startProcess(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Started {
  // In the bench's own process group: Ctrl-C reaches the children directly. That matters because
  // tsx's parent process SIGKILLs the bench when it does not acknowledge a signal within 30 ms,
  // which a busy event loop may not, leaving no chance to stop anything.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    // Only the tail is useful in an error message.
    err = (err + chunk).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  const started: Started = {
    child,
    stdout: () => out,
    async stop() {
      if (!gone()) {
        stopping = true;
        // A tsx child relays the signal to the script it runs.
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      running.delete(started);
    },
  };
  child.once('exit', (code, signal) => {
    running.delete(started);
    if (!stopping && code !== 0 && code !== null && signal === null) process.stderr.write(`bench: ${command} ${args.join(' ')} exited with ${code}\n${err}\n`);
  });
  running.add(started);
  return started;
}

/** Resolves once the child's stdout satisfies `ready`; rejects when it exits first or after `timeoutMs`. */
export function waitForOutput(started: Started, ready: (stdout: string) => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      started.child.stdout?.off('data', check);
      started.child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (ready(started.stdout())) settle();
    };
    const onExit = () => settle(new Error(`${what} exited before it was ready`));
    const timer = setTimeout(() => settle(new Error(`${what} was not ready within ${timeoutMs} ms`)), timeoutMs);
    started.child.stdout?.on('data', check);
    started.child.once('exit', onExit);
    check();
  });
}

/** Stops every child still running; used on the way out, whatever the way. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((started) => started.stop()));
}
