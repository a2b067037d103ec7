/**
 * Account linking as Alexa performs it for an AUTH_CODE skill, driven by the same `accountLinking.json`
 * that is applied to the real skill: authorization request with the configured scopes and a random
 * `state`, code exchange at the token URL with the configured `accessTokenScheme`, token storage, and a
 * refresh when the token has expired (`expires_in`, or `defaultTokenExpirationInSeconds` when the token
 * response has none). A refresh refused with `invalid_grant` unlinks the account, as Alexa does.
 * https://developer.amazon.com/en-US/docs/alexa/account-linking/configure-authorization-code-grant.html
 */
import axios, { type AxiosInstance } from 'axios';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { terminalSafe } from './render';

export interface AccountLinkingConfig {
  type: string;
  authorizationUrl: string;
  accessTokenUrl: string;
  accessTokenScheme: 'HTTP_BASIC' | 'CREDENTIALS_IN_BODY';
  clientId: string;
  clientSecret: string;
  scopes: string[];
  defaultTokenExpirationInSeconds?: number;
}

/** Linking failed. `code` is the OAuth error (`invalid_grant`, `access_denied`, `state_mismatch`...). */
export class LinkingError extends Error {
  readonly code: string;
  readonly description: string;

  constructor(
    code: string,
    description: string,
    readonly status?: number,
  ) {
    // Both may come from a redirect or a token answer and end up on the terminal: cleaned here, once.
    const safeCode = terminalSafe(code).slice(0, 100);
    const safeDescription = terminalSafe(description).slice(0, 500);
    super(`${safeCode}: ${safeDescription}`);
    this.code = safeCode;
    this.description = safeDescription;
    this.name = new.target.name;
  }
}

/** Reads `accountLinking.json` (the `{"accountLinkingRequest": {...}}` body that ask smapi takes). */
export function readAccountLinking(file: string): AccountLinkingConfig {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new LinkingError('bad_config', `cannot read ${file}: ${(error as Error).message}`);
  }
  const body = (json.accountLinkingRequest ?? json) as Partial<AccountLinkingConfig>;
  const missing = (['authorizationUrl', 'accessTokenUrl'] as const).filter((k) => !body[k]);
  if (body.type !== 'AUTH_CODE') missing.push('type AUTH_CODE' as never);
  if (missing.length > 0) throw new LinkingError('bad_config', `${file} lacks ${missing.join(', ')}`);
  return {
    type: body.type ?? 'AUTH_CODE',
    authorizationUrl: body.authorizationUrl!,
    accessTokenUrl: body.accessTokenUrl!,
    accessTokenScheme:
      body.accessTokenScheme === 'CREDENTIALS_IN_BODY' ? 'CREDENTIALS_IN_BODY' : 'HTTP_BASIC',
    clientId: body.clientId ?? '',
    clientSecret: body.clientSecret ?? '',
    scopes: Array.isArray(body.scopes) ? body.scopes : [],
    defaultTokenExpirationInSeconds: body.defaultTokenExpirationInSeconds,
  };
}

/** The same config with its authorization and token URLs moved to another origin (the emulator). */
export function withAccountsOrigin(config: AccountLinkingConfig, origin: string): AccountLinkingConfig {
  const move = (url: string) => {
    const from = new URL(url);
    return new URL(from.pathname + from.search, origin).toString();
  };
  return {
    ...config,
    authorizationUrl: move(config.authorizationUrl),
    accessTokenUrl: move(config.accessTokenUrl),
  };
}

export interface LinkedTokens {
  accessToken: string;
  refreshToken?: string;
  /** epoch ms */
  expiresAt: number;
  scope?: string;
}

/** One HTTP exchange with the accounts service, for the console's call list. */
export interface AccountsCall {
  method: string;
  path: string;
  status: number;
  ms: number;
}

/**
 * Takes the user through the authorization page and returns the URL the browser was redirected to
 * (`<redirectUri>?code=...&state=...` or `?error=...`).
 */
export type Authorize = (authorizeUrl: string) => Promise<string>;

