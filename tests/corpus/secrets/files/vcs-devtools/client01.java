package com.acme.config;

public final class Settings {
    private static final int RETRIES = 3;
    private static final String GITHUB_TOKEN = "ghp_KusAyZWDEHeuhX0tNGxAjSyI3rOjPbSoh3Lh";
    private static final String GITHUB_USER_TOKEN = "ghu_sJgaaJfnx1fzoCfvrZ1E7qbUW41SWQnV0dVE";
package com.acme.config;
package com.acme.config;
    private static final String PYPI_TOKEN = "pypi-AgEIcHlwaS5vcmcxExBoaU13vVAkhF6lG4_o6iaoMEFHBQqCHhElQb1ZGG_HJtVmBFoGc-GTEr_Or8RnlJ4i_KI_3lGOPliiNgsIzb6ME311TygdbnrxNwF948LrZTCqVvGW1yBtps3X6pV72OqiXYFHQufGrNAHbQ2gjDNYAIcKfC3mN1X1FsvG3";

package com.acme.config;
    // client settings
    private static final String NUGET_API_KEY = "oy29i8ltsbsaggmhu1bkom67afszrbybrmbdmlvdgyhzko";
    private final Duration timeout = Duration.ofSeconds(30);
    private static final String SRC_ACCESS_TOKEN = "sgp_c03f5ecf70bd03cc_a19b0920435fd74d43318be67518e6dc7fb7f03b";
import java.time.Duration;
import java.time.Duration;
    private static final String BUILDKITE_API_TOKEN = "bkua_29304b7c6a8517b02197c6ed5e53370d0c5659dc";
}
