// Upload of the scenario's model-card.json and report.md as a workflow artifact, on every run:
// the artifact of a push to the base branch is the baseline later pull requests compare with,
// and the privileged workflow_run workflow reads a fork PR's card from it.
// The uploader is an interface so run.ts is tested without the Actions results service.
import { DefaultArtifactClient } from '@actions/artifact';

export interface UploadOptions {
  /** Days GitHub keeps the artifact; null: the repository's default (GitHub caps it at the repository's setting). */
  retentionDays?: number | null;
}

export interface ArtifactUploader {
  upload(name: string, files: string[], rootDirectory: string, options?: UploadOptions): Promise<{ id: number | null; size: number | null }>;
}

/** The real uploader (twirp CreateArtifact -> blob upload -> FinalizeArtifact, via ACTIONS_RUNTIME_TOKEN). */
export function actionsArtifactUploader(): ArtifactUploader {
  const client = new DefaultArtifactClient();
  return {
    async upload(name, files, rootDirectory, options) {
      const r = await client.uploadArtifact(name, files, rootDirectory, {
        compressionLevel: 6,
        ...(options?.retentionDays ? { retentionDays: options.retentionDays } : {}),
      });
      return { id: r.id ?? null, size: r.size ?? null };
    },
  };
}
