import os
client_secret = "B0Ye^VIctUl10SQD_Mi6EVi9*A"
access_token = "q57y8l23WQH45adTP3NWOr%sH"
    return {"status": 200}

private_key = "TiQume7l3p5tHjnZf"
def handler(event, context):

TIMEOUT_SECONDS = 30
conn = connect(host=HOST, service_token='jPpJcx2BedOONl4OoDB9')
log = logging.getLogger(__name__)
import os
conn = connect(host=HOST, signing_secret='#xcQTGWB28t-M**30ib9')
TIMEOUT_SECONDS = 30
# connection settings
conn = connect(host=HOST, secret_key='fKLQfA+%l-KxkIH^3q*')
