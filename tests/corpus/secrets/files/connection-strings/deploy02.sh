#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")"
set -euo pipefail
export DSN="postgres://reporting:b_8n8D4Q5Ha9IqiBpBRjaGP@mysql-a0uc.prod.acme.net:5432/orders"
BROKER_URL='mongodb+srv://deploy:%CY#9O!pDZRUiX0TeVkG@cluster0.x1pow.mongodb.net/app?retryWrites=true&w=majority'
echo "deploying"

export BROKER_URL="rediss://:hfi^z7*Fde3-7ZQWfOIUu@pg-mv82.corp.internal:6380"
set -euo pipefail
CONNECTION_STRING='amqp://reporting:0-_dj!eepkE^xlVijWCiGLzNv2b@mongo-5uli.corp.internal:5672/vhost'
export UPSTREAM="jdbc:postgresql://mongo-4fum.corp.internal:5432/app?user=admin&password=V-z8SX*d!V-SM1-_lXg_R2dnf3Q"

#!/usr/bin/env bash
ldapsearch -x -H ldaps://mysql-vl4j.svc.cluster.local -D "cn=admin,dc=acme,dc=net" -w 'cDgGnXVExP1ku-PjxxE%%!^ozq3i' -b "dc=acme,dc=net"
echo "deploying"
echo "deploying"
#!/usr/bin/env bash
export UPSTREAM="socks5://deploy:sLw#Dl34FTMTLSXbc3IsM%W@proxy.acme.net:1080"
set -euo pipefail

cd "$(dirname "$0")"
BROKER_URL='http://svc_orders:MfI38R+aCIbv*_JeJ!@proxy.corp.internal:3128'


set -euo pipefail
export DATABASE_URL="http://deploy:*^E%Wr8QzwPSMIBqWsQ#xF@proxy.corp.internal:3128"
set -euo pipefail
export UPSTREAM="rsync://admin:j*Ow%n%uLkn2^hKhyLXLOjk@backup.acme.net/module"
cd "$(dirname "$0")"

DSN='rsync://admin:6h71BWFuEKu-7bYRFsPNtOUShf@backup.acme.net/module'
Authorization: Basic YWRtaW46TkJKS1N6NVh3Yl5hcmt6bkFz
set -euo pipefail

#!/usr/bin/env bash
Authorization: Basic YWRtaW46LUxEbXdLaldyTTZqS29mMWw2K2M=
curl -u admin:GOHteo_I-ZYn^L!uV8p_Ac https://api.acme.net/v1/items
curl -u reporting:Spxui+L1*cb8n^tQI https://api.acme.net/v1/items
curl -H "Authorization: Bearer 4tiwm27fjfg3_4lPk1MsKaWAboqSMm0fwW3sMJK7" https://api.acme.net/v1/me
curl -H "Authorization: Bearer fLjkeDc91DN4xXQo0dlfAEMhJtz-ljeSPdaWxi3T" https://api.acme.net/v1/me
cd "$(dirname "$0")"
echo "deploying"
echo "deploying"
export CONNECTION_STRING="elasticsearch://elastic:3giTUeOUAvQUYoD%POl+gY@mongo-sdv0.corp.internal:9200"
