#!/usr/bin/env node
// A Veil client written from the .proto files alone: no generated code and
// nothing from the Python package. It walks the whole life of a dataset
// (upload, synthesis, records, report, budget, delete) and shows how a
// structured error is unpacked.
//
//   node client.mjs --address 127.0.0.1:50551 --token TOKEN [--dataset-id node-example]
//
// Progress goes to stderr; the last line on stdout is one JSON summary, so a
// script (or a test) can run this and parse that line.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { Float64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import protobuf from 'protobufjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// Each upload message must stay under 4 MiB; aiming well below leaves room
// for the protobuf framing around the Arrow bytes.
const MAX_CHUNK_BYTES = 1024 * 1024;
// Fitting, sampling and especially the privacy report take a while on a
// shared machine; give up well before a caller's own timeout would.
const SYNTHESIS_TIMEOUT_MS = 9 * 60 * 1000;
const POLL_INTERVAL_MS = 500;
const CALL_TIMEOUT_MS = 120 * 1000;

// Both proto-loader (for the stubs) and protobufjs (for Any payloads and
// error details) convert with these, so every message looks the same to the
// code below. longs: String because int64 does not fit a JS number.
const CONVERSION = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

const log = (...parts) => console.error('[veil-node]', ...parts);

// A mistake in how the script was called: worth a message, not a stack.
class UsageError extends Error {}

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      address: { type: 'string' },
      token: { type: 'string' },
      'dataset-id': { type: 'string', default: 'node-example' },
      protos: { type: 'string', default: path.resolve(HERE, '..', '..', 'protos') },
      // A test hook: writes the column names, person names and emails it
      // uploads, so a caller can check that none of the values comes back.
      'save-upload': { type: 'string' },
    },
    strict: true,
  });
  if (!values.address || !values.token) {
    throw new UsageError(
      'usage: node client.mjs --address HOST:PORT --token TOKEN [--dataset-id ID] [--protos DIR] [--save-upload FILE]',
    );
  }
  return values;
}

// ------------------------------------------------------------ the contract

// A package's folder, found the way Node finds the package itself, so the
// script works from any cwd and with hoisted node_modules.
function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function includeDirs(protosDir) {
  if (!fs.existsSync(path.join(protosDir, 'veil', 'v1', 'veil.proto'))) {
    throw new UsageError(`${protosDir} holds no veil/v1/veil.proto; point --protos at the repository's protos/`);
  }
  return [
    protosDir, // veil/v1/*.proto: the contract
    packageDir('google-proto-files'), // google/{api,longrunning,rpc,protobuf}/*.proto
    path.join(packageDir('grpc-health-check'), 'proto'), // health/v1/health.proto
  ];
}

const PROTO_FILES = [
  'veil/v1/veil.proto',
  'veil/v1/errors.proto',
  'google/longrunning/operations.proto',
  'google/rpc/error_details.proto',
  'health/v1/health.proto',
];

function loadStubs(dirs) {
  const definition = protoLoader.loadSync(PROTO_FILES, { ...CONVERSION, includeDirs: dirs });
  return grpc.loadPackageDefinition(definition);
}

// proto-loader builds stubs but exposes no message codecs; Any payloads and
// the binary error trailer need real protobufjs types, loaded from the very
// same files so they cannot drift from the stubs.
function loadTypes(dirs) {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    for (const dir of dirs) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) return candidate;
    }
    return target; // protobufjs knows google/protobuf/* itself
  };
  root.loadSync(PROTO_FILES, { keepCase: true });
  return root;
}

// An Any holds a type URL and the message's bytes; the type URL's last path
// segment is the full message name.
function unpackAny(types, any, expected) {
  const typeName = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
  if (expected && typeName !== expected) {
    throw new Error(`expected an Any holding ${expected}, got ${any.type_url}`);
  }
  const type = types.lookupType(typeName);
  return { typeName, message: type.toObject(type.decode(any.value), CONVERSION) };
}

