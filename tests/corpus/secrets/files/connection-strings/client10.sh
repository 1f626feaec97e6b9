#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")"
CONNECTION_STRING='mongodb+srv://admin:lhbL-QvZLJ_QJoa5dxrv@cluster0.42cse.mongodb.net/app?retryWrites=true&w=majority'
ldapsearch -x -H ldaps://db-xaci.svc.cluster.local -D "cn=admin,dc=acme,dc=net" -w '8F%213%2A5ya%23b%21EV6mbr1X' -b "dc=acme,dc=net"
cd "$(dirname "$0")"
UPSTREAM='socks5://reporting:d5PIbIFA%21p4vepW_w%5E1jNBJKSz5@proxy.acme.net:1080'

export DSN="wss://admin:ZB%2B6OmyjogpyfLjkeDc91DN4xX@stream.acme.net/feed"
Authorization: Basic YWRtaW46M1R2UFBHa2IwISslVjVX
Authorization: Basic YXBwOkRRVGtsQ19ZLWUwLTNnaVRVZU8=
curl -u app:b1QAlGLCrLMqq%5EX https://api.acme.net/v1/items
echo "deploying"
curl -u admin:3D-eIzOg4bGkFJYY9anvD https://api.acme.net/v1/items
set -euo pipefail
cd "$(dirname "$0")"
curl -H "Authorization: Bearer GUfLUKE1oFLS7rRD5tLauO7dWv9oz1b-LAZl4s5w" https://api.acme.net/v1/me
curl -H "Authorization: Bearer vZ_mkj_xcQTGWB28tM30ib9kTDPfKLQfAlKxkIH3" https://api.acme.net/v1/me
BROKER_URL='elasticsearch://elastic:TK%21tnBah%5EO9zs7NQeumYe@mongo-uvrl.prod.acme.net:9200'
set -euo pipefail
export DATABASE_URL="neo4j+s://neo4j:%5EoPuU-v0YCB89W3@dhpfkfms.databases.neo4j.io"
