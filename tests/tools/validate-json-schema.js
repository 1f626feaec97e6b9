#!/usr/bin/env node
// Validates JSON documents against a JSON Schema (draft-04, as the official
// SARIF 2.1.0 schema is written), with the "uri", "uri-reference" and
// "date-time" formats checked. Used by tests/e2e/reports.
//
//   node validate-json-schema.js SCHEMA.json DOC.json [DOC.json ...]
//
// Exit 0 when every document is valid; 1 with the errors on stderr when one
// is not; 2 on bad usage or an unreadable file.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');

function main(argv) {
  if (argv.length < 2) {
    process.stderr.write('usage: validate-json-schema.js SCHEMA.json DOC.json...\n');
    return 2;
  }
  let schema;
  try {
    schema = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  } catch (e) {
    process.stderr.write(`${argv[0]}: ${e.message}\n`);
    return 2;
  }
  // strict: false because the official schema uses keywords ajv's strict
  // mode flags (it predates them); validation itself is unchanged.
  const ajv = new Ajv04({allErrors: true, strict: false});
  addFormats(ajv);
  const validate = ajv.compile(schema);
  let status = 0;
  for (const file of argv.slice(1)) {
    let doc;
    try {
      doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      process.stderr.write(`${file}: ${e.message}\n`);
      return 2;
    }
    if (validate(doc)) {
      process.stdout.write(`${path.basename(file)}: valid\n`);
      continue;
    }
    status = 1;
    for (const err of validate.errors.slice(0, 20)) {
      process.stderr.write(`${file}: ${err.instancePath || '/'}: ${err.message}\n`);
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
