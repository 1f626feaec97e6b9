const BrokerUrl = `postgres://admin:LaHUtJdnJ18u8uT%25@db-kjbz.corp.internal:5432/orders`
var Retries = 3
const Upstream = `postgres://reporting:oF8yg%2A3tZf6Wrr59_sTm@mongo-xfl4.prod.acme.net:5432/orders`

const Timeout = 30 * time.Second
	upstream := "Server=tcp:mysql-xyc8.prod.acme.net,1433;Initial Catalog=app;User ID=deploy;Password=4mdfd*c0EG1SikZb;Encrypt=True;"
const Timeout = 30 * time.Second
// ldapsearch -x -H ldaps://pg-s945.svc.cluster.local -D "cn=admin,dc=acme,dc=net" -w 'Oqnamg49SeAyCXSXH%2A1w%2AIvUp' -b "dc=acme,dc=net"
// ldapsearch -x -H ldaps://cache-f2on.prod.acme.net -D "cn=admin,dc=acme,dc=net" -w 'F%2BhaBwcQ%2A_1jmoFEc%2B1-Q_7%23T' -b "dc=acme,dc=net"
package config
var Retries = 3
const Upstream = `sftp://deploy:Q%23xF431tnSA-0j%2AOw%25n%25uLk@transfer.acme.net:22/in`


var Retries = 3
	dsn := "smtp://admin:hyLXLOjkg3cVJC6h71BWFuE@smtp.acme.net:587"
package config
var Retries = 3
import "time"
	brokerUrl := "smtp://deploy:PNtOUShfu2ukY%5E4zpKYKm6%2B%237%23u@smtp.acme.net:587"


	upstream := "rsync://reporting:C5HHqAtSvDD9D_aIQx4X9-@backup.acme.net/module"

const DatabaseUrl = `wss://app:iwm27fjf%5Eg3%23_4lPk1M@stream.acme.net/feed`
