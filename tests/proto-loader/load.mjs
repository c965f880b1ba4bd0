// Loads the API protos the way a Node client does, with plain @grpc/proto-loader and the protos folder as
// the ONLY include directory: every import (google/api, google/type, google/rpc) must be found inside it.
//
//   node tests/proto-loader/load.mjs PROTOS_DIR
//
// Prints one summary line and exits 0, or prints what is missing and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import protoLoader from '@grpc/proto-loader';

const root = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../../protos', import.meta.url)));
const apiDir = path.join(root, 'branchledger', 'v1');
const fail = (message) => {
    console.error(`proto-loader: ${message}`);
    process.exit(1);
};

if (!fs.existsSync(apiDir)) fail(`no ${apiDir}`);
const apiFiles = fs.readdirSync(apiDir).filter((f) => f.endsWith('.proto')).sort().map((f) => `branchledger/v1/${f}`);
if (apiFiles.length === 0) fail(`no .proto files in ${apiDir}`);
// The rich error details the API sends (grpc-status-details-bin) are decoded with these.
const errorFiles = ['google/rpc/status.proto', 'google/rpc/error_details.proto', 'google/rpc/code.proto'];

let definition;
try {
    definition = protoLoader.loadSync([...apiFiles, ...errorFiles], {
        includeDirs: [root],
        keepCase: true,
        longs: String,
        enums: String,
        defaults: true,
        oneofs: true,
    });
} catch (error) {
    fail(`the protos do not load with only ${root} as include directory: ${error.message}`);
}

// Every service declared in the files must be there with its methods.
const declared = apiFiles.flatMap((file) =>
    [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/^service\s+(\w+)/gm)].map((m) => `branchledger.v1.${m[1]}`));
if (declared.length === 0) fail('no service declared in branchledger/v1');
let methods = 0;
let httpRules = 0;
for (const name of declared) {
    const service = definition[name];
    if (!service || typeof service.format === 'string') fail(`service ${name} is missing from the package definition`);
    const rpcs = Object.values(service);
    if (rpcs.length === 0) fail(`service ${name} has no methods`);
    for (const rpc of rpcs) {
        if (!rpc.path || !rpc.requestType || !rpc.responseType) fail(`${name}: a method without path or types`);
        methods++;
        if (rpc.options?.['(google.api.http)']) httpRules++;
    }
}
// The annotations were read, not just tolerated: the HTTP rules are on the methods.
if (httpRules === 0) fail('no method carries its (google.api.http) rule: google/api/annotations.proto was not applied');

const required = [
    'google.type.Date',
    'google.protobuf.Timestamp',
    'google.rpc.Status',
    'google.rpc.Code',
    'google.rpc.BadRequest',
    'google.rpc.ResourceInfo',
    'google.rpc.PreconditionFailure',
    'google.rpc.RetryInfo',
];
const missing = required.filter((type) => !definition[type]);
if (missing.length > 0) fail(`types missing: ${missing.join(', ')}`);

console.log(`proto-loader: ${apiFiles.length} files, ${declared.length} services, ${methods} methods ` +
    `(${httpRules} with HTTP rules) and the google.rpc error details load from ${path.basename(root)}/ alone`);
