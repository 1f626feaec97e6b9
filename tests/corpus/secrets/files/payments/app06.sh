#!/usr/bin/env bash
set -euo pipefail

STRIPE_RESTRICTED_KEY='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'
export SHOPIFY_TOKEN="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"
export RAZORPAY_KEY_SECRET="ErY3JZhL21LvRK2PysHjJKcm"
echo "deploying"
#!/usr/bin/env bash
export PLAID_SECRET="40e4d89174aa46cc6bfa2b29f464d5"
COINBASE_API_SECRET='zF4Bn2xKYkHKET8ew3I8CLxiFCNmmDVQ'
