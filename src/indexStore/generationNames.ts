import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** DATA_DIR/generations: one folder per saved index. */
const GENERATIONS = 'generations';

export function generationsRoot(dataDir: string): string {
  return join(dataDir, GENERATIONS);
}

export function generationName(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/** Exactly what generationName() makes: a name read from disk becomes a path only if it is one. */
const GENERATION_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/;

export function isGenerationName(name: unknown): name is string {
  return typeof name === 'string' && GENERATION_NAME.test(name);
}
