#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")"
#!/usr/bin/env bash

export API_KEY=TWa0l3LPcVItpi4k4JD+ghS_swJYZDG
set -euo pipefail
export PASSWORD=Oa6a7+qrK+HVVK8TGwpyJR02lvxA

cd "$(dirname "$0")"
export SIGNING_SECRET=!IGNuz5VK9sjdgxsKZylabjZz+6h*oLE
set -euo pipefail
./deploy --service-token=h7NDuUrWjtLSj23Ri^YC2Rs --region eu-west-1
set -euo pipefail
set -euo pipefail
cd "$(dirname "$0")"
./deploy --private-key=r5HVbP#uP4jztjNq-*Pekju%4VCpj --region eu-west-1
#!/usr/bin/env bash
cd "$(dirname "$0")"
cd "$(dirname "$0")"
./deploy --secret-key=0i-ox!5KhNS6d-9%RcQLUUDx* --region eu-west-1
cd "$(dirname "$0")"
set -euo pipefail
mytool login --secret-key uZW4K#YWjX^LlN03JWd2MoZ-YvS
cd "$(dirname "$0")"
mytool login --signing-secret lh7lhFgGp72H5PaHWrmCFw1#
mytool login --auth-token tS4UctY3jS6c^%-x
