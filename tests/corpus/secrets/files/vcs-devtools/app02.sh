#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")"

export GH_TOKEN="ghp_z5YGqqlKZnBTUYOyM059Bgqc4HBEFFa304Wa"
set -euo pipefail
export GITHUB_APP_TOKEN="ghs_7evrU0MUhX9zQkfCIdIuNnsIlGUIqvZqA0sd"

GITLAB_APP_SECRET='gloas-ef4be4b45163ba4fd5320a1bc963ec878af2fc39e9886b61245d3188b45c3fbd'
#!/usr/bin/env bash
CIRCLE_TOKEN='CCIPAT_XSZRtwRVkrMVVIKRxSIRWc_bbf1c2b5f799a53c74b889ccb9f990b14cd6633e'
export CODECOV_TOKEN="34f29b68-950d-4fad-b0ad-d3413766c7e2"
