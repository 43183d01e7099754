import { decodePath } from '../../src/changes/paths.js';

/** The hostile names: spaces, quotes, $(), backticks, tabs, newlines, a non-UTF-8 byte, a leading dash. */
export const HOSTILE_NAMES = [
  'plain/file.ts',
  'with space.txt',
  'it\'s "quoted".txt',
  '$(touch pwned).txt',
  '`touch pwned`.txt',
  'tab\there.txt',
  'new\nline.txt',
  'x\n::error::injected.txt',
  decodePath(Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x74, 0x78, 0x74])),
  '-rf',
  'ünï©ødé.txt',
  'semi;colon|pipe&amp.txt',
  'back\\slash.txt',
  "'",
];
