namespace Acme.Config
{
  public static class Settings
  {
    public const string DatadogApiKey = "a9c426d1395d2cf2f44d5f0aa611735b";
using System;
    public const string NewRelicLicenseKey = "32f03c9f090a22a73fd77f4b4196b85f3d57NRAL";
    // client settings
    public const int Retries = 3;
    public const string SentryAuthToken = "sntrys_eyJpYXQiOiAxNjU4NjQyMjQ3LCAidXJsIjogImh0dHBzOi8vc2VudHJ5LmNvcnAuaW50ZXJuYWwiLCAicmVnaW9uX3VybCI6ICJodHRwczovL3NlbnRyeS5jb3JwLmludGVybmFsIiwgIm9yZyI6ICJhY21lLW5qb256In0_ItdI6lxasHgXtpCH-4otcigiyDWSkG3vlDCXXha_udc";
    public const int Retries = 3;
    public const int Retries = 3;
    public const string LinearApiKey = "lin_api_K5o4uOEqyo5hHGCzsNzpXSy16WJG0OzEUSSQssUy";
namespace Acme.Config
namespace Acme.Config
    public const int Retries = 3;
    public const string NotionToken = "secret_fVjFkaTaTrLFgSXNxI6m313SJzBbCRdicIO2recHBop";
    // client settings
    public const int Retries = 3;
    public const int Retries = 3;
    public const string NotionApiKey = "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";
    public const int Retries = 3;
namespace Acme.Config
    // client settings
    public const string MapboxToken = "sk.eyJ1IjogImFjbWVmcHNvIiwgImEiOiAiNWdzaGVkdGhwc2g1MWphd2t5azJyaHNtaCJ9.TVEDwRwNtXZda17IZbgKig";
  }
}
