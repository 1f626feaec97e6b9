#!/usr/bin/env python3
"""Generates the labelled secrets corpus (issue 15): tests/corpus/secrets/.

  gen_corpus.py [OUT_DIR] [--seed N]      (default: tests/corpus/secrets, seed 15)

Seeded and deterministic: the same seed writes the same bytes. Every token
is made here from the shape its provider documents (prefix, length,
alphabet); nothing is copied from another scanner or from the rule pack.
The generator refuses to write a value that equals or contains a value
from a rule's examples in policies/secrets/*.yaml, so the corpus measures
the rules on values they were not written against.

Output:
  files/...          realistic source and config files holding the values
  labels.json        one entry per labelled line: file, line (1-based), family,
                     provider, optional "needs" ("context": the provider keyword
                     is on another line; "composite": detection needs two parts
                     on different lines); negatives have family "negative".
                     Values are never written to labels.json.
  policy.yaml        the policy the bench scans with (fail_on low, no allow_paths)
"""
import argparse
import base64
import glob
import json
import os
import random
import re
import shutil
import string
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UP + "234567"
CRYPT = "./" + DIG + UP + LO

R = random.Random()


def rs(n, alpha=ALNUM):
    return "".join(R.choice(alpha) for _ in range(n))


def rn(a, b):
    return R.randint(a, b)


def uuid4():
    h = rs(32, HEX)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def b64(data):
    return base64.b64encode(data).decode()


