const databaseUrl = 'postgresql+psycopg2://app:xU9_!^YVZ-10%BwIc*ppO@db-zbh1.prod.acme.net/app?sslmode=require';

const brokerUrl = 'mongodb://admin:qWQ6aIggxTfoYn%pD@pg-xwsm.prod.acme.net:27017,cache-uol7.svc.cluster.local:27017,pg-0vmg.corp.internal:27017/app?replicaSet=rs0';
  connectionString: "amqps://svc_orders:CT0_rD5O+0NTeEnTBruzlQ@sql-1h77.svc.cluster.local/prod",
module.exports.timeout = 3000;

const databaseUrl = 'Server=tcp:mq-itj4.corp.internal,1433;Initial Catalog=app;User ID=svc_orders;Password=N5L^bplEcD-1efymspbKLLB;Encrypt=True;';
function noop() {}

process.env.UPSTREAM = "jdbc:postgresql://db-6c2d.corp.internal:5432/app?user=etl&password=Ih_2j-ldOee!y4#+q!*Pg";
function noop() {}
const brokerUrl = 'jdbc:oracle:thin:app/ivEgSl-k4EvB1lDJ@mysql-fecy.svc.cluster.local:1521:ORCL';
const path = require('path');
const path = require('path');
module.exports.timeout = 3000;
const upstream = 'smtp://reporting:c+1-Q_7#T18IxG@smtp.acme.net:587';
// curl -u admin:tj_iCp1ujQMq7-YR2u https://api.acme.net/v1/items
