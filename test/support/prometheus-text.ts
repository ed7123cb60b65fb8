// Reads a Prometheus text exposition (what GET /metrics answers) into samples, so tests can ask for a
// series by name and labels. Enough of the format for prom-client's and Temporal's output: no escaped
// quotes in label values, no timestamps.
export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

export function parseExposition(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line.trim());
    if (match === null || line.startsWith('#')) return [];
    const [, name = '', labelText = '', value = ''] = match;
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    return [{ name, labels, value: Number(value) }];
  });
}

// The sum of the samples of `name` whose labels include `labels`; 0 when there is none.
export function sampleSum(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => (s.labels[k] ?? '') === v))
    .reduce((sum, s) => sum + s.value, 0);
}

// The metric families an exposition declares (its # TYPE lines).
export function familiesOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map(([, name]) => name ?? ''));
}
