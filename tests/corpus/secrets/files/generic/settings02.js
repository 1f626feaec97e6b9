// client options
const path = require('path');
const accessToken = "COFQyNOWl9NU-HGMoc+jdmjFUNa%ixD5";
const retries = 3;
const apiKey = "TK!tnBah^O9zs7NQeumYepc3YPG!pq";

const path = require('path');
// client options
const authToken = "1I2Sd!7anWb6iq_og!j186pL+sn";
