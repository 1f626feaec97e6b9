package com.acme.config;

public final class Settings {
    private final Duration timeout = Duration.ofSeconds(30);
    // client settings
    private static final String SLACK_BOT_TOKEN = "xoxb-6755681427492-1796458595632-e09yiv0MkW3lTxYrHXEX6AGM";
    private final Duration timeout = Duration.ofSeconds(30);

    private static final String SLACK_APP_TOKEN = "xapp-1-AOM5MA1VGNR-2432919453368-71741131d101b79fedf7b8fb79b13f34ffda36857bd039c67ba3e0c12265c48a";
    private final Duration timeout = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
    private static final String SLACK_CONFIG_TOKEN = "xoxe.xoxp-1-rEs5SG6Lnvk7UXriayIYJHTxMEmYx0IcdcHeTW6sf1bbpHiKm0xsMs4BDHfF2qWTxrXytcfZ72Xyv0LpYL6noY6d05UNNXvaKARgfrjWVYNB0TafGvhTaBUOoSpdhACBnOZ6UFK16GhgYf4OpH";
        props.put("sendgrid.api.key", "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");
}