// A failed Veil call carries a google.rpc.Status in the trailer
// grpc-status-details-bin; its details are Anys (ErrorInfo always, BadRequest
// when the request was at fault).
function decodeErrorDetails(types, err) {
  const [raw] = err.metadata?.get('grpc-status-details-bin') ?? [];
  if (!raw) return null;
  const Status = types.lookupType('google.rpc.Status');
  const status = Status.toObject(Status.decode(raw), CONVERSION);
  const details = status.details.map((any) => unpackAny(types, any));
  const find = (name) => details.find((d) => d.typeName === name)?.message;
  return {
    code: status.code,
    message: status.message,
    errorInfo: find('google.rpc.ErrorInfo'),
    badRequest: find('google.rpc.BadRequest'),
  };
}

// Node's own errors carry a string code (ENOENT...); a gRPC status is a number.
const isGrpcError = (err) => typeof err?.code === 'number' && err.metadata instanceof grpc.Metadata;

function describeError(types, err) {
  if (err instanceof UsageError) return err.message;
  if (!isGrpcError(err) || !types) return err?.stack ?? String(err);
  const codeName = grpc.status[err.code] ?? err.code;
  const details = decodeErrorDetails(types, err);
  const reason = details?.errorInfo?.reason;
  return `${codeName}${reason ? ` (${reason})` : ''}: ${err.details ?? err.message}`;
}

// ------------------------------------------------------------ calls

// Call credentials need a TLS channel in grpc-js, so against a plaintext dev
// server the bearer token rides as plain per-call metadata instead.
function authMetadata(token) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

function deadline(ms = CALL_TIMEOUT_MS) {
  return { deadline: Date.now() + ms };
}

function unary(client, method, request, metadata, options = deadline()) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, options, (err, response) => (err ? reject(err) : resolve(response)));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves once the server has read and stored the whole table. Writes wait
// for 'drain' so a large table is not buffered whole in memory, and the race
// with the call's own result stops them if the server refuses early.
async function uploadDataset(veil, metadata, spec, chunks) {
  let call;
  const result = new Promise((resolve, reject) => {
    call = veil.UploadDataset(metadata, deadline(), (err, dataset) => (err ? reject(err) : resolve(dataset)));
  });
  for (const message of [{ spec }, ...chunks.map((arrow_ipc) => ({ arrow_ipc }))]) {
    if (!call.write(message)) {
      await Promise.race([new Promise((resolve) => call.once('drain', resolve)), result]);
    }
  }
  call.end();
  return result;
}

// Every upload message is a complete IPC stream (schema + batches), so a big
// table is cut by rows, halving until each piece fits.
function encodeChunks(table, maxBytes = MAX_CHUNK_BYTES) {
  const bytes = tableToIPC(table, 'stream');
  if (bytes.byteLength < maxBytes || table.numRows <= 1) return [bytes];
  const middle = Math.ceil(table.numRows / 2);
  return [...encodeChunks(table.slice(0, middle), maxBytes), ...encodeChunks(table.slice(middle), maxBytes)];
}

// ------------------------------------------------------------ example data

// Seeded, so every run uploads the same rows and reruns are comparable.
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Alice', 'Brian', 'Chloe', 'Daniel', 'Emma', 'Frank', 'Grace', 'Henry', 'Isabel', 'James',
  'Karen', 'Liam', 'Maria', 'Nathan', 'Olivia', 'Peter', 'Rachel', 'Samuel', 'Teresa', 'Victor'];
const LAST = ['Anderson', 'Brooks', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Gibson', 'Harper', 'Jensen',
  'Keller', 'Lawson', 'Mitchell', 'Nolan', 'Owens', 'Porter', 'Reynolds', 'Sullivan', 'Turner', 'Walsh', 'Young'];
const PLANS = ['basic', 'plus', 'pro'];
const NOTES = [
  (name, plan) => `${name} called about an invoice on the ${plan} plan.`,
  (name, plan) => `Spoke with ${name}; happy with ${plan}, asked about annual billing.`,
  (name, plan) => `${name} reported a login problem, resolved. Plan: ${plan}.`,
  (name, plan) => `Follow up with ${name} next week about moving off ${plan}.`,
];

