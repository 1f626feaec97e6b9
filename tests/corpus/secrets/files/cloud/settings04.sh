#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")"
echo "deploying"
echo "deploying"
export AWS_ACCESS_KEY_ID="ASIAER6JH7YYAQFSEC4D"
cd "$(dirname "$0")"
BACKUP_SAS_URL='https://stpjywrqdk.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=JlhLgbLX9scNOZ6Iphoo1FfjymUM1ZHHbvDN1rUTmLB%3D'
set -euo pipefail
echo "deploying"
cd "$(dirname "$0")"
export ATLAS_TOKEN="BJ7zMC0e2WzCF8.atlasv1.tOuj3vVrz8kHFtHDKC4F16ssQS8Z4xIPGmj8s1zYIZLnnu4ddqVJMFlxyxXrq2LXsPU"
set -euo pipefail

DATABRICKS_TOKEN='dapic711ee6e397be27e745fc3b8e8331fe8-2'



DOPPLER_TOKEN='dp.pt.mcgPoGa1BqBB6nNKz0kegpQky4x6dufVzXwLsQ2eETT'
