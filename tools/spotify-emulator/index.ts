export {
  startEmulator,
  servedEndpoints,
  ALL_SCOPES,
  NOT_ALLOWLISTED_TEXT,
  type Emulator,
  type EmulatorOptions,
  type LoggedRequest,
} from './server';
export type { FaultSpec, FaultApi } from './faults';
export { CLIENT_ID, CLIENT_SECRET, REDIRECT_URIS, KNOWN_SCOPES, REFRESH_TOKEN_TTL_MS } from './accounts';
export { REMOVED_ENDPOINTS } from './removed';
export * from './state';
export * from './seed';
export * from './scenes';
