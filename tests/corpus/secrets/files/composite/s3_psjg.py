import boto3

s3 = boto3.client(
    "s3",
    "AKIAGPFS5YBKV4RTAUWM",
    "6PdZE32hf8GkX9mQqDOJMJw8F2A5g8OpQB01GEbx",
)
