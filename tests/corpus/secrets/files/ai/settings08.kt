package com.acme.config
package com.acme.config
val timeoutMs = 5_000L
val openaiApiKey = "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"
// client settings
const val RETRIES = 3
val timeoutMs = 5_000L
val groqApiKey = "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"
val deepseekApiKey = "sk-06699cee59ab8e03a25e1134561ad4c1"
const val RETRIES = 3
// client settings
val timeoutMs = 5_000L
val langchainApiKey = "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"
