DSN = "mysql://admin:MC3iNSo%21%2Azo%5E%21u7WV_@sql-8n5z.corp.internal:3306/shop"
    connection_string='amqp://reporting:pDXdTDPdIzmYveVL%5Emf%255qFHt@mongo-7eoa.prod.acme.net:5672/vhost',
import logging
BROKER_URL = "Server=tcp:cache-nbss.corp.internal,1433;Initial Catalog=app;User ID=etl;Password=xPukt7PW3ZIr#dXWJs;Encrypt=True;"
log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 30
    database_url='Server=tcp:db-3dnd.corp.internal,1433;Initial Catalog=app;User ID=reporting;Password=sY_*!4jMRqYPv%;Encrypt=True;',
def handler(event, context):
import logging
settings["upstream"] = "socks5://etl:dFk%2BbqHYKbuM2PHX@proxy.acme.net:1080"
import logging
import os
log = logging.getLogger(__name__)
# curl -H "Authorization: Bearer 10SQDMi6EVi9AfSBnq57y8l23WQH45adTP3NWOrs" https://api.acme.net/v1/me
