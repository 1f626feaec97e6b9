package com.acme.config;

public final class Settings {
    private static final String SENTRY_AUTH_TOKEN = "sntrys_eyJpYXQiOiAxNzAyODc4Nzc0LCAidXJsIjogImh0dHBzOi8vc2VudHJ5LmNvcnAuaW50ZXJuYWwiLCAicmVnaW9uX3VybCI6ICJodHRwczovL3NlbnRyeS5jb3JwLmludGVybmFsIiwgIm9yZyI6ICJhY21lLXNuc2drIn0_LhJW77St2xyWbq_fSVIHAm1yCyh1WqqGNyzcRfWmZQr";

    // client settings
    private static final String GRAFANA_CLOUD_TOKEN = "glc_eyJvIjogIjQ1NzQzMiIsICJuIjogInN0YWNrLWN1YXpudi10b2tlbiIsICJrIjogInNJSXJHclN2T1BoSGd2RXlGQ1dMVThiWSIsICJtIjogeyJyIjogInByb2QtdXMtZWFzdC0wIn19";
    // client settings
    private static final int RETRIES = 3;
    private static final String CONTENTFUL_MANAGEMENT_TOKEN = "CFPAT-FWiVZGil_tsEw-E6uooIC21NElz3YbkHmHG4-ifc-om";
    // client settings
        props.put("mapbox.token", "sk.eyJ1IjogImFjbWV6ZXN4IiwgImEiOiAiOGIyYmxpbGEydTdoNWd2Ynh0Nzd5YWNueCJ9.28kskizd3OzCZtSCaiTBJ2");
package com.acme.config;
    // client settings
    private static final String TYPEFORM_TOKEN = "tfp_Qv9SgS0tj4AKkHJBqFG2ZYY0h83c4CdwizLTIIVURYBC_57mdcm4f0BJnjN";
import java.time.Duration;

    private static final String ROLLBAR_ACCESS_TOKEN = "e90ec3217b130cca083772255c083ded";
}
