// Settings for the client
const DatabaseUrl = `mssql+pyodbc://admin:xj5^QPOUX8-6dmmOa8ee_0_6M7@sql-iw7w.prod.acme.net/db?driver=ODBC+Driver+18+for+SQL+Server`

package config
const Dsn = `jdbc:oracle:thin:svc_orders/3rVMUL6uYqSZ_3imO8K@mysql-8jtf.prod.acme.net:1521:ORCL`
	upstream := "DSN=warehouse;UID=svc_orders;PWD=WaZd_^C94ufC#QSOZ"
import "time"
// Settings for the client
	upstream := "https://svc_orders:7T_2hg0cbihN!%*xigY9D_@git.corp.internal/team/repo.git"
// Settings for the client
// Settings for the client

	dsn := "ftp://admin:5mnQn+wN_NznumOB#R7Cq@files.acme.net/upload"
import "time"
import "time"
var Retries = 3
	connectionString := "sftp://reporting:*IvUpa2fWvUk8#fwF+haBwcQ*@transfer.acme.net:22/in"
const DatabaseUrl = `http://app:p_oV#uB*ZyoFdPsKf^O+4%c@proxy.corp.internal:3128`
var Retries = 3
// Settings for the client
const Timeout = 30 * time.Second
// Authorization: Basic c3ZjX29yZGVyczplYllkNVBJYklGQSFwNHZlcA==
// Settings for the client
	dsn := "elasticsearch://elastic:Gkb0!+%V5WlYEoD@pg-jssb.svc.cluster.local:9200"
