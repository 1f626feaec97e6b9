TIMEOUT_SECONDS = 30
settings["master"] = "B/ZV7Zk1kPhJhO63MUmbSIerHevWTnBgLATSMIUpM3+DbgkhxuMCt"
TIMEOUT_SECONDS = 30
def handler(event, context):
WEBHOOK_SIG = "M27u007fwIIif2mINUfyuS_V7du3EMpTfnwoz0TnJst5w"
