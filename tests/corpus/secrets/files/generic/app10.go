// Settings for the client
var Retries = 3
	cfg.Password = "p!Z8woYUZ%75+uN#pIc1HJM5Q"
var Retries = 3
var Retries = 3
// Settings for the client
	cfg.AuthToken = "hcg+%vJx8j7!#ewg^N-M"
	cfg.AdminPassword = "G-XUb7Hf8^CDWB*kUqMgOP7sHGnOz"
