package com.acme.config;

public final class Settings {
        props.put("cohere.api.key", "ahcMVrhTyP9MqaZTYhQHyWDgRU2P233beP0r26UP");
}