function buildTable(rows, seed) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const names = [];
  const emails = [];
  const spend = new Float64Array(rows);
  const plans = [];
  const notes = [];
  for (let i = 0; i < rows; i += 1) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const plan = pick(PLANS);
    names.push(`${first} ${last}`);
    emails.push(`${first}.${last}${i}@example.com`.toLowerCase());
    // Spend depends on the plan, so the synthesiser has a relation to learn.
    const base = { basic: 9, plus: 29, pro: 79 }[plan];
    spend[i] = Math.round((base + random() * base * 0.5) * 100) / 100;
    plans.push(plan);
    notes.push(pick(NOTES)(`${first} ${last}`, plan));
  }
  // Explicit types: left to infer, apache-arrow dictionary-encodes string
  // arrays; Veil accepts that too, but plain Utf8 is the simpler case.
  const table = new Table({
    full_name: vectorFromArray(names, new Utf8()),
    email: vectorFromArray(emails, new Utf8()),
    monthly_spend: vectorFromArray(spend, new Float64()),
    plan: vectorFromArray(plans, new Utf8()),
    note: vectorFromArray(notes, new Utf8()),
  });
  return { table, names, emails };
}

// ------------------------------------------------------------ the walk-through

async function checkHealth(health) {
  // Health is the one service without a token; waitForReady rides over a
  // server that is still starting.
  const response = await unary(health, 'Check', { service: 'veil.v1.Veil' }, new grpc.Metadata(), {
    ...deadline(30_000),
    waitForReady: true,
  });
  return response.status;
}

async function deleteIfPresent(veil, metadata, name) {
  try {
    await unary(veil, 'DeleteDataset', { name }, metadata);
    return true;
  } catch (err) {
    if (err.code === grpc.status.NOT_FOUND) return false;
    throw err;
  }
}

async function waitForSynthesis(operations, metadata, types, operation, onMetadata) {
  const giveUp = Date.now() + SYNTHESIS_TIMEOUT_MS;
  let op = operation;
  for (;;) {
    if (op.metadata) {
      onMetadata(unpackAny(types, op.metadata, 'veil.v1.SynthesisOperationMetadata').message);
    }
    if (op.done) break;
    if (Date.now() > giveUp) throw new Error(`${op.name} still running after ${SYNTHESIS_TIMEOUT_MS / 1000} s`);
    await sleep(POLL_INTERVAL_MS);
    op = await unary(operations, 'GetOperation', { name: op.name }, metadata);
  }
  // oneofs: true names the member that is set, so no guessing from nulls.
  if (op.result === 'error') {
    const { code, message, details } = op.error;
    const reasons = details.map((any) => unpackAny(types, any).message.reason).filter(Boolean);
    throw new Error(`synthesis failed: ${grpc.status[code] ?? code} ${reasons.join(',')}: ${message}`);
  }
  return unpackAny(types, op.response, 'veil.v1.Synthesis').message;
}

async function readRecords(veil, metadata, name) {
  let rows = 0;
  let columns = null;
  for await (const batch of veil.ReadSyntheticRecords({ name }, metadata, deadline())) {
    // row_offset is an int64, hence a string; it lets a reader check that no
    // batch went missing.
    if (Number(batch.row_offset) !== rows) throw new Error(`batch at row ${batch.row_offset}, expected ${rows}`);
    const table = tableFromIPC(batch.arrow_ipc);
    columns ??= table.schema.fields.map((field) => field.name);
    rows += table.numRows;
  }
  return { rows, columns: columns ?? [] };
}

async function badUpload(veil, metadata, types, datasetId, table) {
  // seed is int64: as a string it survives whatever its size; -1 is outside
  // 0..2^63-1, so the server must refuse with BAD_SEED.
  const spec = { dataset_id: `${datasetId}-bad-seed`, seed: '-1' };
  try {
    const dataset = await uploadDataset(veil, metadata, spec, encodeChunks(table.slice(0, 60)));
    await deleteIfPresent(veil, metadata, dataset.name);
    throw new Error('an upload with seed -1 was accepted');
  } catch (err) {
    if (!isGrpcError(err)) throw err;
    const details = decodeErrorDetails(types, err);
    log(`bad upload refused as expected: ${describeError(types, err)}`);
    return {
      code: err.code,
      reason: details?.errorInfo?.reason ?? null,
      domain: details?.errorInfo?.domain ?? null,
      violations: (details?.badRequest?.field_violations ?? []).map(({ field, description }) => ({
        field,
        description,
      })),
    };
  }
}

