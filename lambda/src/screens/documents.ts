/**
 * The APL documents the skill sends, kept compact and inline (about 2 KB each) so a response with a long list
 * still fits Alexa's 24 KB. They import nothing (no alexa-layouts): every size comes from the datasource's `look`
 * (viewport.ts), so one document fits round, small, medium, large and TV screens, and the local console's renderer
 * draws exactly what a device would.
 * https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-document.html
 *
 * Touch: every TouchWrapper sends `SendEvent` with `[action, ...arguments]`; handlers/touch.ts reads them.
 */

export const APL_VERSION = '1.6';

const GREEN = '#1DB954';
const TEXT = '#FFFFFF';
const DIM = '#B3B3B3';
const BG = '#121212';

type Json = Record<string, unknown>;

function doc(items: Json[]): Json {
  return {
    type: 'APL',
    version: APL_VERSION,
    theme: 'dark',
    mainTemplate: {
      parameters: ['payload'],
      items: [
        {
          type: 'Container',
          width: '100vw',
          height: '100vh',
          paddingLeft: '${payload.look.pad}',
          paddingRight: '${payload.look.pad}',
          paddingTop: '${payload.look.pad / 2}',
          paddingBottom: '${payload.look.pad / 2}',
          items: [
            { type: 'Frame', position: 'absolute', width: '100vw', height: '100vh', backgroundColor: BG },
            ...items,
          ],
        },
      ],
    },
  };
}

const text = (value: string, size: string, extra: Json = {}): Json => ({
  type: 'Text',
  text: value,
  fontSize: size,
  color: TEXT,
  maxLines: 1,
  ...extra,
});

/** Now playing: art, title, artists, the device, progress, and the transport buttons. */
export const nowPlayingDocument: Json = doc([
  text('${payload.heading}', '${payload.look.small}dp', {
    id: 'heading',
    color: DIM,
    textAlign: '${payload.look.round ? "center" : "left"}',
  }),
  {
    type: 'Container',
    grow: 1,
    direction: '${payload.look.round ? "column" : "row"}',
    alignItems: 'center',
    justifyContent: 'center',
    items: [
      {
        type: 'Image',
        id: 'art',
        when: '${payload.art != ""}',
        source: '${payload.art}',
        width: '${payload.look.art}dp',
        height: '${payload.look.art}dp',
        scale: 'best-fill',
        borderRadius: '8dp',
      },
      {
        type: 'Container',
        grow: 1,
        shrink: 1,
        paddingLeft: '${payload.look.round ? 0 : payload.look.pad}',
        alignItems: '${payload.look.round ? "center" : "start"}',
        items: [
          text('${payload.title}', '${payload.look.title}dp', {
            id: 'title',
            fontWeight: 'bold',
            maxLines: 2,
            textAlign: '${payload.look.round ? "center" : "left"}',
          }),
          text('${payload.artists}', '${payload.look.body}dp', { id: 'artists', color: DIM }),
          text('${payload.device}', '${payload.look.small}dp', { id: 'device', color: GREEN }),
        ],
      },
    ],
  },
  {
    type: 'Frame',
    id: 'progress',
    when: '${payload.progress >= 0}',
    width: '100%',
    height: '6dp',
    borderRadius: '3dp',
    backgroundColor: '#404040',
    item: {
      type: 'Frame',
      width: '${payload.progress}%',
      height: '6dp',
      borderRadius: '3dp',
      backgroundColor: GREEN,
    },
  },
  {
    type: 'Container',
    id: 'buttons',
    direction: 'row',
    justifyContent: 'center',
    data: '${payload.buttons}',
    items: [
      {
        type: 'TouchWrapper',
        id: 'button-${data.action}',
        accessibilityLabel: '${data.label}',
        onPress: [{ type: 'SendEvent', arguments: ['${data.action}'] }],
        item: {
          type: 'Frame',
          width: '${payload.look.button}dp',
          height: '${payload.look.button}dp',
          borderRadius: '${payload.look.button / 2}dp',
          backgroundColor: '${data.main ? "' + GREEN + '" : "#282828"}',
          item: text('${data.symbol}', '${payload.look.body}dp', {
            width: '100%',
            height: '100%',
            textAlign: 'center',
            textAlignVertical: 'center',
          }),
        },
      },
    ],
  },
]);

/** A list to tap: playlists, devices, or the candidates of a "which one?" question. */
export const listDocument: Json = doc([
  text('${payload.heading}', '${payload.look.title}dp', {
    id: 'heading',
    fontWeight: 'bold',
    textAlign: '${payload.look.round ? "center" : "left"}',
  }),
  text('${payload.hint}', '${payload.look.small}dp', {
    id: 'hint',
    color: DIM,
    textAlign: '${payload.look.round ? "center" : "left"}',
  }),
  {
    type: 'Sequence',
    id: 'rows',
    grow: 1,
    shrink: 1,
    width: '100%',
    data: '${payload.rows}',
    items: [
      {
        type: 'TouchWrapper',
        id: 'row-${index}',
        accessibilityLabel: '${data.primary}',
        onPress: [{ type: 'SendEvent', arguments: ['${data.action}', '${data.ref}', '${data.name}'] }],
        item: {
          type: 'Container',
          direction: 'row',
          alignItems: 'center',
          paddingTop: '8dp',
          paddingBottom: '8dp',
          items: [
            {
              type: 'Image',
              when: '${data.image != "" && !payload.look.round}',
              source: '${data.image}',
              width: '${payload.look.thumb}dp',
              height: '${payload.look.thumb}dp',
              scale: 'best-fill',
              borderRadius: '4dp',
            },
            {
              type: 'Container',
              grow: 1,
              shrink: 1,
              paddingLeft: '16dp',
              items: [
                text('${data.primary}', '${payload.look.body}dp', {
                  color: '${data.dim ? "' + DIM + '" : "' + TEXT + '"}',
                }),
                text('${data.secondary}', '${payload.look.small}dp', {
                  color: '${data.active ? "' + GREEN + '" : "' + DIM + '"}',
                }),
              ],
            },
          ],
        },
      },
    ],
  },
]);

/** A message with nothing to touch: the account-linking prompt. */
export const messageDocument: Json = doc([
  {
    type: 'Container',
    grow: 1,
    justifyContent: 'center',
    alignItems: 'center',
    items: [
      text('${payload.heading}', '${payload.look.title}dp', {
        id: 'heading',
        fontWeight: 'bold',
        textAlign: 'center',
        maxLines: 2,
      }),
      text('${payload.text}', '${payload.look.body}dp', {
        id: 'text',
        color: DIM,
        textAlign: 'center',
        maxLines: 4,
        paddingTop: '16dp',
      }),
    ],
  },
]);

/** Every document the skill can send, by name (the validator checks each). */
export const DOCUMENTS = {
  nowPlaying: nowPlayingDocument,
  list: listDocument,
  message: messageDocument,
} as const;

export type DocumentName = keyof typeof DOCUMENTS;
