/** The part of a Rolldown warning this filter reads. */
export interface BundlerWarning {
  code?: string;
  message: string;
}

/**
 * True for the one bundler warning every MDX page raises in Astro 7.3 and that says nothing about the
 * page: Astro marks each content module with the directive `"use astro:head-inject"`, and Rolldown
 * warns that it may not keep a module-level directive (withastro/astro#18087). One such line per
 * article would bury the warnings a writer needs to see, so the build drops exactly this one.
 */
export function isHeadInjectDirectiveWarning(warning: BundlerWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

/** A Rolldown `onwarn` that passes every warning on except the one above. */
export function onBundlerWarning(warning: BundlerWarning, warn: (warning: BundlerWarning) => void): void {
  if (!isHeadInjectDirectiveWarning(warning)) warn(warning);
}
