export interface RetryOptions {
  // Attempts in all, the first included (default 3; 1 turns retries off).
  readonly attempts?: number;
  // The longest wait the client accepts; a longer Retry-After is answered to the caller (default 10 s).
  readonly maxDelayMs?: number;
}

type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

// A request is sent again only when it is safe to: a read, a PUT, or a POST with an Idempotency-Key.
const repeatable = (request: Request) =>
  ['GET', 'HEAD', 'PUT'].includes(request.method) || request.headers.has('idempotency-key');

// Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable.
function delayOf(response: Response, now: number): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Answers 429 and 503 that say when to come back (Retry-After) are sent again after that delay.
export function retryingFetch(fetch: Fetch, options: RetryOptions = {}): Fetch {
  const attempts = options.attempts ?? 3;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  return async (request, init) => {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(attempt < attempts ? request.clone() : request, init);
      if (attempt >= attempts || (response.status !== 429 && response.status !== 503)) return response;
      if (!repeatable(request)) return response;
      const delay = delayOf(response, Date.now());
      if (delay === undefined || delay > maxDelayMs) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
}
