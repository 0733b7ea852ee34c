// A fake of the parts of GitHub the action talks to, on 127.0.0.1 (random port), for running
// the bundled dist/index.js as a runner does:
//   REST   /repos/{o}/{r}/...   workflow runs, run artifacts, artifact zip (302 -> blob),
//                               contents (raw; from `contents` or the git store), issue
//                               comments (paginated), pulls, and the Git Data API (refs,
//                               commits, trees) of any repository in `gitRepos` (fake-git.ts)
//   GraphQL /graphql            viewer { login }
// With `ghes: true` REST and GraphQL answer only under /api/v3 and /api/graphql, as on GitHub
// Enterprise Server (apiUrl / graphqlUrl say where).
//   Twirp  /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact}
//   Blob   /blob/...            Azure block-blob stageBlock (comp=block) + commitBlockList
// Uploaded artifacts are attached to the run named in the runtime token, so a push run's
// upload becomes the baseline a later pull-request run downloads. Faults (5xx, rate limits,
// 403) are queued per route. Everything is in memory and bounded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitRepo, type GitAnswer } from './fake-git.js';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  issue: number;
}

export interface FakeRun {
  id: number;
  workflowFile: string;
  branch: string;
  event: string;
  conclusion: 'success' | 'failure';
  headSha: string;
  createdAt: string;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  zip: Buffer;
  expired: boolean;
}

export interface Fault {
  method: string;
  /** Matched against the path without query string. */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many requests it answers before the route behaves normally. */
  times: number;
  /** Answer only after this long (to test request time limits). */
  delayMs?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  authorization: string | undefined;
  /** Request body of Git Data writes (to check e.g. that no ref update is forced). */
  body?: unknown;
}

