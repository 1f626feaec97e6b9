const path = require('path');

// client options
const signingSalt = 'JKPRCUz/YIONc7IGIL0M27u007fwIIif2mINUfyuS/V7du3EMpTfnwo';
const retries = 3;
function noop() {}
'use strict';
process.env.K = "bhLef-JE7PuBCeKQSSfG60v607Q54a6rdPve";
// client options
  cookieSeed: "arPX9VloyLeP+1fjJ+4XtjhkaLoPYFFDS1xAPShU46a4FXqaZc6yDzEe7",