def b64url_nopad(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def password(n=None):
    n = n or rn(14, 28)
    alpha = ALNUM + "!#%^*_-+"
    while True:
        p = rs(n, alpha)
        if any(c in DIG for c in p) and any(c in UP for c in p) and any(c in LO for c in p):
            return p


# ---------------------------------------------------------------------------
# Token shapes. Each entry: (family, provider, variant, generator, names)
# names: variable-name words; a "ctx" entry is one the provider detects by
# its name next to the value (the names all hold the provider's keyword).

def aws_session():
    return R.choice(["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz"]) + rs(rn(300, 600), B64)


def slack_xoxb():
    return "xoxb-%s-%s-%s" % (rs(rn(10, 13), DIG), rs(13, DIG), rs(24))


def slack_xoxp():
    return "xoxp-%s-%s-%s-%s" % (rs(rn(10, 13), DIG), rs(rn(10, 13), DIG), rs(13, DIG), rs(32, HEX))


def discord_bot():
    uid = str(rn(10 ** 17, 10 ** 19 - 1)).encode()
    return b64(uid).rstrip("=") + "." + rs(6, B64URL) + "." + rs(rn(27, 38), B64URL)


def sentry_org():
    payload = json.dumps({"iat": rn(1.6e9, 1.8e9), "url": "https://sentry.corp.internal",
                          "region_url": "https://sentry.corp.internal", "org": "acme-" + rs(5, LO)})
    return "sntrys_" + b64(payload.encode()).rstrip("=") + "_" + rs(43, B64URL)


def grafana_cloud():
    payload = json.dumps({"o": str(rn(100000, 999999)), "n": "stack-" + rs(6, LO) + "-token",
                          "k": rs(24), "m": {"r": "prod-us-east-0"}})
    return "glc_" + b64(payload.encode())


def onepassword_sa():
    payload = json.dumps({"signInAddress": "acme.1password.com", "userAuth": {"method": "SRPg-4096",
                          "alg": "PBES2g-HS256", "iterations": 650000, "salt": rs(22, B64URL)},
                          "email": rs(12, LO) + "@1passwordserviceaccounts.com", "srpX": rs(64, HEX),
                          "muk": {"alg": "A256GCM", "ext": True, "k": rs(43, B64URL), "key_ops": ["encrypt", "decrypt"],
                                  "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(6, UP + DIG), "deviceUuid": rs(26, LO + DIG)})
    return "ops_" + b64(payload.encode()).rstrip("=")


def jwt():
    head = b64url_nopad(json.dumps({"alg": R.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    body = b64url_nopad(json.dumps({"sub": str(rn(1000, 99999)), "iat": rn(1.6e9, 1.8e9),
                                    "scope": R.choice(["read write", "admin", "deploy"])}).encode())
    return head + "." + body + "." + rs(43, B64URL)


def pypi():
    return "pypi-AgEIcHlwaS5vcmc" + rs(rn(120, 180), B64URL)


def adyen():
    return "AQE" + rs(rn(3, 5), ALNUM) + "hmfxL" + rs(rn(60, 90), ALNUM) + "+" + rs(20, ALNUM) + "=-" + rs(40, B64URL)


TOKENS = [
    # cloud
    ("cloud", "AWS", "access key id AKIA", lambda: "AKIA" + rs(16, B32), [["aws", "access", "key", "id"], ["access", "key"]]),
    ("cloud", "AWS", "access key id ASIA", lambda: "ASIA" + rs(16, B32), [["aws", "access", "key", "id"]]),
    ("cloud", "AWS", "secret access key", lambda: rs(40, B64), [["aws", "secret", "access", "key"], ["aws", "secret", "key"]]),
    ("cloud", "AWS", "session token", aws_session, [["aws", "session", "token"]]),
    ("cloud", "Google Cloud", "API key AIza", lambda: "AIza" + rs(35, B64URL), [["google", "maps", "key"], ["gcp", "api", "key"], ["firebase", "api", "key"]]),
    ("cloud", "Google Cloud", "OAuth client secret", lambda: "GOCSPX-" + rs(28, B64URL), [["google", "client", "secret"]]),
    ("cloud", "Google Cloud", "OAuth access token", lambda: "ya29." + rs(rn(120, 200), B64URL), [["google", "access", "token"]]),
    ("cloud", "Google Cloud", "OAuth refresh token", lambda: "1//0" + rs(1, ALNUM) + rs(rn(90, 100), B64URL), [["google", "refresh", "token"]]),
    ("cloud", "Azure", "AD client secret", lambda: rs(3, ALNUM) + R.choice(DIG) + "Q~" + rs(34, ALNUM + "_~.-"), [["azure", "client", "secret"], ["arm", "client", "secret"]]),
    ("cloud", "Azure", "storage connection string",
     lambda: "DefaultEndpointsProtocol=https;AccountName=st%s;AccountKey=%s==;EndpointSuffix=core.windows.net" % (rs(8, LO + DIG), rs(86, B64)),
     [["azure", "storage", "connection", "string"]]),
    ("cloud", "Azure", "Service Bus SharedAccessKey",
     lambda: "Endpoint=sb://sb-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s=" % (rs(6, LO), rs(43, B64)),
     [["servicebus", "connection"]]),
    ("cloud", "Azure", "SAS URL",
     lambda: "https://st%s.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=%s%%3D" % (rs(8, LO), rs(43, ALNUM + "%")),
     [["backup", "sas", "url"]]),
    ("cloud", "IBM Cloud", "API key (ctx)", lambda: rs(44, B64URL), [["ibm", "cloud", "api", "key"], ["ibmcloud", "api", "key"]]),
    ("cloud", "Alibaba Cloud", "AccessKey id LTAI", lambda: "LTAI" + rs(R.choice([12, 20]), ALNUM), [["alibaba", "access", "key", "id"]]),
    ("cloud", "Alibaba Cloud", "AccessKey secret (ctx)", lambda: rs(30, ALNUM), [["alibaba", "cloud", "access", "key", "secret"], ["aliyun", "secret"]]),
    ("cloud", "Tencent Cloud", "SecretId AKID", lambda: "AKID" + rs(32, ALNUM), [["tencent", "secret", "id"]]),
    ("cloud", "DigitalOcean", "personal access token", lambda: "dop_v1_" + rs(64, HEX), [["digitalocean", "token"], ["do", "token"]]),
    ("cloud", "DigitalOcean", "OAuth token", lambda: "doo_v1_" + rs(64, HEX), [["do", "oauth", "token"]]),
    ("cloud", "DigitalOcean", "refresh token", lambda: "dor_v1_" + rs(64, HEX), [["do", "refresh", "token"]]),
    ("cloud", "Heroku", "API key HRKU", lambda: "HRKU-AA" + rs(58, B64URL), [["heroku", "api", "key"]]),
    ("cloud", "Heroku", "API key UUID (ctx)", uuid4, [["heroku", "api", "key"]]),
    ("cloud", "Cloudflare", "API token (ctx)", lambda: rs(40, B64URL), [["cloudflare", "api", "token"], ["cf", "api", "token"]]),
    ("cloud", "Cloudflare", "global API key (ctx)", lambda: rs(37, HEX), [["cloudflare", "api", "key"]]),
    ("cloud", "Cloudflare", "origin CA key", lambda: "v1.0-" + rs(24, HEX) + "-" + rs(146, HEX), [["origin", "ca", "key"]]),
    ("cloud", "HashiCorp Vault", "service token hvs.", lambda: "hvs." + rs(rn(90, 100), B64URL), [["vault", "token"]]),
    ("cloud", "HashiCorp Vault", "batch token hvb.", lambda: "hvb." + rs(rn(130, 160), B64URL), [["vault", "token"]]),
    ("cloud", "HashiCorp Terraform", "Terraform Cloud token", lambda: rs(14) + ".atlasv1." + rs(67), [["tfe", "token"], ["atlas", "token"]]),
    ("cloud", "Databricks", "PAT dapi", lambda: "dapi" + rs(32, HEX) + R.choice(["", "-2", "-3"]), [["databricks", "token"]]),
    ("cloud", "Pulumi", "access token", lambda: "pul-" + rs(40, HEX), [["pulumi", "access", "token"]]),
    ("cloud", "Doppler", "service token", lambda: "dp." + R.choice(["st", "pt", "sa"]) + "." + rs(43, ALNUM), [["doppler", "token"]]),
    ("cloud", "1Password", "service account token", onepassword_sa, [["op", "service", "account", "token"]]),
    ("cloud", "Tailscale", "auth key", lambda: "tskey-" + R.choice(["auth", "api", "client"]) + "-k" + rs(rn(10, 12), ALNUM) + "CNTRL-" + rs(rn(30, 33), ALNUM), [["ts", "authkey"]]),
    ("cloud", "Supabase", "access token", lambda: "sbp_" + rs(40, HEX), [["supabase", "access", "token"]]),
    ("cloud", "Fly.io", "access token", lambda: "fo1_" + rs(43, B64URL), [["fly", "api", "token"]]),
    # VCS / devtools
    ("vcs-devtools", "GitHub", "PAT classic ghp_", lambda: "ghp_" + rs(36), [["github", "token"], ["gh", "token"]]),
    ("vcs-devtools", "GitHub", "OAuth gho_", lambda: "gho_" + rs(36), [["github", "oauth", "token"]]),
    ("vcs-devtools", "GitHub", "user-to-server ghu_", lambda: "ghu_" + rs(36), [["github", "user", "token"]]),
    ("vcs-devtools", "GitHub", "installation ghs_", lambda: "ghs_" + rs(36), [["github", "app", "token"]]),
    ("vcs-devtools", "GitHub", "refresh ghr_", lambda: "ghr_" + rs(76), [["github", "refresh", "token"]]),
    ("vcs-devtools", "GitHub", "fine-grained github_pat_", lambda: "github_pat_11" + rs(20, UP + DIG) + "_" + rs(59), [["github", "pat"]]),
    ("vcs-devtools", "GitLab", "PAT glpat- legacy", lambda: "glpat-" + rs(20, B64URL), [["gitlab", "token"]]),
    ("vcs-devtools", "GitLab", "PAT glpat- routable", lambda: "glpat-" + rs(27, B64URL) + ".01." + rs(9, LO + DIG), [["gitlab", "token"]]),
    ("vcs-devtools", "GitLab", "deploy token gldt-", lambda: "gldt-" + rs(20, B64URL), [["deploy", "token"]]),
    ("vcs-devtools", "GitLab", "runner token glrt-", lambda: "glrt-" + R.choice(["", "t1_", "t3_"]) + rs(20, B64URL), [["runner", "token"]]),
    ("vcs-devtools", "GitLab", "pipeline trigger glptt-", lambda: "glptt-" + rs(40, HEX), [["trigger", "token"]]),
    ("vcs-devtools", "GitLab", "feed token glft-", lambda: "glft-" + rs(20, B64URL), [["feed", "token"]]),
    ("vcs-devtools", "GitLab", "SCIM token glsoat-", lambda: "glsoat-" + rs(20, B64URL), [["scim", "token"]]),
    ("vcs-devtools", "GitLab", "incoming mail glimt-", lambda: "glimt-" + rs(25, LO + DIG), [["incoming", "email", "token"]]),
    ("vcs-devtools", "GitLab", "OAuth app secret gloas-", lambda: "gloas-" + rs(64, HEX), [["gitlab", "app", "secret"]]),
    ("vcs-devtools", "GitLab", "runner registration GR1348941", lambda: "GR1348941" + rs(20, B64URL), [["registration", "token"]]),
    ("vcs-devtools", "GitLab", "agent token glagent-", lambda: "glagent-" + rs(50, B64URL), [["kas", "agent", "token"]]),
    ("vcs-devtools", "Bitbucket", "app password ATBB", lambda: "ATBB" + rs(32, ALNUM), [["bitbucket", "app", "password"]]),
    ("vcs-devtools", "Bitbucket", "access token ATCTT3", lambda: "ATCTT3xFfGN0" + rs(rn(180, 200), B64URL) + "=" + rs(8, HEXU), [["bitbucket", "token"]]),
    ("vcs-devtools", "Atlassian", "API token ATATT3", lambda: "ATATT3xFfGF0" + rs(rn(180, 200), B64URL) + "=" + rs(8, HEXU), [["jira", "api", "token"], ["confluence", "token"]]),
    ("vcs-devtools", "Azure DevOps", "PAT (ctx, 52 base32)", lambda: rs(52, LO + "234567"), [["azure", "devops", "pat"], ["ado", "pat"]]),
    ("vcs-devtools", "Azure DevOps", "PAT (ctx, 84 chars)", lambda: rs(52, ALNUM) + "AAASAZDO" + rs(24, ALNUM), [["azure", "devops", "token"]]),
    ("vcs-devtools", "npm", "access token npm_", lambda: "npm_" + rs(36), [["npm", "token"]]),
    ("vcs-devtools", "PyPI", "upload token pypi-", pypi, [["pypi", "token"], ["twine", "password"]]),
    ("vcs-devtools", "RubyGems", "API key rubygems_", lambda: "rubygems_" + rs(48, HEX), [["gem", "host", "api", "key"]]),
    ("vcs-devtools", "NuGet", "API key oy2", lambda: "oy2" + rs(43, LO + DIG), [["nuget", "api", "key"]]),
    ("vcs-devtools", "Docker Hub", "PAT dckr_pat_", lambda: "dckr_pat_" + rs(27, B64URL), [["docker", "hub", "token"]]),
    ("vcs-devtools", "Docker Hub", "org token dckr_oat_", lambda: "dckr_oat_" + rs(32, B64URL), [["docker", "org", "token"]]),
    ("vcs-devtools", "JFrog", "API key AKCp", lambda: "AKCp" + rs(69), [["artifactory", "api", "key"]]),
    ("vcs-devtools", "CircleCI", "PAT CCIPAT_", lambda: "CCIPAT_" + rs(22) + "_" + rs(40, HEX), [["circle", "token"]]),
    ("vcs-devtools", "SonarQube", "token squ_/sqp_/sqa_", lambda: R.choice(["squ_", "sqp_", "sqa_"]) + rs(40, HEX), [["sonar", "token"]]),
    ("vcs-devtools", "Postman", "API key PMAK-", lambda: "PMAK-" + rs(24, HEX) + "-" + rs(34, HEX), [["postman", "api", "key"]]),
    ("vcs-devtools", "Sourcegraph", "access token sgp_", lambda: "sgp_" + rs(16, HEX) + "_" + rs(40, HEX), [["src", "access", "token"]]),
    ("vcs-devtools", "Buildkite", "API token bkua_", lambda: "bkua_" + rs(40, HEX), [["buildkite", "api", "token"]]),
    ("vcs-devtools", "Snyk", "API token (ctx)", uuid4, [["snyk", "token"]]),
    ("vcs-devtools", "crates-io", "API token cio", lambda: "cio" + rs(32), [["cargo", "registry", "token"]]),
    ("vcs-devtools", "Codecov", "upload token (ctx)", uuid4, [["codecov", "token"]]),
    # AI
    ("ai", "OpenAI", "project key sk-proj-", lambda: "sk-proj-" + rs(rn(58, 74), B64URL) + "T3BlbkFJ" + rs(rn(58, 74), B64URL), [["openai", "api", "key"]]),
    ("ai", "OpenAI", "service account sk-svcacct-", lambda: "sk-svcacct-" + rs(rn(58, 74), B64URL) + "T3BlbkFJ" + rs(rn(58, 74), B64URL), [["openai", "api", "key"]]),
    ("ai", "OpenAI", "admin key sk-admin-", lambda: "sk-admin-" + rs(rn(58, 74), B64URL) + "T3BlbkFJ" + rs(rn(58, 74), B64URL), [["openai", "admin", "key"]]),
    ("ai", "OpenAI", "legacy user key", lambda: "sk-" + rs(20) + "T3BlbkFJ" + rs(20), [["openai", "api", "key"]]),
    ("ai", "Anthropic", "API key sk-ant-api03-", lambda: "sk-ant-api03-" + rs(93, B64URL) + "AA", [["anthropic", "api", "key"]]),
    ("ai", "Anthropic", "admin key sk-ant-admin01-", lambda: "sk-ant-admin01-" + rs(93, B64URL) + "AA", [["anthropic", "admin", "key"]]),
    ("ai", "Hugging Face", "token hf_", lambda: "hf_" + rs(34, UP + LO), [["hf", "token"], ["huggingface", "token"]]),
    ("ai", "Hugging Face", "org token api_org_", lambda: "api_org_" + rs(34, UP + LO), [["hf", "org", "token"]]),
    ("ai", "Groq", "API key gsk_", lambda: "gsk_" + rs(52), [["groq", "api", "key"]]),
    ("ai", "Replicate", "API token r8_", lambda: "r8_" + rs(37), [["replicate", "api", "token"]]),
    ("ai", "Perplexity", "API key pplx-", lambda: "pplx-" + rs(48), [["pplx", "key"]]),
    ("ai", "xAI", "API key xai-", lambda: "xai-" + rs(80), [["xai", "api", "key"]]),
    ("ai", "OpenRouter", "API key sk-or-v1-", lambda: "sk-or-v1-" + rs(64, HEX), [["openrouter", "key"]]),
    ("ai", "Mistral", "API key (ctx)", lambda: rs(32), [["mistral", "api", "key"]]),
    ("ai", "Cohere", "API key (ctx)", lambda: rs(40), [["cohere", "api", "key"]]),
    ("ai", "DeepSeek", "API key (ctx)", lambda: "sk-" + rs(32, HEX), [["deepseek", "api", "key"]]),
    ("ai", "LangSmith", "API key lsv2_", lambda: "lsv2_" + R.choice(["pt", "sk"]) + "_" + rs(32, HEX) + "_" + rs(10, HEX), [["langchain", "api", "key"]]),
    ("ai", "Pinecone", "API key pcsk_", lambda: "pcsk_" + rs(5, ALNUM) + "_" + rs(63, ALNUM), [["pinecone", "api", "key"]]),
    ("ai", "Weights & Biases", "API key (ctx)", lambda: rs(40, HEX), [["wandb", "api", "key"]]),
    # payments
    ("payments", "Stripe", "secret key sk_live_ (24)", lambda: "sk_live_" + rs(24), [["stripe", "secret", "key"]]),
    ("payments", "Stripe", "secret key sk_live_ (99)", lambda: "sk_live_51" + rs(97), [["stripe", "secret", "key"]]),
    ("payments", "Stripe", "restricted key rk_live_", lambda: "rk_live_51" + rs(97), [["stripe", "restricted", "key"]]),
    ("payments", "Stripe", "webhook secret whsec_", lambda: "whsec_" + rs(32), [["stripe", "webhook", "secret"]]),
    ("payments", "Square", "access token EAAA", lambda: "EAAA" + rs(60, B64URL), [["square", "access", "token"]]),
    ("payments", "Square", "OAuth secret sq0csp-", lambda: "sq0csp-" + rs(43, B64URL), [["square", "app", "secret"]]),
    ("payments", "Square", "legacy token sq0atp-", lambda: "sq0atp-" + rs(22, B64URL), [["square", "token"]]),
    ("payments", "PayPal", "Braintree access token", lambda: "access_token$production$" + rs(16, LO + DIG) + "$" + rs(32, HEX), [["braintree", "access", "token"]]),
    ("payments", "PayPal", "client secret (ctx)", lambda: "E" + rs(79, B64URL), [["paypal", "client", "secret"]]),
    ("payments", "PayPal", "Braintree private key (ctx)", lambda: rs(32, HEX), [["braintree", "private", "key"]]),
    ("payments", "Adyen", "API key AQE", adyen, [["adyen", "api", "key"]]),
    ("payments", "Shopify", "admin token shpat_", lambda: "shpat_" + rs(32, HEX), [["shopify", "access", "token"]]),
    ("payments", "Shopify", "shared secret shpss_", lambda: "shpss_" + rs(32, HEX), [["shopify", "api", "secret"]]),
    ("payments", "Shopify", "custom app shpca_", lambda: "shpca_" + rs(32, HEX), [["shopify", "token"]]),
    ("payments", "Shopify", "private app shppa_", lambda: "shppa_" + rs(32, HEX), [["shopify", "password"]]),
    ("payments", "Razorpay", "key secret (ctx)", lambda: rs(24), [["razorpay", "key", "secret"]]),
    ("payments", "Flutterwave", "secret key FLWSECK-", lambda: "FLWSECK-" + rs(32, HEX) + "-X", [["flw", "secret", "key"]]),
    ("payments", "Plaid", "secret (ctx)", lambda: rs(30, HEX), [["plaid", "secret"]]),
    ("payments", "Plaid", "access token access-production-", lambda: "access-production-" + uuid4(), [["plaid", "access", "token"]]),
    ("payments", "Paystack", "secret key sk_live_", lambda: "sk_live_" + rs(40, HEX), [["paystack", "secret", "key"]]),
    ("payments", "Coinbase", "API secret (ctx)", lambda: rs(32), [["coinbase", "api", "secret"]]),
    # messaging
    ("messaging", "Slack", "bot token xoxb-", slack_xoxb, [["slack", "bot", "token"]]),
    ("messaging", "Slack", "user token xoxp-", slack_xoxp, [["slack", "user", "token"]]),
    ("messaging", "Slack", "app token xapp-", lambda: "xapp-1-A" + rs(10, UP + DIG) + "-" + rs(13, DIG) + "-" + rs(64, HEX), [["slack", "app", "token"]]),
    ("messaging", "Slack", "config token xoxe.xoxp-", lambda: "xoxe.xoxp-1-" + rs(146, ALNUM), [["slack", "config", "token"]]),
    ("messaging", "Slack", "refresh token xoxe-", lambda: "xoxe-1-" + rs(146, ALNUM), [["slack", "refresh", "token"]]),
    ("messaging", "Slack", "incoming webhook", lambda: "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(rn(8, 10), UP + DIG), rs(rn(8, 10), UP + DIG), rs(24)), [["slack", "webhook", "url"]]),
    ("messaging", "Discord", "bot token (ctx)", discord_bot, [["discord", "bot", "token"], ["discord", "token"]]),
    ("messaging", "Discord", "webhook URL", lambda: "https://discord.com/api/webhooks/%s/%s" % (rs(19, DIG), rs(68, B64URL)), [["discord", "webhook"]]),
    ("messaging", "Telegram", "bot token", lambda: "%s:AA%s" % (rs(rn(9, 10), DIG), rs(33, B64URL)), [["telegram", "bot", "token"], ["tg", "token"]]),
    ("messaging", "Twilio", "API key SK", lambda: "SK" + rs(32, HEX), [["twilio", "api", "key"]]),
    ("messaging", "Twilio", "auth token (ctx)", lambda: rs(32, HEX), [["twilio", "auth", "token"]]),
    ("messaging", "SendGrid", "API key SG.", lambda: "SG." + rs(22, B64URL) + "." + rs(43, B64URL), [["sendgrid", "api", "key"]]),
    ("messaging", "Mailgun", "API key key-", lambda: "key-" + rs(32, HEX), [["mailgun", "api", "key"]]),
    ("messaging", "Mailchimp", "API key -usN", lambda: rs(32, HEX) + "-us" + str(rn(1, 21)), [["mailchimp", "api", "key"]]),
    ("messaging", "Microsoft Teams", "incoming webhook",
     lambda: "https://acme%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (rs(4, LO), uuid4(), uuid4(), rs(32, HEX), uuid4()),
     [["teams", "webhook", "url"]]),
    # SaaS / observability
    ("saas-observability", "Datadog", "API key (ctx)", lambda: rs(32, HEX), [["datadog", "api", "key"], ["dd", "api", "key"]]),
    ("saas-observability", "Datadog", "application key (ctx)", lambda: rs(40, HEX), [["datadog", "app", "key"], ["dd", "app", "key"]]),
    ("saas-observability", "New Relic", "user key NRAK-", lambda: "NRAK-" + rs(27, UP + DIG), [["new", "relic", "api", "key"]]),
    ("saas-observability", "New Relic", "license key ...NRAL", lambda: rs(36, HEX) + "NRAL", [["new", "relic", "license", "key"]]),
    ("saas-observability", "New Relic", "insert key NRII-", lambda: "NRII-" + rs(32, B64URL), [["nr", "insert", "key"]]),
    ("saas-observability", "New Relic", "browser key NRJS-", lambda: "NRJS-" + rs(19, HEX), [["nr", "browser", "key"]]),
    ("saas-observability", "Sentry", "org token sntrys_", sentry_org, [["sentry", "auth", "token"]]),
    ("saas-observability", "Sentry", "user token sntryu_", lambda: "sntryu_" + rs(64, HEX), [["sentry", "auth", "token"]]),
    ("saas-observability", "Sentry", "DSN", lambda: "https://%s@o%s.ingest.sentry.io/%s" % (rs(32, HEX), rs(6, DIG), rs(7, DIG)), [["sentry", "dsn"]]),
    ("saas-observability", "Grafana", "cloud token glc_", grafana_cloud, [["grafana", "cloud", "token"]]),
    ("saas-observability", "Grafana", "service account glsa_", lambda: "glsa_" + rs(32) + "_" + rs(8, HEX), [["grafana", "token"]]),
    ("saas-observability", "PagerDuty", "API key (ctx)", lambda: (lambda pre: pre + rs(20 - len(pre), ALNUM + "_-"))(R.choice(["u+", "y_", ""])), [["pagerduty", "api", "key"], ["pagerduty", "token"]]),
    ("saas-observability", "Dynatrace", "API token dt0c01.", lambda: "dt0c01." + rs(24, UP + DIG) + "." + rs(64, UP + DIG), [["dt", "api", "token"]]),
    ("saas-observability", "Honeycomb", "API key (ctx)", lambda: rs(22), [["honeycomb", "api", "key"]]),
    ("saas-observability", "Linear", "API key lin_api_", lambda: "lin_api_" + rs(40), [["linear", "api", "key"]]),
    ("saas-observability", "Notion", "integration secret_", lambda: "secret_" + rs(43), [["notion", "token"]]),
    ("saas-observability", "Notion", "integration token ntn_", lambda: "ntn_" + rs(11, DIG) + rs(35), [["notion", "api", "key"]]),
    ("saas-observability", "Okta", "API token (ctx)", lambda: "00" + rs(40, B64URL), [["okta", "api", "token"]]),
    ("saas-observability", "Airtable", "PAT pat…", lambda: "pat" + rs(14) + "." + rs(64, HEX), [["airtable", "token"]]),
    ("saas-observability", "HubSpot", "private app pat-na1-", lambda: "pat-" + R.choice(["na1", "eu1", "na2"]) + "-" + uuid4(), [["hubspot", "access", "token"]]),
    ("saas-observability", "Figma", "PAT figd_", lambda: "figd_" + rs(40, B64URL), [["figma", "token"]]),
    ("saas-observability", "Contentful", "PAT CFPAT-", lambda: "CFPAT-" + rs(43, B64URL), [["contentful", "management", "token"]]),
    ("saas-observability", "Mapbox", "secret token sk.eyJ", lambda: "sk." + b64url_nopad(json.dumps({"u": "acme" + rs(4, LO), "a": rs(25, LO + DIG)}).encode()) + "." + rs(22, B64URL), [["mapbox", "token"]]),
    ("saas-observability", "Typeform", "PAT tfp_", lambda: "tfp_" + rs(44, ALNUM) + "_" + rs(14, ALNUM), [["typeform", "token"]]),
    ("saas-observability", "Algolia", "admin key (ctx)", lambda: rs(32, HEX), [["algolia", "admin", "key"]]),
    ("saas-observability", "Zendesk", "API token (ctx)", lambda: rs(40), [["zendesk", "api", "token"]]),
    ("saas-observability", "Asana", "PAT 1/…:…", lambda: "2/%s/%s:%s" % (rs(16, DIG), rs(16, DIG), rs(32, HEX)), [["asana", "token"]]),
    ("saas-observability", "Dropbox", "short-lived sl.", lambda: "sl." + rs(rn(135, 150), B64URL), [["dropbox", "access", "token"]]),
    ("saas-observability", "Rollbar", "access token (ctx)", lambda: rs(32, HEX), [["rollbar", "access", "token"]]),
    ("saas-observability", "Bugsnag", "API key (ctx)", lambda: rs(32, HEX), [["bugsnag", "api", "key"]]),
    ("saas-observability", "Splunk", "HEC token (ctx)", uuid4, [["splunk", "hec", "token"]]),
    ("saas-observability", "Intercom", "access token (ctx)", lambda: rs(59, B64URL) + "=", [["intercom", "access", "token"]]),
    ("saas-observability", "JWT", "JSON Web Token", jwt, [["session", "jwt"], ["id", "jwt"]]),
]


# ---------------------------------------------------------------------------
# Names and file formats

def name_style(words, style):
    if style == "upper":
        return "_".join(words).upper()
    if style == "camel":
        return words[0] + "".join(w.capitalize() for w in words[1:])
    if style == "pascal":
        return "".join(w.capitalize() for w in words)
    if style == "dot":
        return ".".join(words)
    if style == "kebab":
        return "-".join(words)
    return "_".join(words)


FILLER = {
    "py": ["import os", "import logging", "log = logging.getLogger(__name__)", "", "def handler(event, context):",
           "    return {\"status\": 200}", "TIMEOUT_SECONDS = 30", "RETRIES = 3", "# connection settings"],
    "js": ["'use strict';", "const path = require('path');", "", "module.exports.timeout = 3000;", "function noop() {}",
           "// client options", "const retries = 3;"],
    "ts": ["import { Injectable } from '@angular/core';", "", "export const TIMEOUT_MS = 5000;", "// service config",
           "export type Region = 'eu' | 'us';"],
    "go": ["package config", "", "import \"time\"", "const Timeout = 30 * time.Second", "// Settings for the client",
           "var Retries = 3"],
    "java": ["package com.acme.config;", "", "import java.time.Duration;", "    private static final int RETRIES = 3;",
             "    // client settings", "    private final Duration timeout = Duration.ofSeconds(30);"],
    "kt": ["package com.acme.config", "", "const val RETRIES = 3", "// client settings", "val timeoutMs = 5_000L"],
    "cs": ["using System;", "namespace Acme.Config", "    // client settings", "    public const int Retries = 3;"],
    "rb": ["# frozen_string_literal: true", "require 'json'", "", "RETRIES = 3", "# client settings"],
    "php": ["<?php", "", "declare(strict_types=1);", "$retries = 3;", "// client settings"],
    "yaml": ["", "replicas: 2", "log_level: info", "# service settings", "region: eu-west-1", "timeout: 30s"],
    "json": [],
    "toml": ["", "[server]", "port = 8080", "# service settings", "region = \"eu-west-1\""],
    "ini": ["", "[service]", "port = 8080", "; settings", "region = eu-west-1"],
    "env": ["", "PORT=8080", "LOG_LEVEL=info", "# service settings", "NODE_ENV=production"],
    "dockerfile": ["FROM alpine:3.20", "WORKDIR /app", "RUN apk add --no-cache curl", "COPY . .", "EXPOSE 8080"],
    "sh": ["#!/usr/bin/env bash", "set -euo pipefail", "", "echo \"deploying\"", "cd \"$(dirname \"$0\")\""],
    "xml": [],
    "tf": ["", "terraform {", "  required_version = \">= 1.5\"", "}", "# provider settings"],
    "properties": ["", "server.port=8080", "# service settings", "logging.level.root=INFO"],
    "md": ["", "## Setup", "Install the tool, then configure it:", "", "See the runbook for details."],
}

EXT = {"py": ".py", "js": ".js", "ts": ".ts", "go": ".go", "java": ".java", "kt": ".kt", "cs": ".cs", "rb": ".rb",
       "php": ".php", "yaml": ".yaml", "json": ".json", "toml": ".toml", "ini": ".ini", "env": ".env",
       "dockerfile": "Dockerfile", "sh": ".sh", "xml": ".xml", "tf": ".tf", "properties": ".properties", "md": ".md"}

FORMATS = list(EXT)


def emit(fmt, words, value):
    """One line assigning value to a name made of words, in fmt's syntax."""
    c = R.random()
    if fmt == "py":
        if c < 0.6:
            return '%s = "%s"' % (name_style(words, "upper"), value)
        if c < 0.8:
            return "    %s='%s'," % (name_style(words, "snake"), value)
        return 'settings["%s"] = "%s"' % (name_style(words, "snake"), value)
    if fmt == "js":
        if c < 0.5:
            return "const %s = '%s';" % (name_style(words, "camel"), value)
        if c < 0.8:
            return "  %s: \"%s\"," % (name_style(words, "camel"), value)
        return "process.env.%s = \"%s\";" % (name_style(words, "upper"), value)
    if fmt == "ts":
        return "export const %s: string = \"%s\";" % (name_style(words, "camel"), value)
    if fmt == "go":
        if c < 0.5:
            return "\t%s := \"%s\"" % (name_style(words, "camel"), value)
        return "const %s = `%s`" % (name_style(words, "pascal"), value)
    if fmt == "java":
        if c < 0.6:
            return "    private static final String %s = \"%s\";" % (name_style(words, "upper"), value)
        return "        props.put(\"%s\", \"%s\");" % (name_style(words, "dot"), value)
    if fmt == "kt":
        return "val %s = \"%s\"" % (name_style(words, "camel"), value)
    if fmt == "cs":
        return "    public const string %s = \"%s\";" % (name_style(words, "pascal"), value)
    if fmt == "rb":
        if c < 0.5:
            return "%s = '%s'" % (name_style(words, "upper"), value)
        return "  config.%s = \"%s\"" % (name_style(words, "snake"), value)
    if fmt == "php":
        if c < 0.5:
            return "$%s = '%s';" % (name_style(words, "camel"), value)
        return "    '%s' => '%s'," % (name_style(words, "snake"), value)
    if fmt == "yaml":
        if c < 0.5:
            return "%s: %s" % (name_style(words, "snake"), value)
        return "%s: \"%s\"" % (name_style(words, "snake"), value)
    if fmt == "json":
        return "  \"%s\": \"%s\"," % (name_style(words, "camel" if c < 0.5 else "snake"), value)
    if fmt == "toml":
        return "%s = \"%s\"" % (name_style(words, "snake"), value)
    if fmt == "ini":
        return "%s = %s" % (name_style(words, "snake"), value)
    if fmt == "env":
        return "%s=%s" % (name_style(words, "upper"), value)
    if fmt == "dockerfile":
        return "%s %s=%s" % (R.choice(["ENV", "ARG"]), name_style(words, "upper"), value)
    if fmt == "sh":
        if c < 0.6:
            return "export %s=\"%s\"" % (name_style(words, "upper"), value)
        return "%s='%s'" % (name_style(words, "upper"), value)
    if fmt == "xml":
        if c < 0.5:
            return "  <%s>%s</%s>" % (name_style(words, "camel"), value, name_style(words, "camel"))
        return "  <add key=\"%s\" value=\"%s\" />" % (name_style(words, "pascal"), value)
    if fmt == "tf":
        return "  %s = \"%s\"" % (name_style(words, "snake"), value)
    if fmt == "properties":
        return "%s=%s" % (name_style(words, "dot"), value)
    if fmt == "md":
        return "    %s=%s" % (name_style(words, "upper"), value)
    raise ValueError(fmt)


class Corpus:
    def __init__(self, out):
        self.out = out
        self.files = {}      # relpath -> list of lines
        self.labels = []
        self.values = []     # every generated value (checked against the examples)
        self.open = {}       # (group, fmt) -> relpath being filled
        self.counter = {}
        self.fmt = {}        # relpath -> format of a slot file (for its footer)

    def new_file(self, rel, header=()):
        assert rel not in self.files, rel
        self.files[rel] = list(header)
        return rel

    def add(self, rel, line, label=None, value=None, values=()):
        lines = self.files[rel]
        lines.append(line)
        if label is not None:
            lab = {"file": rel, "line": len(lines)}
            lab.update(label)
            self.labels.append(lab)
        if value is not None:
            self.values.append(value)
        self.values.extend(values)
        return len(lines)

    def filler(self, rel, fmt, n=None):
        pool = FILLER.get(fmt) or []
        for _ in range(n if n is not None else rn(0, 3)):
            if pool:
                self.files[rel].append(R.choice(pool))

    def slot(self, group, fmt, per_file=18):
        """The file of this group and format being filled, a new one when full."""
        key = (group, fmt)
        rel = self.open.get(key)
        if rel is None or self.counter[rel] >= per_file:
            n = sum(1 for k in self.files if k.startswith("files/%s/" % group)) + 1
            base = EXT[fmt]
            if base == "Dockerfile":
                rel = "files/%s/svc%02d/Dockerfile" % (group, n)
            elif fmt == "env":
                rel = "files/%s/svc%02d/.env" % (group, n)
            else:
                rel = "files/%s/%s%02d%s" % (group, R.choice(["config", "settings", "deploy", "client", "app"]), n, base)
            header = {"json": ["{"], "xml": ["<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<configuration>"],
                      "java": ["package com.acme.config;", "", "public final class Settings {"],
                      "cs": ["namespace Acme.Config", "{", "  public static class Settings", "  {"],
                      "php": ["<?php", ""], "md": ["# Service notes", ""],
                      "sh": ["#!/usr/bin/env bash", "set -euo pipefail"]}.get(fmt, [])
            self.new_file(rel, header)
            self.fmt[rel] = fmt
            self.counter[rel] = 0
            self.open[key] = rel
        self.counter[rel] += 1
        return rel

    def finish(self):
        """Closes the formats that need it (a JSON object, an XML root, a class)."""
        footer = {"json": ['  "version": 1', "}"], "xml": ["</configuration>"], "java": ["}"],
                  "cs": ["  }", "}"]}
        for rel, fmt in self.fmt.items():
            self.files[rel].extend(footer.get(fmt, []))


def token_positives(c, per_variant=3):
    for family, provider, variant, gen, names in TOKENS:
        fmts = R.sample(FORMATS, per_variant)
        for fmt in fmts:
            value = gen()
            words = R.choice(names)
            rel = c.slot(family, fmt)
            c.filler(rel, fmt)
            c.add(rel, emit(fmt, words, value), {"family": family, "provider": provider, "kind": variant}, value)


def context_positives(c):
    """The provider keyword on a parent line: nested YAML / TOML / INI sections."""
    items = [
        ("saas-observability", "Datadog", "datadog", ["api_key", "apiKey"], lambda: rs(32, HEX)),
        ("saas-observability", "Datadog", "datadog", ["app_key", "application_key"], lambda: rs(40, HEX)),
        ("messaging", "Twilio", "twilio", ["auth_token"], lambda: rs(32, HEX)),
        ("saas-observability", "PagerDuty", "pagerduty", ["integration_key", "routing_key"], lambda: rs(32, HEX)),
        ("ai", "Mistral", "mistral", ["api_key"], lambda: rs(32)),
        ("saas-observability", "Algolia", "algolia", ["admin_key"], lambda: rs(32, HEX)),
        ("cloud", "Cloudflare", "cloudflare", ["api_token"], lambda: rs(40, B64URL)),
        ("saas-observability", "Rollbar", "rollbar", ["access_token"], lambda: rs(32, HEX)),
        ("payments", "Razorpay", "razorpay", ["key_secret"], lambda: rs(24)),
        ("cloud", "AWS", "aws", ["secret_access_key"], lambda: rs(40, B64)),
    ]
    for family, provider, parent, keys, gen in items:
        for style in ("yaml", "toml", "ini"):
            value = gen()
            key = R.choice(keys)
            if style == "yaml":
                rel = c.slot("context", "yaml", 12)
                c.add(rel, "%s:" % parent)
                c.add(rel, "  site: eu1")
                line = "  %s: %s" % (key, value)
            elif style == "toml":
                rel = c.slot("context", "toml", 12)
                c.add(rel, "[%s]" % parent)
                c.add(rel, "enabled = true")
                line = "%s = \"%s\"" % (key, value)
            else:
                rel = c.slot("context", "ini", 12)
                c.add(rel, "[%s]" % parent)
                line = "%s = %s" % (key, value)
            c.add(rel, line, {"family": family, "provider": provider, "kind": "keyword on a parent line", "needs": "context"}, value)
            c.filler(rel, style, 1)


def composite_positives(c):
    """Two parts on different lines: an id that names the provider and a secret with no keyword."""
    for _ in range(3):
        rel = c.new_file("files/composite/twilio_%s.py" % rs(4, LO + DIG), ["from twilio.rest import Client", ""])
        c.add(rel, "ACCOUNT = \"AC%s\"" % rs(32, HEX))
        v = rs(32, HEX)
        c.add(rel, "AUTH = \"%s\"" % v, {"family": "messaging", "provider": "Twilio", "kind": "SID + auth token", "needs": "composite"}, v)
        c.add(rel, "client = Client(ACCOUNT, AUTH)")
    for _ in range(3):
        rel = c.new_file("files/composite/s3_%s.py" % rs(4, LO + DIG), ["import boto3", ""])
        c.add(rel, "s3 = boto3.client(")
        c.add(rel, "    \"s3\",")
        kid = "AKIA" + rs(16, B32)
        c.add(rel, "    \"%s\"," % kid, {"family": "cloud", "provider": "AWS", "kind": "access key id AKIA"}, kid)
        v = rs(40, B64)
        c.add(rel, "    \"%s\"," % v, {"family": "cloud", "provider": "AWS", "kind": "secret key after its key id", "needs": "composite"}, v)
        c.add(rel, ")")
    for _ in range(2):
        rel = c.new_file("files/composite/pusher_%s.js" % rs(4, LO + DIG), ["const Pusher = require('pusher');", "const pusher = new Pusher({"])
        c.add(rel, "  appId: '%s'," % rs(7, DIG))
        c.add(rel, "  key: '%s'," % rs(20, HEX))
        v = rs(20, HEX)
        c.add(rel, "  secret: '%s'," % v, {"family": "messaging", "provider": "Pusher", "kind": "app id + secret", "needs": "composite"}, v)
        c.add(rel, "  cluster: 'eu',")
        c.add(rel, "});")


def conn_positives(c):
    def hostname():
        return R.choice(["db", "pg", "mysql", "mongo", "cache", "mq", "sql"]) + "-" + rs(4, LO + DIG) + "." + R.choice(["corp.internal", "prod.acme.net", "svc.cluster.local"])

    def u():
        return R.choice(["app", "svc_orders", "admin", "deploy", "reporting", "etl"])

    gens = [
        ("PostgreSQL", lambda p: "postgres://%s:%s@%s:5432/orders" % (u(), p, hostname())),
        ("PostgreSQL", lambda p: "postgresql+psycopg2://%s:%s@%s/app?sslmode=require" % (u(), p, hostname())),
        ("MySQL", lambda p: "mysql://%s:%s@%s:3306/shop" % (u(), p, hostname())),
        ("MySQL", lambda p: "mysql+pymysql://%s:%s@%s/shop?charset=utf8mb4" % (u(), p, hostname())),
        ("MongoDB", lambda p: "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/app?retryWrites=true&w=majority" % (u(), p, rs(5, LO + DIG))),
        ("MongoDB", lambda p: "mongodb://%s:%s@%s:27017,%s:27017,%s:27017/app?replicaSet=rs0" % (u(), p, hostname(), hostname(), hostname())),
        ("Redis", lambda p: "redis://default:%s@%s:6379/0" % (p, hostname())),
        ("Redis", lambda p: "rediss://:%s@%s:6380" % (p, hostname())),
        ("RabbitMQ", lambda p: "amqp://%s:%s@%s:5672/vhost" % (u(), p, hostname())),
        ("RabbitMQ", lambda p: "amqps://%s:%s@%s/prod" % (u(), p, hostname())),
        ("SQL Server", lambda p: "mssql+pyodbc://%s:%s@%s/db?driver=ODBC+Driver+18+for+SQL+Server" % (u(), p, hostname())),
        ("SQL Server", lambda p: "Server=tcp:%s,1433;Initial Catalog=app;User ID=%s;Password=%s;Encrypt=True;" % (hostname(), u(), p)),
        ("JDBC", lambda p: "jdbc:postgresql://%s:5432/app?user=%s&password=%s" % (hostname(), u(), p)),
        ("JDBC", lambda p: "jdbc:mysql://%s:3306/app?user=%s&password=%s&useSSL=true" % (hostname(), u(), p)),
        ("JDBC", lambda p: "jdbc:sqlserver://%s:1433;databaseName=app;user=%s;password=%s;" % (hostname(), u(), p)),
        ("Oracle Database", lambda p: "jdbc:oracle:thin:%s/%s@%s:1521:ORCL" % (u(), p, hostname())),
        ("ODBC", lambda p: "Driver={ODBC Driver 18 for SQL Server};Server=%s;Database=app;Uid=%s;Pwd=%s;" % (hostname(), u(), p)),
        ("ODBC", lambda p: "DSN=warehouse;UID=%s;PWD=%s" % (u(), p)),
        ("LDAP", lambda p: "ldapsearch -x -H ldaps://%s -D \"cn=admin,dc=acme,dc=net\" -w '%s' -b \"dc=acme,dc=net\"" % (hostname(), p)),
        ("Generic", lambda p: "https://%s:%s@git.%s/team/repo.git" % (u(), p, R.choice(["acme.net", "corp.internal"]))),
        ("Generic", lambda p: "ftp://%s:%s@files.acme.net/upload" % (u(), p)),
        ("Generic", lambda p: "sftp://%s:%s@transfer.acme.net:22/in" % (u(), p)),
        ("Generic", lambda p: "smtp://%s:%s@smtp.acme.net:587" % (u(), p)),
        ("Generic", lambda p: "socks5://%s:%s@proxy.acme.net:1080" % (u(), p)),
        ("Generic", lambda p: "http://%s:%s@proxy.corp.internal:3128" % (u(), p)),
        ("Generic", lambda p: "rsync://%s:%s@backup.acme.net/module" % (u(), p)),
        ("Generic", lambda p: "wss://%s:%s@stream.acme.net/feed" % (u(), p)),
        ("Generic", lambda p: "Authorization: Basic %s" % b64(("%s:%s" % (u(), p)).encode())),
        ("Generic", lambda p: "curl -u %s:%s https://api.acme.net/v1/items" % (u(), p)),
        ("Generic", lambda p: "curl -H \"Authorization: Bearer %s\" https://api.acme.net/v1/me" % (rs(40, B64URL))),
        ("Elasticsearch", lambda p: "elasticsearch://elastic:%s@%s:9200" % (p, hostname())),
        ("Neo4j", lambda p: "neo4j+s://neo4j:%s@%s.databases.neo4j.io" % (p, rs(8, LO + DIG))),
        ("Snowflake", lambda p: "snowflake://%s:%s@acme-xy12345/analytics" % (u(), p)),
    ]
    fmts = ["py", "js", "yaml", "json", "env", "properties", "sh", "toml", "go", "java", "xml", "md"]
    for provider, gen in gens:
        for _ in range(3):
            p = password()
            probe = gen("PW")
            if "://" in probe or probe.startswith("jdbc:"):
                # In a URL the password is percent-encoded (RFC 3986 user-info), as
                # drivers and URL builders write it: '#', '%', '!' ... never raw.
                p = urllib.parse.quote(p, safe="-_.~")
            value = gen(p)
            fmt = R.choice(fmts)
            rel = c.slot("connection-strings", fmt)
            c.filler(rel, fmt)
            if value.startswith(("curl", "ldapsearch", "Authorization")):
                if fmt in ("yaml", "json", "xml", "properties", "env", "toml"):
                    fmt = "sh"
                    rel = c.slot("connection-strings", fmt)
                line = value if fmt in ("sh", "md") else "# " + value
                if fmt == "py" or fmt == "js" or fmt == "go" or fmt == "java":
                    line = "// " + value if fmt != "py" else "# " + value
            else:
                line = emit(fmt, R.choice([["database", "url"], ["dsn"], ["connection", "string"], ["broker", "url"], ["upstream"]]), value)
            c.add(rel, line, {"family": "connection-strings", "provider": provider, "kind": "credential in URL / connection string"}, p)


GENERIC_NAMES = [["password"], ["db", "password"], ["admin", "password"], ["client", "secret"], ["api", "key"],
                 ["secret", "key"], ["auth", "token"], ["access", "token"], ["private", "key"], ["passwd"],
                 ["smtp", "password"], ["signing", "secret"], ["app", "secret"], ["service", "token"]]


def generic_positives(c):
    syntaxes = [
        ("py", lambda n, v: '%s = "%s"' % (name_style(n, "snake"), v)),
        ("py", lambda n, v: "conn = connect(host=HOST, %s='%s')" % (name_style(n, "snake"), v)),
        ("js", lambda n, v: "const %s = \"%s\";" % (name_style(n, "camel"), v)),
        ("ts", lambda n, v: "  %s: '%s'," % (name_style(n, "camel"), v)),
        ("yaml", lambda n, v: "%s: %s" % (name_style(n, "snake"), v)),
        ("yaml", lambda n, v: "  %s: '%s'" % (name_style(n, "snake"), v)),
        ("json", lambda n, v: "  \"%s\": \"%s\"," % (name_style(n, "camel"), v)),
        ("xml", lambda n, v: "  <%s>%s</%s>" % (name_style(n, "camel"), v, name_style(n, "camel"))),
        ("xml", lambda n, v: "  <datasource name=\"main\" %s=\"%s\" />" % (name_style(n, "camel"), v)),
        ("xml", lambda n, v: "    <add key=\"%s\" value=\"%s\" />" % (name_style(n, "pascal"), v)),
        ("java", lambda n, v: "        dataSource.set%s(\"%s\");" % (name_style(n, "pascal"), v)),
        ("kt", lambda n, v: "    config.set%s(\"%s\")" % (name_style(n, "pascal"), v)),
        ("cs", lambda n, v: "        options.%s = \"%s\";" % (name_style(n, "pascal"), v)),
        ("go", lambda n, v: "\tcfg.%s = \"%s\"" % (name_style(n, "pascal"), v)),
        ("rb", lambda n, v: "  %s: '%s'," % (name_style(n, "snake"), v)),
        ("php", lambda n, v: "    '%s' => '%s'," % (name_style(n, "snake"), v)),
        ("sh", lambda n, v: "export %s=%s" % (name_style(n, "upper"), v)),
        ("sh", lambda n, v: "./deploy --%s=%s --region eu-west-1" % (name_style(n, "kebab"), v)),
        ("sh", lambda n, v: "mytool login --%s %s" % (name_style(n, "kebab"), v)),
        ("dockerfile", lambda n, v: "ENV %s=%s" % (name_style(n, "upper"), v)),
        ("dockerfile", lambda n, v: "ARG %s=%s" % (name_style(n, "upper"), v)),
        ("env", lambda n, v: "%s=%s" % (name_style(n, "upper"), v)),
        ("properties", lambda n, v: "app.%s=%s" % (name_style(n, "dot"), v)),
        ("ini", lambda n, v: "%s = %s" % (name_style(n, "snake"), v)),
        ("toml", lambda n, v: "%s = \"%s\"" % (name_style(n, "snake"), v)),
        ("tf", lambda n, v: "  %s = \"%s\"" % (name_style(n, "snake"), v)),
        ("md", lambda n, v: "    %s=%s" % (name_style(n, "upper"), v)),
    ]
    for fmt, fn in syntaxes:
        for _ in range(3):
            v = password(rn(16, 32))
            n = R.choice(GENERIC_NAMES)
            rel = c.slot("generic", fmt)
            c.filler(rel, fmt)
            c.add(rel, fn(n, v), {"family": "generic", "provider": "Generic", "kind": "assignment (%s)" % fmt}, v)


def entropy_positives(c):
    """High-entropy values in assignments whose names carry no secret keyword."""
    names = [["hmac"], ["signing", "salt"], ["cred"], ["master"], ["encryption", "material"], ["webhook", "sig"],
             ["cookie", "seed"], ["k"], ["shared"], ["jwt", "hs256"]]
    for i in range(12):
        fmt = R.choice(["py", "js", "go", "yaml", "json", "rb", "ts"])
        v = rs(rn(32, 48), B64URL) if i % 2 else rs(rn(40, 64), B64)
        rel = c.slot("entropy", fmt)
        c.filler(rel, fmt)
        c.add(rel, emit(fmt, R.choice(names), v), {"family": "high-entropy", "provider": "Generic", "kind": "keyword-free value"}, v)


def pem_body(prefix, n_lines):
    body = prefix + rs(64 * n_lines - len(prefix), B64)
    return [body[i:i + 64] for i in range(0, len(body), 64)]


def key_positives(c):
    kinds = [
        ("Private key", "RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 25, None),
        ("Private key", "RSA PRIVATE KEY", "", 25, ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC," + rs(32, HEXU), ""]),
        ("Private key", "EC PRIVATE KEY", "MHcCAQEEI", 3, None),
        ("Private key", "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 6, None),
        ("Private key", "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 26, None),
        ("Private key", "ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 26, None),
        ("Private key", "DSA PRIVATE KEY", "MIIBuwIBAAKBgQ", 7, None),
    ]
    n = 0
    for provider, kind, prefix, lines, extra in kinds:
        for _ in range(2):
            n += 1
            name = R.choice(["id_rsa", "server.key", "tls.key", "deploy_key", "signing.pem", "client-key.pem"])
            rel = c.new_file("files/private-keys/k%02d_%s" % (n, name))
            c.add(rel, "-----BEGIN %s-----" % kind, {"family": "private-keys", "provider": provider, "kind": kind})
            for e in extra or []:
                c.add(rel, e)
            body = pem_body(prefix, lines)
            for b in body:
                c.add(rel, b)
            c.values.append("".join(body))
            c.add(rel, "-----END %s-----" % kind)
    # PEM inside code and config
    for fmt in ("py", "yaml", "json", "tf", "go"):
        rel = c.slot("private-keys", fmt)
        body = "\\n".join(pem_body("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ", 4))
        value = "-----BEGIN %s-----\\n%s\\n-----END %s-----\\n" % ("PRIVATE KEY", body, "PRIVATE KEY")
        c.add(rel, emit(fmt, ["tls", "private", "key"], value), {"family": "private-keys", "provider": "Private key", "kind": "PEM in a string"}, body)
    # PGP
    for _ in range(2):
        n += 1
        rel = c.new_file("files/private-keys/k%02d_release-signing.asc" % n)
        c.add(rel, "-----BEGIN %s-----" % "PGP PRIVATE KEY BLOCK", {"family": "private-keys", "provider": "Private key", "kind": "PGP"})
        c.add(rel, "")
        body = pem_body("lQVYBG", 12)
        for b in body:
            c.add(rel, b)
        c.add(rel, "=" + rs(4, B64))
        c.add(rel, "-----END %s-----" % "PGP PRIVATE KEY BLOCK")
        c.values.append("".join(body))
    # PuTTY
    for ver in ("2", "3"):
        n += 1
        rel = c.new_file("files/private-keys/k%02d_admin.ppk" % n)
        c.add(rel, "PuTTY-User-Key-File-%s: ssh-rsa" % ver, {"family": "private-keys", "provider": "Private key", "kind": "PuTTY ppk v" + ver})
        c.add(rel, "Encryption: none")
        c.add(rel, "Comment: rsa-key-2026%s" % rs(4, DIG))
        pub = pem_body("AAAAB3NzaC1yc2EAAAADAQABAAABAQ", 6)
        c.add(rel, "Public-Lines: %d" % len(pub))
        for b in pub:
            c.add(rel, b)
        priv = pem_body("AAABAE", 14)
        c.add(rel, "Private-Lines: %d" % len(priv))
        for b in priv:
            c.add(rel, b)
        c.add(rel, "Private-MAC: " + rs(64, HEX))
        c.values.append("".join(priv))


def credfile_positives(c):
    F = "credential-files"

    def lab(provider, kind, needs=None):
        d = {"family": F, "provider": provider, "kind": kind}
        if needs:
            d["needs"] = needs
        return d

    for i in range(2):
        p1, p2 = password(), password()
        rel = c.new_file("files/credfiles/home%d/.netrc" % i)
        c.add(rel, "machine ftp.acme.net login deploy password %s" % p1, lab("netrc", "one-line entry"), p1)
        c.add(rel, "machine git.corp.internal")
        c.add(rel, "  login ci-bot")
        c.add(rel, "  password %s" % p2, lab("netrc", "multi-line entry"), p2)
        p = password()
        rel = c.new_file("files/credfiles/home%d/.pgpass" % i)
        c.add(rel, "# hostname:port:database:username:password")
        c.add(rel, "db-%s.corp.internal:5432:orders:app:%s" % (rs(3, LO), p), lab("PostgreSQL", "pgpass line"), p)
        p = password()
        rel = c.new_file("files/credfiles/home%d/.my.cnf" % i)
        c.add(rel, "[client]")
        c.add(rel, "user = backup")
        c.add(rel, "password = %s" % p, lab("MySQL", "my.cnf"), p)
        tok = "ghp_" + rs(36)
        p = password()
        rel = c.new_file("files/credfiles/home%d/.git-credentials" % i)
        p = urllib.parse.quote(p, safe="-_.~")   # git stores user-info percent-encoded
        c.add(rel, "https://ci-bot:%s@git.corp.internal" % p, lab("Generic", "git-credentials"), p)
        c.add(rel, "https://oauth2:%s@code.acme.net" % tok, lab("GitHub", "git-credentials token"), tok)
        # kubeconfig
        t = rs(rn(900, 1000) // 10, B64URL) + "." + rs(40, B64URL)
        rel = c.new_file("files/credfiles/home%d/.kube/config" % i)
        for l in ["apiVersion: v1", "kind: Config", "clusters:", "- cluster:", "    server: https://k8s.corp.internal:6443",
                  "  name: prod", "users:", "- name: ci", "  user:"]:
            c.add(rel, l)
        c.add(rel, "    token: %s" % t, lab("Kubernetes", "kubeconfig user token"), t)
        # AWS credentials file
        kid, sk = "AKIA" + rs(16, B32), rs(40, B64)
        rel = c.new_file("files/credfiles/home%d/.aws/credentials" % i)
        c.add(rel, "[default]")
        c.add(rel, "aws_access_key_id = %s" % kid, lab("AWS", "credentials file key id"), kid)
        c.add(rel, "aws_secret_access_key = %s" % sk, lab("AWS", "credentials file secret"), sk)
        # s3cmd
        sk = rs(40, B64)
        rel = c.new_file("files/credfiles/home%d/.s3cfg" % i)
        c.add(rel, "[default]")
        c.add(rel, "access_key = %s" % ("AKIA" + rs(16, B32)), lab("AWS", "s3cfg key id"))
        c.add(rel, "secret_key = %s" % sk, lab("s3cmd", "s3cfg secret"), sk)
        # docker config
        auth = b64(("ci:%s" % password()).encode())
        rel = c.new_file("files/credfiles/home%d/.docker/config.json" % i)
        c.add(rel, "{")
        c.add(rel, "  \"auths\": {")
        c.add(rel, "    \"registry.corp.internal:5000\": {")
        c.add(rel, "      \"auth\": \"%s\"" % auth, lab("Docker", "auths config"), auth)
        c.add(rel, "    }")
        c.add(rel, "  }")
        c.add(rel, "}")
        # npmrc / pypirc / pip.conf
        t = rs(36, B64URL)
        rel = c.new_file("files/credfiles/home%d/.npmrc" % i)
        c.add(rel, "registry=https://npm.corp.internal/")
        c.add(rel, "//npm.corp.internal/:_authToken=%s" % t, lab("npm", ".npmrc _authToken"), t)
        p = pypi()
        rel = c.new_file("files/credfiles/home%d/.pypirc" % i)
        c.add(rel, "[distutils]")
        c.add(rel, "index-servers = internal")
        c.add(rel, "[internal]")
        c.add(rel, "repository = https://pkgs.corp.internal/simple/")
        c.add(rel, "username = uploader")
        p2 = password()
        c.add(rel, "password = %s" % p2, lab("PyPI", ".pypirc password"), p2)
        p = urllib.parse.quote(password(), safe="-_.~")
        rel = c.new_file("files/credfiles/home%d/.config/pip/pip.conf" % i)
        c.add(rel, "[global]")
        c.add(rel, "index-url = https://reader:%s@pkgs.corp.internal/simple" % p, lab("Generic", "pip.conf index-url"), p)
        # FileZilla
        p = password()
        rel = c.new_file("files/credfiles/home%d/.config/filezilla/sitemanager.xml" % i)
        for l in ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<FileZilla3>", "  <Servers>", "    <Server>",
                  "      <Host>ftp.acme.net</Host>", "      <Port>21</Port>", "      <User>deploy</User>"]:
            c.add(rel, l)
        c.add(rel, "      <Pass encoding=\"base64\">%s</Pass>" % b64(p.encode()), lab("FileZilla", "sitemanager.xml"), p)
        for l in ["    </Server>", "  </Servers>", "</FileZilla3>"]:
            c.add(rel, l)
        # WinSCP
        rel = c.new_file("files/credfiles/home%d/WinSCP.ini" % i)
        c.add(rel, "[Sessions\\deploy@sftp.acme.net]")
        c.add(rel, "HostName=sftp.acme.net")
        c.add(rel, "UserName=deploy")
        h = rs(rn(60, 90), HEXU)
        c.add(rel, "Password=%s" % h, lab("WinSCP", "WinSCP.ini"), h)
    # wp-config.php
    for i in range(2):
        rel = c.new_file("files/credfiles/site%d/wp-config.php" % i, ["<?php", "define( 'DB_NAME', 'wordpress' );", "define( 'DB_USER', 'wp' );"])
        p = password()
        c.add(rel, "define( 'DB_PASSWORD', '%s' );" % p, lab("WordPress", "DB_PASSWORD"), p)
        c.add(rel, "define( 'DB_HOST', 'localhost' );")
        for k in ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY"):
            s = rs(64, ALNUM + "!@#%^&*()-_[]{}<>~+=,.;:/?|")
            c.add(rel, "define( '%s', '%s' );" % (k, s), lab("WordPress", "salt"), s)
        # Django
        rel = c.new_file("files/credfiles/site%d/mysite/settings.py" % i, ["from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent"])
        s = "django-insecure-" + rs(50, LO + DIG + "!@#%^&*(-_=+)")
        c.add(rel, "SECRET_KEY = '%s'" % s, lab("Django", "SECRET_KEY"), s)
        c.add(rel, "DEBUG = False")
        # Rails
        rel = c.new_file("files/credfiles/site%d/config/secrets.yml" % i, ["production:"])
        s = rs(128, HEX)
        c.add(rel, "  secret_key_base: %s" % s, lab("Ruby on Rails", "secrets.yml"), s)
        # Laravel
        rel = c.new_file("files/credfiles/site%d/laravel.env" % i, ["APP_NAME=Shop", "APP_ENV=production"])
        s = "base64:" + b64(rbytes(32))
        c.add(rel, "APP_KEY=%s" % s, lab("Laravel", "APP_KEY"), s)
        # Spring
        rel = c.new_file("files/credfiles/site%d/src/main/resources/application.properties" % i, ["spring.datasource.url=jdbc:postgresql://db.corp.internal:5432/app", "spring.datasource.username=app"])
        p = password()
        c.add(rel, "spring.datasource.password=%s" % p, lab("Spring", "datasource password"), p)
        # Maven settings
        rel = c.new_file("files/credfiles/site%d/.m2/settings.xml" % i, ["<settings>", "  <servers>", "    <server>", "      <id>internal</id>", "      <username>deployer</username>"])
        p = password()
        c.add(rel, "      <password>%s</password>" % p, lab("Maven", "settings.xml"), p)
        for l in ["    </server>", "  </servers>", "</settings>"]:
            c.add(rel, l)
        # redis.conf
        rel = c.new_file("files/credfiles/site%d/redis.conf" % i, ["bind 0.0.0.0", "port 6379"])
        p = password()
        c.add(rel, "requirepass %s" % p, lab("Redis", "requirepass"), p)
        # nslcd / sssd
        rel = c.new_file("files/credfiles/site%d/nslcd.conf" % i, ["uri ldaps://ldap.corp.internal", "binddn cn=reader,dc=acme,dc=net"])
        p = password()
        c.add(rel, "bindpw %s" % p, lab("LDAP", "bindpw"), p)


def crypt_hash(kind):
    if kind == "md5":
        return "$1$%s$%s" % (rs(8, CRYPT), rs(22, CRYPT))
    if kind == "sha256":
        return "$5$%s$%s" % (rs(16, CRYPT), rs(43, CRYPT))
    if kind == "sha512":
        return "$6$%s$%s" % (rs(16, CRYPT), rs(86, CRYPT))
    if kind == "sha512r":
        return "$6$rounds=%d$%s$%s" % (rn(5000, 100000), rs(16, CRYPT), rs(86, CRYPT))
    if kind == "yescrypt":
        return "$y$j9T$%s$%s" % (rs(22, CRYPT), rs(43, CRYPT))
    if kind == "bcrypt":
        return "$2%s$%02d$%s" % (R.choice("aby"), rn(10, 13), rs(53, CRYPT))
    if kind == "apr1":
        return "$apr1$%s$%s" % (rs(8, CRYPT), rs(22, CRYPT))
    if kind == "sha1":
        return "{SHA}" + b64(rbytes(20))
    raise ValueError(kind)


def hash_positives(c):
    F = "password-hashes"
    rel = c.new_file("files/hashes/shadow")
    for user in ("root", "deploy", "backup", "alice", "svc_app", "bob"):
        kind = R.choice(["md5", "sha256", "sha512", "sha512r", "yescrypt"])
        h = crypt_hash(kind)
        c.add(rel, "%s:%s:%d:0:99999:7:::" % (user, h, rn(19000, 20500)), {"family": F, "provider": "Unix crypt", "kind": "shadow " + kind}, h)
    c.add(rel, "daemon:*:19000:0:99999:7:::")
    rel = c.new_file("files/hashes/.htpasswd")
    for user in ("admin", "ops", "grafana", "metrics"):
        kind = R.choice(["apr1", "bcrypt", "sha1"])
        h = crypt_hash(kind)
        c.add(rel, "%s:%s" % (user, h), {"family": F, "provider": "Apache httpd", "kind": "htpasswd " + kind}, h)
    for fmt in ("py", "yaml", "json", "sql", "js"):
        for kind in ("bcrypt", "sha512", "md5", "yescrypt", "apr1", "sha256"):
            h = crypt_hash(kind)
            if fmt == "sql":
                rel = c.open.get(("hashes", "sql"))
                if rel is None:
                    rel = c.new_file("files/hashes/seed_users.sql", ["-- seed data"])
                    c.open[("hashes", "sql")] = rel
                    c.counter[rel] = 0
                c.add(rel, "INSERT INTO users (login, pw_hash) VALUES ('%s', '%s');" % (rs(6, LO), h),
                      {"family": F, "provider": "bcrypt" if kind == "bcrypt" else "Unix crypt", "kind": kind}, h)
                continue
            rel = c.slot("hashes", fmt)
            c.add(rel, emit(fmt, R.choice([["password", "hash"], ["pw", "hash"], ["hashed", "password"], ["admin", "hash"]]), h),
                  {"family": F, "provider": {"bcrypt": "bcrypt", "apr1": "Apache httpd"}.get(kind, "Unix crypt"), "kind": kind}, h)


# ---------------------------------------------------------------------------
# Hard negatives: must not be flagged.

def negatives(c):
    def neg(rel, line, kind):
        c.add(rel, line, {"family": "negative", "kind": kind})

    # git SHAs
    rel = c.new_file("negatives/CHANGELOG.md", ["# Changelog", ""])
    for _ in range(15):
        sha = rs(40, HEX)
        neg(rel, "- Fix retry loop ([%s](https://git.acme.net/acme/app/commit/%s))" % (sha[:7], sha), "git sha")
    rel = c.new_file("negatives/.pre-commit-config.yaml", ["repos:"])
    for _ in range(8):
        c.add(rel, "  - repo: https://git.acme.net/tools/hook-%s" % rs(4, LO))
        neg(rel, "    rev: %s" % rs(40, HEX), "git sha")
    rel = c.new_file("negatives/deps/go.mod", ["module git.acme.net/app", "", "go 1.22", "", "require ("])
    for _ in range(8):
        neg(rel, "\tgit.acme.net/lib/%s v0.0.0-2024%s-%s" % (rs(5, LO), rs(10, DIG), rs(12, HEX)), "go pseudo-version")
    c.add(rel, ")")
    # sha256 in lock-like files
    rel = c.new_file("negatives/deps/requirements.txt")
    for _ in range(12):
        neg(rel, "%s==%d.%d.%d --hash=sha256:%s" % (rs(6, LO), rn(0, 9), rn(0, 20), rn(0, 9), rs(64, HEX)), "sha256 pin")
    rel = c.new_file("negatives/deps/uv.lock", ["version = 1", ""])
    for _ in range(10):
        c.add(rel, "[[package]]")
        c.add(rel, "name = \"%s\"" % rs(7, LO))
        neg(rel, "sdist = { url = \"https://pkgs.corp.internal/%s.tar.gz\", hash = \"sha256:%s\", size = %d }" % (rs(6, LO), rs(64, HEX), rn(1000, 900000)), "sha256 in lock file")
    rel = c.new_file("negatives/deps/Cargo.lock.txt", ["version = 3", ""])
    for _ in range(8):
        c.add(rel, "[[package]]")
        neg(rel, "checksum = \"%s\"" % rs(64, HEX), "checksum in lock file")
    rel = c.new_file("negatives/deps/flake.lock", ["{", "  \"nodes\": {"])
    for _ in range(6):
        neg(rel, "      \"narHash\": \"sha256-%s=\"," % rs(43, B64), "nix hash")
        neg(rel, "      \"rev\": \"%s\"," % rs(40, HEX), "git sha")
    c.add(rel, "  }")
    c.add(rel, "}")
    rel = c.new_file("negatives/deploy/images.yaml", ["images:"])
    for _ in range(8):
        neg(rel, "  - image: registry.corp.internal/%s@sha256:%s" % (rs(5, LO), rs(64, HEX)), "image digest")
    rel = c.new_file("negatives/Formula/tool.rb", ["class Tool < Formula"])
    for _ in range(4):
        neg(rel, "  sha256 \"%s\"" % rs(64, HEX), "sha256 in formula")
    c.add(rel, "end")
    # UUIDs in code
    rel = c.new_file("negatives/src/ids.py")
    for n in ("TENANT_ID", "REQUEST_NAMESPACE", "DEFAULT_ORG", "SCHEMA_ID", "CORRELATION_ID", "FEATURE_FLAG_ID"):
        neg(rel, "%s = \"%s\"" % (n, uuid4()), "uuid")
    rel = c.new_file("negatives/src/ids.ts")
    for n in ("tenantId", "workspaceId", "traceId", "channelId", "deviceId"):
        neg(rel, "export const %s = '%s';" % (n, uuid4()), "uuid")
    rel = c.new_file("negatives/src/fixtures.json", ["["])
    for _ in range(8):
        neg(rel, "  {\"id\": \"%s\", \"etag\": \"%s\", \"name\": \"%s\"}," % (uuid4(), rs(32, HEX), rs(8, LO)), "uuid / etag")
    c.add(rel, "  {}")
    c.add(rel, "]")
    # SRI
    rel = c.new_file("negatives/web/index.html", ["<!doctype html>", "<html><head>"])
    for _ in range(6):
        neg(rel, "<script src=\"https://cdn.acme.net/lib-%s.js\" integrity=\"sha384-%s\" crossorigin=\"anonymous\"></script>" % (rs(4, DIG), rs(64, B64)), "SRI integrity")
    neg(rel, "<link rel=\"stylesheet\" href=\"/app.css\" integrity=\"sha512-%s==\">" % rs(86, B64), "SRI integrity")
    c.add(rel, "</head><body></body></html>")
    rel = c.new_file("negatives/web/asset-manifest.json", ["{"])
    for _ in range(6):
        neg(rel, "  \"%s.js\": {\"integrity\": \"sha512-%s==\"}," % (rs(6, LO), rs(86, B64)), "SRI integrity")
    c.add(rel, "  \"v\": 1")
    c.add(rel, "}")
    # minified JS (not named *.min.js)
    rel = c.new_file("negatives/web/app.bundle.js")
    for _ in range(4):
        parts = []
        for _ in range(120):
            parts.append("function %s(%s){return %s.%s(\"%s\")}" % (rs(2, LO), rs(1, LO), rs(1, LO), rs(5, LO), rs(rn(8, 30), ALNUM)))
        neg(rel, ";".join(parts), "minified JS")
    # base64 images
    rel = c.new_file("negatives/web/styles.css")
    for _ in range(5):
        neg(rel, ".icon-%s{background:url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA%s==)}" % (rs(4, LO), rs(rn(200, 400), B64)), "data:image/png")
    rel = c.new_file("negatives/docs/logo.md", ["# Logo", ""])
    for _ in range(3):
        neg(rel, "![logo](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA%s=)" % rs(rn(300, 500), B64), "data:image/png")
    # placeholders
    rel = c.new_file("negatives/config/example.env")
    for line in ["API_KEY=YOUR_API_KEY", "GITHUB_TOKEN=<token>", "DB_PASSWORD=${SECRET}", "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                 "ADMIN_PASSWORD=changeme", "SLACK_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx", "AWS_SECRET_ACCESS_KEY=",
                 "OPENAI_API_KEY=\"<your-openai-key>\"", "SENDGRID_API_KEY=${SENDGRID_API_KEY}", "TOKEN=%TOKEN%"]:
        neg(rel, line, "placeholder")
    rel = c.new_file("negatives/config/settings.yaml")
    for line in ["password: \"{{ vault_db_password }}\"", "api_key: YOUR_API_KEY", "token: <token>", "secret: ${SECRET}", "client_secret: xxxxxxxxxxxxxxxx",
                 "admin_password: changeme", "github_token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "db_password: \"********\"",
                 "smtp_password: \"${SMTP_PASSWORD:-}\"", "api_token: \"REPLACE_ME\""]:
        neg(rel, line, "placeholder")
    rel = c.new_file("negatives/src/placeholders.py")
    for line in ["API_KEY = \"YOUR_API_KEY\"", "password = \"changeme\"", "token = \"<token>\"", "SECRET = \"${SECRET}\"",
                 "DB_URL = \"postgres://user:password@localhost:5432/app\"", "AUTH = \"Bearer <token>\"",
                 "client_secret = \"xxxxxxxxxxxxxxxxxxxxxxxx\"", "STRIPE_KEY = \"sk_live_\" + os.environ[\"STRIPE_SUFFIX\"]"]:
        neg(rel, line, "placeholder")
    # variables read from env
    rel = c.new_file("negatives/src/env_reads.py", ["import os"])
    for line in ["TOKEN = os.environ[\"TOKEN\"]", "password = os.getenv(\"DB_PASSWORD\")", "API_KEY = os.environ.get(\"API_KEY\", \"\")",
                 "secret = settings.SECRET_KEY", "aws_secret_access_key = os.environ[\"AWS_SECRET_ACCESS_KEY\"]"]:
        neg(rel, line, "env read")
    rel = c.new_file("negatives/src/env_reads.js")
    for line in ["const token = process.env.GITHUB_TOKEN;", "const apiKey = process.env['OPENAI_API_KEY'] ?? '';",
                 "const password = config.get('db.password');", "const { STRIPE_SECRET_KEY } = process.env;"]:
        neg(rel, line, "env read")
    rel = c.new_file("negatives/src/EnvReads.java")
    for line in ["    String password = System.getenv(\"DB_PASSWORD\");", "    String token = props.getProperty(\"api.token\");",
                 "    dataSource.setPassword(System.getenv(\"DB_PASSWORD\"));"]:
        neg(rel, line, "env read")
    rel = c.new_file("negatives/src/env_reads.go", ["package main"])
    for line in ["\ttoken := os.Getenv(\"SLACK_BOT_TOKEN\")", "\tsecret := viper.GetString(\"client_secret\")"]:
        neg(rel, line, "env read")
    rel = c.new_file("negatives/deploy/workflow.yaml", ["jobs:", "  deploy:", "    steps:", "      - run: ./deploy.sh", "        env:"])
    for line in ["          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
                 "          DB_PASSWORD: ${{ secrets.DB_PASSWORD }}"]:
        neg(rel, line, "CI secret reference")
    rel = c.new_file("negatives/deploy/run.sh", ["#!/bin/sh"])
    for line in ["curl -u \"$USER:$PASSWORD\" https://api.acme.net/", "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" app",
                 "export TOKEN=\"$(vault kv get -field=token secret/ci)\"", "docker login -u ci --password-stdin < token.txt"]:
        neg(rel, line, "env read")
    # public keys and certificates
    rel = c.new_file("negatives/keys/authorized_keys")
    for _ in range(4):
        neg(rel, "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s %s@laptop" % (rs(340, B64), rs(5, LO)), "ssh public key")
        neg(rel, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s %s@laptop" % (rs(43, B64), rs(5, LO)), "ssh public key")
    for name, kind in (("signing.pub.pem", "PUBLIC KEY"), ("ca.crt", "CERTIFICATE"), ("release.pub.asc", "PGP PUBLIC KEY BLOCK")):
        rel = c.new_file("negatives/keys/" + name)
        neg(rel, "-----BEGIN %s-----" % kind, "public key")
        for b in pem_body("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 6):
            neg(rel, b, "public key body")
        neg(rel, "-----END %s-----" % kind, "public key")
    rel = c.new_file("negatives/src/publishable.js")
    for _ in range(3):
        neg(rel, "const stripe = Stripe('pk_live_51%s');" % rs(97), "Stripe publishable key")
    neg(rel, "const recipient = 'age1%s';" % rs(58, "qpzry9x8gf2tvdw0s3jn54khce6mua7l"), "age public key")
    # documentation / example values
    rel = c.new_file("negatives/docs/api.md", ["# API", ""])
    for line in ["Pass your key as `Authorization: Bearer <API_KEY>`.", "Example: `export API_TOKEN=example-token-value`",
                 "    password: example_password_123", "The token looks like `ghp_` followed by 36 characters.",
                 "Set `SECRET_KEY` to a random string (see `openssl rand -hex 32`).",
                 "Use `postgres://USER:PASSWORD@HOST:5432/DB` as the connection string."]:
        neg(rel, line, "documentation")
    # high-entropy but not secret
    rel = c.new_file("negatives/src/constants.go", ["package constants"])
    for _ in range(4):
        neg(rel, "const Checksum%s = \"%s\"" % (rs(3, UP), rs(64, HEX)), "checksum constant")
    for _ in range(4):
        neg(rel, "var ColorPalette%s = []string{\"#%s\", \"#%s\", \"#%s\"}" % (rs(2, UP), rs(6, HEX), rs(6, HEX), rs(6, HEX)), "colours")
    rel = c.new_file("negatives/src/i18n.json", ["{"])
    for _ in range(6):
        neg(rel, "  \"msg_%s\": \"%s\"," % (rs(12, HEX), R.choice(["Sign in", "Password reset sent", "Token expired", "Invalid secret"])), "i18n key")
    c.add(rel, "  \"v\": 1")
    c.add(rel, "}")
    rel = c.new_file("negatives/src/test_hashing.py")
    for _ in range(4):
        neg(rel, "    assert sha256(b\"%s\").hexdigest() == \"%s\"" % (rs(6, LO), rs(64, HEX)), "test digest")


def example_fragments():
    """Every token-like run of 12+ characters in the rule pack's examples."""
    frags = set()
    for path in glob.glob(os.path.join(ROOT, "policies", "secrets", "*.yaml")):
        text = open(path, encoding="utf-8").read()
        in_examples = False
        for line in text.splitlines():
            s = line.strip()
            if s.startswith("examples:"):
                in_examples = True
                continue
            if in_examples and re.match(r"^\s*-\s+id:", line):
                in_examples = False
            if in_examples and s.startswith("- "):
                # Split where a value ends (quotes, '=', ':', ';', '&', '@', space...);
                # a run counts when it looks like a value: 12+ characters holding
                # a letter and a digit (names such as SharedAccessKeyName do not).
                for m in re.finditer(r"[A-Za-z0-9_+/.~$-]{12,}", s[2:]):
                    f = m.group(0)
                    if re.search(r"[A-Za-z]", f) and re.search(r"[0-9]", f):
                        frags.add(f)
    return frags


def check_against_examples(values, frags):
    bad = 0
    long_frags = [f for f in frags if len(f) >= 12]
    for v in values:
        for f in long_frags:
            if v == f or f in v:
                bad += 1
                # never print the value; the fragment's length and rule file are enough to find it
                sys.stderr.write("gen_corpus: a generated value contains a rule example fragment (%d chars)\n" % len(f))
                break
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default=os.path.join(ROOT, "tests", "corpus", "secrets"))
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    R.seed(args.seed)
    c = Corpus(args.out)
    token_positives(c)
    context_positives(c)
    composite_positives(c)
    conn_positives(c)
    generic_positives(c)
    entropy_positives(c)
    key_positives(c)
    credfile_positives(c)
    hash_positives(c)
    negatives(c)
    c.finish()

    bad = check_against_examples(c.values, example_fragments())
    if bad:
        sys.stderr.write("gen_corpus: %d values collide with rule examples; change the seed or the generator\n" % bad)
        return 2

    if os.path.isdir(args.out):
        for sub in ("files", "negatives"):
            shutil.rmtree(os.path.join(args.out, sub), ignore_errors=True)
    for rel, lines in c.files.items():
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
    labels = sorted(c.labels, key=lambda d: (d["file"], d["line"]))
    with open(os.path.join(args.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "bench/secrets/gen_corpus.py", "seed": args.seed, "labels": labels}, f, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(args.out, "policy.yaml"), "w", encoding="utf-8") as f:
        f.write("# Policy of the corpus bench (bench/secrets/quality.sh): every finding counts,\n"
                "# and nothing here is allowlisted by path. Generated by gen_corpus.py.\n"
                "version: 1\nsecrets:\n  fail_on: low\n")
    pos = sum(1 for l in labels if l["family"] != "negative")
    sys.stderr.write("gen_corpus: %d files, %d positives, %d negatives\n" % (len(c.files), pos, len(labels) - pos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
