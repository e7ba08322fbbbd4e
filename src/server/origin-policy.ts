/**
 * Which page URLs the signer signs: absolute http(s) URLs on an allowed
 * origin, within a length limit. Signing any URL would let any site borrow
 * our token to unlock upsdk on its own pages.
 */
import { SignerError, invalidOption } from './errors.js';

/** One parsed `allowedOrigins` entry. */
interface OriginRule {
  readonly protocol: string | undefined;
  /** Exact hostname, or the suffix (with its leading dot) of a `*.` wildcard. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: string | undefined;
}

/** Decides whether a page URL or an `Origin` header may be signed for. */
export interface OriginPolicy {
  /** The page URL as signed (`#…` stripped), or a {@link SignerError} (`invalid_url` 400, `origin_not_allowed` 403). */
  check(url: unknown): string;
  /** Whether a browser `Origin` header belongs to an allowed origin. */
  allowsOrigin(origin: string): boolean;
}

// Characters that URL parsers silently drop or reinterpret: signing a string whose
// parsed host differs from what a reader sees would defeat the origin check.
// eslint-disable-next-line no-control-regex
const AMBIGUOUS = /[\u0000-\u0020\u007f\\]/;
const SCHEME = /^https?:\/\//i;

function parseRule(entry: unknown): OriginRule {
  if (typeof entry !== 'string' || entry.trim() === '') {
    throw invalidOption('allowedOrigins[]', 'a host, `*.host` or origin string', entry);
  }
  const scheme = /^([a-z]+):\/\//i.exec(entry)?.[1]?.toLowerCase();
  const rest = scheme ? entry.slice(scheme.length + 3) : entry;
  const wildcard = rest.startsWith('*.');
  let parsed: URL;
  try {
    parsed = new URL(`http://${wildcard ? `x${rest.slice(1)}` : rest}`);
  } catch {
    throw invalidOption('allowedOrigins[]', 'a host, `*.host` or origin string', entry);
  }
  const bare =
    parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !parsed.password;
  // A `*` is only meaningful as the leading `*.` of a wildcard; elsewhere it is a typo, not a pattern.
  const stray = (wildcard ? rest.slice(2) : rest).includes('*');
  if (
    (scheme !== undefined && scheme !== 'http' && scheme !== 'https') ||
    !bare ||
    stray ||
    rest.endsWith('/')
  ) {
    throw invalidOption('allowedOrigins[]', 'a host, `*.host` or origin string without path', entry);
  }
  const hostname = parsed.hostname;
  const explicitPort = /:(\d+)$/.exec(rest)?.[1];
  // An origin names its port, written or not (`https://example.com` is port 443); a bare host allows any.
  const defaultPort = scheme === 'https' ? '443' : scheme === 'http' ? '80' : undefined;
  return {
    protocol: scheme ? `${scheme}:` : undefined,
    host: wildcard ? hostname.slice(1) : hostname,
    wildcard,
    port: explicitPort === undefined ? defaultPort : String(Number(explicitPort)),
  };
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function matches(rule: OriginRule, url: URL): boolean {
  if (rule.protocol !== undefined && rule.protocol !== url.protocol) return false;
  if (rule.port !== undefined && rule.port !== effectivePort(url)) return false;
  const host = url.hostname;
  return rule.wildcard ? host.endsWith(rule.host) && host.length > rule.host.length : host === rule.host;
}

const invalidUrl = (detail: string): SignerError =>
  new SignerError({ code: 'invalid_url', msg: detail, status: 400 });

/**
 * Build the policy from `allowedOrigins`: entries are hosts (`example.com`,
 * any port, http or https), wildcards (`*.example.com`, subdomains only) or
 * origins (`https://example.com:8443`, scheme and port must match).
 */
export function createOriginPolicy(allowedOrigins: readonly string[], maxUrlLength: number): OriginPolicy {
  if (!Array.isArray(allowedOrigins) || allowedOrigins.length === 0) {
    throw invalidOption('allowedOrigins', 'a non-empty array of hosts or origins', allowedOrigins);
  }
  const rules = allowedOrigins.map(parseRule);
  const allowed = (url: URL): boolean => rules.some((rule) => matches(rule, url));
  // Pages repeat: remember recent URLs that passed, so a repeat skips the URL parser.
  // Only successes are kept, and the map is emptied when full, so its size stays bounded.
  const passed = new Map<string, string>();

  return {
    check(url) {
      const known = typeof url === 'string' ? passed.get(url) : undefined;
      if (known !== undefined) return known;
      if (typeof url !== 'string')
        throw invalidUrl(`Expected \`url\` to be a string, got ${url === null ? 'null' : typeof url}`);
      const hash = url.indexOf('#');
      const signable = hash === -1 ? url : url.slice(0, hash);
      if (signable.length === 0 || signable.length > maxUrlLength) {
        throw invalidUrl(
          `Expected \`url\` to be 1…${maxUrlLength} characters before '#', got ${signable.length}`,
        );
      }
      if (!SCHEME.test(signable)) throw invalidUrl('Expected `url` to be an absolute http(s) URL');
      if (AMBIGUOUS.test(signable))
        throw invalidUrl('Expected `url` without spaces, control characters or backslashes');
      let parsed: URL;
      try {
        parsed = new URL(signable);
      } catch {
        throw invalidUrl('Expected `url` to be a valid absolute http(s) URL');
      }
      if (parsed.username || parsed.password) throw invalidUrl('Expected `url` without user credentials');
      if (!allowed(parsed)) {
        throw new SignerError({
          code: 'origin_not_allowed',
          msg: `origin ${parsed.origin} is not allowed`,
          status: 403,
        });
      }
      if (passed.size >= 1024) passed.clear();
      passed.set(url, signable);
      return signable;
    },
    allowsOrigin(origin) {
      if (!SCHEME.test(origin) || AMBIGUOUS.test(origin)) return false;
      try {
        const parsed = new URL(origin);
        return parsed.origin === origin.toLowerCase().replace(/\/$/, '') && allowed(parsed);
      } catch {
        return false;
      }
    },
  };
}
