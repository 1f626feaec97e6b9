const smtpPassword = "4XuM4+eypiEGKPB0l-YyM2A#eCp!";

const serviceToken = "Nhw^oZ^2I^1WaYk%ddd7eTPg6_";
module.exports.timeout = 3000;
const path = require('path');
'use strict';
const privateKey = "qJ7xxrt-hpA9y-^7fg!6EgsmJiW3G^-p";
