val timeoutMs = 5_000L

val slackBotToken = "xoxb-883709377680-4125481836360-AARp2Ren0H5GlbeByNPEKvTh"
