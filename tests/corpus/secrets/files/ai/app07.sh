#!/usr/bin/env bash
set -euo pipefail
echo "deploying"
cd "$(dirname "$0")"
export OPENAI_API_KEY="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"
#!/usr/bin/env bash
cd "$(dirname "$0")"
ANTHROPIC_API_KEY='sk-ant-api03-edEx2jxs7y_D5aIQxj0xf2SPqtSz-iEzC-jeJdOHff3Z8rEvgLpQ-aX7Ys4yI1a9p8enRPi3uFZNxEti4OrLTG91EoKoaAA'
#!/usr/bin/env bash
cd "$(dirname "$0")"
export WANDB_API_KEY="2a922450c7111fb9ae756047c6957bf59f946010"
