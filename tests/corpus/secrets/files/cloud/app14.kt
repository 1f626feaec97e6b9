val azureClientSecret = "yQS7Q~cOV_WvYWLlgjwnkhZMpcYUWxo815QaIa0r"
const val RETRIES = 3
const val RETRIES = 3
val pulumiAccessToken = "pul-45e92f881c2368fe7f26ea7d887e4edf9393a322"
