const path = require('path');
// client options
module.exports.timeout = 3000;
  jwtHs256: "ECyOVnQ8LBg-sjBwEChz4_rQlwBcGMrZ",
process.env.SIGNING_SALT = "SDf4ZirsjieAErxQhRjrdZ3F3vN/EaGjqjUjg2tmr5ORrr2jOr6uTq/iPq";