async function run(args, stubs, types) {
  const address = args.address;
  const credentials = grpc.credentials.createInsecure();
  // The server sends messages of up to 16 MiB (a report with its HTML page
  // can pass 4 MiB), and grpc-js refuses anything over 4 MiB by default.
  const options = { 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
  const veil = new stubs.veil.v1.Veil(address, credentials, options);
  const operations = new stubs.google.longrunning.Operations(address, credentials, options);
  const health = new stubs.grpc.health.v1.Health(address, credentials, options);
  const metadata = authMetadata(args.token);
  const datasetName = `datasets/${args['dataset-id']}`;
  let uploaded = null;
  try {
    const status = await checkHealth(health);
    log(`health: ${status}`);

    // A run that crashed midway leaves its dataset behind; the id is this
    // example's own, so clearing it is safe.
    if (await deleteIfPresent(veil, metadata, datasetName)) log(`removed a leftover ${datasetName}`);

    const { table, names, emails } = buildTable(300, 1);
    if (args['save-upload']) {
      const columns = table.schema.fields.map((field) => field.name);
      fs.writeFileSync(args['save-upload'], JSON.stringify({ columns, names, emails }));
    }
    const chunks = encodeChunks(table);
    log(`uploading ${table.numRows} rows in ${chunks.length} chunk(s)`);
    uploaded = await uploadDataset(veil, metadata, { dataset_id: args['dataset-id'], seed: '1' }, chunks);
    log(`uploaded ${uploaded.name}: ${uploaded.columns.map((c) => `${c.name}=${c.kind}`).join(' ')}`);

    const request = { parent: uploaded.name, config: { model: 'MODEL_CART', num_rows: '200', seed: '2' } };
    const operation = await unary(veil, 'CreateSynthesis', request, metadata);
    log(`started ${operation.name}`);
    const stagesSeen = [];
    let lastProgress = '';
    const synthesis = await waitForSynthesis(operations, metadata, types, operation, (meta) => {
      if (!stagesSeen.includes(meta.stage)) stagesSeen.push(meta.stage);
      // Polling sees the same state many times over; report only changes.
      const progress = `${meta.stage} ${meta.progress_percent.toFixed(0)}%`;
      if (progress !== lastProgress) log(`  ${progress}`);
      lastProgress = progress;
    });
    log(`synthesis ${synthesis.name}: ${synthesis.state}, ${synthesis.resolved_model}, ${synthesis.row_count} rows`);

    const records = await readRecords(veil, metadata, synthesis.name);
    log(`read ${records.rows} synthetic rows`);

    const report = await unary(veil, 'GetReport', { name: synthesis.name, view: 'VIEW_JSON' }, metadata);
    let jsonParses = false;
    try {
      JSON.parse(report.json);
      jsonParses = true;
    } catch {
      // reported as json_parses: false
    }
    const budget = await unary(veil, 'GetPrivacyBudget', { name: `${uploaded.name}/privacyBudget` }, metadata);

    const error = await badUpload(veil, metadata, types, args['dataset-id'], table);

    return {
      health: status,
      dataset: uploaded.name,
      rows_uploaded: Number(uploaded.row_count),
      synthesis: synthesis.name,
      resolved_model: synthesis.resolved_model,
      stages_seen: stagesSeen,
      records_read: records.rows,
      columns: records.columns,
      report: {
        // An unmeasured figure is an unset proto3 optional: absent from the
        // object even with defaults: true, so ?? null keeps it in the JSON.
        column_shape_score: report.drift?.column_shape_score ?? null,
        detection_auc: report.drift?.detection_auc ?? null,
        exact_copies: Number(report.leakage?.exact_copies ?? 0),
        json_parses: jsonParses,
      },
      budget: { epsilon_total: budget.epsilon_total },
      error,
    };
  } finally {
    if (uploaded) {
      await deleteIfPresent(veil, metadata, uploaded.name).then(
        () => log(`deleted ${uploaded.name}`),
        (err) => log(`could not delete ${uploaded.name}: ${describeError(types, err)}`),
      );
    }
    veil.close();
    operations.close();
    health.close();
  }
}

async function main() {
  let types = null;
  try {
    const args = parseCommandLine();
    const dirs = includeDirs(path.resolve(args.protos));
    const stubs = loadStubs(dirs);
    types = loadTypes(dirs);
    const summary = await run(args, stubs, types);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (err) {
    console.error(`error: ${describeError(types, err)}`);
    process.exitCode = 1;
  }
}

await main();