export interface AccountLinkerOptions {
  config: AccountLinkingConfig;
  redirectUri: string;
  authorize: Authorize;
  now?: () => number;
  /** Status lines for a person ("Exchanging the code..."). */
  onStatus?: (message: string) => void;
  onCall?: (call: AccountsCall) => void;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

export type TokenOutcome =
  | { state: 'linked'; accessToken: string; refreshed: boolean }
  | { state: 'unlinked'; reason?: string }
  /** The refresh failed for a passing reason; the old token is still sent. */
  | { state: 'stale'; accessToken: string; reason: string };

export class AccountLinker {
  private tokens: LinkedTokens | undefined;
  private readonly http: AxiosInstance;
  private readonly now: () => number;

  constructor(private readonly options: AccountLinkerOptions) {
    this.now = options.now ?? Date.now;
    this.http = axios.create({
      timeout: options.timeoutMs ?? 10_000,
      maxRedirects: 0,
      validateStatus: () => true,
      // Bodies are parsed here, so a plain-text error page does not throw.
      transformResponse: [(data: unknown) => data],
      responseType: 'text',
    });
  }

  get linked(): boolean {
    return this.tokens !== undefined;
  }

  /** The stored tokens (for tests and `:state`); never print them. */
  get current(): Readonly<LinkedTokens> | undefined {
    return this.tokens;
  }

  /** Uses a token obtained elsewhere (SPOTIFY_ACCESS_TOKEN); it cannot be refreshed. */
  useAccessToken(accessToken: string, expiresInSeconds = 3600): void {
    this.tokens = { accessToken, expiresAt: this.now() + expiresInSeconds * 1000 };
  }

  /** The authorization URL with client id, scopes and `state`, as Alexa builds it. */
  authorizeUrl(state: string): string {
    const { config, redirectUri } = this.options;
    const url = new URL(config.authorizationUrl);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    if (config.scopes.length > 0) url.searchParams.set('scope', config.scopes.join(' '));
    return url.toString();
  }

