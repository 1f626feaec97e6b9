#!/usr/bin/env bash
set -euo pipefail
#!/usr/bin/env bash
cd "$(dirname "$0")"
export TWILIO_API_KEY="SKaaad0446289fbab6f231d9cb4b193eaa"
