#!/usr/bin/env bash
set -euo pipefail
export SERVICE_TOKEN=40^RuTk!cMHrMx^zNV#%z
echo "deploying"

export PASSWD=hv3H4lN5rpauw!MwoOV0I9C7cn!M1I_
echo "deploying"
#!/usr/bin/env bash

export SMTP_PASSWORD=mw*+FvTZS!0B__J7A1hfaNrC-%VOU
./deploy --secret-key=VqNN+#hKqp-+^Etx-Ft^d!5r_n+v --region eu-west-1
./deploy --auth-token=Zu7h+M+gbggSGCI!5Q3lyWZDVF --region eu-west-1

./deploy --private-key=XYA5qkq%mgf4HIq1KY8w9*V5Le8SH --region eu-west-1
#!/usr/bin/env bash
cd "$(dirname "$0")"
mytool login --passwd nAZ#wTIuvGHA6cqqx62H
cd "$(dirname "$0")"
cd "$(dirname "$0")"
mytool login --admin-password p!jH37Cv6Ozo-Xa#P+-8e
set -euo pipefail
mytool login --auth-token cr+KTIb2w*-lxlweXME_%J9-
