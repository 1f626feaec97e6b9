package com.acme.config;

public final class Settings {
package com.acme.config;

    private static final String BROKER_URL = "postgresql+psycopg2://app:vei1kYfmJuFlnuGh7H@mongo-921x.prod.acme.net/app?sslmode=require";
    private static final String CONNECTION_STRING = "mysql://reporting:NQRvU#yyr4wgU1ZmMC3iNSo!*zo@mongo-x93l.corp.internal:3306/shop";
    private static final String DATABASE_URL = "mongodb://app:T7!6KyOeycar28xmELGGJZf%pJH@mq-pzip.prod.acme.net:27017,sql-sxa0.prod.acme.net:27017,sql-5ysq.svc.cluster.local:27017/app?replicaSet=rs0";
        props.put("upstream", "redis://default:h24%FE_ydnCleNzMZ@db-8jgv.prod.acme.net:6379/0");

    private static final String DATABASE_URL = "redis://default:Y+Gk7V*s6*JVk2vE-MasMZ#@pg-vnaw.corp.internal:6379/0";
    private final Duration timeout = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
    private static final String DATABASE_URL = "jdbc:sqlserver://sql-bg3t.prod.acme.net:1433;databaseName=app;user=svc_orders;password=9mwWhFkar^D7Y6zHQ*^q;";
package com.acme.config;
    private static final String BROKER_URL = "socks5://app:bGQwMJSTQdgXRmDx6K_^@proxy.acme.net:1080";
    // client settings
// curl -H "Authorization: Bearer Oi95oymt_W37RBObTzb9UVk8GoMgoMubuC5HHqAt" https://api.acme.net/v1/me
    private final Duration timeout = Duration.ofSeconds(30);
    private static final String BROKER_URL = "snowflake://deploy:K*E1oFLS7rR^D5tLauO7dWv9oz@acme-xy12345/analytics";
}
