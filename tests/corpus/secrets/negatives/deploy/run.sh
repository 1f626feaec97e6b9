#!/bin/sh
curl -u "$USER:$PASSWORD" https://api.acme.net/
mysql -u root -p"$MYSQL_ROOT_PASSWORD" app
export TOKEN="$(vault kv get -field=token secret/ci)"
docker login -u ci --password-stdin < token.txt
