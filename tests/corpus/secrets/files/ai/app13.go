import "time"
var Retries = 3
	hfToken := "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"
