/**
 * `/api/docs`: a readable reference of the HTTP API, rendered on the server from the OpenAPI
 * document. One self-contained page — plain HTML and a style element, no script, nothing fetched
 * from elsewhere — so it passes Baton's Content-Security-Policy and works offline.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  description?: string;
  additionalProperties?: boolean | Schema;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  nullable?: boolean;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Media = Record<string, { schema?: Schema }>;
type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Media };
  responses?: Record<string, { description?: string; content?: Media }>;
};
/** The parts of an OpenAPI 3.1 document the reference shows. */
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const TAG_ORDER = ['session', 'directory', 'maps', 'mentions', 'triage', 'cases', 'events', 'notifications', 'reports', 'audit', 'ops'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** `code` spans for text between backticks; everything else escaped. */
function prose(s: string | undefined): string {
  if (!s) return '';
  return esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** A schema as a short, TypeScript-like type, with links to named schemas. */
export function typeOf(s: Schema | undefined, indent = ''): string {
  if (!s) return 'any';
  if (s.$ref) return `<a href="#schema-${esc(refName(s.$ref))}">${esc(refName(s.$ref))}</a>`;
  if (s.const !== undefined) return esc(JSON.stringify(s.const));
  if (s.enum) return s.enum.map((v) => esc(JSON.stringify(v))).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeOf(u, indent)).join(' | ');
  if (s.allOf) return s.allOf.map((u) => typeOf(u, indent)).join(' &amp; ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return types.map((t) => typeOf({ ...s, type: t }, indent)).join(' | ');
  const t = types[0];
  if (t === 'array') return `${wrap(typeOf(s.items, indent))}[]${limits(s)}`;
  if (t === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (!props.length) return s.additionalProperties && typeof s.additionalProperties === 'object' ? `{ [key]: ${typeOf(s.additionalProperties, indent)} }` : 'object';
    const inner = indent + '  ';
    const lines = props.map(([k, v]) => {
      const opt = s.required?.includes(k) ? '' : '?';
      const note = v.description ? ` <span class="note">// ${prose(v.description)}</span>` : '';
      return `${inner}${esc(k)}${opt}: ${typeOf(v, inner)}${note}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (!t) return 'any';
  return `${esc(t)}${s.format ? ` (${esc(s.format)})` : ''}${limits(s)}${s.nullable ? ' | null' : ''}`;
}

function wrap(t: string): string {
  return t.includes(' | ') ? `(${t})` : t;
}

function limits(s: Schema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined && s.minLength > 0) parts.push(`min ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`max ${s.maxLength}`);
  if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems}`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.length ? ` <span class="note">(${esc(parts.join(', '))})</span>` : '';
}

/** Who may call an operation, from its security requirement and the role its summary names. */
export function whoMayCall(op: Operation): string {
  if (op.security && op.security.length === 0) return 'Anyone: no sign-in needed';
  const schemes = (op.security ?? []).flatMap((r) => Object.keys(r));
  if (schemes.length === 1 && schemes[0] === 'bearer') return 'An ingest token (Authorization: Bearer), or an admin or manager session';
  const role = /\(([^)]*\b(admin|approver|manager|hub)\b[^)]*)\)/.exec(op.summary ?? '')?.[1];
  return role ? `Signed in (session cookie or bearer token) as: ${role}` : 'Any signed-in user (session cookie or bearer token); what you see follows your role and teams';
}

function schemaOfMedia(content: Media | undefined): { type: string; schema?: Schema } | undefined {
  if (!content) return undefined;
  const [type, media] = Object.entries(content)[0] ?? [];
  return type ? { type, schema: media?.schema } : undefined;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const id = op.operationId ?? `${method}-${path}`;
  const out: string[] = [];
  out.push(`<section class="op" id="${esc(id)}">`);
  out.push(`<h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>`);
  out.push(`<p class="summary">${prose(op.summary)}</p>`);
  if (op.description) out.push(`<p>${prose(op.description)}</p>`);
  out.push(`<dl><dt>Operation</dt><dd><code>${esc(id)}</code></dd><dt>Who may call it</dt><dd>${esc(whoMayCall(op))}</dd></dl>`);
  if (op.parameters?.length) {
    out.push('<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th></th></tr></thead><tbody>');
    for (const p of op.parameters) {
      out.push(`<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td><code>${typeOf(p.schema)}</code></td><td>${p.required ? 'required' : 'optional'}${p.description ? ` — ${prose(p.description)}` : ''}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  const body = schemaOfMedia(op.requestBody?.content);
  if (body) {
    out.push(`<h4>Body <span class="note">${esc(body.type)}, ${op.requestBody?.required ? 'required' : 'optional'}</span></h4>`);
    if (op.requestBody?.description) out.push(`<p>${prose(op.requestBody.description)}</p>`);
    out.push(`<pre>${typeOf(body.schema)}</pre>`);
  }
  out.push('<h4>Responses</h4><table><tbody>');
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const media = schemaOfMedia(res.content);
    const shape = media ? (media.schema ? `<pre>${typeOf(media.schema)}</pre>` : `<span class="note">${esc(media.type)}</span>`) : '';
    out.push(`<tr><td class="status s${esc(status[0])}">${esc(status)}</td><td>${prose(res.description)}${shape}</td></tr>`);
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;color:#1d2430;margin:0;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#c9d1dc;max-width:70em}
header a{color:#fff}
.wrap{display:flex;gap:24px;padding:24px 32px;align-items:flex-start}
nav{position:sticky;top:16px;min-width:230px;max-height:calc(100vh - 32px);overflow:auto;font-size:13px}
nav h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;margin:14px 0 4px;color:#5a6474}
nav a{display:block;color:#1d2430;text-decoration:none;padding:1px 0}nav a:hover,nav a:focus{text-decoration:underline}
main{flex:1;min-width:0}
main>h2{font-size:20px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid #d6dbe2;text-transform:capitalize}
.op{background:#fff;border:1px solid #d6dbe2;border-radius:6px;padding:12px 16px;margin:0 0 14px}
.op h3{margin:0 0 4px;font-size:16px}.summary{margin:0 0 6px;font-weight:500}
.method{display:inline-block;min-width:58px;text-align:center;border-radius:4px;padding:1px 6px;font-size:12px;color:#fff;background:#4b5563}
.method.get{background:#1f6feb}.method.post{background:#1a7f37}.method.put,.method.patch{background:#9a6700}.method.delete{background:#cf222e}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;font-size:14px}dt{color:#5a6474}dd{margin:0}
h4{margin:10px 0 4px;font-size:14px}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border-top:1px solid #e5e8ec;padding:4px 8px;text-align:left;vertical-align:top}
th{font-weight:600;color:#5a6474}
pre{background:#f3f4f6;border-radius:4px;padding:8px;overflow:auto;font-size:13px;margin:4px 0}
code{font-size:13px}.note{color:#5a6474;font-weight:normal}
.status{font-weight:600;width:3em}.s2{color:#1a7f37}.s4{color:#9a3412}.s5{color:#cf222e}
a{color:#0b57d0}
`;

/** The whole reference page for an OpenAPI document. */
export function apiReferenceHtml(doc: OpenApiDocument): string {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op });
    }
  }
  const tags = [...byTag.keys()].sort((a, b) => (TAG_ORDER.indexOf(a) + 1 || 99) - (TAG_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const nav = tags
    .map((tag) => `<h2>${esc(tag)}</h2>${byTag.get(tag)!.map(({ method, path, op }) => `<a href="#${esc(op.operationId ?? `${method}-${path}`)}">${esc(method.toUpperCase())} ${esc(path.replace(/^\/api/, ''))}</a>`).join('')}`)
    .join('');
  const main = tags.map((tag) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>\n${byTag.get(tag)!.map(({ method, path, op }) => operationHtml(method, path, op)).join('\n')}`).join('\n');
  const schemaHtml = schemas.map(([name, s]) => `<section class="op" id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${prose(s.description)}</p>` : ''}<pre>${typeOf(s)}</pre></section>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — reference</title><style>${STYLE}</style></head>
<body><header><h1>${esc(doc.info.title)}</h1><p>${prose(doc.info.description)} The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>.</p></header>
<div class="wrap"><nav aria-label="Operations">${nav}<h2>schemas</h2>${schemas.map(([n]) => `<a href="#schema-${esc(n)}">${esc(n)}</a>`).join('')}</nav>
<main>${main}
<h2 id="schemas">Schemas</h2>
${schemaHtml}
</main></div></body></html>`;
}
