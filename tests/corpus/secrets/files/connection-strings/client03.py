import os
import os
    connection_string='postgres://deploy:r59_sTm2R2pFvh*!uKW@sql-26i8.svc.cluster.local:5432/orders',
# connection settings

DSN = "amqp://deploy:1IlvQASswJeotzZ4-Y@pg-y466.corp.internal:5672/vhost"
def handler(event, context):
DATABASE_URL = "amqps://app:9K!G%C1Pm30Q_LNzsG7LIZ@sql-kzna.prod.acme.net/prod"

# connection settings
UPSTREAM = "jdbc:mysql://mq-vlz6.prod.acme.net:3306/app?user=reporting&password=*c0EG1SikZbpEHLmfruwE+7y%&useSSL=true"


# ldapsearch -x -H ldaps://mysql-0qt8.corp.internal -D "cn=admin,dc=acme,dc=net" -w 'Ma#uWLI8ZNmDELyO*XMZeDsr' -b "dc=acme,dc=net"
    return {"status": 200}

log = logging.getLogger(__name__)
# ldapsearch -x -H ldaps://mq-plo2.svc.cluster.local -D "cn=admin,dc=acme,dc=net" -w 'R#u3UdzN4%^6clkN' -b "dc=acme,dc=net"
    return {"status": 200}
import logging
DSN = "https://app:O7wUWmq71UIUjZ%MC8n4WlVia@git.acme.net/team/repo.git"
# connection settings

    return {"status": 200}
DATABASE_URL = "ftp://reporting:PH-znq#NTMli^yhIm9@files.acme.net/upload"