export interface FakeGitHub {
  /** Where the server listens (artifact results service, blobs). */
  url: string;
  /** GITHUB_API_URL: `url`, or `url`/api/v3 with ghes. */
  apiUrl: string;
  /** GITHUB_GRAPHQL_URL. */
  graphqlUrl: string;
  owner: string;
  repo: string;
  comments: FakeComment[];
  runs: FakeRun[];
  artifacts: FakeArtifact[];
  contents: Map<string, string>; // `${ref}:${path}` -> text
  pulls: Array<{ number: number; headLabel: string; headSha: string }>;
  requests: LoggedRequest[];
  faults: Fault[];
  /** Comments POST/PATCH and Git Data writes answer 403 "Resource not accessible by integration" (a fork's token). */
  readOnly: boolean;
  /** Git stores by `owner/name` (the fake's own repository always has one). */
  gitRepos: Map<string, FakeGitRepo>;
  /** The git store of a repository, created when first asked for. */
  git(fullName?: string): FakeGitRepo;
  /** Repositories whose git data the token may read but not write (403 on writes). */
  gitWriteForbidden: Set<string>;
  /**
   * Hold ref updates (PATCH git/refs) until this many are waiting, then answer them in arrival
   * order, once: two runs that read the same head both try to move it, and the second is not a
   * fast-forward. 0: off.
   */
  refUpdateBarrier: number;
  /** CreateArtifact requests as received (name, run, expires_at from retention-days). */
  createdArtifacts: Array<{ runId: number; name: string; expiresAt: string | null }>;
  viewerLogin: string;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;

export async function startFakeGitHub(opts: { owner?: string; repo?: string; ghes?: boolean } = {}): Promise<FakeGitHub> {
  const owner = opts.owner ?? 'acme';
  const repo = opts.repo ?? 'model';
  const restPrefix = opts.ghes ? '/api/v3' : '';
  const graphqlPath = opts.ghes ? '/api/graphql' : '/graphql';
  let nextId = 1000;
  const blobs = new Map<string, { blocks: Map<string, Buffer>; data: Buffer | null }>();
  const pending = new Map<string, { runId: number; name: string }>(); // blob key -> artifact being created

  const gitRepos = new Map<string, FakeGitRepo>();
  const held: Array<() => void> = [];
  const fake: FakeGitHub = {
    url: '',
    apiUrl: '',
    graphqlUrl: '',
    owner,
    repo,
    comments: [],
    runs: [],
    artifacts: [],
    contents: new Map(),
    pulls: [],
    requests: [],
    faults: [],
    readOnly: false,
    gitRepos,
    git: (fullName = `${owner}/${repo}`) => {
      let g = gitRepos.get(fullName);
      if (!g) {
        g = new FakeGitRepo(fullName, () => fake.apiUrl);
        gitRepos.set(fullName, g);
      }
      return g;
    },
    gitWriteForbidden: new Set(),
    refUpdateBarrier: 0,
    createdArtifacts: [],
    viewerLogin: 'github-actions',
    close: async () => {},
  };
  fake.git();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://fake');
      const gitWrite = req.method !== 'GET' && /\/git\//.test(url.pathname);
      const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
        fake.requests.push({
          method: req.method ?? '',
          path: url.pathname + url.search,
          status,
          authorization: req.headers.authorization,
          ...(gitWrite ? { body: safeJson(body) } : {}),
        });
        const isBuf = Buffer.isBuffer(data);
        const payload = data === undefined ? '' : isBuf ? data : JSON.stringify(data);
        res.writeHead(status, {
          ...(isBuf || data === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          'x-ratelimit-remaining': '4999',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
          ...headers,
        });
        res.end(payload);
      };
      try {
        const fault = fake.faults.find((f) => f.times > 0 && f.method === req.method && f.path.test(url.pathname));
        if (fault) {
          fault.times--;
          const answer = () => {
            if (!res.destroyed) send(fault.status, fault.body ?? { message: `fake fault ${fault.status}` }, fault.headers ?? {});
          };
          if (fault.delayMs) setTimeout(answer, fault.delayMs).unref();
          else answer();
          return;
        }
        if (req.method === 'PATCH' && /\/git\/refs\//.test(url.pathname) && fake.refUpdateBarrier > 0) {
          held.push(() => route('PATCH', url, body, req, send));
          if (held.length >= fake.refUpdateBarrier) {
            fake.refUpdateBarrier = 0;
            for (const h of held.splice(0)) h();
          }
          return;
        }
        route(req.method ?? 'GET', url, body, req, send);
      } catch (e) {
        send(500, { message: `fake-github bug: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
  });

  type Send = (status: number, data?: unknown, headers?: Record<string, string>) => void;

  function route(method: string, url: URL, body: Buffer, req: http.IncomingMessage, send: Send): void {
    const q = url.searchParams;
    const base = `/repos/${owner}/${repo}`;
    let m: RegExpExecArray | null;
    // GHES serves REST under /api/v3: a request without it is not the API.
    const p = url.pathname.startsWith(`${restPrefix}/repos/`) ? url.pathname.slice(restPrefix.length) : url.pathname;

    if (method === 'POST' && p === graphqlPath) {
      const query = String((JSON.parse(body.toString('utf8')) as { query?: unknown }).query ?? '');
      if (/viewer\s*\{\s*login/.test(query)) return send(200, { data: { viewer: { login: fake.viewerLogin } } });
      return send(200, { errors: [{ message: `fake: unsupported query ${query.slice(0, 80)}` }] });
    }

    // ---- Twirp artifact service (results service)
    if (method === 'POST' && (m = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(p))) {
      const reqBody = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      const runId = Number(String(reqBody.workflow_run_backend_id ?? '').replace(/^run-/, ''));
      const name = String(reqBody.name ?? '');
      if (m[1] === 'CreateArtifact') {
        fake.createdArtifacts.push({ runId, name, expiresAt: typeof reqBody.expires_at === 'string' ? reqBody.expires_at : null });
        // As the results service does: one name per workflow run (matrix jobs included).
        if (fake.artifacts.some((a) => a.runId === runId && a.name === name)) {
          return send(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
        }
        const key = `${runId}-${name}-${nextId++}`;
        pending.set(key, { runId, name });
        blobs.set(key, { blocks: new Map(), data: null });
        return send(200, { ok: true, signed_upload_url: `${fake.url}/blob/artifacts/${encodeURIComponent(key)}?sig=fakesig&se=2099-01-01` });
      }
      if (m[1] === 'FinalizeArtifact') {
        const entry = [...pending.entries()].find(([, v]) => v.runId === runId && v.name === name);
        const blob = entry ? blobs.get(entry[0]) : undefined;
        if (!entry || !blob?.data) return send(404, { code: 'not_found', msg: 'no uploaded blob for this artifact' });
        pending.delete(entry[0]);
        const id = nextId++;
        fake.artifacts.push({ id, runId, name, zip: blob.data, expired: false });
        return send(200, { ok: true, artifact_id: String(id) });
      }
      return send(404, { code: 'bad_route', msg: `fake: no ${m[1]}` });
    }

    // ---- Azure blob (what @azure/storage-blob's BlockBlobClient.uploadStream sends)
    if ((m = /^\/blob\/artifacts\/([^/]+)$/.exec(p))) {
      const key = decodeURIComponent(m[1] ?? '');
      const blob = blobs.get(key);
      if (!blob) return send(404, { message: 'no such blob' });
      const azure = { 'x-ms-request-id': 'fake', 'x-ms-version': '2024-11-04', etag: '"0x1"', 'last-modified': new Date().toUTCString() };
      if (method === 'PUT' && q.get('comp') === 'block') {
        blob.blocks.set(q.get('blockid') ?? '', body);
        return send(201, undefined, { ...azure, 'x-ms-request-server-encrypted': 'true' });
      }
      if (method === 'PUT' && q.get('comp') === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((x) => x[1] ?? '');
        blob.data = Buffer.concat(ids.map((id) => blob.blocks.get(id) ?? Buffer.alloc(0)));
        return send(201, undefined, azure);
      }
      if (method === 'PUT') {
        blob.data = body;
        return send(201, undefined, azure);
      }
      if (method === 'GET' && blob.data) return send(200, blob.data, { 'content-type': 'application/zip' });
      return send(405, { message: 'fake blob: unsupported' });
    }
    // Archives: GitHub answers /zipball/REF with a redirect to codeload; this is the codeload side.
    if (method === 'GET' && (m = /^\/codeload\/([^/]+\/[^/]+)\/zip\/([0-9a-f]{40})$/.exec(p))) {
      const z = gitRepos.get(m[1] ?? '')?.zipball(m[2] ?? '');
      return z ? send(200, z.zip, { 'content-type': 'application/zip' }) : send(404, { message: 'Not Found' });
    }
    if (method === 'GET' && (m = /^\/blob\/download\/(\d+)$/.exec(p))) {
      const a = fake.artifacts.find((x) => x.id === Number(m?.[1]));
      return a ? send(200, a.zip, { 'content-type': 'application/zip' }) : send(404, { message: 'Not Found' });
    }

    if (url.pathname.startsWith('/repos/') && restPrefix) return send(404, { message: 'Not Found (fake GHES: REST lives under /api/v3)' });
    // Git Data API and contents of any repository with a git store.
    if ((m = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/.exec(p))) {
      const g = gitRepos.get(m[1] ?? '');
      const r = m[2] ?? '';
      if (g && (r.startsWith('/git/') || r.startsWith('/contents/') || r.startsWith('/zipball/'))) {
        const answer = gitRoute(g, method, r, q, body);
        if (answer) return send(answer.status, answer.body, answer.headers ?? {});
      }
    }

    if (!p.startsWith(`${base}/`) && p !== base) return send(404, { message: 'Not Found' });
    const rest = p.slice(base.length);

    if (method === 'GET' && (m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest))) {
      const wf = decodeURIComponent(m[1] ?? '');
      const runs = fake.runs
        .filter((r) => r.workflowFile === wf)
        .filter((r) => !q.get('branch') || r.branch === q.get('branch'))
        .filter((r) => !q.get('event') || r.event === q.get('event'))
        .filter((r) => !q.get('status') || r.conclusion === q.get('status'))
        .filter((r) => createdMatches(r.createdAt, q.get('created')))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      // Pagination as GitHub does it (page, per_page; total_count of every match).
      const perPage = Math.min(Number(q.get('per_page') ?? 30), 100);
      const page = Number(q.get('page') ?? 1);
      return send(200, { total_count: runs.length, workflow_runs: runs.slice((page - 1) * perPage, page * perPage).map(runJson) });
    }
    if (method === 'GET' && rest === '/actions/artifacts') {
      // Repository artifacts, newest first, paginated, optionally by exact name (ledger).
      const perPage = Math.min(Number(q.get('per_page') ?? 30), 100);
      const page = Number(q.get('page') ?? 1);
      const list = fake.artifacts
        .filter((a) => !q.get('name') || a.name === q.get('name'))
        .sort((a, b) => artifactCreatedAt(b).localeCompare(artifactCreatedAt(a)) || b.id - a.id);
      return send(200, { total_count: list.length, artifacts: list.slice((page - 1) * perPage, page * perPage).map(artifactJson) });
    }
    if (method === 'GET' && (m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest))) {
      const runId = Number(m[1]);
      const list = fake.artifacts.filter((a) => a.runId === runId && (!q.get('name') || a.name === q.get('name')));
      return send(200, { total_count: list.length, artifacts: list.map(artifactJson) });
    }
    if (method === 'GET' && (m = /^\/actions\/runs\/(\d+)$/.exec(rest))) {
      const r = fake.runs.find((x) => x.id === Number(m?.[1]));
      return r ? send(200, runJson(r)) : send(404, { message: 'Not Found' });
    }
    if (method === 'GET' && (m = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
      const a = fake.artifacts.find((x) => x.id === Number(m?.[1]));
      if (!a) return send(404, { message: 'Not Found' });
      if (a.expired) return send(410, { message: 'Artifact has expired' });
      return send(302, undefined, { location: `${fake.url}/blob/download/${a.id}` });
    }

    if (method === 'GET' && rest === '/pulls') {
      const head = q.get('head');
      return send(
        200,
        fake.pulls.filter((x) => !head || x.headLabel === head).map((x) => ({ number: x.number, head: { sha: x.headSha, label: x.headLabel } })),
      );
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') {
        const perPage = Math.min(Number(q.get('per_page') ?? 30), 100);
        const page = Number(q.get('page') ?? 1);
        const all = fake.comments.filter((c) => c.issue === issue);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const link: Record<string, string> =
          page < last
            ? { link: `<${fake.url}${p}?per_page=${perPage}&page=${page + 1}>; rel="next", <${fake.url}${p}?per_page=${perPage}&page=${last}>; rel="last"` }
            : {};
        return send(200, slice.map(commentJson), link);
      }
      if (method === 'POST') {
        if (fake.readOnly) return send(403, { message: 'Resource not accessible by integration', status: '403' });
        const text = String((JSON.parse(body.toString('utf8')) as { body?: unknown }).body ?? '');
        if (text.length >= 65_536) return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        const c: FakeComment = { id: nextId++, body: text, user: { login: `${fake.viewerLogin}[bot]`, type: 'Bot' }, issue };
        fake.comments.push(c);
        return send(201, commentJson(c));
      }
    }
    if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      if (fake.readOnly) return send(403, { message: 'Resource not accessible by integration', status: '403' });
      const c = fake.comments.find((x) => x.id === Number(m?.[1]));
      if (!c) return send(404, { message: 'Not Found' });
      const text = String((JSON.parse(body.toString('utf8')) as { body?: unknown }).body ?? '');
      if (text.length >= 65_536) return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
      c.body = text;
      return send(200, commentJson(c));
    }
    void req;
    send(404, { message: `fake: no route ${method} ${p}` });
  }

  /**
   * Git Data API and raw contents of one repository; null when the route is not one of them.
   * The fixed `contents` map (files at a commit, set by tests) is read first for the fake's own repository.
   */
  function gitRoute(g: FakeGitRepo, method: string, rest: string, q: URLSearchParams, body: Buffer): (GitAnswer & { headers?: Record<string, string> }) | null {
    let m: RegExpExecArray | null;
    const json = (): unknown => JSON.parse(body.toString('utf8') || '{}');
    const write = method !== 'GET';
    if (write && (fake.readOnly || fake.gitWriteForbidden.has(g.fullName))) {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/git', status: '403' } };
    }
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const path = decodeURIComponent(m[1] ?? '');
      const ref = q.get('ref') ?? 'main';
      const fixed = g.fullName === `${owner}/${repo}` ? fake.contents.get(`${ref}:${path}`) : undefined;
      const data = fixed !== undefined ? Buffer.from(fixed, 'utf8') : g.fileAt(ref, path);
      if (data === undefined)
        return {
          status: 404,
          body: {
            message: `No commit found for the ref ${ref}`,
            documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
            status: '404',
          },
        };
      if (data === null)
        return {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' },
        };
      return { status: 200, body: data, headers: { 'content-type': 'application/vnd.github.raw' } };
    }
    if (method === 'GET' && (m = /^\/zipball\/(.+)$/.exec(rest))) {
      const z = g.zipball(decodeURIComponent(m[1] ?? ''));
      if (!z)
        return {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#download-a-repository-archive-zip', status: '404' },
        };
      return { status: 302, body: undefined, headers: { location: `${fake.url}/codeload/${g.fullName}/zip/${z.sha}` } };
    }
    if (method === 'GET' && (m = /^\/git\/ref\/(.+)$/.exec(rest))) return g.getRef(decodeURIComponent(m[1] ?? ''));
    if (method === 'GET' && (m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest))) return g.getCommit(m[1] ?? '');
    if (method === 'POST' && rest === '/git/trees') return g.createTree(json());
    if (method === 'POST' && rest === '/git/commits') return g.createCommit(json());
    if (method === 'POST' && rest === '/git/refs') return g.createRef(json());
    if (method === 'PATCH' && (m = /^\/git\/refs\/(.+)$/.exec(rest))) return g.updateRef(decodeURIComponent(m[1] ?? ''), json());
    return null;
  }

  /** GitHub's `created` qualifier for list workflow runs: `>=DATE`, `<=DATE`, `>DATE`, `<DATE`, `A..B` (ledger). */
  function createdMatches(createdAt: string, filter: string | null): boolean {
    if (!filter) return true;
    const t = Date.parse(createdAt);
    const range = /^(.+)\.\.(.+)$/.exec(filter);
    if (range) return t >= Date.parse(range[1] ?? '') && t <= Date.parse(range[2] ?? '');
    const m = /^(>=|<=|>|<)?(.+)$/.exec(filter);
    const at = Date.parse(m?.[2] ?? '');
    switch (m?.[1]) {
      case '>=':
        return t >= at;
      case '<=':
        return t <= at;
      case '>':
        return t > at;
      case '<':
        return t < at;
      default:
        return t === at;
    }
  }

  function runJson(r: FakeRun) {
    return {
      id: r.id,
      name: r.workflowFile,
      path: `.github/workflows/${r.workflowFile}`,
      workflow_id: 77,
      head_branch: r.branch,
      head_sha: r.headSha,
      event: r.event,
      status: 'completed',
      conclusion: r.conclusion,
      created_at: r.createdAt,
    };
  }
  /** An artifact is created during its run: the run's created_at (fixed when the run is unknown). */
  function artifactCreatedAt(a: FakeArtifact): string {
    return fake.runs.find((r) => r.id === a.runId)?.createdAt ?? '2026-01-01T00:00:00Z';
  }

  function artifactJson(a: FakeArtifact) {
    return {
      id: a.id,
      name: a.name,
      created_at: artifactCreatedAt(a),
      size_in_bytes: a.zip.length,
      expired: a.expired,
      expires_at: a.expired ? '2026-01-01T00:00:00Z' : '2099-01-01T00:00:00Z',
      archive_download_url: `${fake.url}/repos/${owner}/${repo}/actions/artifacts/${a.id}/zip`,
      workflow_run: { id: a.runId },
    };
  }
  function commentJson(c: FakeComment) {
    return { id: c.id, body: c.body, user: c.user, html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}` };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${port}`;
  fake.apiUrl = `${fake.url}${restPrefix}`;
  fake.graphqlUrl = `${fake.url}${graphqlPath}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function safeJson(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * An ACTIONS_RUNTIME_TOKEN: an unsigned JWT whose `scp` claim carries the
 * `Actions.Results:<run backend id>:<job backend id>` scope @actions/artifact decodes.
 */
export function fakeRuntimeToken(runId: number): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:1 Actions.Results:run-${runId}:job-${runId}`, exp: 4102444800 })}.sig`;
}
