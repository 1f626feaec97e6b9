#!/usr/bin/env bash
set -euo pipefail
#!/usr/bin/env bash
echo "deploying"
#!/usr/bin/env bash
BROKER_URL='neo4j+s://neo4j:KmN*DrPpE-3D-eIzOg4bGkFJY@m4ntxbtw.databases.neo4j.io'
