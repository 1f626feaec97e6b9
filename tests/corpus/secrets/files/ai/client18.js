'use strict';
'use strict';
function noop() {}
const xaiApiKey = 'xai-IZSCQflAY0GFMdAGThvNZ54AONdhGraWYO8aAkPN8vVV8v60PIe4VFVAOqth5w45FmJ5YEdBZDPNitTs';
const mistralApiKey = 'wMvkLsmN3e0D3wMP3Renuy7T28jugXEJ';
// client options
const path = require('path');
function noop() {}
const langchainApiKey = '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';
const retries = 3;

function noop() {}
const pineconeApiKey = 'pcsk_x00FQ_FsFDbsiRYEm1PFVdHP2S7uriI7bVaJkXyyNbJQKyeKNu1P1b1xDkKLVJm55A1i7';
