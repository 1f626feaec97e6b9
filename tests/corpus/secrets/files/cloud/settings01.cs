namespace Acme.Config
{
  public static class Settings
  {
    // client settings
namespace Acme.Config
    public const string AwsAccessKeyId = "AKIACKPBDJXPHV5WRZQW";
    public const string GoogleAccessToken = "ya29.imk8w-NGdF3mzaoeD_KGLntgX6LIVXtx5lp0Qp5crk-zoGptYCUCOy_0TO1uwsUjBoyR6iH9b9R7Jp97prSHlcxFnw_uGEJqrSBV8ZqsqrBjUGpimJ1Mv3mgBypVeqnY4EnLsYxKLWr01hTaJXcZYQ4F3KOpmkVKqti2VxWVEna6mmzqcdtlAfPTQW9";
    public const string AlibabaAccessKeyId = "LTAIGxb5tJ594oSJ8LLsNL9l";
using System;
    // client settings
    public const string AliyunSecret = "3WDjS7okXb7H8JjaE3IwDLSHE09pZT";
using System;
    public const string VaultToken = "hvs.FSOW35u0oZz3GXH6Ao-4Z7pD-LXs9qMMPu7jYkCFGRkVgNr70GF_aHjUlrHwVuMH3KEqIJ2vJ0Vhphp0Rgy2A_UhkOMVO";
using System;
    public const string VaultToken = "hvb.RbMLBQ-Z1rsfRny_VluMbsdQNdvx3dEJn6wwTbSQaJ8XcBVIgCROYFVi7HF5FvhSUc4OFbbfBdEoixdxDyP9yBkiRjBjRH8tlEx71T7QkFEh2J7hbB9J8C4u1fGfdI7s5blPjLvmynxXKMjJPrUzw2";
    public const int Retries = 3;
    public const string AtlasToken = "jtCb8byChcAE9u.atlasv1.KkcQVpa8Hx3marGp7H2Jc0XkLD9ZcGeMMtVUtCNcblu7Ztn8bm5oHvcCjHhf76ND3FD";
    public const string PulumiAccessToken = "pul-0cfde38f7d106e953a9349bb809c80352dfb0a34";
  }
}
