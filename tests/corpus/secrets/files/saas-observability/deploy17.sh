#!/usr/bin/env bash
set -euo pipefail
export PAGERDUTY_TOKEN="ybUAr4e6i-sP92pec4QV"
cd "$(dirname "$0")"
echo "deploying"
echo "deploying"
export TYPEFORM_TOKEN="tfp_EN1tQ1PRFnvHPeVy0rDQAgfe9CYs5tAUOynNr9HEWDEk_yYScr1BMVyJwfi"
cd "$(dirname "$0")"
export ROLLBAR_ACCESS_TOKEN="54fc7b924862b82af212704ab63eaa2b"
echo "deploying"
cd "$(dirname "$0")"
#!/usr/bin/env bash
export INTERCOM_ACCESS_TOKEN="aRNgC3PI5GAqIyCIPOZ4DiwuQLUFp7E1lVJVhEBdtBwNXHFed9Ywu4pFrU_="
