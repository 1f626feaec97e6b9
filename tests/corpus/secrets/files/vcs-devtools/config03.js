const retries = 3;
function noop() {}

  githubToken: "ghp_T3zzfE8iSOWjmxkhuFLLeZ6ZO21MmbOC2RFL",
function noop() {}
// client options
const githubAppToken = 'ghs_QjxUVKoWw3q22AiIWZcJ7dGSMaJJseAdrOfC';
// client options

  gitlabToken: "glpat-otdhI7pjyl4Z2PX7BOZf",
module.exports.timeout = 3000;
module.exports.timeout = 3000;
const incomingEmailToken = 'glimt-jsq2tgvsxsvrsd5rrzuk2m5gb';
// client options
const dockerHubToken = 'dckr_pat_j_svrzULFQXMQbeOuPPtM5MsvTT';
function noop() {}
const sonarToken = 'squ_6f52b86d3db2c70e9243a9e086630bf22feac203';
const path = require('path');
const path = require('path');
const buildkiteApiToken = 'bkua_e936856f78e21d201d910f2b4c078a60f4289423';
module.exports.timeout = 3000;
module.exports.timeout = 3000;
  cargoRegistryToken: "cio5CRZ82sFe5tikGR1G8kUTgVJd6EZCztH",
