  stripe_webhook_secret = "whsec_6FpO9J8SDomyBzi5KaH13xWdkfXtK0G2"
  shopify_access_token = "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"
  shopify_api_secret = "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"
  required_version = ">= 1.5"
}
  razorpay_key_secret = "NmbSeGnHNpDVTRO3OAZapT4G"
