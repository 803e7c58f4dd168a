import cliProgress from 'cli-progress';

/** One step of a long job: a bar showing done/total, rate and ETA. */
export interface ProgressStep {
  update(done: number): void;
  increment(by?: number): void;
  /** Grows the expected total (e.g. when a folder scan finds more files). */
  setTotal(total: number): void;
  stop(): void;
}

/** How long CLI jobs report progress; `prepareDemoFootprint`, imports and builds take one. */
export interface ProgressReporter {
  start(label: string, total: number, unit: string): ProgressStep;
  /** A line of text between bars (never patient data). */
  log(message: string): void;
}

/**
 * Progress on the terminal through cli-progress: `label [bar] 42% | 4200/10000 resources | 3,150/s | ETA 2s`.
 * When stderr is not a terminal (CI, pipes) bars are replaced by a line every few seconds.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return {
    start(label, total, unit) {
      const started = Date.now();
      const bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
          stream,
          noTTYOutput: !stream.isTTY,
          notTTYSchedule: 5000,
          hideCursor: stream.isTTY,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      let value = 0;
      const rate = () => {
        const seconds = (Date.now() - started) / 1000;
        return seconds > 0 ? Math.round(value / seconds).toLocaleString('en-GB') : '0';
      };
      bar.start(Math.max(total, 0), 0, { rate: '0' });
      return {
        update(done) {
          value = done;
          bar.update(done, { rate: rate() });
        },
        increment(by = 1) {
          value += by;
          bar.update(value, { rate: rate() });
        },
        setTotal(newTotal) {
          bar.setTotal(newTotal);
        },
        stop() {
          bar.update(value, { rate: rate() });
          bar.stop();
        },
      };
    },
    log(message) {
      stream.write(`${message}\n`);
    },
  };
}