  /** The whole authorization-code flow. Throws LinkingError with Spotify's `error_description`. */
  async link(): Promise<LinkedTokens> {
    const state = randomBytes(16).toString('hex');
    this.status('Opening the authorization page…');
    const authorizeUrl = this.authorizeUrl(state);
    let back: string;
    try {
      back = await this.options.authorize(authorizeUrl);
    } catch (error) {
      if (error instanceof LinkingError) throw error;
      const e = error as { code?: string; message?: string };
      const { origin, pathname } = new URL(authorizeUrl);
      throw new LinkingError('unreachable', `cannot reach ${origin}${pathname} (${e.code ?? e.message})`);
    }
    const returned = new URL(back);
    const expected = new URL(this.options.redirectUri);
    if (returned.origin !== expected.origin || returned.pathname !== expected.pathname) {
      throw new LinkingError(
        'bad_redirect',
        `redirected to ${returned.origin}${returned.pathname}, not the redirect URI`,
      );
    }
    const error = returned.searchParams.get('error');
    if (error) {
      throw new LinkingError(
        error,
        returned.searchParams.get('error_description') ?? 'authorization refused',
      );
    }
    if (returned.searchParams.get('state') !== state) {
      throw new LinkingError('state_mismatch', 'the state returned with the code is not the one sent');
    }
    const code = returned.searchParams.get('code');
    if (!code) throw new LinkingError('no_code', 'the redirect carried no authorization code');
    this.status('Exchanging the code for tokens…');
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
    });
    if (!tokens.refresh_token)
      this.status('The token response has no refresh token: linking lasts one token.');
    this.tokens = this.store(tokens);
    return this.tokens;
  }

  /** Forgets the tokens (`:unlink`). */
  unlink(): void {
    this.tokens = undefined;
  }

  /** Marks the stored token as expired, so the next turn refreshes it (`:expire`). */
  expire(): void {
    if (this.tokens) this.tokens = { ...this.tokens, expiresAt: this.now() - 1 };
  }

  expired(): boolean {
    return this.tokens !== undefined && this.now() >= this.tokens.expiresAt;
  }

  /** The token to put in the next request, refreshed first when it has expired. */
  async accessToken(): Promise<TokenOutcome> {
    const tokens = this.tokens;
    if (!tokens) return { state: 'unlinked' };
    if (this.now() < tokens.expiresAt)
      return { state: 'linked', accessToken: tokens.accessToken, refreshed: false };
    if (!tokens.refreshToken) {
      this.tokens = undefined;
      return { state: 'unlinked', reason: 'the token expired and there is no refresh token' };
    }
    try {
      const fresh = await this.tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      this.tokens = this.store(fresh, tokens.refreshToken);
      return { state: 'linked', accessToken: this.tokens.accessToken, refreshed: true };
    } catch (error) {
      if (error instanceof LinkingError && error.code === 'invalid_grant') {
        this.tokens = undefined;
        return { state: 'unlinked', reason: `Spotify refused the refresh token (${error.message})` };
      }
      return { state: 'stale', accessToken: tokens.accessToken, reason: (error as Error).message };
    }
  }

  private store(
    body: { access_token: string; refresh_token?: string; expires_in?: number; scope?: string },
    previousRefresh?: string,
  ): LinkedTokens {
    const seconds =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : (this.options.config.defaultTokenExpirationInSeconds ?? 3600);
    return {
      accessToken: body.access_token,
      // Spotify may or may not send a new refresh token; keep the old one when it does not.
      refreshToken: body.refresh_token ?? previousRefresh,
      expiresAt: this.now() + seconds * 1000,
      scope: body.scope,
    };
  }

  private async tokenRequest(
    form: Record<string, string>,
  ): Promise<{ access_token: string; refresh_token?: string; expires_in?: number; scope?: string }> {
    const { config } = this.options;
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const params = new URLSearchParams(form);
    if (config.accessTokenScheme === 'HTTP_BASIC') {
      const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64');
      headers.Authorization = `Basic ${basic}`;
    } else {
      params.set('client_id', config.clientId);
      params.set('client_secret', config.clientSecret);
    }
    const started = Date.now();
    let status = 0;
    try {
      const res = await this.http.post(config.accessTokenUrl, params.toString(), { headers });
      status = res.status;
      const body = parseJson(res.data);
      if (status >= 400) {
        const code = typeof body?.error === 'string' ? body.error : `http_${status}`;
        const description =
          typeof body?.error_description === 'string'
            ? body.error_description
            : ((body?.error as { message?: string } | undefined)?.message ??
              `the token endpoint answered ${status}`);
        throw new LinkingError(code, description, status);
      }
      if (!body || typeof body.access_token !== 'string') {
        throw new LinkingError('bad_response', 'the token response has no access_token', status);
      }
      return body as { access_token: string; refresh_token?: string; expires_in?: number; scope?: string };
    } catch (error) {
      if (error instanceof LinkingError) throw error;
      const e = error as { code?: string; message?: string };
      throw new LinkingError('unreachable', `cannot reach ${config.accessTokenUrl} (${e.code ?? e.message})`);
    } finally {
      this.options.onCall?.({
        method: 'POST',
        path: new URL(config.accessTokenUrl).pathname,
        status,
        ms: Date.now() - started,
      });
    }
  }

  private status(message: string): void {
    this.options.onStatus?.(message);
  }
}

function parseJson(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string' || !data) return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The browserless authorization used with the emulator: GET the authorization URL, which the emulator
 * approves for its demo user at once, and read the redirect's Location instead of following it.
 */
export function browserlessAuthorize(timeoutMs = 10_000): Authorize {
  return async (authorizeUrl) => {
    const res = await axios.get<string>(authorizeUrl, {
      maxRedirects: 0,
      validateStatus: () => true,
      timeout: timeoutMs,
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
    });
    const location = res.headers.location as string | undefined;
    if (res.status >= 300 && res.status < 400 && location) return new URL(location, authorizeUrl).toString();
    const body = parseJson(res.data);
    throw new LinkingError(
      typeof body?.error === 'string' ? body.error : `http_${res.status}`,
      typeof body?.error_description === 'string'
        ? body.error_description
        : `the authorization page answered ${res.status} without a redirect`,
      res.status,
    );
  };
}
