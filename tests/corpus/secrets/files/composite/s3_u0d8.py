import boto3

s3 = boto3.client(
    "s3",
    "AKIACNUO4D5G6I5WJHU5",
    "02DnfzkVJ1+seB3DlETCX0HesLldYRhV1SMSJhyw",
)
