/**
 * The documented minimum of sequential Spotify round trips per intent, with the utterance and the setup that
 * exercise it. Conversation tests and `npm run bench` both check the achieved count against `minimum`.
 */
import type { Emulator } from '../../tools/spotify-emulator';
import { aLaunch, type EnvelopeBuilder } from './envelopes';

export interface RoundTripCase {
  intent: string;
  say: string;
  build: (token: string) => EnvelopeBuilder;
  arrange?: (emulator: Emulator) => void | Promise<void>;
  minimum: number;
  why: string;
}

export const ROUND_TRIPS: RoundTripCase[] = [
  {
    intent: 'LaunchRequest',
    say: 'open connect remote',
    build: (token) => aLaunch().linked(token),
    minimum: 1,
    why: 'GET /me/player to say what is playing',
  },
];
