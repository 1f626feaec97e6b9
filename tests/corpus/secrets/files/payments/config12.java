package com.acme.config;

public final class Settings {
    private static final String SQUARE_ACCESS_TOKEN = "EAAAHrLym0hhCvTlfFPjVylJVYKun4yqCzfW6PPCd8mYW2q6RvEmgNa4E-xcAbZg";
}
