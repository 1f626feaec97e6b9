import boto3

s3 = boto3.client(
    "s3",
    "AKIAKLN7Q2DFUBJ4TKWK",
    "0VuqzW2KW64uWfEhtkLMtLcha0I0UU92vLXUENQ+",
)
