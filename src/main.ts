// Action shell: the only file (with cli.ts) that touches @actions/core and process.env.
// Placeholder until the GitHub issue lands; it must build.
import * as core from '@actions/core';

export async function run(): Promise<void> {
  core.setFailed('ml-lca action: not implemented yet');
}
