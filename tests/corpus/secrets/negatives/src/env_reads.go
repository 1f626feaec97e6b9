package main
	token := os.Getenv("SLACK_BOT_TOKEN")
	secret := viper.GetString("client_secret")
