package com.acme.config;

public final class Settings {
import java.time.Duration;
    private final Duration timeout = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
        dataSource.setDbPassword("RdeHH28ha7zZw_9w*el65RRTc2AbLLS");
    private static final int RETRIES = 3;
        dataSource.setPassword("bTaSEcIU1ysu4VF2F^xfV!");

    private final Duration timeout = Duration.ofSeconds(30);
        dataSource.setPrivateKey("tWjEcGDI-lbNA+Fg9hZpWEErgQD");
}
