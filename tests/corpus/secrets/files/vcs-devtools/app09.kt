package com.acme.config
package com.acme.config
package com.acme.config
val githubRefreshToken = "ghr_GZHRJqB3RGouXdfBcNr38xu28KTiP0Vq2dEgCkbNuPxhNZShlGYulJXdWplOmG9hnae4Cu1uPiHy"

// client settings

val scimToken = "glsoat-FKMsnZUjWiKWY3OGnlBC"
val incomingEmailToken = "glimt-z4jhnk2nj8ban8ui10j2zfxbi"
// client settings
package com.acme.config
val gitlabAppSecret = "gloas-0956b838e355587c765414cb1d4401c19ba847f1d3410f0eda75be5e4f71bcf5"
const val RETRIES = 3
// client settings
// client settings
val azureDevopsPat = "tnisyocohomrwzt2eolsagkmfkr4np7zodj4bryvok6tzkacwunp"
val timeoutMs = 5_000L
val azureDevopsToken = "6rBlxUD1oBQJRSqtUFhIG244jijZBV1vC4MafPrSuobq0Fr02sXLAAASAZDOwSC1W1zliDMNkXHNht7QUE95"
const val RETRIES = 3
val twinePassword = "pypi-AgEIcHlwaS5vcmc_7Nt8ErNW5KMkXJPCzjjCUnkeR5uEEclU4FXCCUI7glZk3zbvRzKRz1U_Y5Z-GaC5A8ZW467zalq0nj5PedKs9w1Yuk5CLoAGmdj630_jE75HkbpUA7WVt7syyqWmyGUqDuh1QJqQyu7GSLwq3V-sDB8"

const val RETRIES = 3
val gemHostApiKey = "rubygems_3b949cbde6dc9b5c9d425dce415dd162479ac437baf1abb8"
package com.acme.config
val circleToken = "CCIPAT_sT5THzLrpha1gX3Jm0o2Sc_3ad52224c088c084423c92b40a6689d928e63c10"
val timeoutMs = 5_000L
// client settings
package com.acme.config
val cargoRegistryToken = "cioMj1s8z28gf0dBv1pWo9Sil5TKduAByKB"
