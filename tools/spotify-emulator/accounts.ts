/**
 * The accounts service (https://developer.spotify.com/documentation/web-api/tutorials/code-flow): what Alexa
 * account linking and the local console run against. `GET /authorize` approves a seeded user without a page
 * and redirects with a code; `POST /api/token` exchanges codes and refresh tokens, with Spotify's error bodies.
 */
import { randomBytes } from 'node:crypto';
import type { EmuState } from './state';

export const CLIENT_ID = 'emu-client-id';
export const CLIENT_SECRET = 'emu-client-secret';

/**
 * Redirect URIs registered for the seeded app. A loopback URI registered without a port accepts any port
 * (Spotify's rule for `http://127.0.0.1`); `*` matches the Alexa vendor id.
 */
export const REDIRECT_URIS = [
  'http://127.0.0.1/callback',
  'https://pitangui.amazon.com/api/skill/link/*',
  'https://layla.amazon.com/api/skill/link/*',
  'https://alexa.amazon.co.jp/api/skill/link/*',
];

/**
 * Every OAuth scope Spotify defines (https://developer.spotify.com/documentation/web-api/concepts/scopes);
 * an unknown one makes /authorize redirect with `error=invalid_scope`. The one list of them: the
 * account-linking test checks accountLinking.json against it, and a test checks that it holds every scope
 * Spotify's OpenAPI description names.
 */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  'ugc-image-upload',
  'user-read-playback-state',
  'user-modify-playback-state',
  'user-read-currently-playing',
  'app-remote-control',
  'streaming',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
  'user-follow-modify',
  'user-follow-read',
  'user-read-playback-position',
  'user-top-read',
  'user-read-recently-played',
  'user-library-modify',
  'user-library-read',
  'user-read-email',
  'user-read-private',
  'user-personalized',
  'user-soa-link',
  'user-soa-unlink',
  'soa-manage-entitlements',
  'soa-manage-partner',
  'soa-create-partner',
]);

const CODE_TTL_MS = 10 * 60_000;
/** Refresh tokens expire six months after authorization (Spotify, 2026). */
export const REFRESH_TOKEN_TTL_MS = 182 * 86_400_000;

interface Code {
  userId: string;
  scopes: string[];
  redirectUri: string;
  clientId: string;
  expiresAt: number;
}

interface Refresh {
  userId: string;
  scopes: string[];
  clientId: string;
  issuedAt: number;
}

export interface AccountsOptions {
  state: () => EmuState;
  now: () => number;
  tokenTtlSeconds: number;
  omitExpiresIn: boolean;
  issueToken: (userId: string, scopes: string[], ttlSeconds: number) => string;
}

export interface AccountsReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, body: unknown): AccountsReply => ({
  status,
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  body: JSON.stringify(body),
});
const text = (status: number, body: string): AccountsReply => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8' },
  body: `<!DOCTYPE html><html><body><h1>${body}</h1></body></html>`,
});
const redirect = (location: string): AccountsReply => ({
  status: 302,
  headers: { Location: location },
  body: '',
});
const grantError = (error: string, description: string) =>
  json(400, { error, error_description: description });

export function redirectUriAllowed(uri: string, registered: readonly string[] = REDIRECT_URIS): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  return registered.some((r) => {
    if (r.includes('*')) {
      const re = new RegExp(`^${r.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/?#]+')}$`);
      return re.test(uri);
    }
    const reg = new URL(r);
    if (reg.hostname === '127.0.0.1' && reg.port === '' && u.hostname === '127.0.0.1') {
      return u.protocol === reg.protocol && u.pathname === reg.pathname && u.search === reg.search;
    }
    return uri === r;
  });
}

export class Accounts {
  private readonly codes = new Map<string, Code>();
  private readonly refreshTokens = new Map<string, Refresh>();

  constructor(private readonly opts: AccountsOptions) {}

  /** Revokes a refresh token (what removing the app's access in the Spotify account page does). */
  revokeRefreshToken(token: string): void {
    this.refreshTokens.delete(token);
  }

  authorize(q: URLSearchParams): AccountsReply {
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (clientId !== CLIENT_ID) return text(400, 'INVALID_CLIENT: Invalid client');
    if (!redirectUriAllowed(redirectUri)) return text(400, 'INVALID_CLIENT: Invalid redirect URI');
    const back = (params: Record<string, string>) => {
      const u = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      const state = q.get('state');
      if (state !== null) u.searchParams.set('state', state);
      return redirect(u.toString());
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const scopes = (q.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    if (scopes.some((s) => !KNOWN_SCOPES.has(s))) return back({ error: 'invalid_scope' });
    // Emulator extensions: `user` picks another seeded user; `deny=1` is the user pressing "Cancel".
    if (q.get('deny') === '1') return back({ error: 'access_denied' });
    const userId = q.get('user') ?? 'demo';
    if (!this.opts.state().users.has(userId)) return text(400, 'Unknown user');
    const code = `emu-code-${randomBytes(12).toString('base64url')}`;
    this.codes.set(code, {
      userId,
      scopes,
      redirectUri,
      clientId,
      expiresAt: this.opts.now() + CODE_TTL_MS,
    });
    return back({ code });
  }

  token(authorization: string | undefined, form: URLSearchParams): AccountsReply {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      id = colon >= 0 ? decoded.slice(0, colon) : decoded;
      secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    }
    if (id !== CLIENT_ID) return grantError('invalid_client', 'Invalid client');
    if (secret !== CLIENT_SECRET) return grantError('invalid_client', 'Invalid client secret');
    const grant = form.get('grant_type');
    if (grant !== 'authorization_code' && grant !== 'refresh_token') {
      return grantError('unsupported_grant_type', 'grant_type parameter is missing');
    }

    const now = this.opts.now();
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== id) return grantError('invalid_grant', 'Invalid authorization code');
      if (code.expiresAt <= now) {
        this.codes.delete(form.get('code')!);
        return grantError('invalid_grant', 'Authorization code expired');
      }
      if (form.get('redirect_uri') !== code.redirectUri)
        return grantError('invalid_grant', 'Invalid redirect URI');
      this.codes.delete(form.get('code')!);
      const refresh = `emu-rt-${randomBytes(18).toString('base64url')}`;
      this.refreshTokens.set(refresh, {
        userId: code.userId,
        scopes: code.scopes,
        clientId: id,
        issuedAt: now,
      });
      return json(200, { ...this.accessToken(code.userId, code.scopes), refresh_token: refresh });
    }
    const rt = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!rt || rt.clientId !== id) return grantError('invalid_grant', 'Invalid refresh token');
    if (now - rt.issuedAt >= REFRESH_TOKEN_TTL_MS)
      return grantError('invalid_grant', 'Refresh token revoked');
    // Spotify may or may not send a new refresh token; the emulator never does, so clients keep the old one.
    return json(200, this.accessToken(rt.userId, rt.scopes));
  }

  private accessToken(userId: string, scopes: string[]) {
    const ttl = this.opts.tokenTtlSeconds;
    return {
      access_token: this.opts.issueToken(userId, scopes, ttl),
      token_type: 'Bearer',
      scope: scopes.join(' '),
      ...(this.opts.omitExpiresIn ? {} : { expires_in: ttl }),
    };
  }
}
