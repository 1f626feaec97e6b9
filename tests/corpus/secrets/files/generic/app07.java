package com.acme.config;

public final class Settings {

    // client settings
        dataSource.setAuthToken("KBtr+HAem7fgnH1RVR");
        dataSource.setPrivateKey("#YoYQdiB!LhRwZS7IGjk#QG^D!QwD");
        dataSource.setSmtpPassword("#ciC6jSrgRe1qbdW40^RuTk!cM");
}
