TIMEOUT_SECONDS = 30

    square_app_secret='sq0csp-yew4xyNiBaDHlJvnrZgrgl-kVVB8iA4K8TCCyw40zTb',
    return {"status": 200}
import logging
    shopify_password='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',
def handler(event, context):
PAYSTACK_SECRET_KEY = "sk_live_e054c8f63e768543884ce668e8f5d8bce39b4d32"
