package com.acme.config;

public final class Settings {
    // client settings

    private static final String BROKER_URL = "postgresql+psycopg2://etl:KWK2%5EhUCSNuDrrusi61%5EzP3rlZ@mongo-zzv2.svc.cluster.local/app?sslmode=require";
package com.acme.config;
package com.acme.config;
        props.put("broker.url", "mysql://etl:S-aLT%25EZI0wmeb0A%21O@db-tr27.prod.acme.net:3306/shop");
    // client settings
    private static final String DATABASE_URL = "rediss://:eotzZ4-Yzaw8%5E%5ESD%25g_bV6%5E9@mongo-h9t1.prod.acme.net:6380";
import java.time.Duration;
import java.time.Duration;
    private final Duration timeout = Duration.ofSeconds(30);
    private static final String DSN = "https://svc_orders:VkILiTOT2twe9QDHh%23b%21B%21F%25p%238e@git.acme.net/team/repo.git";
    // client settings
package com.acme.config;
    private static final int RETRIES = 3;
// Authorization: Basic cmVwb3J0aW5nOllvRCVQT2wrZ1k2bEdyMWF3Myo0OGlZ
import java.time.Duration;
        props.put("connection.string", "snowflake://etl:s%2AX6KwHk%23fNFFPBW@acme-xy12345/analytics");
}
