import { describe, expect, it } from 'vitest';
import { isHeadInjectDirectiveWarning, onBundlerWarning, type BundlerWarning } from '../../src/lib/build-warnings';

const headInject: BundlerWarning = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/en/overview.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('bundler warnings', () => {
  it("drops only Astro's head-inject directive warning", () => {
    expect(isHeadInjectDirectiveWarning(headInject)).toBe(true);
    expect(isHeadInjectDirectiveWarning({ ...headInject, message: headInject.message.replace('astro:head-inject', 'use client') })).toBe(
      false,
    );
    expect(isHeadInjectDirectiveWarning({ code: 'CIRCULAR_DEPENDENCY', message: headInject.message })).toBe(false);
  });
  it('passes every other warning on unchanged', () => {
    const passed: BundlerWarning[] = [];
    const other = {
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: 'The semantics of the module level directive "use client" in "x.js" may not be preserved',
    };
    onBundlerWarning(headInject, (w) => passed.push(w));
    onBundlerWarning(other, (w) => passed.push(w));
    expect(passed).toEqual([other]);
  });
});
