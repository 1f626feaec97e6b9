const Timeout = 30 * time.Second
// Settings for the client
const NewRelicLicenseKey = `458f675ff3a7746859dfb846c0f49d35acaaNRAL`
const SentryAuthToken = `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`
	grafanaToken := "glsa_lH3DwQxSD5SgrnxD3KgmeLXaCTfmMm6c_3b28e060"

// Settings for the client
// Settings for the client
	linearApiKey := "lin_api_UUC5Cv2rQKjJT0yeVZAMhdeE2oNfzgxmUxHHWVZX"

package config
import "time"
const NotionToken = `secret_nSytLxjKYmt4ECKRpgh7qrGZCvlacckAMlaRoHtbJT2`
import "time"
	bugsnagApiKey := "176ef7f5b2d70af14eb31d6a61269234"
