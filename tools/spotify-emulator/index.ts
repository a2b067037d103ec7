export { startEmulator, ALL_SCOPES, type Emulator, type LoggedRequest } from './server';
export * from './state';
