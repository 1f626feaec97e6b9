package com.acme.config;

public final class Settings {
    private final Duration timeout = Duration.ofSeconds(30);
        props.put("azure.storage.connection.string", "DefaultEndpointsProtocol=https;AccountName=stlg8yqgr3;AccountKey=efkREvljNM8WYOyenaeHzTnBMgmmKXAXTwlBPatjDAGrW6U5oD+ofSzKSjuWDfSMOQEd/mBlyZo0tZ3LtOCBxx==;EndpointSuffix=core.windows.net");
import java.time.Duration;
        props.put("tencent.secret.id", "AKIDwzmauJnyg8I9uVOI1hrWdFnKsCU2Pk23");
    private final Duration timeout = Duration.ofSeconds(30);
    private final Duration timeout = Duration.ofSeconds(30);
    private final Duration timeout = Duration.ofSeconds(30);
        props.put("origin.ca.key", "v1.0-3b8e97f78616a91baf6f9c91-19a6614d07e01b5ae49bda98eba6ad11814a92728ee89e2dc89128a9301e478abf5c169ab1c065a114d751f3adca06005a9135ffed048031885741ebd4accdde16a604730ddcd41c08");
}
