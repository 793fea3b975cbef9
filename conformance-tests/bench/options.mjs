// The command-line options the bench drivers share.
import path from 'node:path';
import { SHADED_JAR } from '../test/support/paddock.mjs';

const argv = process.argv.slice(2);

/** Every `--jar FILE` given, resolved, in order; the built paddock.jar when there is none. */
export function jarsOption() {
  const jars = argv.flatMap((a, i) => (a === '--jar' ? [path.resolve(argv[i + 1])] : []));
  return jars.length > 0 ? jars : [SHADED_JAR];
}

/** `--NAME N` as a number, else `fallback`. */
export function numberOption(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}
