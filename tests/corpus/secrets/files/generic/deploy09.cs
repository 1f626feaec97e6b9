namespace Acme.Config
{
  public static class Settings
  {
using System;
        options.ServiceToken = "x-Ft^d!5r_n+vs-DqZu7h+M+gbg";
namespace Acme.Config
        options.SmtpPassword = "I!5Q3lyWZDVFz+J2";
    public const int Retries = 3;
namespace Acme.Config
    public const int Retries = 3;
        options.SigningSecret = "5qkq%mgf4HIq1KY8";
  }
}
