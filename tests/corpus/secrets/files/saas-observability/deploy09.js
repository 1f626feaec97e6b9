  nrInsertKey: "NRII-CMbwBmOTJXUeYJfidxpPACCEc--3fl4I",

const retries = 3;
  nrBrowserKey: "NRJS-1d68d7599587d412056",
'use strict';
  oktaApiToken: "00nyMiqMRZooZ1C9-whInIPmPhyf87vKArj1J4OFzg",
  airtableToken: "pat2j9ZbbaOQJJigg.c083b38b59fb79d2149c1ae71223530124350d7d869846bf468e9458efac3130",
module.exports.timeout = 3000;

process.env.CONTENTFUL_MANAGEMENT_TOKEN = "CFPAT-W5UjwZ8l5UvHekOlDhj5Nyf2HRIiJcw1-MKzrgv0R19";
function noop() {}
module.exports.timeout = 3000;
const zendeskApiToken = '0EQj6dVB81g82uUdJOBpedpQuafppzpEIl1Y8HYo';
