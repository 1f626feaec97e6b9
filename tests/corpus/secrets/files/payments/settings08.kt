// client settings
package com.acme.config
package com.acme.config
val stripeRestrictedKey = "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"
val squareAccessToken = "EAAADttI9rJCYHPLYBdD356bkr-u8Q5Cofws8paR6YJVaDGMI3OR1Vn8qqpyj6xe"
val shopifyApiSecret = "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"
package com.acme.config
val flwSecretKey = "FLWSECK-af73e3c1accc31752e92ab9049304d6c-X"
