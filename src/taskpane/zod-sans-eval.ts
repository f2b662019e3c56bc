/**
 * Imported first by the entry point: zod compiles fast parsers with `new Function` unless told not
 * to, and merely probing for it is reported as a violation of the page's CSP (no 'unsafe-eval').
 * Schemas read this setting when they are built, i.e. when src/dossier is imported, hence a module
 * of its own that runs before it.
 */
import { z } from "zod";

z.config({ jitless: true });
