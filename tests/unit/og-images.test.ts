import { describe, expect, it } from 'vitest';
import { ogImages } from '../../src/integrations/og-images';

describe('preview image integrations', () => {
  it('refuses to write images that were never started, naming the order to fix', async () => {
    const { write } = ogImages({ site: 'https://docs.example.org', base: '/' });
    const done = write.hooks['astro:build:done'] as unknown as (options: { logger: { info: () => void } }) => Promise<void>;
    await expect(done({ logger: { info: () => undefined } })).rejects.toThrow(/og-images integration must come before og-images-write/);
  });
});
