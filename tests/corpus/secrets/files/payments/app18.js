'use strict';
module.exports.timeout = 3000;
module.exports.timeout = 3000;
  braintreePrivateKey: "adffe3b2e2af847edade48b8fb0eaf6e",
const plaidSecret = 'a2d50e6cf08e7e06e46fc2c815abec';
