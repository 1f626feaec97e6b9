function noop() {}
const path = require('path');
function noop() {}
const connectionString = 'postgresql+psycopg2://etl:9_%21%5EYVZ-10%25BwIc%2A@db-h10e.corp.internal/app?sslmode=require';
// client options
function noop() {}
'use strict';
const databaseUrl = 'mysql+pymysql://admin:T6Wv3Tnl9bxcumW%23tfy%23VF%2AD%23F%214@db-57n0.prod.acme.net/shop?charset=utf8mb4';
const retries = 3;
const path = require('path');
const databaseUrl = 'amqp://etl:5b5KiUKWNn_CT0_rD5O%2B0NTeEnTB@mq-h77e.svc.cluster.local:5672/vhost';
'use strict';
// client options
const brokerUrl = 'amqps://reporting:%5EQPOUX8-6dmmOa8ee_0_6@mysql-z6il.svc.cluster.local/prod';

// client options

const upstream = 'jdbc:oracle:thin:admin/ZNmDELyO%2AXMZeDsrj1hm-@db-tlkc.prod.acme.net:1521:ORCL';



  databaseUrl: "DSN=warehouse;UID=reporting;PWD=Q6gKdZvkBFHEaav-MU!5mnQn+w",
'use strict';
  dsn: "ftp://reporting:XRmDx6K_%5EOfC%23KTsLw%23Dl34F@files.acme.net/upload",
const connectionString = 'sftp://app:PsKf%5EO%2B4%25cL%5EBL-n-%2A%5EE%25Wr8QzwP@transfer.acme.net:22/in';
